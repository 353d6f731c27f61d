"""Ingest: turn a file into ``SourceLine``s.

Every input is opened once and read within a limit (``bounded``): 32 MiB for
text, the PDF reader's own limit for a PDF.  A file that starts like a PDF is
read as one whatever its name; a file named .pdf that does not is refused by the
PDF reader ("not a PDF file") rather than read as text, which is what its owner
expects to hear.  A PDF that does not come from a regular file (standard input,
a pipe) is written to a private temporary file for the PDF worker, which needs a
path, and that file is removed afterwards.

What the readers noticed but did not refuse (bytes that could not be decoded,
glyphs without a Unicode mapping) comes back in ``SourceDocument.notes``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile

from ..errors import InputError
from ..source import SourceDocument
from .bounded import open_input

DEFAULT_TIMEOUT = 60.0  # seconds for one PDF; the CLI's --timeout


def looks_like_pdf(head: bytes, path: str) -> bool:
    return head[:1024].lstrip().startswith(b"%PDF") or path.lower().endswith(".pdf")


def read_source(path: str, *, timeout: float = DEFAULT_TIMEOUT) -> SourceDocument:
    """Read ``path`` (``-`` for standard input) as a report; InputError when it cannot be.

    ``timeout`` bounds the time spent parsing a PDF (text is read in one pass)."""
    path = os.fspath(path)
    with open_input(path) as src:
        head = src.head()
        if looks_like_pdf(head, path):
            from .pdf import MAX_BYTES, read_pdf  # imported only when a PDF is given

            if src.reopenable:
                return read_pdf(path, timeout=timeout)  # the worker reads it by name
            data = src.read_all(MAX_BYTES)
            src.close()
            return _pdf_from_bytes(path, data, timeout=timeout)
        if src.reopenable:  # web pages, Word and Excel files, by content (their readers open them by name)
            from .formats import read_other

            other = read_other(path, head)
            if other is not None:
                return other
        from .text import MAX_TEXT_BYTES, text_document

        data = src.read_all(MAX_TEXT_BYTES)
    return text_document(path, data)


def _pdf_from_bytes(path: str, data: bytes, *, timeout: float) -> SourceDocument:
    from .pdf import read_pdf

    if not data:
        raise InputError("empty file")
    fd, tmp = tempfile.mkstemp(prefix="narrative-", suffix=".pdf")
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except OSError as err:
            raise InputError(f"cannot store the PDF read from {path} for reading: {err.strerror or err}") from None
        doc = read_pdf(tmp, timeout=timeout)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return dataclasses.replace(doc, path=path)
