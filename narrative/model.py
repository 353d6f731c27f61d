"""The document model: plain dataclasses, every element tied to its source lines.

A ``Document`` is what the checks see.  It holds the prose as ``Block``s
(headings, paragraphs, notes) whose characters each map back to a source line,
and the tables as ``Table``s made of ``Row``s and ``Cell``s.  Table recognition
adds a ``kind`` and ``facts`` (named cells) to each table; nothing here knows
how a check works.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .rounding import Figure, Interval
from .source import SourceLine

T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    """Where something is in its source.

    ``line`` is 1-based: the line of the input text, or for a PDF the line within
    ``page``.  Columns are 1-based Unicode code points of the source line, as SARIF's
    ``unicodeCodePoints``; ``end_column`` is exclusive (the column just after the last
    character), so ``column == end_column`` never happens for a real span.  A front end
    converts code points to terminal cells itself (CJK characters take two).
    """

    line: int | None
    page: int | None = None
    end_line: int | None = None
    end_page: int | None = None
    column: int | None = None
    end_column: int | None = None


# The name the checks were written with; a finding's location is a ``Span``.
Loc = Span


@dataclass
class Cell:
    """One table cell as written.

    ``figure`` is set for numbers; ``empty`` cells mean "no data" (not zero);
    ``na`` marks "---" / "—" (not applicable).  ``unit`` is the amount unit
    the cell is written in ("万元", "元", "%", or None for counts and text).
    """

    text: str
    col: int
    line: SourceLine
    figure: Figure | None = None
    unit: str | None = None

    @property
    def norm(self) -> str:
        return self.text.strip()

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def na(self) -> bool:
        return self.norm in {"---", "--", "—", "——", "-", "/", "－", "－－－"}

    @property
    def interval(self) -> Interval:
        """The interval this cell stands for; an empty cell is exactly 0."""
        if self.figure is None:
            return Interval.point(0)
        return self.figure.interval

    @property
    def loc(self) -> Span:
        """The cell's place in its source line (the TAB-separated row), columns included."""
        parts = self.line.text.split("\t")
        if self.col >= len(parts):
            return Span(self.line.number, self.line.page, self.line.number, self.line.page)
        start = sum(len(p) + 1 for p in parts[: self.col])
        raw = parts[self.col]
        lead = len(raw) - len(raw.lstrip())
        body = len(raw.strip())
        return Span(self.line.number, self.line.page, self.line.number, self.line.page,
                    start + lead + 1, start + lead + max(body, 1) + 1)


@dataclass
class Row:
    line: SourceLine
    cells: list[Cell]
    header: bool = False

    @property
    def texts(self) -> list[str]:
        return [c.norm for c in self.cells]


@dataclass(frozen=True)
class FactKey:
    table: str  # "T01" … "T10", "SE"
    row: str
    col: str

    def __str__(self) -> str:
        return f"{self.table}[{self.row}].{self.col}"


@dataclass
class Fact:
    """A named table cell: the unit of binding for checks and claims."""

    key: FactKey
    cell: Cell
    label: str  # the row label as written (for messages)

    @property
    def interval(self) -> Interval:
        return self.cell.interval


@dataclass
class Table:
    """A table as found in the report, before and after recognition."""

    rows: list[Row]
    title: str | None = None
    title_line: SourceLine | None = None
    label: str | None = None  # "公开01表" as written, normalised
    unit: str | None = None
    preamble: list[SourceLine] = field(default_factory=list)
    notes: list[SourceLine] = field(default_factory=list)
    kind: str | None = None  # "T01" … "T10", "SE", "TOC", None when unknown
    facts: dict[FactKey, Fact] = field(default_factory=dict)
    # Kind-specific structure (e.g. the self-evaluation's indicators).
    extra: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[Cell, str]] = field(default_factory=list)

    @property
    def first_line(self) -> SourceLine:
        if self.title_line is not None:
            return self.title_line
        return self.preamble[0] if self.preamble else self.rows[0].line

    @property
    def body(self) -> list[Row]:
        return [r for r in self.rows if not r.header]

    def fact(self, row: str, col: str) -> Fact | None:
        return self.facts.get(FactKey(self.kind or "?", row, col))

    def add_fact(self, row: str, col: str, cell: Cell, label: str) -> None:
        key = FactKey(self.kind or "?", row, col)
        self.facts.setdefault(key, Fact(key, cell, label))

    @property
    def has_data(self) -> bool:
        """True when any fact holds a non-zero number."""
        return any(f.cell.figure is not None and f.cell.figure.value != 0 for f in self.facts.values())


@dataclass
class Sentence:
    start: int  # offsets into the block's text
    end: int


@dataclass
class Block:
    """A run of prose: a heading, a paragraph or a note.

    ``text`` joins the source lines of the block (broken lines glued back
    together); ``norm`` is its folded copy of the same length; ``_starts`` and
    ``_lines`` map every character offset back to the source line it came from.
    """

    kind: str  # "heading" | "paragraph" | "note" | "toc"
    text: str
    norm: str
    lines: list[SourceLine]
    starts: list[int]  # offset in ``text`` where each of ``lines`` begins
    cols: list[int]  # column in the source line of that first character
    section: tuple[str, ...] = ()
    sentences: list[Sentence] = field(default_factory=list)

    def line_at(self, offset: int) -> SourceLine:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[max(i, 0)]

    def column_at(self, offset: int) -> int:
        """The 1-based column (code points) in its source line of the character at ``offset``."""
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.cols[i] + (offset - self.starts[i]) + 1

    def loc(self, start: int, end: int | None = None) -> Span:
        last_char = max(start, (end if end is not None else start + 1) - 1)
        first = self.line_at(start)
        last = self.line_at(last_char)
        return Span(first.number, first.page, last.number, last.page,
                    self.column_at(start), self.column_at(last_char) + 1)

    @property
    def first_line(self) -> SourceLine:
        return self.lines[0]


@dataclass
class Section:
    title: str
    level: int
    line: SourceLine


@dataclass
class TocEntry:
    text: str
    line: SourceLine
    level: int


@dataclass
class Document:
    path: str
    format: str
    lines: list[SourceLine]
    blocks: list[Block]
    tables: list[Table]
    sections: list[Section]
    toc: list[TocEntry]
    title: str | None = None
    department: str | None = None
    year: int | None = None
    report_kind: str | None = None  # "决算" | "预算"
    unit: str | None = None
    pages: int | None = None
    # Analyses derived from the document that several rules share, computed once and
    # keyed by the function that computes them (see ``derive``).
    _derived: dict[Callable[[Document], Any], Any] = field(default_factory=dict, repr=False, compare=False)

    def derive(self, fn: Callable[[Document], T]) -> T:
        """``fn(self)``, computed once per document: a shared analysis (the years the text
        mentions, the reasons it gives) used by several rules and by the prior report."""
        if fn not in self._derived:
            self._derived[fn] = fn(self)
        return self._derived[fn]  # type: ignore[no-any-return]

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        found = self.tables_of(kind)
        return found[0] if found else None

    def fact(self, table: str, row: str, col: str) -> Fact | None:
        t = self.table(table)
        return t.fact(row, col) if t else None
