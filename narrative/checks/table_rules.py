"""Rules inside one table: sums of children, row totals, balances, completeness."""

from __future__ import annotations

import regex

from ..findings import Severity
from ..model import Fact, Loc, Table
from ..normalize import squash
from ..structure import BULLET_RE
from ..tables.code_tables import ROW_TOTALS, column_name
from ..tables.recognize import NAMES, kind_from_title
from ..tables.summary_tables import strip_enum
from .registry import Context, Rule, checker, rule
from .relations import Term, check_sum, excerpt_of, term


@rule
class TBL001(Rule):
    """A parent row differs from the sum of its child rows.

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
    """

    code = "TBL001"
    name = "parent-sum"
    severity = Severity.ERROR


@rule
class TBL002(Rule):
    """A row's total column differs from the sum of its component columns.

    What it checks: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
    (公开03), 本年收入合计 = 财政拨款收入 + … + 其他收入 (公开02), 合计 = 基本支出 + 项目支出
    (公开05/07/08), and the 合计 = 一般公共预算 + 政府性基金 + 国有资本 columns of 公开04.

    Why it matters: a row that does not add across its columns has one wrong cell.

    Example: 2013101 行政运行 169.67 = 115.75 + 53.91 (within rounding: no error);
    169.67 = 115.75 + 63.91 would be reported on that row's line.
    """

    code = "TBL002"
    name = "row-total"
    severity = Severity.ERROR


@rule
class TBL003(Rule):
    """A balance of the summary tables does not hold.

    What it checks: 公开01 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 =
    本年支出合计 + 结余分配 + 年末结转和结余; 公开04 本年收入合计 + 年初财政拨款结转和结余 =
    总计 = 本年支出合计 + 年末财政拨款结转和结余; 公开07 年末 = 年初 + 本年收入 − 本年支出.

    Why it matters: the two sides of a final account must balance; a gap means a carry-over
    or a total was not updated.

    Example: 311.56 + 0 + 14.89 = 326.45 = 316.83 + 0 + 9.63 holds within rounding (326.46).
    """

    code = "TBL003"
    name = "balance"
    severity = Severity.ERROR


@rule
class TBL004(Rule):
    """A table the report lists or its layout requires is missing.

    What it checks: every table named in the report's own 目录 is present; a report in the
    ten-table 公开01–10表 layout has all ten, a 决算 without 公开NN labels (the Shanghai
    layout) has the nine it requires (公开01–09).

    Why it matters: a missing table hides figures the prose restates; often a table was
    dropped while the 目录 was copied from last year.

    Example: 目录 lists "十、国有资产占用情况表" but no such table follows.
    """

    code = "TBL004"
    name = "missing-table"
    severity = Severity.ERROR
    scope = "document"


@rule
class TBL005(Rule):
    """A table without data carries no note saying why it is empty.

    What it checks: a table whose cells are all empty or zero (公开07/08 for most
    departments) must say so below it (本表无数据 / 当此表数据为空时… / 没有…收入和支出).

    Why it matters: the publication rules ask for the note; without it a reader cannot
    tell an empty-by-design table from one that lost its data.

    Example: 政府性基金预算财政拨款收入支出决算表 with 合计 0 and no note.
    """

    code = "TBL005"
    name = "empty-table-note"
    severity = Severity.WARNING


@rule
class TBL006(Rule):
    """An amount cell is not a number.

    What it checks: every cell in an amount column is empty, "---" (not applicable) or a
    number ("1,234.56", "0.00").

    Why it matters: a cell like "12..50" or "1O.5" cannot be added up, so every sum
    that includes it is unchecked.

    Example: 基本支出 "115..75".
    """

    code = "TBL006"
    name = "bad-cell"
    severity = Severity.ERROR


@rule
class RND001(Rule):
    """A relation holds only within rounding (information, never an error).

    What it checks: nothing new; it reports the relations of the other rules whose
    central values differ while the intervals that rounding allows still intersect.

    Why it matters: every figure is rounded, so a sum of n rounded figures may differ
    from its rounded total by up to n half-units; this is the audit trail of such gaps.

    Example: 301 工资福利支出 97.93 while its items add up to 97.92.
    """

    code = "RND001"
    name = "rounding-gap"
    severity = Severity.INFO
    scope = "any"


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
                if tf is None:
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
    return list(dict.fromkeys(k.row for k in table.facts if regex.fullmatch(r"exp\.\d{3}", k.row)))


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
                if tf is None:
                    continue
                terms = [term(f, c) for c in parts if (f := table.fact(row, c)) is not None]
                check_sum(ctx, TBL002, RND001, term(tf, f"{tf.label} 合计"), terms, " + ".join(column_name(c, table.kind) for c in parts),
                          key=f"T04:{row}:rowtotal")
    for table in ctx.doc.tables_of("T07") + ctx.doc.tables_of("T08"):
        rows = ["total", *table.extra.get("codes", [])]
        for row in rows:
            end = table.fact(row, "carry_end")
            parts = [(table.fact(row, "carry_begin"), 1), (table.fact(row, "income"), 1), (table.fact(row, "total"), -1)]
            if end is None or any(p is None for p, _ in parts):
                continue
            check_sum(ctx, TBL003, RND001, term(end, f"{row} 年末结转和结余"),
                      [Term(p.cell, p.label, s) for p, s in parts if p is not None],
                      "年初结转和结余 + 本年收入 − 本年支出", key=f"{table.kind}:{row}:balance")


