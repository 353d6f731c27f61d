"""Reporters: one module per output format, each taking one result at a time.

A reporter is told ``start()``, then ``result(r)`` for every file as it is checked, then
``end()``; it writes as it goes, so output streams and memory stays flat over thousands of
files.  ``render(results, fmt)`` is the same thing for a list already in hand.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TextIO

from ..api import Analysis, FileResult
from .common import Reporter

FORMATS = ("text", "json", "markdown")


def reporter(fmt: str, out: TextIO, *, config: str | None = None) -> Reporter:
    """The reporter for ``fmt``; ``config`` names the settings file that applied (JSON says it)."""
    if fmt == "json":
        from .json_report import JsonReporter

        return JsonReporter(out, config=config)
    if fmt == "markdown":
        from .markdown_report import MarkdownReporter

        return MarkdownReporter(out)
    from .text_report import TextReporter

    return TextReporter(out)


def render(results: Iterable[FileResult | Analysis], fmt: str) -> str:
    buf = io.StringIO()
    rep = reporter(fmt, buf)
    rep.start()
    for r in results:
        rep.result(r.result() if isinstance(r, Analysis) else r)
    rep.end()
    return buf.getvalue()
