"""Read a PDF report into ``SourceLine``s, rebuilding its tables as TAB-separated rows.

pdfminer.six is used directly, not pdfplumber: we need only glyph boxes and ruling
lines, which pdfminer's ``PDFPageAggregator`` gives without its layout analysis
(``laparams=None``), and our own grid builder (``pdf_layout``) handles what the
budget tables need (merged header cells, labels wrapped inside a cell, rows cut by
a page break, tables without rulings).  pdfplumber would add a second object model
and roughly double the time per page for a table finder we would still have to
post-process.

Parsing runs in a worker process (``pdf_worker``): pdfminer has no time limit, so the
caller waits at most ``timeout`` seconds and kills the worker, and the worker ends
itself when the caller ends or its own time is up.  The worker also caps
what a small file can make it do: the size of any inflated stream (decompression
bombs), its address space (a MemoryError rather than the OOM killer), and the number
of glyphs and drawing objects per page.

Every failure is an ``InputError`` with a one-line message; nothing else escapes.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..source import SourceDocument, SourceLine
from .pdf_parse import MAX_BYTES
from .pdf_worker import run_worker

__all__ = ["read_pdf", "read_pdf_with_notes", "MAX_BYTES"]


# ---------------------------------------------------------------------------
# Public API


def read_pdf(path: str, *, timeout: float = 60.0, max_pages: int = 500) -> SourceDocument:
    """Read ``path`` as a PDF report; raise ``InputError`` when it cannot be read.

    What could not be read well is in ``notes`` of the document."""
    doc, _notes = read_pdf_with_notes(path, timeout=timeout, max_pages=max_pages)
    return doc


def read_pdf_with_notes(
    path: str, *, timeout: float = 60.0, max_pages: int = 500
) -> tuple[SourceDocument, list[str]]:
    """Like :func:`read_pdf`, also returning notes about what could not be read well
    (glyphs without a Unicode mapping, pages without a text layer …)."""
    path = os.fspath(path)
    _precheck(path)
    result = run_worker(path, timeout=timeout, max_pages=max_pages)
    lines: list[SourceLine] = []
    counters: dict[int, int] = {}
    for page, text, wraps in result["lines"]:
        n = counters.get(page, 0) + 1
        counters[page] = n
        lines.append(SourceLine(number=n, text=text, page=page, wraps=wraps))
    notes = list(result["notes"])
    doc = SourceDocument(path=path, lines=lines, format="pdf", encoding=None, pages=result["pages"], notes=tuple(notes))
    return doc, notes


# ---------------------------------------------------------------------------
# Checks that need no parser


def _precheck(path: str) -> None:
    try:
        if os.path.isdir(path):
            raise InputError("is a directory, not a report")
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - 2048))
            tail = fh.read()
    except InputError:
        raise
    except OSError as err:
        raise InputError(f"cannot open: {err.strerror or err}") from None
    if size == 0:
        raise InputError("empty file")
    if size > MAX_BYTES:
        raise InputError(f"file too large ({size / 1048576:.0f} MiB; limit {MAX_BYTES // 1048576} MiB)")
    if b"%PDF-" not in head:
        raise InputError("not a PDF file (no %PDF header)")
    if b"%%EOF" not in tail:
        raise InputError("truncated or corrupt PDF (no %%EOF marker at the end of the file)")


