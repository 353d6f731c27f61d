"""TBL001–TBL003: the arithmetic inside one table: parents against their children, row
totals against their columns, the balances of the summary tables.
"""

from __future__ import annotations

from ... import patterns
from ...findings import Severity
from ...model import Fact, Table
from ...tables.code_tables import ROW_TOTALS, column_name
from ..base import RND001, Context, checker, declare
from ..relations import Term, check_sum, composed, term

EXP_CLASS_ROW_RE = patterns.compile(r"exp\.\d{3}")

TBL001 = declare("TBL001", "parent-sum", Severity.ERROR, "table", """
    A parent row differs from the sum of its child rows.

    What it checks: in the code tables (公开02/03/05/07/08) 类 = Σ款 = Σ项 and 合计 = Σ类, in
    every amount column; in 公开06 each economic class equals the sum of its items
    (301 = Σ301xx …), 人员经费合计 = 301 + 303 and 公用经费合计 = 302 + 307 + 310 + 399; in
    公开01/04 本年收入合计 = Σ income items and 本年支出合计 = Σ classes; in 公开09 三公 =
    出国 + 车辆 + 接待, 车辆 = 购置 + 运行维护, 接待 = 国内 + 国(境)外; in 公开10 the vehicle
    total equals the sum of its kinds.  "其中" rows are subsets and never addends.

    Why it matters: a parent that does not add up means one of the figures was typed or
    copied wrongly, and the prose that restates it inherits the error.

    Example: 20131 本年支出合计 298.60 while its 项 rows give 169.67 + 120.93 = 290.60.
    The finding sits on the parent row's line.
    """)


TBL002 = declare("TBL002", "row-total", Severity.ERROR, "table", """
    A row's total column differs from the sum of its component columns.

    What it checks: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
    (公开03), 本年收入合计 = 财政拨款收入 + … + 其他收入 (公开02), 合计 = 基本支出 + 项目支出
    (公开05/07/08), and the 合计 = 一般公共预算 + 政府性基金 + 国有资本 columns of 公开04.

    Why it matters: a row that does not add across its columns has one wrong cell.

    Example: 2013101 行政运行 169.67 = 115.75 + 53.91 (within rounding: no error);
    169.67 = 115.75 + 63.91 would be reported on that row's line.
    """)


TBL003 = declare("TBL003", "balance", Severity.ERROR, "table", """
    A balance of the summary tables does not hold.

    What it checks: 公开01 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 =
    本年支出合计 + 结余分配 + 年末结转和结余; 公开04 本年收入合计 + 年初财政拨款结转和结余 =
    总计 = 本年支出合计 + 年末财政拨款结转和结余; 公开07 年末 = 年初 + 本年收入 − 本年支出.

    Why it matters: the two sides of a final account must balance; a gap means a carry-over
    or a total was not updated.

    Example: 311.56 + 0 + 14.89 = 326.45 = 316.83 + 0 + 9.63 holds within rounding (326.46).
    """)



CODE_TABLES = ("T02", "T03", "T05", "T07", "T08")
PUBLIC_CLASSES = ("302", "307", "309", "310", "311", "312", "313", "399")
PERSONNEL_CLASSES = ("301", "303")


def _children(codes: list[str]) -> dict[str, list[str]]:
    """Each code's children: the codes whose nearest present ancestor it is."""
    present = set(codes)
    kids: dict[str, list[str]] = {}
    for c in codes:
        parent = None
        for cut in (5, 3):
            if len(c) > cut and c[:cut] in present:
                parent = c[:cut]
                break
        if parent is not None:
            kids.setdefault(parent, []).append(c)
    return kids


def _facts_in(table: Table, rows: list[str], col: str) -> list[Fact]:
    out = []
    for r in rows:
        f = table.fact(r, col)
        if f is not None:
            out.append(f)
    return out


