"""The document model: plain dataclasses, every element tied to its source lines.

A ``Document`` is what the checks see.  It holds the prose as ``Block``s
(headings, paragraphs, notes) whose characters each map back to a source line,
and the tables as ``Table``s made of ``Row``s and ``Cell``s.  Table recognition
adds a ``kind`` and ``facts`` (named cells) to each table; nothing here knows
how a check works.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .rounding import Figure, Interval
from .source import SourceLine

if TYPE_CHECKING:
    from .identity import ReportIdentity
    from .tables.table_set import TableSet


@dataclass(frozen=True)
class Loc:
    """Where something is: 1-based line (in the text, or within ``page`` for PDF)."""

    line: int | None
    page: int | None = None
    end_line: int | None = None
    end_page: int | None = None


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
    def loc(self) -> Loc:
        return Loc(self.line.number, self.line.page)


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


@dataclass(frozen=True)
class Composition:
    """A total and the cells it is the sum of, as the table's own layout says.

    Read from the table, not assumed: the enumerated items above a 小计/合计 row, the
    columns a 合计 column spans, a second classification printed beside the first
    (功能分类 and 支出用途 both adding up to 当年支出小计).  ``total`` and each part are
    (row, column) fact names of the same table; an absent part fact is an empty cell
    (adds 0).  ``basis`` names the breakdown ("功能分类", "支出用途", "columns", …) so
    a message can say which sum failed.
    """

    total: tuple[str, str]
    parts: tuple[tuple[str, str], ...]
    basis: str = ""


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
    # Where ``unit`` was read: "preamble", "title", "header", or "previous table" when the
    # table prints none and the unit of the table before it is assumed (None: no unit).
    unit_source: str | None = None
    # Totals and their parts as this table's layout gives them (see ``Composition``).
    compositions: list[Composition] = field(default_factory=list)

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

    def loc(self, start: int, end: int | None = None) -> Loc:
        first = self.line_at(start)
        last = self.line_at(max(start, (end if end is not None else start + 1) - 1))
        return Loc(first.number, first.page, last.number, last.page)

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
    # Derived results computed once per document (e.g. the extracted claims).
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    # What report this is, read once by structure building (narrative.identity.ReportIdentity).
    identity: ReportIdentity | None = None
    # The table set this kind of report publishes (narrative.tables.table_set.TableSet).
    table_set: TableSet | None = None

    @property
    def is_report(self) -> bool:
        """Does the file show any sign of being a budget report (see ReportIdentity.signs)?"""
        return bool(self.identity is not None and self.identity.is_report)

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        found = self.tables_of(kind)
        return found[0] if found else None

    def fact(self, table: str, row: str, col: str) -> Fact | None:
        t = self.table(table)
        return t.fact(row, col) if t else None
