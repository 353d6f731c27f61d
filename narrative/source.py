"""Source lines: the one interface every ingest (text or PDF) produces.

Everything downstream (structure, tables, claims) reads ``SourceLine`` objects,
never files.  A table row is a line whose cells are separated by TAB characters,
whether the TAB came from the text file itself or was inserted by the PDF
ingest when it rebuilt the row from character positions.

``norm`` is a normalised copy of ``text`` with exactly the same length: each
character is folded one-for-one (full-width digits and punctuation to ASCII),
so an offset into ``norm`` is the same offset into ``text``.  Analysis runs on
``norm``; excerpts are always cut from ``text``.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

from .normalize import fold


@dataclass(frozen=True)
class SourceLine:
    """One physical line of the input.

    ``number`` is 1-based: the line of the input text, or, for PDF input, the
    line within its page (``page`` is then the 1-based page number).
    ``wraps`` tells whether the line runs to the right margin (PDF only; the
    text ingest leaves it ``None`` and the structure builder guesses).
    """

    number: int
    text: str
    page: int | None = None
    wraps: bool | None = None
    norm: str = field(default="", compare=False)
    file: str | None = None  # the file the line came from, when a report is read from several (ingest.combine)
    sheet: str | None = None  # the worksheet of an Excel line (``page`` is then the 1-based sheet index)

    def __post_init__(self) -> None:
        if not self.norm:
            object.__setattr__(self, "norm", fold(self.text))

    @classmethod
    def of_text(cls, number: int, text: str) -> SourceLine:
        """``SourceLine(number, text)``, the same instance made without the frozen
        ``__init__``, which sets each of the seven fields through ``object.__setattr__``:
        the text reader makes a line per line of the file, and this is a third of the cost."""
        line = object.__new__(cls)
        line.__dict__.update(_DEFAULTS, number=number, text=text, norm=fold(text))
        return line

    @property
    def is_table_row(self) -> bool:
        return "\t" in self.text

    @property
    def cells(self) -> list[str]:
        """Cells of a table row, in the original text (not stripped of inner spaces)."""
        return self.text.split("\t")

    @property
    def blank(self) -> bool:
        return not self.text.strip()


# Every field but ``number`` and ``text`` at its default, for ``SourceLine.of_text``.
_DEFAULTS = {f.name: f.default for f in fields(SourceLine) if f.name not in ("number", "text")}
assert MISSING not in _DEFAULTS.values(), "SourceLine.of_text needs a plain default for every other field"


@dataclass(frozen=True)
class SourceDocument:
    """What an ingest hands to the structure builder.

    ``notes`` are what the reader noticed without refusing the file, one line each
    for the user ("3 undecodable bytes replaced by U+FFFD at line 412, column 17 …",
    "2 glyphs without a Unicode mapping …"): the findings of such a file rest on a
    text that is not quite the file's, and its reader should know where.
    """

    path: str
    lines: list[SourceLine]
    format: str  # "text", "pdf", "html", "docx", "xlsx", or "a+b" for a combined report
    encoding: str | None = None
    pages: int | None = None
    notes: tuple[str, ...] = ()