@checker("TBL001", "TBL002", "RND001")
def check_code_tables(ctx: Context) -> None:
    for table in ctx.doc.tables:
        if table.kind not in CODE_TABLES:
            continue
        codes: list[str] = list(dict.fromkeys(table.extra.get("codes", [])))
        columns: list[str] = table.extra.get("columns", [])
        kids = _children(codes)
        for col in columns:
            for parent, children in kids.items():
                pf = table.fact(parent, col)
                if pf is None:
                    continue
                level = "款" if len(children[0]) == 5 else "项"
                check_sum(
                    ctx, TBL001, RND001, term(pf, f"{table.kind} {parent} {pf.label} {column_name(col, table.kind)}"),
                    [term(f) for f in _facts_in(table, children, col)], f"Σ{level} of {parent}",
                    key=f"{table.kind}:{parent}:{col}",
                )
            total = table.fact("total", col)
            classes = [c for c in codes if len(c) == 3]
            if total is not None and classes:
                check_sum(
                    ctx, TBL001, RND001, term(total, f"{table.kind} 合计 {column_name(col, table.kind)}"),
                    [term(f) for f in _facts_in(table, classes, col)], "Σ类",
                    key=f"{table.kind}:total:{col}",
                )
        spec = ROW_TOTALS.get(table.kind or "")
        if spec:
            total_col, parts = spec
            for row in ["total", *codes]:
                tf = table.fact(row, total_col)
                if tf is None or composed(table, row, total_col):
                    continue
                pfs = [table.fact(row, p) for p in parts]
                terms = [term(f, p) for f, p in zip(pfs, parts, strict=True) if f is not None]
                check_sum(
                    ctx, TBL002, RND001, term(tf, f"{table.kind} {'' if row == 'total' else row + ' '}{tf.label} {column_name(total_col, table.kind)}"), terms,
                    " + ".join(column_name(p, table.kind) for p, f in zip(parts, pfs, strict=True) if f is not None),
                    key=f"{table.kind}:{row}:rowtotal",
                )


@checker("TBL001", "RND001")
def check_economic_table(ctx: Context) -> None:
    for table in ctx.doc.tables_of("T06"):
        codes: list[str] = list(dict.fromkeys(table.extra.get("codes", [])))
        for parent, children in _children(codes).items():
            pf = table.fact(parent, "amount")
            if pf is None:
                continue
            check_sum(
                ctx, TBL001, RND001, term(pf, f"{parent} {pf.label}"),
                [term(f) for f in _facts_in(table, children, "amount")], f"Σ items of {parent}",
                key=f"T06:{parent}",
            )
        for total_key, classes, what in (
            ("personnel_total", PERSONNEL_CLASSES, "301 + 303"),
            ("public_total", PUBLIC_CLASSES, "302 + 307 + 310 + 399"),
        ):
            tf = table.fact(total_key, "amount")
            parts = _facts_in(table, [c for c in classes if c in codes], "amount")
            if tf is not None and parts:
                check_sum(ctx, TBL001, RND001, tf, [term(f) for f in parts], what, key=f"T06:{total_key}")


INCOME_ITEMS = ["income.gpb", "income.fund", "income.capital", "income.fiscal", "income.upper",
                "income.business", "income.operating", "income.subsidiary", "income.other"]


def _exp_classes(table: Table) -> list[str]:
    return list(dict.fromkeys(k.row for k in table.facts if EXP_CLASS_ROW_RE.fullmatch(k.row)))


@checker("TBL001", "TBL002", "TBL003", "RND001")
def check_summary_tables(ctx: Context) -> None:
    for table in ctx.doc.tables_of("T01"):
        _sum_rows(ctx, table, "income.total", INCOME_ITEMS, "amount", "Σ income items")
        _sum_rows(ctx, table, "exp.total", _exp_classes(table), "amount", "Σ classes")
        # 预算 收支总表: 财政拨款收入 over its three funds, 总计 without a 本年…合计 row
        _sum_rows(ctx, table, "income.fiscal", ["income.gpb", "income.fund", "income.capital"], "amount",
                  "一般公共预算 + 政府性基金 + 国有资本经营预算")
        if table.fact("income.total", "amount") is None:
            items = [r for r in INCOME_ITEMS if not (r in ("income.gpb", "income.fund", "income.capital")
                                                     and table.fact("income.fiscal", "amount") is not None)]
            _sum_rows(ctx, table, "income.grand_total", items, "amount", "Σ income items")
        if table.fact("exp.total", "amount") is None:
            _sum_rows(ctx, table, "exp.grand_total", _exp_classes(table), "amount", "Σ classes")
        _balance(ctx, table, "income.grand_total", ["income.total", "income.nonfiscal_balance",
                 "income.carry_begin"], "amount", "本年收入合计 + 使用非财政拨款结余 + 年初结转和结余")
        _balance(ctx, table, "exp.grand_total", ["exp.total", "exp.distribution", "exp.carry_end"],
                 "amount", "本年支出合计 + 结余分配 + 年末结转和结余")
        _sides(ctx, table, "amount")
    for table in ctx.doc.tables_of("T04"):
        _sum_rows(ctx, table, "income.total", ["income.gpb", "income.fund", "income.capital"], "amount",
                  "Σ income items")
        _sum_rows(ctx, table, "income.carry_begin", ["income.carry_begin.gpb", "income.carry_begin.fund",
                  "income.carry_begin.capital"], "amount", "Σ carry-over by fund")
        cols: list[str] = table.extra.get("exp_columns", [])
        if table.fact("income.total", "amount") is None:
            _sum_rows(ctx, table, "income.grand_total", ["income.gpb", "income.fund", "income.capital"], "amount",
                      "Σ income items")
        for col in cols:
            _sum_rows(ctx, table, "exp.total", _exp_classes(table), col, "Σ classes")
            if table.fact("exp.total", col) is None:
                _sum_rows(ctx, table, "exp.grand_total", _exp_classes(table), col, "Σ classes")
            _balance(ctx, table, "exp.grand_total", ["exp.total", "exp.carry_end"], col,
                     "本年支出合计 + 年末财政拨款结转和结余")
        _balance(ctx, table, "income.grand_total", ["income.total", "income.carry_begin"], "amount",
                 "本年收入合计 + 年初财政拨款结转和结余")
        if "total" in cols:
            _sides(ctx, table, "total")
            parts = [c for c in ("gpb", "fund", "capital") if c in cols]
            rows = list(dict.fromkeys(k.row for k in table.facts if k.row.startswith("exp.")))
            for row in rows:
                tf = table.fact(row, "total")
                if tf is None or composed(table, row, "total"):
                    continue
                terms = [term(f, c) for c in parts if (f := table.fact(row, c)) is not None]
                check_sum(ctx, TBL002, RND001, term(tf, f"{tf.label} 合计"), terms, " + ".join(column_name(c, table.kind) for c in parts),
                          key=f"T04:{row}:rowtotal")
    for table in ctx.doc.tables_of("T07") + ctx.doc.tables_of("T08"):
        rows = ["total", *table.extra.get("codes", [])]
        for row in rows:
            end = table.fact(row, "carry_end")
            sides = [(table.fact(row, "carry_begin"), 1), (table.fact(row, "income"), 1), (table.fact(row, "total"), -1)]
            if end is None or any(p is None for p, _ in sides):
                continue
            check_sum(ctx, TBL003, RND001, term(end, f"{row} 年末结转和结余"),
                      [Term(p.cell, p.label, s, p) for p, s in sides if p is not None],
                      "年初结转和结余 + 本年收入 − 本年支出", key=f"{table.kind}:{row}:balance")


