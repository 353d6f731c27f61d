"""Which table is this?  By title first, then the 公开NN表 label, then the header.

Provinces number their tables differently (Shanghai prints nine tables with no
公开NN labels, 三公 seventh), so a table's kind is the national 公开01…10
meaning of its title, not its position.  The label is used only when the title
is missing or unknown.
"""

from __future__ import annotations

import regex

from ..model import Document, Table
from ..normalize import squash
from .code_tables import parse_code_table
from .other_tables import parse_assets_table, parse_economic_table, parse_three_public_table
from .preamble import unit_in_header
from .self_eval import parse_self_eval
from .summary_tables import parse_summary_table
from .vertical_tables import parse_grouped_income, parse_procurement_table

# (kind, title regex searched at the end of the squashed title), most specific first.
# Titles are squashed (no spaces or quotes) and any trailing parenthesis ("（功能科目）",
# "（经济科目）", "（单位：万元）") is dropped before matching.
Y = r"(?:预算|决算)"
TITLES: list[tuple[str, str]] = [
    ("SE", r"项目支出绩效自评表|绩效自评表|绩效自评结果表"),
    ("PT", r"绩效目标(?:填报|申报)?表"),
    ("T04", rf"财政拨款收支{Y}?总表|财政拨款收入支出{Y}?总表"),
    ("T01", rf"(?:财务)?收支{Y}?总表|收入支出{Y}?总表"),
    ("T02", rf"收入{Y}?总表|(?<!财政拨款|基金)收入{Y}表"),
    ("T03", rf"(?<!财政拨款|一般公共预算|基金|基本|经营)支出{Y}?总表"),
    ("T06", rf"一般公共预算(?:财政拨款)?基本支出(?:部门预算)?(?:经济分类)?{Y}(?:明细)?表"),
    ("F06", rf"财政拨款基本支出(?:经济分类)?{Y}(?:明细)?表"),
    ("T05", rf"一般公共预算(?:财政拨款)?支出(?:功能分类)?{Y}表"),
    ("T07", rf"(?:财政拨款)?政府性基金(?:预算)?(?:财政拨款)?(?:收入)?支出(?:功能分类)?{Y}表"),
    ("T08", rf"国有资本经营预算(?:财政拨款)?(?:收入)?支出(?:功能分类)?{Y}表"),
    ("T09", rf"三公经费(?:[、,]?会议费)?(?:[、,]?培训费)?(?:支出)?(?:和机关运行经费)?{Y}表"),
    ("RUN", rf"机关运行经费(?:支出)?{Y}(?:明细)?表"),
    ("PUR", rf"政府采购(?:支出)?{Y}(?:明细)?表"),
    ("F05", rf"财政拨款支出(?:功能分类)?{Y}(?:明细)?表"),
    ("T10", r"国有资产占用情况表"),
    ("T03", rf"(?<!财政拨款|一般公共预算|基金|基本|经营)支出{Y}表"),
]
# The name each kind is shown by when its own title is missing (决算 wording; the 预算
# wording is BUDGET_NAMES).  T01–T10 keep the national 公开01–10 numbering of the 决算
# tables, whatever a province calls or orders them; the 预算 tables that mean the same
# thing share the kind.  Kinds with no 决算 counterpart have their own code.
NAMES = {
    "T01": "收入支出决算总表",
    "T02": "收入决算表",
    "T03": "支出决算表",
    "T04": "财政拨款收入支出决算总表",
    "T05": "一般公共预算财政拨款支出决算表",
    "T06": "一般公共预算财政拨款基本支出决算表",
    "T07": "政府性基金预算财政拨款收入支出决算表",
    "T08": "国有资本经营预算财政拨款支出决算表",
    "T09": "财政拨款“三公”经费支出决算表",
    "T10": "国有资产占用情况表",
    "F05": "财政拨款支出决算表",
    "F06": "财政拨款基本支出决算表",
    "RUN": "机关运行经费支出表",
    "PUR": "政府采购支出表",
    "SE": "项目支出绩效自评表",
    "PT": "项目绩效目标表",
}
BUDGET_NAMES = {
    "T01": "收支预算总表",
    "T02": "收入预算总表",
    "T03": "支出预算总表",
    "T04": "财政拨款收支预算总表",
    "T05": "一般公共预算支出预算表",
    "T06": "一般公共预算基本支出预算表",
    "T07": "政府性基金预算支出预算表",
    "T08": "国有资本经营预算支出预算表",
    "T09": "“三公”经费预算表",
    "F05": "财政拨款支出预算表",
    "F06": "财政拨款基本支出预算表",
    "RUN": "机关运行经费支出预算表",
    "PUR": "政府采购预算表",
}
# Kinds that hold amounts (a unit applies to their cells).
AMOUNT_KINDS = ("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "F05", "F06", "RUN", "PUR")


def table_name(kind: str | None, report_kind: str | None = None) -> str:
    """How a table of this kind is called in a report of this kind (预算 or 决算)."""
    if kind is None:
        return "(untitled)"
    if report_kind == "预算" and kind in BUDGET_NAMES:
        return BUDGET_NAMES[kind]
    return NAMES.get(kind, kind)


TRAILING_PAREN_RE = regex.compile(r"[(（][^()（）]{1,12}[)）]$")


def kind_from_title(title: str) -> str | None:
    t = TRAILING_PAREN_RE.sub("", squash(title))
    for kind, pattern in TITLES:
        if regex.search(f"(?:{pattern})$", t):
            return kind
    return None


def kind_from_label(label: str, report_kind: str | None = None) -> str | None:
    """The national 公开NN meaning of a label, for 决算 only: 预算 reports number their
    tables their own way (Jiangsu's 公开05表 is 财政拨款支出预算表, not 公开05's 决算
    table), and "表1" / "表一" numbering is each report's own."""
    m = regex.search(r"公开\s*(\d+)", label)
    if not m or report_kind == "预算":
        return None
    n = int(m.group(1))
    return f"T{n:02d}" if 1 <= n <= 10 else None


def kind_from_header(table: Table) -> str | None:
    """The kind of an untitled table from what its header names."""
    head = "".join(squash(c.norm) for r in table.rows[:4] for c in r.cells)
    if "经济分类科目编码" in head and ("人员经费" in head or "公用经费" in head):
        return "T06"
    if "一级指标" in head or "项目名称" in head and "绩效" in head:
        return "SE" if regex.search(r"得分|实际完成值|全年执行数|自评", head) else "PT"
    return None


def is_toc(table: Table) -> bool:
    """A 目录 with page numbers: every row is (text, page number)."""
    rows = [[c.norm for c in r.cells if c.norm] for r in table.rows]
    return bool(rows) and all(len(r) == 2 and r[1].isdigit() for r in rows)


def recognize_tables(doc: Document) -> None:
    report_kind = doc.report_kind
    for table in doc.tables:
        if is_toc(table):
            table.kind = "TOC"
            continue
        kind = kind_from_title(table.title) if table.title else None
        if kind is None and table.label:
            kind = kind_from_label(table.label, report_kind)
        if kind is None:
            kind = kind_from_header(table)
        table.kind = kind
    _units(doc)
    # Code tables first: the summary tables look up class names in them.
    order = {"T01": 1, "T04": 1}
    for table in sorted(doc.tables, key=lambda t: order.get(t.kind or "", 0)):
        parse_table(table, doc)


def _units(doc: Document) -> None:
    """A table printing no unit line takes the unit of its header cells ("金额（万元）"),
    else the unit of the amount table before it (recorded in ``unit_source``)."""
    previous: str | None = None
    for table in doc.tables:
        if table.kind not in AMOUNT_KINDS:
            continue
        if table.unit is None:
            unit = unit_in_header(table.rows)
            source = "header"
            if unit is None and previous is not None:
                unit, source = previous, "previous table"
            if unit is not None:
                table.unit, table.unit_source = unit, source
                for row in table.rows:
                    for c in row.cells:
                        if c.figure is not None and not c.figure.percent:
                            c.unit = unit
        if table.unit in ("万元", "元", "千元", "亿元"):
            previous = table.unit


def parse_table(table: Table, doc: Document) -> None:
    kind = table.kind
    if kind in ("T02", "T03", "T05", "T07", "T08", "F05"):
        if not parse_code_table(table) and kind in ("T02",):
            parse_grouped_income(table)
    elif kind in ("T01", "T04"):
        parse_summary_table(table, doc)
    elif kind in ("T06", "F06", "RUN"):
        parse_economic_table(table)
    elif kind == "T09":
        parse_three_public_table(table)
    elif kind == "T10":
        parse_assets_table(table)
    elif kind == "PUR":
        parse_procurement_table(table)
    elif kind == "SE":
        parse_self_eval(table)
