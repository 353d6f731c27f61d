"""Which table is this?  By title first, then the 公开NN表 label, then the header.

Provinces number their tables differently (Shanghai prints nine tables with no
公开NN labels, 三公 seventh), so a table's kind is the national 公开01…10
meaning of its title, not its position.  The label is used only when the title
is missing or unknown.
"""

from __future__ import annotations

from .. import patterns
from ..model import Document, Table
from ..normalize import squash
from .code_tables import parse_code_table
from .kinds import AMOUNT_KINDS, BUDGET_NAMES, NAMES, TITLES, kind_from_title, table_name
from .other_tables import parse_assets_table, parse_economic_table, parse_three_public_table
from .preamble import unit_in_header
from .self_eval import parse_self_eval
from .summary_tables import parse_summary_table
from .vertical_tables import parse_grouped_income, parse_procurement_table

__all__ = ["AMOUNT_KINDS", "BUDGET_NAMES", "NAMES", "TITLES", "kind_from_title", "table_name", "kind_from_label",
           "kind_from_header", "recognize_tables"]


def kind_from_label(label: str, report_kind: str | None = None) -> str | None:
    """The national 公开NN meaning of a label, for 决算 only: 预算 reports number their
    tables their own way (Jiangsu's 公开05表 is 财政拨款支出预算表, not 公开05's 决算
    table), and "表1" / "表一" numbering is each report's own."""
    m = patterns.search(r"公开\s*(\d+)", label)
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
        return "SE" if patterns.search(r"得分|实际完成值|全年执行数|自评", head) else "PT"
    return None


def is_toc(table: Table) -> bool:
    """A 目录 with page numbers: every row is (text, page number)."""
    if not table.rows:
        return False
    for r in table.rows:  # row by row: the first row of any other table already says no
        texts = [c.norm for c in r.cells if c.norm]
        if len(texts) != 2 or not texts[1].isdigit():
            return False
    return True


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