def _sum_rows(ctx: Context, table: Table, parent: str, rows: list[str], col: str, what: str) -> None:
    if composed(table, parent, col):
        return
    pf = table.fact(parent, col)
    parts = _facts_in(table, rows, col)
    if pf is None or not parts:
        return
    check_sum(ctx, TBL001, RND001, term(pf, f"{pf.label} {column_name(col, table.kind)}" if col != "amount" else pf.label),
              [term(f) for f in parts], what, key=f"{table.kind}:{parent}:{col}")


def _balance(ctx: Context, table: Table, total: str, rows: list[str], col: str, what: str) -> None:
    if composed(table, total, col):
        return
    tf = table.fact(total, col)
    parts = _facts_in(table, rows, col)
    if tf is None or not parts:
        return
    side = "收入" if total.startswith("income") else "支出"
    check_sum(ctx, TBL003, RND001, term(tf, f"{side}总计" + (f" {column_name(col, table.kind)}" if col != "amount" else "")),
              [term(f) for f in parts], what, key=f"{table.kind}:{total}:{col}")


def _sides(ctx: Context, table: Table, exp_col: str) -> None:
    a = table.fact("income.grand_total", "amount")
    b = table.fact("exp.grand_total", exp_col)
    if a is None or b is None:
        return
    check_sum(ctx, TBL003, RND001, term(a, "收入总计"), [term(b, "支出总计")], "支出总计",
              key=f"{table.kind}:sides")


THREE_PUBLIC_SUMS = [
    ("total", ["abroad", "vehicle", "reception"], "出国 + 车辆 + 接待"),
    ("vehicle", ["vehicle_purchase", "vehicle_operation"], "购置 + 运行维护"),
    ("reception", ["reception_domestic", "reception_abroad"], "国内 + 国(境)外"),
]


@checker("TBL001", "RND001")
def check_three_public_and_assets(ctx: Context) -> None:
    for table in ctx.doc.tables_of("T09"):
        for col in table.extra.get("columns", []):
            for parent, parts, what in THREE_PUBLIC_SUMS:
                pf = table.fact(parent, col)
                fs = _facts_in(table, parts, col)
                if pf is None or not fs or composed(table, parent, col):
                    continue
                check_sum(ctx, TBL001, RND001, term(pf, f"{pf.label} {column_name(col, table.kind)}"), [term(f) for f in fs], what,
                          key=f"T09:{parent}:{col}")
    for table in ctx.doc.tables_of("T10"):
        kinds = table.extra.get("vehicle_kinds", [])
        pf = table.fact("vehicles_total", "final")
        fs = _facts_in(table, kinds, "final")
        if pf is not None and fs:
            check_sum(ctx, TBL001, RND001, pf, [term(f) for f in fs], "Σ vehicle kinds", key="T10:vehicles")
