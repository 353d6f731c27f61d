"""The Textual TUI (installed as ``narrative.tui``); it renders what the core returns."""
