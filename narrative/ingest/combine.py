"""One report in several files: the prose (说明) in one, the tables in another.

Some offices publish a report as two PDFs, and editors keep the prose in Word and the
tables in Excel.  Checked one at a time, the prose has nothing to be checked against
and the tables have no prose; read as one document, every claim finds its table.

``combine`` concatenates the files' lines in the order given (prose first, then
tables, is the natural order and what ``narrative check PROSE TABLES --as-one``
passes).  Every line keeps its own location (its line, page, sheet) and gains the
file it came from (``SourceLine.file``), so that a finding can say which file to open.
Lines are not renumbered: "tables.xlsx, sheet 公开05表, row 12" is where an editor looks.

Between two files comes a blank line; when one file ends with a table row and the
next begins with one, a line holding the next file's name is put between them, or the
structure builder would read the two tables as one (a blank line inside a table is a
page break to it).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from ..errors import InputError
from ..source import SourceDocument, SourceLine


def combine(sources: Sequence[SourceDocument], *, path: str | None = None) -> SourceDocument:
    """One ``SourceDocument`` of several, in the order given; ``path`` names the whole
    (default: the first file's path)."""
    if not sources:
        raise InputError("nothing to combine")
    lines: list[SourceLine] = []
    notes: list[str] = []
    for src in sources:
        own = [ln if ln.file is not None else replace(ln, file=src.path) for ln in src.lines]
        first = next((ln for ln in own if not ln.blank), None)
        last = next((ln for ln in reversed(lines) if not ln.blank), None)
        if lines and first is not None:
            sep = SourceLine(number=first.number, text="", page=first.page, file=first.file, sheet=first.sheet)
            lines.append(sep)
            if last is not None and last.is_table_row and first.is_table_row:
                lines.append(replace(sep, text=os.path.basename(src.path)))
        lines.extend(own)
        notes.extend(f"{os.path.basename(src.path)}: {n}" for n in src.notes)
    formats = "+".join(src.format for src in sources)
    encodings = {src.encoding for src in sources}
    return SourceDocument(
        path=path or sources[0].path,
        lines=lines,
        format=formats,
        encoding=encodings.pop() if len(encodings) == 1 else None,
        pages=None,  # pages are per file: a line's page is read with its file
        notes=tuple(notes),
    )


def read_combined(paths: Sequence[str]) -> SourceDocument:
    """Read each file with the reader its content needs and combine them."""
    from . import read_source

    return combine([read_source(p) for p in paths])
