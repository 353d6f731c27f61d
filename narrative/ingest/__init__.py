"""Ingest: turn a file into ``SourceLine``s.

A file that starts like a PDF is read as one whatever its name; a file named .pdf
that does not is refused by the PDF reader ("not a PDF file") rather than read as
text, which is what its owner expects to hear."""

from __future__ import annotations

from ..errors import InputError
from ..source import SourceDocument


def read_source(path: str, *, timeout: float = 60.0) -> SourceDocument:
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except IsADirectoryError:
        raise InputError("is a directory, not a report") from None
    except OSError as err:
        raise InputError(f"cannot open: {err.strerror or err}") from None
    if head.lstrip().startswith(b"%PDF") or path.lower().endswith(".pdf"):
        from .pdf import read_pdf  # imported only when a PDF is given

        return read_pdf(path, timeout=timeout)
    from .text import read_text

    return read_text(path)
