"""What is written around a table: its title, label, department, year and unit.

Offices print these in every arrangement: the title above the label or below it,
"公开 01 表：收支预算总表" on one line, "表1：高等学校收支决算总表", an enumerated
"一、2017年度…收支预算总表", the title as the first (one-cell) row of the table
itself, the unit split over two lines ("单位：万" / "元") or given only in a
header cell ("项目资金（万元）").  This module reads them all into one shape, so
recognition and the unit of every cell depend on what the table itself says.
"""

from __future__ import annotations

from .. import patterns
from ..model import Row
from ..normalize import squash
from ..source import SourceLine
from .kinds import kind_from_title

# Lines that describe a table rather than start prose: label, department, year, unit.
META_RE = patterns.compile(
    r"^\s*(?:公开\s*\d+\s*表|表\s*[\d一二三四五六七八九十]+\s*[:：]?|部\s*门\s*:|部门名称\s*:|单位\s*:|金额单位|"
    r"编制单位|编制部门|预算单位\s*:|预算主管部门\s*:|单位名称\s*:|主管部门\s*:|"
    r"[(]?\s*\d{4}\s*年度?\s*[)]?\s*$|元\s*$|单位\s*:\s*万\s*$)"
)
TITLE_LIKE_RE = patterns.compile(r"(?:表|情况表|明细表)\s*[)]?\s*$|表\s*[(][^)]{1,8}[)]\s*$")
# A page number or running footer between a title and its table ("- 12 -", "第 3 页").
PAGE_NUMBER_RE = patterns.compile(r"^\s*(?:[-—–]\s*)?\d{1,3}(?:\s*[-—–])?\s*$|^\s*第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?\s*$")
LABEL_RE = patterns.compile(r"公开\s*(\d+)\s*表|^\s*表\s*([\d一二三四五六七八九十]+)(?=\s*[:：]|\s|$)")
# "公开01表：收支预算总表", "表1：高等学校收支决算总表", "表一 收支预算总表"
LABEL_PREFIX_RE = patterns.compile(r"^\s*(?:公开\s*\d+\s*表|表\s*[\d一二三四五六七八九十]+)\s*[:：]?\s*")
UNIT_VALUE = r"([^\s\t,，;；)）]+)"
UNIT_RE = patterns.compile(rf"(?<!\p{{Han}})(?:金额)?单位\s*[:：]\s*{UNIT_VALUE}|^金额单位\s*[:：]\s*{UNIT_VALUE}")
HEADER_UNIT_RE = patterns.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?(万元|千元|亿元|元)\s*[)）]")
CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


def is_meta(text: str) -> bool:
    return bool(META_RE.match(text))


def is_title_like(text: str) -> bool:
    return bool(TITLE_LIKE_RE.search(text))


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_RE.match(text))


def normal_unit(raw: str) -> str | None:
    """"万元" / "元" / "千元" / "亿元" from what a unit line says ("万元", "元/人", "台、辆、套")."""
    t = squash(raw)
    for unit in ("万元", "千元", "亿元"):
        if unit in t:
            return unit
    if t.startswith("元"):
        return "元"
    return t or None


def unit_of(lines: list[SourceLine]) -> str | None:
    """The amount unit a table's own preamble lines give, or None.

    "单位：万" followed by a line "元" (a unit split by the page layout) is 万元."""
    for i, ln in enumerate(lines):
        m = UNIT_RE.search(ln.norm)
        if not m:
            continue
        raw = m.group(1) or m.group(2)
        if squash(raw) in ("万", "千", "亿") and any(squash(x.norm) == "元" for x in lines[i + 1 :]):
            raw += "元"
        return normal_unit(raw)
    for ln in lines:  # "(单位：万元)" at the end of a title line
        m = HEADER_UNIT_RE.search(ln.norm)
        if m:
            return m.group(1)
    return None


def unit_in_header(rows: list[Row]) -> str | None:
    """A unit printed in the first rows' cells ("金额（万元）", "单位：元" as a cell)."""
    for row in rows[:4]:
        for c in row.cells:
            m = UNIT_RE.search(c.norm) or HEADER_UNIT_RE.search(c.norm)
            if m:
                unit = normal_unit(next(g for g in m.groups() if g))
                if unit in ("万元", "千元", "亿元", "元"):
                    return unit
    return None


def label_of(lines: list[SourceLine]) -> str | None:
    """The table's own label as printed: "公开01表" (normalised) or "表1" / "表一"."""
    label = None
    for ln in lines:
        m = LABEL_RE.search(ln.norm)
        if not m:
            continue
        if m.group(1):
            label = f"公开{int(m.group(1)):02d}表"
        else:
            n = m.group(2)
            label = f"表{n}"
    return label


def title_text(line: SourceLine) -> str:
    """A title line as a title: label prefix ("公开01表：", "表1：") and spaces removed."""
    return LABEL_PREFIX_RE.sub("", line.norm.strip()).replace(" ", "")


def pick_title(pre_lines: list[SourceLine]) -> SourceLine | None:
    """The table's title among its preamble lines: the one nearest the table that names a
    known table ("收入支出决算总表" rather than the part heading "…2024年度部门决算表"
    printed above it), else the nearest line that looks like a title.  A line holding
    only a label ("公开01表") is not a title; "公开01表：收支预算总表" is."""
    candidates = [ln for ln in pre_lines if is_title_like(ln.norm.strip()) and title_text(ln)
                  and not patterns.fullmatch(r"表\s*[\d一二三四五六七八九十]+", title_text(ln))]
    for ln in reversed(candidates):
        if kind_from_title(title_text(ln)):
            return ln
    return candidates[-1] if candidates else None


def lone_text(row: Row) -> str | None:
    """The only non-empty cell of a row, if it has just one ("财政项目支出绩效目标填报表⇥⇥⇥")."""
    texts = [c.norm.strip() for c in row.cells if c.norm.strip()]
    return texts[0] if len(texts) == 1 else None


def leading_title_rows(rows: list[Row]) -> int:
    """How many leading rows are the title or year line printed inside the table grid
    (a one-cell row that looks like a title or "(2023年度)"), not header or data."""
    n = 0
    for row in rows[:3]:
        t = lone_text(row)
        if t is None or not (is_title_like(t) or patterns.fullmatch(r"[(]?\s*\d{4}\s*年度?\s*[)]?", t)):
            break
        n += 1
    return n
