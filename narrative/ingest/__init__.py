"""Ingest: turn a file into ``SourceLine``s, choosing the reader by content, not by name."""

from __future__ import annotations

from ..errors import InputError
from ..source import SourceDocument


def read_source(path: str) -> SourceDocument:
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except IsADirectoryError:
        raise InputError("is a directory, not a report") from None
    except OSError as err:
        raise InputError(f"cannot open: {err.strerror or err}") from None
    if head.lstrip().startswith(b"%PDF"):
        from .pdf import read_pdf  # imported only when a PDF is given

        return read_pdf(path)
    from .text import read_text

    return read_text(path)
