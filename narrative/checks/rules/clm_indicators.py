"""CLM015: a 绩效 result of the prose against the 自评表 indicator it restates.
"""

from __future__ import annotations

from ...findings import Severity
from ...rounding import compare, fmt
from ..base import RND001, Context, checker, declare
from ..claim_support import claim_excerpt

CLM015 = declare("CLM015", "indicator-result", Severity.ERROR, "prose", """
    A percentage the prose gives as an indicator's result differs from that indicator's
    实际完成值 in the 项目支出绩效自评表.

    What it checks: a percentage of the 绩效 prose ("群众满意度达到 95%", "合格率大于 95%") that
    the reading bound to one indicator of a 自评表 (``narrative/claims/indicators.py``: the
    indicator's 三级指标 name stands almost verbatim before the figure, no other indicator
    comes close, the indicator is a percentage, and the clause states a result, not a target)
    against that indicator's 实际完成值, with rounding; a bound ("大于 95%") must contain it.
    Counts bound the same way ("开展理论宣讲 128 场次") are CLM001's, as every restated count.
    A figure that cannot be matched with confidence stays unbound (and is counted as such).

    Why it matters: the 绩效 paragraphs are written from the project's plan or last year's
    text while the 自评表 records what was achieved; a result stated above the table's is an
    overstatement of the project's performance.

    Example: "确保文书档案数字化成果质量合格率大于 95%" while the 自评表 row 档案目录数据符合技术要求，
    确保文书档案数… gives 实际完成值 90 (年度指标值 ≥90%).
    """)


@checker("CLM015", "RND001")
def check_indicator_results(ctx: Context) -> None:
    for c in ctx.claims:
        if c.kind not in ("percent", "rate") or c.binding is None or c.value is None:
            continue
        if "indicator" not in c.words or len(c.binding.facts) != 1:
            continue
        n = c.value
        fact = c.binding.facts[0]
        cell = fact.cell
        if cell.figure is None:
            continue
        name = c.words["indicator"]
        target = c.words.get("target", "")
        where = f"自评表 {fact.key.row.split(':')[1]} (line {cell.line.number}): {name} 年度指标值 {target}, 实际完成值 {cell.norm}"
        if n.qualifier:
            if n.bound.intersects(cell.interval):
                continue
            ctx.emit(CLM015, f"{name}: stated {n.qualifier}{n.display}, its 自评表 实际完成值 is {cell.norm}",
                     c.loc_of(), claim_excerpt(c), stated=f"{n.qualifier}{n.display}", computed=cell.norm,
                     explanation=f"{where}; the stated bound {n.qualifier}{n.display} excludes "
                     f"{fmt(cell.interval.low, 2)}–{fmt(cell.interval.high, 2)}",
                     related=[cell.loc], key=f"indicator:{name}", claim=c, facts=c.binding.facts)
            continue
        cmp = compare(n.figure, cell.interval, cell.figure.value)
        if cmp.exact:
            continue
        d = n.figure.decimals
        ctx.emit(CLM015 if cmp.violated else RND001,
                 f"{name}: stated {n.display}, its 自评表 实际完成值 is {cell.norm}"
                 + ("" if cmp.violated else " (within rounding)"),
                 c.loc_of(), claim_excerpt(c), stated=n.display, computed=cell.norm,
                 computed_low=fmt(cell.interval.low, d + 1), computed_high=fmt(cell.interval.high, d + 1),
                 explanation=f"{where}; stated {n.display} stands for {fmt(cmp.stated.low, d + 1)}–"
                 f"{fmt(cmp.stated.high, d + 1)}", related=[cell.loc], key=f"indicator:{name}", claim=c,
                 facts=c.binding.facts)
