"""Evaluate "stated = Σ terms" and "a ≤ b" relations between table cells.

Every table rule is one of these two shapes, so the arithmetic, the rounding
verdict and the wording of the explanation live here once.  A relation is
skipped (no finding) when nothing on it is written, or when a cell is "---"
(not applicable).  An empty cell counts as exactly 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..model import Cell, Fact, Loc, Table
from ..rounding import Comparison, Interval, compare, fmt
from .base import Context, Rule

MAX_TERMS_SHOWN = 8


@dataclass(frozen=True)
class Term:
    cell: Cell
    name: str
    sign: int = 1
    fact: Fact | None = None  # the named cell, when the term is one (findings list their keys)


def term(fact: Fact, name: str | None = None, sign: int = 1) -> Term:
    return Term(fact.cell, name or fact.label, sign, fact)


def _decimals(cells: list[Cell]) -> int:
    ds = [c.figure.decimals for c in cells if c.figure is not None]
    return max(ds) if ds else 2


def _expr(terms: list[Term]) -> str:
    """"a + b − c" over the written terms; empty cells (exactly 0) are counted, not shown."""
    parts: list[str] = []
    empty = 0
    for t in terms:
        if t.cell.figure is None:
            empty += 1
            continue
        sign = "−" if t.sign < 0 else "+"
        parts.append(f"{sign} {t.cell.norm}" if parts or t.sign < 0 else t.cell.norm)
    if len(parts) > MAX_TERMS_SHOWN:
        parts = parts[: MAX_TERMS_SHOWN - 1] + [f"+ … ({len(parts)} figures)"]
    text = " ".join(parts) if parts else "0"
    if empty:
        text += f" (+ {empty} empty cell{'s' if empty > 1 else ''})"
    return text


def composed(table: Table, row: str, col: str) -> bool:
    """Does the table's own layout say what ``row``/``col`` is the sum of (a ``Composition``)?
    Then that composition is checked (rules/tbl_compositions.py) and a rule that assumes the
    national layout's parts for this total stands aside."""
    return any(c.total in ((row, col), ("*", col)) for c in table.compositions)


def excerpt_of(cell: Cell) -> str:
    """The source row of a cell, cells separated by ' | ' so it reads on one line."""
    return " | ".join(c.strip() for c in cell.line.text.split("\t") if c.strip())


def _round_half_away(n: int, unit: int) -> int:
    q, r = divmod(abs(n), unit)
    if 2 * r >= unit:
        q += 1
    return q if n >= 0 else -q


