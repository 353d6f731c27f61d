"""Reporters: one module per output format, each taking one result at a time.

A reporter is told ``start()``, then ``result(r)`` for every file as it is checked, then
``end()``; it writes as it goes, so output streams and memory stays flat over thousands of
files.  ``render(results, fmt)`` is the same thing for a list already in hand.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from ..api import Analysis, FileResult
from .common import Reporter

FORMATS = ("text", "json", "markdown", "jsonl", "csv", "xlsx", "sarif")
BINARY_FORMATS = ("xlsx",)  # written to a binary file (``--output`` required)


def reporter(fmt: str, out: Any, *, config: str | None = None, per_report: bool = False) -> Reporter:
    """The reporter for ``fmt``; ``config`` names the settings file that applied (JSON says it);
    ``per_report``: CSV rows per report rather than per finding.  ``out`` is a text stream, or
    for the formats in ``BINARY_FORMATS`` a binary one."""
    if fmt == "jsonl":
        from .jsonl_report import JsonlReporter

        return JsonlReporter(out)
    if fmt == "csv":
        from .csv_report import CsvReporter

        return CsvReporter(out, per_report=per_report)
    if fmt == "xlsx":
        from .xlsx_report import XlsxReporter

        return XlsxReporter(out)
    if fmt == "sarif":
        from .sarif_report import SarifReporter

        return SarifReporter(out)
    if fmt == "json":
        from .json_report import JsonReporter

        return JsonReporter(out, config=config)
    if fmt == "markdown":
        from .markdown_report import MarkdownReporter

        return MarkdownReporter(out)
    from .text_report import TextReporter

    return TextReporter(out)


def render(results: Iterable[FileResult | Analysis], fmt: str) -> str:
    """The whole output of a text format for results already in hand."""
    buf = io.StringIO()
    rep = reporter(fmt, buf)
    rep.start()
    for r in results:
        rep.result(r.result() if isinstance(r, Analysis) else r)
    rep.end()
    return buf.getvalue()
