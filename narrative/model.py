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
    # The file, for a report read from several (``--as-one``): line and page are within it.
    file: str | None = None

    @classmethod
    def at(cls, line: SourceLine) -> Span:
        """The whole of one source line."""
        return cls(line.number, line.page, line.number, line.page, file=line.file)


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
            return Span(self.line.number, self.line.page, self.line.number, self.line.page, file=self.line.file)
        start = sum(len(p) + 1 for p in parts[: self.col])
        raw = parts[self.col]
        lead = len(raw) - len(raw.lstrip())
        body = len(raw.strip())
        return Span(self.line.number, self.line.page, self.line.number, self.line.page,
                    start + lead + 1, start + lead + max(body, 1) + 1, self.line.file)


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

    def column_at(self, offset: int) -> int:
        """The 1-based column (code points) in its source line of the character at ``offset``."""
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.cols[i] + (offset - self.starts[i]) + 1

    def loc(self, start: int, end: int | None = None) -> Span:
        last_char = max(start, (end if end is not None else start + 1) - 1)
        first = self.line_at(start)
        last = self.line_at(last_char)
        return Span(first.number, first.page, last.number, last.page,
                    self.column_at(start), self.column_at(last_char) + 1, first.file)

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


@dataclass(frozen=True)
class ReportIdentity:
    """What report a file is.  ``department`` is normalised for comparison and pairing;
    ``name`` is the department as this file writes it (for messages).  ``holds`` says what
    the file contains ("prose", "tables"); ``signs`` why it is taken for a budget report
    (empty: it is not one, and ``reason`` says so in one line)."""

    department: str | None = None
    name: str | None = None
    year: int | None = None
    kind: str | None = None  # "决算" | "预算"
    unit_level: str | None = None  # "部门" | "单位"
    holds: frozenset[str] = frozenset()
    signs: tuple[str, ...] = ()
    evidence: tuple[str, ...] = field(default=(), compare=False)  # where each part was read

    @property
    def is_report(self) -> bool:
        return bool(self.signs)

    @property
    def reason(self) -> str:
        """One line: why the file is (or is not) taken for a budget report."""
        if self.signs:
            return "budget report: " + "; ".join(self.signs)
        return ("not a budget report: no 决算/预算 title with headings of a report, no budget table "
                "and no 目录 of budget tables found")

    @property
    def key(self) -> tuple[str | None, int | None, str | None, str | None]:
        """(department, year, kind, unit level): equal for the two files of one report."""
        return (self.department, self.year, self.kind, self.unit_level)


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    kind: str
    tables: tuple[str, ...]
    labelled: bool | None = None


@dataclass(frozen=True)
class TableSet:
    """What a report publishes and what this file holds of it.

    ``profile`` is the matched set (None when nothing fits: no tables and no 目录 of
    tables); ``publishes`` its kinds plus any the 目录 lists; ``listed`` the 目录 entries
    that name a table (entries such as "第二部分 2024年度部门决算表" or "…情况说明" are
    not tables); ``present`` the kinds recognised in this file; ``holds_tables`` False
    for a file that holds none of the report's tables (a prose-only file)."""

    profile: Profile | None
    publishes: tuple[str, ...]
    listed: tuple[tuple[str, TocEntry], ...]
    present: tuple[str, ...]
    holds_tables: bool

    @property
    def missing(self) -> tuple[str, ...]:
        """Kinds this report publishes that this file should hold and does not."""
        if not self.holds_tables:
            return ()
        return tuple(k for k in self.publishes if k not in self.present)

    def listed_entry(self, kind: str) -> TocEntry | None:
        return next((e for k, e in self.listed if k == kind), None)


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
    # What report this is, read once by structure building (narrative.identity; ReportIdentity above).
    identity: ReportIdentity | None = None
    # The table set this kind of report publishes (narrative.tables.table_set; TableSet above).
    table_set: TableSet | None = None

    def derive(self, fn: Callable[[Document], T]) -> T:
        """``fn(self)``, computed once per document: a shared analysis (the years the text
        mentions, the reasons it gives) used by several rules and by the prior report."""
        if fn not in self._derived:
            self._derived[fn] = fn(self)
        return self._derived[fn]  # type: ignore[no-any-return]

    @property
    def is_report(self) -> bool:
        """Does the file show any sign of being a budget report (see ReportIdentity.signs)?"""
        return bool(self.identity is not None and self.identity.is_report)

    def tables_of(self, kind: str) -> list[Table]:
        return [t for t in self.tables if t.kind == kind]

    def table(self, kind: str) -> Table | None:
        """The first table of ``kind``: the scan stops there (``fact`` asks once per claim)."""
        return next((t for t in self.tables if t.kind == kind), None)

    def fact(self, table: str, row: str, col: str) -> Fact | None:
        t = self.table(table)
        return t.fact(row, col) if t else None
