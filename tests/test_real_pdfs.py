"""The real Shanghai PDFs (../shared/reports/real/): every table of every 决算 recognised with
every row, and the findings pinned per file.  Row counts were counted on the page images
(header rows excluded); docs/real-findings.md gives a verdict for every error and warning."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from narrative.api import check_document, load_document
from narrative.findings import Severity

from .conftest import REAL_PDF_DIR, REAL_TEXT, need

# body rows of each table, per 决算 PDF (the Shanghai nine-table layout has no 公开10)
TABLE_ROWS = {
    "putuo-caizhengju-2024-final.pdf": {
        "T01": 30, "T02": 20, "T03": 20, "T04": 32, "T05": 20, "T06": 39, "T09": 1, "T07": 1, "T08": 1},
    # the seeded copy lost its 支出决算表 (公开03): TBL004
    "putuo-caizhengju-2024-final-seeded-errors.pdf": {
        "T01": 30, "T02": 20, "T04": 32, "T05": 20, "T06": 39, "T09": 0, "T07": 1, "T08": 1},
    "putuo-guihua-ziran-2024-final.pdf": {
        "T01": 28, "T02": 25, "T03": 25, "T04": 30, "T05": 25, "T06": 39, "T09": 1, "T07": 0, "T08": 0},
    "putuo-shehui-gongzuobu-2024-final.pdf": {
        "T01": 30, "T02": 18, "T03": 18, "T04": 32, "T05": 18, "T06": 39, "T09": 0, "T07": 0, "T08": 0},
    "shanghai-2024-final-template-xxju.pdf": {
        "T01": 28, "T02": 8, "T03": 8, "T04": 30, "T05": 8, "T06": 39, "T09": 0, "T07": 0, "T08": 0},
}

# (errors, warnings) per file, each one reviewed in docs/real-findings.md
FINDINGS = {
    # CLM004 p21:25 + CLM005 p21:27: "一般公共服务支出（类）2106.66万元，占71.73%" of 2940.05 (p21:24) is
    # 71.65%; the four shares add up to 100.07% (the other three are right): a real slip
    "putuo-caizhengju-2024-final.pdf": {"CLM001": 1, "CLM004": 1, "CLM005": 1},
    # TXT008 p25:4: "…国有资本经营预算财政拨款。。" (a doubled full stop of the 测试问题版本)
    "putuo-caizhengju-2024-final-seeded-errors.pdf": {"TBL004": 1, "CLM001": 1, "CLM002": 1, "CLM006": 3, "TXT001": 2,
                                                      "TXT005": 1, "TXT008": 1, "CLM004": 1, "CLM005": 1},
    "putuo-guihua-ziran-2024-final.pdf": {"CLM001": 2, "CLM003": 1, "CLM004": 1, "CLM014": 3, "TXT003": 1,
                                          "TXT005": 3, "TXT006": 3},
    "putuo-shehui-gongzuobu-2024-final.pdf": {"CLM003": 1, "TXT005": 2},
    # TXT005: one per paragraph; p19:15 and p20:13 "…的部门，作下述说明：" / "上海市XX局2024年度无…。" are one
    # paragraph each (a line ending in a colon goes on into the sentence it introduces), as p19:4 already was
    "shanghai-2024-final-template-xxju.pdf": {"TBL005": 6, "CLM014": 1, "TXT005": 47},
    # CLM001 (since the 预算 prose is bound to its tables): "2026年预算安排" restating an item with
    # another value than its heading and its table (dept p9:16; unit p6:23, p7:14): real slips
    # TXT008 p8:18: "…信息化建设及运行维护等方面的支出。。2025年…": a doubled full stop
    "putuo-sifaju-2026-dept-budget.pdf": {"TXT001": 5, "TXT003": 1, "CLM001": 1, "TXT008": 1},
    "putuo-sifaju-2026-unit-budget.pdf": {"TBL001": 2, "TBL002": 2, "TXT003": 1, "TXT005": 2, "CLM001": 2},
    # p31: the note under the 三公 table says "本表为空表" while the table holds 47.91 (read since the
    # 预算 三公 layout is parsed): a real copy-forward slip
    # p9:19: "2024年预算安排352.67万元" for the 住房公积金 item stated (p9:18) and tabled as 350.35: a
    # real slip, found since the 预算 prose is bound to the 预算 tables
    "putuo-wanli-jiedao-2024-budget.pdf": {"TXT005": 1, "CLM001": 1},
    "putuo-wanli-jiedao-2025-budget.pdf": {"CLM014": 1},
}


@cache
def _doc(name: str):  # type: ignore[no-untyped-def]
    return load_document(str(need(REAL_PDF_DIR / name)))


@pytest.mark.parametrize("name", sorted(TABLE_ROWS))
def test_every_table_of_every_final_account_with_every_row(name: str) -> None:
    doc = _doc(name)
    assert doc.report_kind == "决算" and doc.year == 2024
    got = {t.kind: len(t.body) for t in doc.tables if t.kind and t.kind.startswith("T")}
    assert got == TABLE_ROWS[name]
    for t in doc.tables:
        assert not t.problems, (t.kind, t.problems[:2])


@pytest.mark.parametrize("name", sorted(n for n in FINDINGS if "budget" in n))
def test_budgets_are_recognised_as_budgets(name: str) -> None:
    doc = _doc(name)
    assert doc.report_kind == "预算"
    kinds = {t.kind for t in doc.tables}
    assert {"T01", "T02", "T03", "T04", "T05", "T06"} <= kinds
    # a budget is never asked for the nine tables of a 决算
    assert not any(f.rule == "TBL004" for f in check_document(doc))


def test_spot_cells_of_the_pdfs() -> None:
    # typed from the page images: p5 收入支出决算总表, p16 基本支出表, p17 三公 table
    shehui = _doc("putuo-shehui-gongzuobu-2024-final.pdf")
    f = shehui.fact("T01", "income.gpb", "amount")
    assert (f.cell.norm, f.cell.line.page) == ("307.82", 5)
    cz = _doc("putuo-caizhengju-2024-final.pdf")
    assert cz.fact("T06", "30102", "amount").cell.norm == "1,238.58"  # 301⇥02⇥津贴补贴
    assert cz.fact("T05", "2010601", "total").cell.norm == "1,511.89"  # 201⇥06⇥01⇥行政运行
    gh = _doc("putuo-guihua-ziran-2024-final.pdf")
    assert gh.fact("T09", "reception", "final").cell.norm == "0.39"
    assert gh.fact("T09", "total", "budget").cell.norm == "2.85"


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings_per_file_are_pinned(name: str) -> None:
    findings = check_document(_doc(name), min_severity=Severity.WARNING)
    assert dict(Counter(f.rule for f in findings)) == FINDINGS[name]


def test_real_text_report_errors_are_pinned() -> None:
    doc = load_document(str(need(REAL_TEXT)))
    errors = [f for f in check_document(doc) if f.severity == Severity.ERROR]
    # PRF005 at 623 and CLM015 at 544: docs/real-findings.md (issue 18); CLM016 at 486 (issue 18, second part)
    assert dict(Counter(f.rule for f in errors)) == {"CLM004": 1, "CLM009": 2, "CLM011": 1, "CLM008": 1, "TXT002": 1,
                                                     "PRF005": 1, "CLM015": 1, "CLM016": 1}


def test_pdf_findings_locate_page_and_line() -> None:
    f = next(f for f in check_document(_doc("putuo-shehui-gongzuobu-2024-final.pdf")) if f.rule == "CLM003")
    # "…支出决算为307.82万元，完成年初预算的95.89%。" page 18, line 10 of that page
    assert (f.loc.page, f.loc.line) == (18, 10)
    assert f.stated == "95.89%" and f.computed == "undefined"
    assert "307.82 / 321.02" in f.explanation  # the rate is against the 全年预算, not the 年初 one (0)