def _sum_rows(ctx: Context, table: Table, parent: str, rows: list[str], col: str, what: str) -> None:
    pf = table.fact(parent, col)
    parts = _facts_in(table, rows, col)
    if pf is None or not parts:
        return
    check_sum(ctx, TBL001, RND001, term(pf, f"{pf.label} {column_name(col, table.kind)}" if col != "amount" else pf.label),
              [term(f) for f in parts], what, key=f"{table.kind}:{parent}:{col}")


def _balance(ctx: Context, table: Table, total: str, rows: list[str], col: str, what: str) -> None:
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
                if pf is None or not fs:
                    continue
                check_sum(ctx, TBL001, RND001, term(pf, f"{pf.label} {column_name(col, table.kind)}"), [term(f) for f in fs], what,
                          key=f"T09:{parent}:{col}")
    for table in ctx.doc.tables_of("T10"):
        kinds = table.extra.get("vehicle_kinds", [])
        pf = table.fact("vehicles_total", "final")
        fs = _facts_in(table, kinds, "final")
        if pf is not None and fs:
            check_sum(ctx, TBL001, RND001, pf, [term(f) for f in fs], "Σ vehicle kinds", key="T10:vehicles")


@checker("TBL006")
def check_bad_cells(ctx: Context) -> None:
    for table in ctx.doc.tables:
        for cell, problem in table.problems:
            ctx.emit(TBL006, f"{problem}: {cell.norm!r}", cell.loc, excerpt_of(cell), stated=cell.norm,
                     explanation=f"cell {cell.col + 1} of the row is neither empty, '---' nor a number",
                     key=f"{table.kind}:{cell.col}")


EMPTY_NOTE_RE = regex.compile(r"无数据|数据为空|为空表|没有.{0,30}(?:收入|支出|经费|资产)|无.{0,20}(?:收入|支出|经费)|空表")
# Layouts: a report with 公开NN labels prints the ten national tables; a 决算 without
# them (Shanghai) prints nine (no 公开10 国有资产占用情况表).
TEN_TABLES = [f"T{i:02d}" for i in range(1, 11)]


@checker("TBL004", "TBL005")
def check_completeness(ctx: Context) -> None:
    doc = ctx.doc
    present = {t.kind for t in doc.tables if t.kind}
    required: dict[str, Loc | None] = {}
    excerpts: dict[str, str] = {}
    for entry in doc.toc:
        kind = kind_from_title(strip_enum(entry.text))
        if kind and kind != "SE":
            required.setdefault(kind, Loc(entry.line.number, entry.line.page))
            excerpts.setdefault(kind, BULLET_RE.sub("", entry.line.text.strip()))
    if doc.report_kind == "决算":
        labelled = any(t.label for t in doc.tables)
        for kind in TEN_TABLES if labelled else TEN_TABLES[:9]:
            required.setdefault(kind, None)
    first = next((ln for ln in doc.lines if not ln.blank), None)
    for kind, loc in required.items():
        if kind in present:
            continue
        if loc is None:
            loc = Loc(first.number, first.page) if first else Loc(None)
        ctx.emit(
            TBL004,
            f"missing table: {NAMES.get(kind, kind)}",
            loc,
            excerpts.get(kind, NAMES.get(kind, kind)),
            explanation=(
                "listed in the report's 目录 but not found" if kind in excerpts
                else f"required by the {'ten-table 公开01–10' if doc.tables and any(t.label for t in doc.tables) else 'nine-table'} layout"
            ),
            key=kind,
        )
    for table in doc.tables:
        if table.kind in (None, "TOC", "SE") or not table.facts or table.has_data:
            continue
        notes = " ".join(squash(n.norm) for n in table.notes)
        if EMPTY_NOTE_RE.search(notes):
            continue
        line = table.title_line or table.first_line
        ctx.emit(
            TBL005,
            f"{table.title or NAMES.get(table.kind, table.kind)} has no data and no note saying so",
            Loc(line.number, line.page),
            line.text.strip(),
            explanation="all its cells are empty or zero; expected a note such as 本表无数据 or 当此表数据为空时…",
            key=str(table.kind),
        )
