"""Table recognition on the real Jiangxi report (../shared/reports/zhushan-party-office-2024.txt).

Every expected value below was typed by hand from the report; the line numbers
say where to look.
"""

from __future__ import annotations

import pytest

# kind → (title line, body rows counted by hand between the header rows and the notes)
EXPECTED_TABLES = {
    "T01": (80, 31),  # lines 93–123
    "T02": (129, 14),  # lines 140–153
    "T03": (157, 14),  # lines 169–182
    "T04": (186, 32),  # lines 199–231 without the page-break blank line 213
    "T05": (235, 14),  # lines 247–260
    "T06": (264, 29),  # lines 276–304
    "T07": (308, 1),  # line 322 (合计 0, empty by design)
    "T08": (328, 1),  # line 342
    "T09": (348, 20),  # lines 360–379
    "T10": (385, 10),  # lines 395–404
}


def test_all_ten_tables_are_recognised_with_all_rows(real_doc) -> None:  # type: ignore[no-untyped-def]
    found = {t.kind: t for t in real_doc.tables if t.kind and t.kind.startswith("T") and t.kind != "TOC"}
    assert sorted(found) == sorted(EXPECTED_TABLES)
    for kind, (title_line, rows) in EXPECTED_TABLES.items():
        t = found[kind]
        assert t.title_line is not None and t.title_line.number == title_line, kind
        assert len(t.body) == rows, kind
        assert t.label == f"公开{kind[1:]}表"
        assert not t.problems, kind


@pytest.mark.parametrize(
    ("table", "row", "col", "text", "line"),
    [
        ("T01", "income.gpb", "amount", "311.55", 93),
        ("T01", "income.other", "amount", "0.01", 100),
        ("T01", "exp.208", "amount", "9.33", 100),
        ("T01", "income.carry_begin", "amount", "14.89", 121),
        ("T01", "exp.carry_end", "amount", "9.63", 121),
        ("T01", "income.nonfiscal_balance", "amount", "", 120),
        ("T02", "2013101", "total", "165.77", 143),
        ("T02", "total", "other", "0.01", 140),
        ("T03", "2013199", "project", "128.93", 173),
        ("T03", "2013199", "basic", "", 173),
        ("T03", "total", "basic", "133.98", 169),
        ("T04", "income.carry_begin", "amount", "14.59", 227),
        ("T04", "income.carry_begin.gpb", "amount", "14.59", 228),
        ("T04", "exp.total", "gpb", "316.81", 226),
        ("T05", "total", "project", "182.83", 247),
        ("T05", "2013101", "project", "53.90", 250),
        ("T06", "30108", "amount", "8.97", 282),
        ("T06", "30217", "amount", "0.16", 292),
        ("T06", "30239", "amount", "2.74", 301),
        ("T06", "30299", "amount", "1.67", 303),
        ("T06", "personnel_total", "amount", "117.47", 304),
        ("T06", "public_total", "amount", "16.51", 304),
        ("T07", "total", "carry_end", "0", 322),
        ("T09", "abroad", "full_budget", "2.75", 361),
        ("T09", "reception", "initial_budget", "5.13", 365),
        ("T09", "reception_domestic", "initial_budget", "---", 366),
        ("T09", "reception_people", "final", "13", 376),
        ("T10", "vehicles_total", "final", "0", 395),
    ],
)
def test_spot_cells(real_doc, table: str, row: str, col: str, text: str, line: int) -> None:  # type: ignore[no-untyped-def]
    f = real_doc.fact(table, row, col)
    assert f is not None, (table, row, col)
    assert f.cell.norm == text
    assert f.cell.line.number == line


def test_truncated_label_and_subset_rows(real_doc) -> None:  # type: ignore[no-untyped-def]
    # line 282: the label is cut to 机关事业单位基本养老保险缴 in the text; the code keys the row.
    assert real_doc.fact("T06", "30108", "amount").label == "机关事业单位基本养老保险缴"
    # line 367: "其中：外事接待费" is a subset of 国内接待费, kept under its own key.
    assert real_doc.fact("T09", "reception_foreign_affairs", "final").cell.empty


def test_three_self_evaluations(real_doc) -> None:  # type: ignore[no-untyped-def]
    ses = [t.extra["self_eval"] for t in real_doc.tables if t.kind == "SE"]
    assert [s.name for s in ses] == ["2024年党委办公经费", "2023年上年结余资金", "海峡两岸(景德镇)陶瓷文化交流活动工作经费"]
    # 总分 rows (lines 630, 654, 678) sit after a different number of TABs.
    assert [(s.total_weight.norm, s.total_score.norm) for s in ses] == [("100", "90.52"), ("100", "91.23"), ("100", "88")]
    assert [s.total_row.line.number for s in ses] == [630, 654, 678]
    # six scored indicators each (lines 620–629, 644–653, 668–677)
    assert [len(s.indicators) for s in ses] == [6, 6, 6]
    assert [i.score.norm for i in ses[0].indicators] == ["13.52", "20", "10", "10", "20", "10"]
    assert [i.score.norm for i in ses[1].indicators] == ["20", "20", "10", "10", "12", "9.23"]
    # line 644: the 实际完成值 335063.04 is in 元 beside 万元 figures; it is not a score.
    assert ses[1].indicators[0].actual.norm == "335063.04"
    assert ses[1].indicators[0].actual.unit == "元"  # 33.506304 万元 (line 640) in 元
    assert ses[0].indicators[0].actual.unit == "万元"  # target "=154.4 万元" (line 620)
    assert ses[0].funds["年度资金总额"]["executed"].unit == "万元"
    fund = ses[0].funds["年度资金总额"]
    assert (fund["full_budget"].norm, fund["executed"].norm, fund["rate"].norm, fund["score"].norm) == (
        "136.4", "134.4", "98.53", "7")


def test_table_of_contents_is_not_a_table(real_doc) -> None:  # type: ignore[no-untyped-def]
    # lines 746–761: "一、基本情况⇥35" rows with page numbers
    tocs = [t for t in real_doc.tables if t.kind == "TOC"]
    assert len(tocs) == 1 and tocs[0].rows[0].line.number == 746
    listed = [e.text for e in real_doc.toc if e.line.number in range(14, 24)]
    assert listed[0] == "一、收入支出决算总表" and listed[-1] == "十、国有资产占用情况表"


def test_document_metadata(real_doc) -> None:  # type: ignore[no-untyped-def]
    assert real_doc.department == "中共景德镇市珠山区委办公室"  # line 3
    assert real_doc.year == 2024
    assert real_doc.report_kind == "决算"
    assert real_doc.unit == "万元"
