"""XTB008: the tables of a 预算 that publishes 财政拨款 apart from 一般公共预算 (Jiangsu's
twelve tables) against each other.

A budget of that layout prints the 财政拨款 expenditure twice more (财政拨款支出预算表 by
function class, F05, and 财政拨款基本支出预算表 by economic class, F06) besides the summary
(T04) and the 一般公共预算 tables (T05, T06).  The totals must agree where the tables print
the same money, and the 一般公共预算 part can never exceed the 财政拨款 whole.
"""

from __future__ import annotations

from ...findings import Severity
from ...model import Document, Fact
from ...tables.kinds import table_name
from ..base import RND001, Context, checker, declare
from ..relations import check_at_most, check_sum, term

XTB008 = declare("XTB008", "budget-fiscal-tables", Severity.ERROR, "tables", """
    The 财政拨款 tables of a 预算 disagree with each other or with its summary.

    What it checks: 财政拨款支出预算表 (F05) 合计 against 财政拨款收支预算总表 (T04) 支出合计 and
    each class; 财政拨款基本支出预算表 (F06) 合计 against the 基本支出 of F05 (or of T04's rows); 一般公共预算 (T05 合计,
    T06 合计) never more than 财政拨款 (F05 合计, F06 合计), since 一般公共预算 is one of its funds.

    Why it matters: the same appropriation printed in three tables must be the same figure; a
    table copied from a draft keeps an old total.

    Example: jiangsu-gaoyuan-2018 F05 合计 33,172.15 = T04 支出合计 33,172.15 (agrees).
    """)


def _f(doc: Document, kind: str, row: str, col: str) -> Fact | None:
    return doc.fact(kind, row, col)


def _name(doc: Document, f: Fact) -> str:
    return f"{table_name(f.key.table, doc.report_kind)} {f.label}"


@checker("XTB008", "RND001")
def check_budget_fiscal_tables(ctx: Context) -> None:
    doc = ctx.doc
    f05 = _f(doc, "F05", "total", "total")
    t04 = _f(doc, "T04", "exp.total", "total")
    if f05 is not None and t04 is not None:
        check_sum(ctx, XTB008, RND001, term(f05, _name(doc, f05)), [term(t04, _name(doc, t04))],
                  f"{table_name('T04', doc.report_kind)} 支出合计", related=[t04.cell.loc], key="F05~T04")
    table = doc.table("F05")
    if table is not None:
        for code in dict.fromkeys(k.row for k in table.facts if k.row.isdigit() and len(k.row) == 3):
            a, b = table.fact(code, "total"), _f(doc, "T04", f"exp.{code}", "total")
            if a is not None and b is not None:
                check_sum(ctx, XTB008, RND001, term(a, f"{_name(doc, a)} ({code})"), [term(b, _name(doc, b))],
                          f"{table_name('T04', doc.report_kind)} {b.label}", related=[b.cell.loc],
                          key=f"F05[{code}]~T04")
    f06 = _f(doc, "F06", "total", "amount")
    # 财政拨款 基本支出: F05's column where it prints one, else the summary's 基本支出 row
    basic = _f(doc, "F05", "total", "basic") or _f(doc, "T04", "exp.basic", "total")
    if f06 is not None and basic is not None:
        where = f"{table_name(basic.key.table, doc.report_kind)} 基本支出"
        check_sum(ctx, XTB008, RND001, term(f06, _name(doc, f06)), [term(basic, where)], where,
                  related=[basic.cell.loc], key="F06~basic")
    for part, whole in ((_f(doc, "T05", "total", "total"), f05), (_f(doc, "T06", "total", "amount"), f06)):
        if part is not None and whole is not None:
            check_at_most(ctx, XTB008, part, whole, "一般公共预算 is one fund of 财政拨款: it cannot exceed it",
                          key=f"{part.key.table}<={whole.key.table}")
