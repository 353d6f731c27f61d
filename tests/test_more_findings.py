"""The findings on the reports of ../shared/reports/more/, pinned per file: each error and
warning was reviewed against its page (docs/real-findings.md gives the verdict and the
arithmetic), so a change in them is a decision, not an accident.  Places are page:line of
the PDF, typed from the pages; then the fixes of the false alarms found in that review, each
shown able to fail."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache

import pytest

from narrative.api import analyse, check_document, load_document
from narrative.findings import Severity
from narrative.ingest import read_source
from narrative.ingest.combine import combine
from narrative.pipeline import check, report_from_source
from narrative.source import SourceDocument, SourceLine

from .conftest import SHARED, need

MORE = SHARED / "reports" / "more"

# file (checked alone, as --no-pairing does) → [(page, line, rule)]: every error and warning
# (a line naming both old names, p21:8 and p10:2 below, carries two)
FINDINGS: dict[str, list[tuple[int, int, str]]] = {
    # p22:17 提租补贴 1959.99, 增加 865.57: 865.57 / 1094.42 = 79.09%, not 79.05%
    "jiangsu-gaoyuan-2017-budget.pdf": [(22, 17, "CLM002")],
    # p19:21 一般行政事务管理 6049.97, 减少 392.92, 减少 5.95%: 392.92 / 6442.89 = 6.10%
    "jiangsu-gaoyuan-2018-budget.pdf": [(19, 21, "CLM002")],
    # 行政事业单位离退休 / 未归口管理的行政单位离退休 in a 2019 report (renamed in the 2019 科目)
    "jiangsu-gaoyuan-2019-budget.pdf": [(10, 27, "TXT003"), (10, 28, "TXT003"), (12, 17, "TXT003"),
                                        (12, 18, "TXT003"), (21, 8, "TXT003"), (21, 8, "TXT003"), (21, 11, "TXT003"),
                                        (21, 14, "TXT003")],
    # p7:1 the empty 政府性基金 table: its explanation is in the other file of the report
    "jiangsu-shengwei-2017-budget-tables.pdf": [(7, 1, "TBL005")],
    # p8:17 行政运行 6106.99, 增加 101.48, 增长 1.66%: 101.48 / 6005.51 = 1.69% (1.66% is / 6106.99)
    "jiangsu-shengwei-2017-budget-text.pdf": [(1, 1, "COV001"), (8, 17, "CLM002")],
    "jiangsu-shengwei-2018-budget-tables.pdf": [],
    "jiangsu-shengwei-2018-budget-text.pdf": [(1, 1, "COV001")],
    "jiangsu-shengwei-2019-budget-tables.pdf": [(5, 11, "TXT003"), (5, 12, "TXT003"), (7, 11, "TXT003"),
                                                (7, 12, "TXT003")],
    # p8:3 住房保障 3894.09, 增加 878.93: 878.93 / 3015.16 = 29.15%, written 30%; p9:16 16.078% cut to 16.07%
    "jiangsu-shengwei-2019-budget-text.pdf": [(1, 1, "COV001"), (8, 3, "CLM002"), (9, 16, "CLM002"),
                                              (10, 2, "TXT003"), (10, 2, "TXT003"), (10, 5, "TXT003"), (10, 9, "TXT003")],
    # p6:18 社会福利事业单位 738.66 while the tables give 6,964,796 元 (一般公共预算) or 9,584,796 元;
    # p6:5 so the six items add up to 991.59, more than 950.12; 医疗卫生与计划生育支出 ×3; '主要原因是。'
    "putuo-shehui-fuliyuan-2024-unit-budget.pdf": [(6, 5, "CLM013"), (6, 18, "CLM001"), (6, 20, "TXT003"),
                                                   (7, 10, "TXT003"), (10, 8, "TXT003"), (16, 5, "TXT005")],
    # p6:5 政府性基金 0万元 "比2022年预算增加1421.25万元"; p7:23 item 16 (220.63) "2023年预算安排441.25万元"
    "putuo-wanli-jiedao-2023-budget.pdf": [(6, 5, "CLM002"), (7, 23, "CLM001")],
    # p9:25 使用非财政拨款结余 18,953.73 while the table (p6:24) prints 18,953.78; p9:24 so 收支总预算 is 0.05 short
    "xinan-daxue-2021-budget.pdf": [(9, 24, "CLM007"), (9, 25, "CLM001")],
    # p8:8 小学教育 9,645.51 while 14.33 + 8,201.15 + 0.50 + 1,430.03 = 9,646.01, which 20502 (p8:7) counts
    "xinan-daxue-2023-budget.pdf": [(8, 7, "TBL001"), (8, 8, "TBL002")],
    "xinan-daxue-2023-final.pdf": [],
}
# the Jiangsu 说明 + 表 pairs checked as one report (--as-one): rule → count
PAIRS: dict[int, dict[str, int]] = {
    2017: {"CLM002": 1},
    2018: {},
    2019: {"CLM002": 2, "TXT003": 8},
}


@cache
def _doc(name: str):  # type: ignore[no-untyped-def]
    return load_document(str(need(MORE / name)))


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings_per_file(name: str) -> None:
    got = Counter((f.span.page, f.span.line, f.rule) for f in check_document(_doc(name), min_severity=Severity.WARNING))
    assert got == Counter(FINDINGS[name])


def test_every_file_of_more_is_pinned() -> None:
    assert {p.name for p in need(MORE).glob("*.pdf")} == set(FINDINGS)


@pytest.mark.parametrize("year", sorted(PAIRS))
def test_findings_of_each_pair_checked_as_one(year: int) -> None:
    files = [str(need(MORE / f"jiangsu-shengwei-{year}-budget-{part}.pdf")) for part in ("text", "tables")]
    a = analyse(files)
    assert a.error is None
    got = Counter(f.rule for f in a.findings if f.severity >= Severity.WARNING)
    assert got == Counter(PAIRS[year])


def test_truncated_rate_is_a_warning() -> None:
    # shengwei 2019 p9:16: 1297.83 / (9370.12 − 1297.83) = 16.078%, written 16.07 (cut, not rounded)
    (f,) = [f for f in check_document(_doc("jiangsu-shengwei-2019-budget-text.pdf"), select=["CLM002"])
            if (f.span.page, f.span.line) == (9, 16)]
    assert f.severity == Severity.WARNING


# ---------------------------------------------------------------------- the false alarms fixed
def _without(src: SourceDocument, page: int, line: int, old: str, new: str) -> SourceDocument:
    lines = list(src.lines)
    i = next(k for k, ln in enumerate(lines) if (ln.page, ln.number) == (page, line))
    assert old in lines[i].text, lines[i].text
    lines[i] = SourceLine(lines[i].number, lines[i].text.replace(old, new), lines[i].page, lines[i].wraps)
    return replace(src, lines=lines)


def _warnings(src: SourceDocument, rule: str) -> set[tuple[int | None, int | None]]:
    return {(f.span.page, f.span.line) for f in check(report_from_source(src), select=[rule])
            if f.severity >= Severity.WARNING}


def test_empty_table_explained_in_its_prose_section() -> None:
    # gaoyuan 2018: 十、政府性基金 table (p14:16) with an empty 合计 and no note; the prose says
    # "十、政府性基金预算支出预算情况说明 … 江苏省高级人民法院2018年政府性基金支出预算支出0万元。" (p23:16–19)
    src = read_source(str(need(MORE / "jiangsu-gaoyuan-2018-budget.pdf")))
    assert _warnings(src, "TBL005") == set()
    # without that sentence the table is empty and unexplained
    assert _warnings(_without(src, 23, 19, "支出预算支出0万元", "支出预算安排情况见上表"), "TBL005") == {(14, 16)}


def test_header_value_wrapped_in_its_cell() -> None:
    # shengwei 2017 tables p2: "部门：中国共产党江苏省委员会办" (p2:2), "单位：万元", "公厅" (p2:4)
    text = read_source(str(need(MORE / "jiangsu-shengwei-2017-budget-text.pdf")))
    tables = read_source(str(need(MORE / "jiangsu-shengwei-2017-budget-tables.pdf")))
    assert _warnings(combine([text, tables]), "TXT006") == set()
    # a header naming another office is still one, rest or no rest
    other = _without(tables, 2, 2, "中国共产党江苏省委员会办", "中国共产党江苏省委宣传部办")
    assert len(_warnings(combine([text, other]), "TXT006")) == 1
    # and the cut value alone, without its rest, is no name of the department
    cut = _without(tables, 2, 4, "公厅", "")
    assert len(_warnings(combine([text, cut]), "TXT006")) == 1
