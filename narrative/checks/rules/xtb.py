"""Rules across tables: the same figure printed in two tables must agree.

Only figures that mean the same thing are compared.  Income by 类 (公开02) and
expenditure by 类 (公开03) legitimately differ, as do 公开01 (all funds) and
公开04 (财政拨款 only) totals and carry-overs, and the economic items of 公开06
and the function items of 公开03/05 (住房公积金 30113 vs 2210201): none of those
pairs is compared.  公开06 holds 基本支出 only while 三公 also covers 项目支出,
so a 06 item may be smaller than its 09 figure, never larger.
"""

from __future__ import annotations

from ...findings import Severity
from ...model import Document, Fact, Table
from ...tables.code_tables import column_name
from ..base import RND001, Context, Rule, checker, declare
from ..relations import Term, check_at_most, check_sum, term

XTB001 = declare("XTB001", "income-01-02", Severity.ERROR, "tables", """
    公开01 income differs from 公开02.

    What it checks: 公开01 本年收入合计 and each income item (财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本, 上级补助收入, 事业收入, 经营收入,
    附属单位上缴收入, 其他收入) against the 合计 row of 公开02's matching column.

    Why it matters: 公开02 details the same income by function class; its totals must be 公开01's.

    Example: 01 本年收入合计 311.56 vs 02 合计 本年收入合计 311.56 (agrees).
    """)
XTB002 = declare("XTB002", "expenditure-01-03", Severity.ERROR, "tables", """
    公开01 expenditure differs from 公开03.

    What it checks:
    公开01 本年支出合计 and each expenditure class (一般公共服务支出 …) against 公开03's 合计 and class rows.

    Why it matters: both tables report all-funds expenditure by function class.

    Example: 01 一般公共服务支出 298.60 vs 03 201 本年支出合计 298.60 (agrees).
    """)
XTB003 = declare("XTB003", "fiscal-04-05", Severity.ERROR, "tables", """
    公开04 一般公共预算 column differs from 公开05.

    What it checks:
    公开04's 一般公共预算财政拨款 column (本年支出合计 and each class) against 公开05's 合计 and class rows.

    Why it matters: 公开05 details exactly that column.

    Example: 04 一般公共服务支出 298.59 vs 05 201 298.59 (agrees).
    """)
XTB004 = declare("XTB004", "basic-05-06", Severity.ERROR, "tables", """
    公开05 基本支出 differs from 公开06 人员经费 + 公用经费.

    What it checks:
    the 合计 基本支出 of 公开05 against 人员经费合计 + 公用经费合计 of 公开06.

    Why it matters: 公开06 is the economic breakdown of exactly that 基本支出.

    Example: 05 基本支出 133.98 vs 06 117.47 + 16.51 = 133.98 (agrees).
    """)
XTB005 = declare("XTB005", "three-public-06-09", Severity.ERROR, "tables", """
    A 公开06 item is larger than its 三公 figure in 公开09.

    What it checks:
    30212 因公出国(境)费用 ≤ 09 因公出国(境)费 决算数, 30217 公务接待费 ≤ 公务接待费, 30231
    公务用车运行维护费 ≤ 公务用车运行维护费, 31013 公务用车购置 ≤ 公务用车购置费.

    Why it matters: 公开06 holds 基本支出 only while 三公 also covers 项目支出, so the 06 item may be smaller but
    never larger; larger means one of the two is wrong.

    Example: 06 公务接待费 0.16 ≤ 09 公务接待费 0.16 (holds).
    """)
XTB006 = declare("XTB006", "fiscal-income-01-04", Severity.ERROR, "tables", """
    公开01 fiscal income differs from 公开04.

    What it checks:
    一般公共预算 / 政府性基金 / 国有资本经营预算 财政拨款收入 in 公开01 against the same income lines of 公开04.

    Why it matters: both tables print this year's appropriation income; only totals and carry-overs differ
    between them (01 covers all funds, 04 only 财政拨款).

    Example: 01 一般公共预算财政拨款收入 311.55 vs 04 311.55 (agrees).
    """)
XTB007 = declare("XTB007", "fund-04-07-08", Severity.ERROR, "tables", """
    公开04 fund columns differ from 公开07/08.

    What it checks:
    公开04's 政府性基金 column (本年支出合计) against 公开07's 本年支出 合计, its 政府性基金 income against 07's
    本年收入, and its 国有资本经营 column against 公开08's 合计.

    Why it matters: 07 and 08 detail those columns; an empty 07 with a non-empty 04 column (or the reverse) is a
    slip.

    Example: 04 政府性基金 empty and 07 合计 0 (agrees).
    """)


def _f(doc: Document, table: str, row: str, col: str) -> Fact | None:
    return doc.fact(table, row, col)


def _pair(ctx: Context, rule_cls: Rule, a: Fact | None, b: Fact | None, what: str) -> None:
    if a is None or b is None:
        return
    check_sum(ctx, rule_cls, RND001, term(a, f"公开{a.key.table[1:]} {a.label}"), [term(b, f"公开{b.key.table[1:]} {b.label}")],
              what, related=[b.cell.loc], key=f"{a.key}~{b.key}")


