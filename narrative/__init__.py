"""narrative: audit the prose of Chinese government budget reports against their own tables.

The package is a pipeline of small stages with plain dataclasses between them:
ingest (text/pdf) -> source lines -> document model -> table recognition ->
checks -> findings -> reporters.  Nothing in ``narrative`` imports Textual; the
TUI lives in ``narrative.tui`` and only renders what the core returns.
"""

__version__ = "0.1.0"
