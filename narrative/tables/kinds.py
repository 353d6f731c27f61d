"""Table kinds: what each kind is called, and the kind a title names.

T01–T10 keep the national 公开01–10 meaning of the 决算 tables; a 预算 table that means
the same thing shares the kind; kinds with no 决算 counterpart have their own code
(docs/conventions.md, "Table kinds").  Data and pure functions only, so that every stage
(preamble reading, recognition, identity, table sets) can use them.
"""

from __future__ import annotations

from .. import patterns
from ..normalize import squash

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


TRAILING_PAREN_RE = patterns.compile(r"[(（][^()（）]{1,12}[)）]$")


TITLE_RES = [(kind, patterns.compile(f"(?:{pattern})$")) for kind, pattern in TITLES]


def kind_from_title(title: str) -> str | None:
    t = TRAILING_PAREN_RE.sub("", squash(title))
    if not t.endswith("表"):
        return None  # every title pattern ends in 表
    for kind, pattern in TITLE_RES:
        if pattern.search(t):
            return kind
    return None


