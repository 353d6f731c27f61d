"""PRF004–PRF005: each row of a 项目支出绩效自评表 against the rest of its own table: a score
above its weight, a money indicator's 实际完成值 above what the project spent.
"""

from __future__ import annotations

from fractions import Fraction

from ... import patterns
from ...findings import Severity
from ...model import Cell
from ...rounding import fmt
from ...tables.self_eval import SelfEvaluation
from ..base import Context, checker, declare
from ..relations import excerpt_of

PRF004 = declare("PRF004", "score-above-weight", Severity.ERROR, "table", """
    A self-evaluation row's 得分 is larger than its 分值.

    What it checks: on every indicator row and on the 预算执行率 (fund) row of a 项目支出绩效自评表,
    得分 ≤ 分值, with the rounding of both figures (an integer 10 stands for 9.5–10.5).

    Why it matters: a score cannot exceed the points the indicator is worth; a 得分 typed in the
    wrong row or a 分值 changed afterwards inflates the 总分 and so the rating the prose reports.

    Example: "时效指标 | 按时完成工作任务 | 全年 | 基本达成目标 | 10 | 12" (12 points of 10).
    """)

PRF005 = declare("PRF005", "indicator-above-spending", Severity.ERROR, "table", """
    A money indicator's 实际完成值 is larger than the project's 全年执行数.

    What it checks: a 成本 or 产出 indicator about the project's money (its name says 经费,
    资金, 费用, 金额, 支出 or 成本; its 年度指标值 is written in 万元, or its 实际完成值 is a fund
    figure of the table in 元) whose 实际完成值 exceeds the 全年执行数 of the same table's
    年度资金总额 row, beyond rounding.  Indicators whose unit is not known are left alone.

    Why it matters: a project cannot have spent more on one of its outputs than it spent in
    all; such a value is the 预算数 copied into the 实际完成值 column, and the score given for it
    rests on money that was not spent.

    Example: 数量指标 "党委办公经费 | =154.4 万元 | 154.4" while 全年执行数 is 134.4.
    """)

MONEY_NAME = patterns.compile(r"经费|资金|费用|金额|支出|成本")
SCALE = {"万元": Fraction(1), "元": Fraction(1, 10000)}


def _above(score: Cell, weight: Cell) -> bool:
    if score.figure is None or weight.figure is None:
        return False
    return score.interval.low > weight.interval.high


@checker("PRF004", "PRF005")
def check_indicator_rows(ctx: Context) -> None:
    for table in ctx.doc.tables_of("SE"):
        se: SelfEvaluation | None = table.extra.get("self_eval")
        if se is None:
            continue
        name = se.name or "项目"
        fund = se.fund_total
        rows: list[tuple[str, Cell, Cell]] = [(i.name or i.level2, i.weight, i.score) for i in se.indicators]
        if fund.get("weight") is not None and fund.get("score") is not None:
            rows.append(("预算执行率", fund["weight"], fund["score"]))
        for label, weight, score in rows:
            if not _above(score, weight):
                continue
            ctx.emit(PRF004, f"{name}: {label} 得分 {score.norm} is above its 分值 {weight.norm}",
                     score.loc, excerpt_of(score), stated=score.norm, computed=f"≤ {weight.norm}",
                     explanation=f"得分 {score.norm} stands for at least {fmt(score.interval.low, 3)}, 分值 "
                     f"{weight.norm} for at most {fmt(weight.interval.high, 3)}: no score can exceed the "
                     "points its indicator is worth", related=[weight.loc], key=f"SE:{name}:{label}:over")
        executed = fund.get("executed")
        if executed is None or executed.figure is None:
            continue
        for ind in se.indicators:
            cell = ind.actual
            if cell is None or cell.figure is None or cell.figure.percent or cell.unit not in SCALE:
                continue
            if not patterns.search(r"成本|产出", ind.level1) or not MONEY_NAME.search(ind.name):
                continue
            actual = cell.interval.scale(SCALE[cell.unit or "万元"])
            if actual.low <= executed.interval.high:
                continue
            value = cell.figure.value * SCALE[cell.unit or "万元"]
            ctx.emit(PRF005, f"{name}: {ind.name} 实际完成值 {cell.norm}{cell.unit} is above the project's "
                     f"全年执行数 {executed.norm} 万元", cell.loc, excerpt_of(cell), stated=cell.norm,
                     computed=f"≤ {executed.norm}",
                     explanation=f"{ind.level1} {ind.level2} '{ind.name}' (年度指标值 {ind.target}) states "
                     f"{fmt(value, 4)} 万元 done (at least {fmt(actual.low, 4)}); the 年度资金总额 row says "
                     f"{executed.norm} 万元 was spent in all (at most {fmt(executed.interval.high, 4)}, line "
                     f"{executed.line.number})", related=[executed.loc], key=f"SE:{name}:{ind.name}:actual")
