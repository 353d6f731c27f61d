"""Column headers: from header text to canonical column keys and cell positions.

Text tables are ragged: a header row may sit one TAB to the left of the data
(the 公开07 name row does), parents span several children (本年支出 over 小计 /
基本支出 / 项目支出).  The 栏次 row that numbers the columns 1…n is written in
line with the data, so when it is present and numbers exactly the columns we
found, its positions win; otherwise the header names' own positions are used.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import patterns
from ..model import Row, Table
from ..normalize import squash
from ..patterns import compiled

CODE_RE = patterns.compile(r"^\d{3}(?:\d{2}){0,2}$")
ECON_CODE_RE = patterns.compile(r"^3\d{2}(?:\d{2})?$")
TEXT_CHAR_RE = patterns.compile(r"\p{Han}|[A-Za-z]")


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    pattern: str
    parent: bool = False  # a spanning header that has children below it


def is_header_row(row: Row) -> bool:
    """A header row has no subject code and no amount with decimals; it may hold
    column numbers (栏次) or names."""
    texts = [c.norm for c in row.cells]
    if any(CODE_RE.match(squash(t)) and len(squash(t)) in (3, 5, 7) for t in texts[:3]):
        return False
    first = next((squash(t) for t in texts if t), "")
    if patterns.match(r"^(?:[一二三四五六七八九十]+、|\d+[.、](?!\d)|[(][一二三四五六七八九十\d]+[)])", first):
        return False  # an enumerated row label ("一、一般公共预算财政拨款收入"): a row of an empty table
    if first in ("合计", "总计") and sum(1 for c in row.cells if c.norm.strip() and c_is_text(c.norm)) == 1:
        return False  # the total row of an empty table (a row of sub-headers may start with 合计 too)
    figures = [c.figure for c in row.cells if c.figure is not None]
    if any(f.decimals > 0 for f in figures):
        return False
    named = [t for t in texts if t and c_is_text(t)]
    if not figures:
        return bool(named)
    # "类⇥款⇥项⇥1⇥2⇥3": small consecutive integers are column numbers
    ints = [int(f.value) for f in figures]
    return ints == list(range(ints[0], ints[0] + len(ints))) and ints[0] in (0, 1)


def take_header_rows(table: Table) -> list[Row]:
    """Mark and return the leading header rows of a table."""
    out: list[Row] = []
    for row in table.rows:
        if not is_header_row(row):
            break
        row.header = True
        out.append(row)
    return out


def c_is_text(t: str) -> bool:
    return bool(TEXT_CHAR_RE.search(t))


def column_numbers(rows: list[Row]) -> dict[int, int]:
    """Positions of the 栏次 numbers 1…n: {number: cell index}."""
    best: dict[int, int] = {}
    for row in rows:
        found: dict[int, int] = {}
        for c in row.cells:
            f = c.figure
            if f is not None and f.decimals == 0 and 1 <= f.value <= 40 and not c_is_text(c.norm):
                found.setdefault(int(f.value), c.col)
        if len(found) > len(best) and sorted(found) == list(range(1, len(found) + 1)):
            best = found
    return best


def map_columns(header_rows: list[Row], specs: list[ColumnSpec]) -> list[tuple[str, int]]:
    """Ordered leaf columns [(key, cell index)] found in the header rows."""
    hits: list[tuple[int, int, str, bool]] = []  # (index, row order, key, parent)
    for order, row in enumerate(header_rows):
        for c in row.cells:
            t = squash(c.norm)
            if not t:
                continue
            for spec in specs:
                if compiled(spec.pattern).fullmatch(t):
                    hits.append((c.col, order, spec.key, spec.parent))
                    break
    # Drop spanning parents that have children in a later header row.
    leaves: list[tuple[int, int, str]] = []
    for idx, order, key, parent in hits:
        if parent and any(o > order and i >= idx for i, o, _, _ in hits):
            continue
        leaves.append((idx, order, key))
    leaves.sort()
    seen: set[str] = set()
    out: list[tuple[str, int]] = []
    for idx, _, key in leaves:
        if key in seen:
            continue
        seen.add(key)
        out.append((key, idx))
    numbers = column_numbers(header_rows)
    if numbers and len(numbers) == len(out):
        out = [(key, numbers[i + 1]) for i, (key, _) in enumerate(out)]
    return out
