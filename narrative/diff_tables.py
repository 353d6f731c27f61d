"""The tables of two reports side by side: aligned by table kind and fact key, never by position.

A table is identified by its kind (T01 … T10, F05, RUN, PUR …) and, where a report holds
several of one kind, by what tells them apart (a 自评表's project name).  A row is identified by
its fact key's row (subject code, named row, label): "2013301" in both years is one row, wherever
it is printed and whatever it is called now.  The one kind whose row keys are positions (the
numbered lines of a 政府采购预算表, ``goods.1``) is re-keyed by its labels, so that a line inserted
above does not pair every line below with another purchase.

Values are compared as numbers: "5.0" and "5.00" are one value, an empty cell is 0 (no data,
nothing spent), and a table in 元 is compared with one in 万元 after scaling.  A change is
written with as many decimals as its two figures have, its percentage on the old value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from . import patterns
from .model import Cell, Document, Fact, Span, Table
from .normalize import squash
from .rounding import fmt
from .tables.code_tables import column_name

UNIT_SCALE = {"元": Fraction(1, 10000), "千元": Fraction(1, 10), "万元": Fraction(1), "亿元": Fraction(10000)}
# The kinds whose row keys are positions: the numbered purchase lines of a 政府采购预算表
# ("goods.1", "goods.1.2"); every other kind keys its rows by subject code or name.
POSITIONAL_KINDS = frozenset({"PUR"})
POSITIONAL_RE = patterns.compile(r"^(?P<head>[a-z_]+)(?P<pos>(?:\.\d+)+)$")
ENUM_RE = patterns.compile(r"^[\s\d一二三四五六七八九十]+[、.]\s*")


def scale_of(unit: str | None) -> Fraction | None:
    """万元 per unit of an amount (None: not an amount unit, e.g. counts)."""
    return UNIT_SCALE.get(unit or "")


def money(value: Fraction, decimals: int) -> str:
    """An amount as a report writes it: rounded to ``decimals``, thousands grouped."""
    text = fmt(value, decimals)
    sign = "-" if text.startswith("-") else ""
    whole, dot, frac = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}{dot}{frac}"


def percent_change(old: Fraction, new: Fraction) -> str | None:
    """(new − old) / old in percent, two decimals; None when old is 0 (no base)."""
    if old == 0:
        return None
    return fmt((new - old) / abs(old) * 100, 2)


@dataclass(frozen=True)
class CellChange:
    """One cell whose value differs between the reports (``old``/``new`` as written; None where
    that report's row lacks the column)."""

    key: str  # the fact key in the new report ("T01[income.total].amount")
    row: str
    col: str
    label: str  # the row label as written (new report, else old)
    old_label: str  # the row label as the old report writes it (the same subject, maybe renamed)
    column: str  # the column's name ("决算数", "基本支出")
    old: str | None
    new: str | None
    unit: str | None  # the unit of ``change`` (the tables' own, 万元 when they differ)
    change: str | None  # new − old
    change_pct: str | None  # change / old in percent
    old_value: Fraction | None = None  # in ``unit``
    new_value: Fraction | None = None
    old_span: Span | None = None
    new_span: Span | None = None


@dataclass(frozen=True)
class RowChange:
    """A row only one report has: its label and its cells (column → text as written)."""

    row: str
    label: str
    cells: tuple[tuple[str, str], ...]
    span: Span | None = None


@dataclass
class TableDiff:
    """One table of either report: ``status`` added / removed / changed / unchanged."""

    kind: str
    instance: str  # what tells tables of one kind apart ("" when the report has one)
    name: str  # the table's title (new report, else old)
    status: str
    old_unit: str | None = None
    new_unit: str | None = None
    old_span: Span | None = None
    new_span: Span | None = None
    cells: list[CellChange] = field(default_factory=list)
    rows_added: list[RowChange] = field(default_factory=list)
    rows_removed: list[RowChange] = field(default_factory=list)


def _instance(t: Table) -> str:
    name = getattr(t.extra.get("self_eval"), "name", None)
    return squash(name) if isinstance(name, str) else ""


def _row_keys(t: Table) -> dict[str, str]:
    """Row key → the key the diff aligns on: itself, or for positional keys (goods.1 of a
    POSITIONAL_KINDS table) the parent's aligned key and the row's label (without its
    enumerator), numbered only among rows of the same label."""
    rows: dict[str, str] = {}
    for k, f in t.facts.items():
        rows.setdefault(k.row, f.label)
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for row, label in rows.items():
        m = POSITIONAL_RE.match(row) if t.kind in POSITIONAL_KINDS else None
        if not m:
            out[row] = row
            continue
        parent = row.rsplit(".", 1)[0]
        base = f"{out.get(parent, parent)}/{ENUM_RE.sub('', squash(label))}"
        seen[base] = seen.get(base, 0) + 1
        out[row] = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return out


@dataclass
class _Side:
    tables: list[Table]
    facts: dict[tuple[str, str], Fact]  # (aligned row, col) → fact
    labels: dict[str, str]  # aligned row → label
    first_line: dict[str, Span]  # aligned row → the line of its first cell


def _sides(doc: Document) -> dict[tuple[str, str], _Side]:
    out: dict[tuple[str, str], _Side] = {}
    for t in doc.tables:
        if not t.kind or not t.facts:
            continue
        side = out.setdefault((t.kind, _instance(t)), _Side([], {}, {}, {}))
        side.tables.append(t)
        keys = _row_keys(t)
        for k, f in t.facts.items():
            row = keys[k.row]
            side.facts.setdefault((row, k.col), f)
            if row not in side.labels:
                side.labels[row] = "合计" if f.label == k.row == "total" else f.label
                side.first_line[row] = f.cell.loc
    return out


def _value(c: Cell) -> Fraction | None:
    if c.na:
        return None
    return c.figure.value if c.figure is not None else Fraction(0) if c.empty else None


def _same(a: Cell, b: Cell, sa: Fraction, sb: Fraction) -> bool:
    if a.na or b.na:
        return a.na == b.na
    va, vb = _value(a), _value(b)
    if va is None or vb is None:
        return squash(a.text) == squash(b.text)
    return va * sa == vb * sb


def _decimals(c: Cell | None) -> int:
    return c.figure.decimals if c is not None and c.figure is not None else 0


def _change(kind: str, key: str, row: str, col: str, label: str, old_label: str, a: Fact | None, b: Fact | None, unit_a: str | None,
            unit_b: str | None) -> CellChange:
    ca, cb = (a.cell if a else None), (b.cell if b else None)
    sa, sb = scale_of(unit_a), scale_of(unit_b)
    unit = unit_b or unit_a
    ka = kb = Fraction(1)
    if unit_a != unit_b and sa is not None and sb is not None:
        unit, ka, kb = "万元", sa, sb
    xa = _value(ca) if ca is not None else None
    xb = _value(cb) if cb is not None else None
    va = xa * ka if xa is not None else None
    vb = xb * kb if xb is not None else None
    change = pct = None
    if va is not None and vb is not None:
        d = max(_decimals(ca), _decimals(cb))
        if ka != kb:
            d = max(d, 2)
        change = money(vb - va, d)
        pct = percent_change(va, vb)
    return CellChange(key, row, col, label, old_label, column_name(col, kind), ca.norm if ca else None, cb.norm if cb else None, unit, change, pct,
                      va, vb, ca.loc if ca else None, cb.loc if cb else None)


def _title(side: _Side, kind: str) -> str:
    t = side.tables[0]
    return (t.title or kind).strip()


def diff_tables(old: Document, new: Document) -> list[TableDiff]:
    """Every table of either report, in NEW's order (then the tables only OLD has)."""
    a, b = _sides(old), _sides(new)
    out: list[TableDiff] = []
    for key in [*b, *(k for k in a if k not in b)]:
        kind, inst = key
        sa, sb = a.get(key), b.get(key)
        if sa is None or sb is None:
            side = sb or sa
            assert side is not None
            t, added = side.tables[0], sa is None
            out.append(TableDiff(kind, inst, _title(side, kind), "added" if added else "removed",
                                 old_unit=None if added else t.unit, new_unit=t.unit if added else None,
                                 old_span=None if added else _line_span(t), new_span=_line_span(t) if added else None))
            continue
        td = TableDiff(kind, inst, _title(sb, kind), "unchanged", sa.tables[0].unit, sb.tables[0].unit,
                       _line_span(sa.tables[0]), _line_span(sb.tables[0]))
        rows_a = dict.fromkeys(r for r, _ in sa.facts)
        rows_b = dict.fromkeys(r for r, _ in sb.facts)
        ua, ub = sa.tables[0].unit, sb.tables[0].unit
        ka, kb = scale_of(ua), scale_of(ub)
        same_scale = (ka, kb) if ua != ub and ka is not None and kb is not None else (Fraction(1), Fraction(1))
        for row in rows_b:
            if row not in rows_a:
                td.rows_added.append(_row(sb, row))
                continue
            cols = dict.fromkeys([*(c for r, c in sb.facts if r == row), *(c for r, c in sa.facts if r == row)])
            for col in cols:
                fa, fb = sa.facts.get((row, col)), sb.facts.get((row, col))
                if fa is not None and fb is not None and _same(fa.cell, fb.cell, *same_scale):
                    continue
                label = sb.labels.get(row) or sa.labels.get(row, row)
                key_text = str((fb or fa).key)  # type: ignore[union-attr]
                td.cells.append(_change(kind, key_text, row, col, label, sa.labels.get(row, label), fa, fb, ua, ub))
        td.rows_removed = [_row(sa, row) for row in rows_a if row not in rows_b]
        if td.cells or td.rows_added or td.rows_removed:
            td.status = "changed"
        out.append(td)
    return out


def _line_span(t: Table) -> Span:
    ln = t.first_line
    return Span(ln.number, ln.page, ln.number, ln.page)


def _row(side: _Side, row: str) -> RowChange:
    cells = tuple((c, f.cell.norm) for (r, c), f in side.facts.items() if r == row)
    return RowChange(row, side.labels.get(row, row), cells, side.first_line.get(row))
