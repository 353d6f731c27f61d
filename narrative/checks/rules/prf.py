"""PRF001–PRF003: the arithmetic of each 项目支出绩效自评表: scores, execution rates, weights.
"""

from __future__ import annotations

from fractions import Fraction

from ...findings import Severity
from ...model import Loc
from ...rounding import Interval, compare, fmt
from ...tables.self_eval import SelfEvaluation
from ..base import RND001, Context, checker, declare
from ..relations import Term, check_sum, excerpt_of

PRF001 = declare("PRF001", "score-total", Severity.ERROR, "table", """
    A self-evaluation's scores do not add up to its 总分.

    What it checks: the 得分 of every indicator plus the 得分 of the 预算执行率 (fund) row
    equals the 总分 row's 得分.

    Why it matters: the 总分 decides the rating (优/良/中/差) that the prose reports; a total
    nobody recomputed after changing an indicator gives the wrong rating.

    Example: 13.52 + 20 + 10 + 10 + 20 + 10 + 7 = 90.52 (agrees with 总分 90.52).
    """)


PRF002 = declare("PRF002", "execution-rate", Severity.ERROR, "table", """
    A self-evaluation's 执行率 differs from 全年执行数 / 全年预算数.

    What it checks: on the 年度资金总额 row, 执行率 = 全年执行数 ÷ 全年预算数 × 100, with the
    rounding of all three figures.  A 全年预算数 of 0 is skipped (no rate exists).

    Why it matters: the rate feeds the fund score and the prose's 执行率 claims.

    Example: 134.4 / 136.4 = 98.53% (agrees with 98.53).
    """)


PRF003 = declare("PRF003", "weight-total", Severity.WARNING, "table", """
    A self-evaluation's 分值 (weights) do not add up to its total 分值.

    What it checks: the 分值 of every indicator plus the fund row's 分值 equals the 分值 on the
    总分 row (normally 100).

    Why it matters: weights that do not add to 100 mean an indicator was dropped or
    duplicated, and the score is not on the scale the rating assumes.

    Example: 20 + 20 + 10 + 10 + 20 + 10 + 10 = 100.
    """)


@checker("PRF001", "PRF002", "PRF003", "RND001")
def check_self_evaluations(ctx: Context) -> None:
    for table in ctx.doc.tables_of("SE"):
        se: SelfEvaluation | None = table.extra.get("self_eval")
        if se is None:
            continue
        name = se.name or "项目"
        fund = se.fund_total
        if se.total_score is not None and se.indicators:
            terms = [Term(i.score, i.name or i.level2) for i in se.indicators]
            if fund.get("score") is not None and fund["score"].figure is not None:
                terms.append(Term(fund["score"], "预算执行率得分"))
            check_sum(ctx, PRF001, RND001, Term(se.total_score, f"{name} 总分"), terms,
                      "Σ indicator scores + 预算执行率得分", key=f"SE:{name}:score")
        if se.total_weight is not None and se.indicators:
            terms = [Term(i.weight, i.name or i.level2) for i in se.indicators]
            if fund.get("weight") is not None and fund["weight"].figure is not None:
                terms.append(Term(fund["weight"], "预算执行率分值"))
            check_sum(ctx, PRF003, RND001, Term(se.total_weight, f"{name} 总分值"), terms,
                      "Σ indicator weights + 预算执行率分值", key=f"SE:{name}:weight")
        rate, executed, budget = fund.get("rate"), fund.get("executed"), fund.get("full_budget")
        if rate is None or executed is None or budget is None:
            continue
        if rate.figure is None or executed.figure is None or budget.figure is None:
            continue
        if budget.figure.value == 0:
            continue
        computed = (executed.interval / budget.interval)
        if computed is None:
            continue
        computed = computed.scale(100)
        mid = executed.figure.value / budget.figure.value * 100
        fig = rate.figure
        cmp = compare(fig, computed, mid)
        if cmp.exact:
            continue
        d = fig.decimals
        rule_cls = PRF002 if cmp.violated else RND001
        ctx.emit(
            rule_cls,
            f"{name}: 执行率 {rate.norm} but 全年执行数 / 全年预算数 = {fmt(mid, d)}%"
            + ("" if cmp.violated else " (within rounding)"),
            Loc.at(rate.line),
            excerpt_of(rate),
            stated=rate.norm,
            computed=fmt(mid, d),
            computed_low=fmt(computed.low, d + 1),
            computed_high=fmt(computed.high, d + 1),
            explanation=(
                f"{executed.norm} / {budget.norm} × 100 = {fmt(mid, d + 2)}%; with rounding "
                f"{fmt(computed.low, d + 1)}%–{fmt(computed.high, d + 1)}%; stated {rate.norm}% stands for "
                f"{fmt(cmp.stated.low, d + 1)}–{fmt(cmp.stated.high, d + 1)}"
            ),
            key=f"SE:{name}:rate",
        )


__all__ = ["PRF001", "PRF002", "PRF003", "Interval", "Fraction"]