def _exact_in_integers(stated: Cell, terms: list[Term]) -> bool:
    """Does ``stated`` equal Σ terms exactly (``Comparison.exact``), worked out in integers?

    Nearly every sum in a report holds exactly, and Fraction arithmetic (two additions per
    term for the interval, one for the written values, then rounding) cost more than a
    third of the table checks.  Every figure is a decimal, so in units of a tenth of the
    smallest digit any figure of the sum writes, values and half-units are whole numbers
    and the same comparison is integer arithmetic.  True only when the Fraction path would
    return without a finding; anything else (an empty stated cell, a figure that is not a
    plain decimal) is left to it."""
    sf = stated.figure
    if sf is None:
        return False
    figures = [sf] + [t.cell.figure for t in terms if t.cell.figure is not None]
    scale = 10 ** (max(f.decimals for f in figures) + 1)
    low = high = mid = 0
    for t in terms:
        f = t.cell.figure
        if f is None:
            continue  # an empty cell is exactly 0
        v = f.value
        if scale % v.denominator:
            return False
        x = v.numerator * (scale // v.denominator)
        h = 0 if f.exact else 5 * scale // (10 ** (f.decimals + 1))
        if t.sign > 0:
            mid, low, high = mid + x, low + x - h, high + x + h
        else:
            mid, low, high = mid - x, low - x - h, high - x + h
    v = sf.value
    if scale % v.denominator:
        return False
    x = v.numerator * (scale // v.denominator)
    h = 0 if sf.exact else 5 * scale // (10 ** (sf.decimals + 1))
    if not (x - h <= high and low <= x + h):
        return False  # the intervals do not meet
    unit = scale // 10**sf.decimals
    return _round_half_away(mid, unit) == _round_half_away(x, unit)


def check_sum(
    ctx: Context,
    rule_cls: Rule,
    rounding_rule: Rule,
    stated: Fact | Term,
    terms: list[Term],
    what: str,
    *,
    related: list[Loc] | None = None,
    key: str = "",
    at: Cell | None = None,
) -> None:
    """Emit ``rule_cls`` when ``stated`` cannot equal Σ terms under rounding,
    ``rounding_rule`` (info) when it equals it only within rounding.  ``at`` places
    the finding on another cell than the stated one (cross-table conventions)."""
    st = stated if isinstance(stated, Term) else term(stated)
    cells = [st.cell] + [t.cell for t in terms]
    if any(c.na for c in cells):
        return
    if all(c.figure is None for c in cells):
        return
    if not terms:
        return
    if _exact_in_integers(st.cell, terms):
        return
    computed = Interval.point(0)
    mid = Fraction(0)
    for t in terms:
        iv = t.cell.interval
        computed = computed + (iv if t.sign > 0 else -iv)
        value = t.cell.figure.value if t.cell.figure is not None else Fraction(0)
        mid += value * t.sign
    d = _decimals(cells)
    if st.cell.figure is not None:
        cmp = compare(st.cell.figure, computed, mid)
        stated_text = st.cell.norm
    else:  # an empty stated cell stands for exactly zero
        cmp = Comparison(Interval.point(0), Fraction(0), d, computed, mid)
        stated_text = "(empty)"
    if cmp.exact:
        return
    verdict = "differ only within rounding" if cmp.holds else "differ beyond rounding"
    gap = abs(mid - cmp.stated_value)
    explanation = (
        f"{what}: {_expr(terms)} = {fmt(mid, d)}; with each figure ±half a unit of its last digit "
        f"the sum lies in {fmt(computed.low, d + 1)}–{fmt(computed.high, d + 1)}; "
        f"stated {stated_text} stands for {fmt(cmp.stated.low, d + 1)}–{fmt(cmp.stated.high, d + 1)}: "
        f"{verdict} (gap {fmt(gap, d)})"
    )
    message = f"{st.name}: stated {stated_text}, {what} gives {fmt(mid, d)}"
    ctx.emit(
        rule_cls if cmp.violated else rounding_rule,
        message if cmp.violated else f"{message} (within rounding)",
        (at or st.cell).loc,
        excerpt_of(at or st.cell),
        stated=stated_text,
        computed=fmt(mid, d),
        computed_low=fmt(computed.low, d + 1),
        computed_high=fmt(computed.high, d + 1),
        explanation=explanation,
        related=related or [t.cell.loc for t in terms if t.cell.line is not st.cell.line][:1],
        key=key or st.name,
        facts=[f for f in (st.fact, *(t.fact for t in terms)) if f is not None],
    )


def check_at_most(
    ctx: Context,
    rule_cls: Rule,
    smaller: Fact,
    larger: Fact,
    what: str,
    *,
    key: str = "",
) -> None:
    """Emit when ``smaller`` must be larger than ``larger`` whatever the rounding."""
    a, b = smaller.cell, larger.cell
    if a.na or b.na or (a.figure is None and b.figure is None):
        return
    ia, ib = a.interval, b.interval
    if ia.low <= ib.high:
        return
    d = _decimals([a, b])
    va = a.figure.value if a.figure else Fraction(0)
    vb = b.figure.value if b.figure else Fraction(0)
    ctx.emit(
        rule_cls,
        f"{smaller.label} {a.norm or '(empty)'} is larger than {larger.label} {b.norm or '(empty)'}: {what}",
        a.loc,
        excerpt_of(a),
        stated=a.norm or "(empty)",
        computed=fmt(vb, d),
        computed_low=fmt(ib.low, d + 1),
        computed_high=fmt(ib.high, d + 1),
        explanation=(
            f"{what}; {smaller.label} = {fmt(va, d)} (at least {fmt(ia.low, d + 1)}) but "
            f"{larger.label} = {fmt(vb, d)} (at most {fmt(ib.high, d + 1)})"
        ),
        related=[b.loc],
        key=key or str(smaller.key),
    )
