"""CLM016: the money the prose gives the projects of a 部门评价 against their 自评表.
"""

from __future__ import annotations

from fractions import Fraction

from ...claims.model import Claim
from ...findings import Severity
from ...model import Fact, FactKey, Table
from ...rounding import Interval, fmt
from ..base import Context, checker, declare
from ..claim_support import claim_excerpt

CLM016 = declare("CLM016", "project-amount", Severity.ERROR, "prose", """
    The money stated for the projects of a 部门评价 differs from their 自评表.

    What it checks: "组织对 N 个项目开展了部门评价，为：X。涉及一般公共预算支出 A 万元" (the 决算
    template): when the N names listed each find their 项目支出绩效自评表, A must be what those
    projects spent (Σ 全年执行数 of the 资金总额 rows) or, since 涉及 may name the money granted,
    their Σ 全年预算数.  An A equal to the 年初预算数 while the projects spent otherwise is the usual
    slip: the figure was taken from the budget, not from the accounts.  A list whose length differs
    from N, or a name that finds no 自评表, leaves the figure unbound (counted, not guessed).  Other
    figures of a named project ("“X”项目预算 …", "共使用 …", "执行率 …") are bound to its 自评表
    and compared by CLM001 and CLM009.

    Why it matters: the 部门评价 paragraph is filled in from the budget while the tables report the
    year's spending; the reader is told the project spent money it did not.

    Example: zhushan 2024 line 486: "为：2024年党委办公经费。涉及一般公共预算支出 154.4 万元", while
    its 自评表 gives 年初预算数 154.4, 全年预算数 136.4, 全年执行数 134.4.
    """)


def _column(tables: list[Table], c: Claim, col: str) -> tuple[Interval, Fraction, list[Fact]] | None:
    """Σ of column ``col`` of the 自评表 rows the claim's executed figures are on."""
    assert c.binding is not None
    iv, mid, facts = Interval.point(0), Fraction(0), []
    for f in c.binding.facts:
        table = next((t for t in tables if any(x is f for x in t.facts.values())), None)
        other = table.facts.get(FactKey(f.key.table, f.key.row, col)) if table is not None else None
        if other is None or other.cell.figure is None:
            return None
        iv, mid = iv + other.cell.interval, mid + other.cell.figure.value
        facts.append(other)
    return iv, mid, facts


@checker("CLM016")
def check_evaluated_projects(ctx: Context) -> None:
    tables = list(ctx.doc.tables_of("SE"))
    for c in ctx.claims:
        if not c.words.get("evaluated") or c.binding is None or c.value is None:
            continue
        n = c.value
        cols = {col: _column(tables, c, col) for col in ("executed", "full_budget", "initial_budget")}
        executed, full = cols["executed"], cols["full_budget"]
        if executed is None:
            continue
        if any(v is not None and n.wan.intersects(v[0]) for v in (executed, full)):
            continue
        initial = cols["initial_budget"]
        is_initial = initial is not None and n.wan.intersects(initial[0])
        names = c.words["evaluated"]
        parts = {col: " + ".join(f.cell.norm for f in v[2]) for col, v in cols.items() if v is not None}
        explanation = (f"自评表 of {names}: 全年执行数 {parts['executed']} = {fmt(executed[1], 2)}"
                       + (f", 全年预算数 {parts['full_budget']} = {fmt(full[1], 2)}" if full else "")
                       + (f", 年初预算数 {parts['initial_budget']} = {fmt(initial[1], 2)}" if initial else "")
                       + f"; stated {n.display} stands for {fmt(n.wan.low, 3)}–{fmt(n.wan.high, 3)}"
                       + ("; it is the 年初预算数: the budget, not what was spent" if is_initial else
                          "; it matches no column"))
        ctx.emit(CLM016, f"{names}: 涉及 {n.display} stated, the project spent {fmt(executed[1], n.figure.decimals)}"
                 + (f" ({n.display} is its 年初预算数)" if is_initial else ""),
                 c.loc_of(), claim_excerpt(c), stated=n.display, computed=fmt(executed[1], n.figure.decimals),
                 explanation=explanation, related=[f.cell.loc for f in executed[2]], key=f"evaluated:{names}",
                 claim=c, facts=executed[2])
