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
from .self_eval import parse_self_eval
from .summary_tables import parse_summary_table

# (kind, title regex searched at the end of the squashed title), most specific first.
TITLES: list[tuple[str, str]] = [
    ("SE", r"项目支出绩效自评表|绩效自评表"),
    # 部门预算 / 单位预算 tables (Shanghai): the same structures, other titles
    ("T04", r"财政拨款收支(?:预算)?总表"),
    ("T01", r"(?:财务)?收支(?:预算)?总表"),
    ("T02", r"收入(?:预算)?总表"),
    ("T03", r"支出(?:预算)?总表"),
    ("T06", r"一般公共预算基本支出(?:部门预算)?经济分类预算表"),
    ("T05", r"一般公共预算支出功能分类预算表"),
    ("T07", r"政府性基金预算支出功能分类预算表"),
    ("T08", r"国有资本经营预算支出功能分类预算表"),
    ("T09", r"三公经费(?:和机关运行经费)?预算表"),
    ("T04", r"财政拨款收入支出决算总表"),
    ("T01", r"收入支出决算总表"),
    ("T06", r"一般公共预算财政拨款基本支出决算(?:明细)?表"),
    ("T05", r"一般公共预算财政拨款支出决算表"),
    ("T07", r"政府性基金预算财政拨款(?:收入)?支出决算表"),
    ("T08", r"国有资本经营预算财政拨款(?:收入)?支出决算表"),
    ("T09", r"三公经费支出决算表"),
    ("T10", r"国有资产占用情况表"),
    ("T02", r"收入决算表"),
    ("T03", r"支出决算表"),
]
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
    "SE": "项目支出绩效自评表",
}


def kind_from_title(title: str) -> str | None:
    t = squash(title)
    for kind, pattern in TITLES:
        if regex.search(f"(?:{pattern})$", t):
            return kind
    return None


def kind_from_label(label: str) -> str | None:
    m = regex.search(r"(\d+)", label)
    if not m:
        return None
    n = int(m.group(1))
    return f"T{n:02d}" if 1 <= n <= 10 else None


def kind_from_header(table: Table) -> str | None:
    head = "".join(squash(c.norm) for r in table.rows[:4] for c in r.cells)
    if "经济分类科目编码" in head and ("人员经费" in head or "公用经费" in head):
        return "T06"
    if "一级指标" in head or "项目名称" in head and "绩效" in head:
        return "SE"
    return None


def is_toc(table: Table) -> bool:
    """A 目录 with page numbers: every row is (text, page number)."""
    rows = [[c.norm for c in r.cells if c.norm] for r in table.rows]
    return bool(rows) and all(len(r) == 2 and r[1].isdigit() for r in rows)


def recognize_tables(doc: Document) -> None:
    # Code tables first: the summary tables look up class names in them.
    for table in doc.tables:
        if is_toc(table):
            table.kind = "TOC"
            continue
        kind = kind_from_title(table.title) if table.title else None
        if kind is None and table.label:
            kind = kind_from_label(table.label)
        if kind is None:
            kind = kind_from_header(table)
        table.kind = kind
    order = {"T01": 1, "T04": 1}
    for table in sorted(doc.tables, key=lambda t: order.get(t.kind or "", 0)):
        parse_table(table, doc)


def parse_table(table: Table, doc: Document) -> None:
    kind = table.kind
    if kind in ("T02", "T03", "T05", "T07", "T08"):
        parse_code_table(table)
    elif kind in ("T01", "T04"):
        parse_summary_table(table, doc)
    elif kind == "T06":
        parse_economic_table(table)
    elif kind == "T09":
        parse_three_public_table(table)
    elif kind == "T10":
        parse_assets_table(table)
    elif kind == "SE":
        parse_self_eval(table)
