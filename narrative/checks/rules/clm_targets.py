"""CLM017: a 绩效 target of the prose against the 年度指标值 of the 自评表 indicator it restates.
"""

from __future__ import annotations

from fractions import Fraction

from ... import patterns
from ...findings import Severity
from ...rounding import Interval, fmt
from ..base import Context, checker, declare
from ..claim_support import claim_excerpt

CLM017 = declare("CLM017", "indicator-target", Severity.ERROR, "prose", """
    A 绩效 target stated in the prose differs from its indicator's 年度指标值 in the 自评表.

    What it checks: a count or percentage in a clause that states a target (目标, 计划, 指标值 …:
    "阶段性目标：…全年开展理论宣讲场次不少于 120 场") which the reading bound to one indicator of a
    自评表 (``narrative/claims/targets.py``: the indicator's 三级指标 name stands almost verbatim
    just before the figure, no other indicator comes close, the units agree) against the number
    of that indicator's 年度指标值 ("≥110场"), each with its rounding.  Only the numbers are
    compared, not the direction words (不少于 for ≥).  Results are CLM015's (percentages) and
    CLM001's (counts); a target that cannot be matched with confidence stays unbound (counted).

    Why it matters: a target restated from an earlier plan, or edited in the table and not in the
    text, makes the project look as if it met, or missed, a goal it never had.

    Example: "全年开展理论宣讲场次不少于 120 场" while the 自评表 row 开展理论宣讲场次 has 年度指标值
    ≥110场.
    """)

NUMBER = patterns.compile(r"\d+(?:\.\d+)?")


def _interval(text: str) -> tuple[Fraction, Interval]:
    value = Fraction(text)
    decimals = len(text.split(".")[1]) if "." in text else 0
    half = Fraction(1, 2 * 10**decimals)
    return value, Interval(value - half, value + half)


@checker("CLM017")
def check_indicator_targets(ctx: Context) -> None:
    for c in ctx.claims:
        if not c.words.get("target_of") or c.binding is None or c.value is None:
            continue
        cell = c.binding.facts[0].cell
        m = NUMBER.search(cell.norm)
        if m is None:
            continue
        n = c.value
        tv, tiv = _interval(m.group(0))
        sv, siv = _interval(n.text.replace(",", ""))  # the stated figure with its rounding, as the table's
        if siv.intersects(tiv):
            continue
        name = c.words["target_of"]
        ctx.emit(CLM017, f"{name}: target {n.qualifier or ''}{n.display} stated, its 自评表 年度指标值 is {cell.norm}",
                 c.loc_of(), claim_excerpt(c), stated=f"{n.qualifier or ''}{n.display}", computed=cell.norm,
                 explanation=f"自评表 {c.binding.facts[0].key.row.split(':')[1]} (line {cell.line.number}): {name} "
                 f"年度指标值 {cell.norm}; stated {n.display} stands for {fmt(siv.low, 3)}–{fmt(siv.high, 3)}, the "
                 f"table's {fmt(tv, 2)} for {fmt(tiv.low, 3)}–{fmt(tiv.high, 3)}: they do not meet",
                 related=[cell.loc], key=f"target:{name}", claim=c, facts=c.binding.facts)