@checker("XTB001", "XTB002", "XTB003", "XTB004", "XTB006", "XTB007", "RND001")
def check_cross_tables(ctx: Context) -> None:
    doc = ctx.doc
    # 01 ↔ 02
    _pair(ctx, XTB001, _f(doc, "T01", "income.total", "amount"), _f(doc, "T02", "total", "total"),
          "公开02 合计 本年收入合计")
    for r01, c02 in (("income.upper", "upper"), ("income.business", "business"), ("income.operating", "operating"),
                     ("income.subsidiary", "subsidiary"), ("income.other", "other"), ("income.fiscal", "fiscal")):
        _pair(ctx, XTB001, _f(doc, "T01", r01, "amount"), _f(doc, "T02", "total", c02),
              f"公开02 合计 {column_name(c02, 'T02')}")
    fiscal02 = _f(doc, "T02", "total", "fiscal")
    parts = [f for r in ("income.gpb", "income.fund", "income.capital") if (f := _f(doc, "T01", r, "amount"))]
    if fiscal02 is not None and parts and _f(doc, "T01", "income.fiscal", "amount") is None:
        check_sum(ctx, XTB001, RND001, term(fiscal02, "公开02 合计 财政拨款收入"), [term(f) for f in parts],
                  "公开01 一般公共预算 + 政府性基金 + 国有资本 财政拨款收入", key="T02:fiscal~T01",
                  at=parts[0].cell, related=[fiscal02.cell.loc])
    # 01 ↔ 03
    _pair(ctx, XTB002, _f(doc, "T01", "exp.total", "amount"), _f(doc, "T03", "total", "total"),
          "公开03 合计 本年支出合计")
    t01, t03 = doc.table("T01"), doc.table("T03")
    if t01 and t03:
        _classes(ctx, XTB002, t01, "amount", t03, "公开03 {c} 本年支出合计")
    # 04 ↔ 05
    t04, t05 = doc.table("T04"), doc.table("T05")
    if t04 and t05 and "gpb" in t04.extra.get("exp_columns", []):
        _pair(ctx, XTB003, t04.fact("exp.total", "gpb"), t05.fact("total", "total"), "公开05 合计")
        _classes(ctx, XTB003, t04, "gpb", t05, "公开05 {c} 合计")
    # 05 ↔ 06
    basic = _f(doc, "T05", "total", "basic")
    pers, pub = _f(doc, "T06", "personnel_total", "amount"), _f(doc, "T06", "public_total", "amount")
    if basic is not None and pers is not None and pub is not None:
        check_sum(ctx, XTB004, RND001, term(basic, "公开05 合计 基本支出"), [term(pers), term(pub)],
                  "公开06 人员经费合计 + 公用经费合计", related=[pers.cell.loc], key="T05:basic~T06")
    # 01 ↔ 04 (fiscal income lines only)
    for r in ("income.gpb", "income.fund", "income.capital"):
        b = _f(doc, "T04", r, "amount")
        _pair(ctx, XTB006, _f(doc, "T01", r, "amount"), b, f"公开04 {b.label if b else r}")
    # 04 ↔ 07 / 08
    if t04:
        cols = t04.extra.get("exp_columns", [])
        if "fund" in cols:
            _pair(ctx, XTB007, t04.fact("exp.total", "fund"), _f(doc, "T07", "total", "total"), "公开07 合计 本年支出")
            _pair(ctx, XTB007, t04.fact("income.fund", "amount"), _f(doc, "T07", "total", "income"),
                  "公开07 合计 本年收入")
        if "capital" in cols:
            _pair(ctx, XTB007, t04.fact("exp.total", "capital"), _f(doc, "T08", "total", "total"), "公开08 合计")


def _classes(ctx: Context, rule_cls: Rule, summary: Table, col: str, detail: Table, what: str) -> None:
    """Each expenditure class of a summary table (01/04) against the class rows of its detail
    table (03/05); a class printed with an amount in only one of them is a finding too."""
    classes = {k.row[4:] for k in summary.facts if k.row.startswith("exp.") and k.row[4:].isdigit()}
    classes |= {c for c in detail.extra.get("codes", []) if len(c) == 3}
    for c in sorted(classes):
        a, b = summary.fact(f"exp.{c}", col), detail.fact(c, "total")
        if a is None and b is not None and b.cell.figure is not None and b.cell.figure.value != 0:
            _missing_row(ctx, rule_cls, b, f"公开{summary.kind[1:] if summary.kind else '?'}")
        _pair(ctx, rule_cls, a, b, what.format(c=c))


def _missing_row(ctx: Context, rule_cls: Rule, present: Fact, other: str) -> None:
    ctx.emit(rule_cls, f"{present.key.table} {present.key.row} {present.label} {present.cell.norm} has no row in {other}",
             present.cell.loc, present.cell.line.text.strip(), stated=present.cell.norm, computed="(absent)",
             explanation=f"the class is printed with an amount in {present.key.table} but {other} has no row for it",
             key=f"{present.key}~absent")


@checker("XTB005")
def check_three_public_vs_economic(ctx: Context) -> None:
    doc = ctx.doc
    for code, item in (("30212", "abroad"), ("30217", "reception"), ("30231", "vehicle_operation"),
                       ("31013", "vehicle_purchase")):
        a = _f(doc, "T06", code, "amount")
        b = _f(doc, "T09", item, "final")
        if a is None or b is None:
            continue
        check_at_most(ctx, XTB005, a, b, "公开06 (基本支出 only) cannot exceed the 三公 决算数 of 公开09",
                      key=f"T06:{code}~T09:{item}")


__all__ = ["XTB001", "XTB002", "XTB003", "XTB004", "XTB005", "XTB006", "XTB007", "Term"]
