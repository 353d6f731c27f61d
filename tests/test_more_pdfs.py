"""The reports of ../shared/reports/more/: every table recognised with every body row, the
table set each layout publishes, and cells read from the header's structure.

Row counts were counted on the pages (header rows excluded; a table continued on the next
page counts the rows of both pages), cells typed from the pages (page:line of the PDF)."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pytest

from narrative.api import load_document
from narrative.rounding import Interval

from .conftest import SHARED, need

MORE = SHARED / "reports" / "more"

# Jiangsu 预算: 12 tables (表一… / 公开01表…), in the order printed; 政府性基金 is 七 in 2017, 十 after
JIANGSU_2017 = ["T01", "T02", "T03", "T04", "F05", "F06", "T07", "T05", "T06", "RUN", "T09", "PUR"]
JIANGSU_LATER = ["T01", "T02", "T03", "T04", "F05", "F06", "T05", "T06", "T09", "T07", "RUN", "PUR"]
SHANGHAI_BUDGET = ["T01", "T02", "T03", "T04", "T05", "T07", "T08", "T06", "T09"]
UNIVERSITY = ["T01", "T02", "T03", "F05"]

# file → [(kind, body rows)] in the order printed
TABLES = {
    "jiangsu-gaoyuan-2017-budget.pdf": list(zip(
        JIANGSU_2017, [23, 15, 1, 4, 16, 33, 1, 16, 33, 18, 1, 54], strict=True)),
    "jiangsu-gaoyuan-2018-budget.pdf": list(zip(
        JIANGSU_LATER, [23, 15, 1, 4, 18, 34, 18, 34, 1, 1, 17, 54], strict=True)),
    "jiangsu-gaoyuan-2019-budget.pdf": list(zip(
        JIANGSU_LATER, [24, 15, 1, 4, 18, 34, 18, 34, 1, 1, 17, 61], strict=True)),
    "jiangsu-shengwei-2017-budget-tables.pdf": list(zip(
        ["T01", "T02", "T03", "T04", "F05", "F06", "T07", "T05", "T06", "RUN", "T09", "PUR"],
        [23, 15, 1, 4, 12, 31, 1, 12, 31, 18, 1, 47], strict=True)),
    "jiangsu-shengwei-2018-budget-tables.pdf": list(zip(
        ["T01", "T02", "T03", "T04", "F05", "F06", "T05", "T06", "T09", "T07", "RUN", "PUR"],
        [23, 15, 1, 4, 14, 31, 14, 31, 1, 1, 16, 39], strict=True)),
    "jiangsu-shengwei-2019-budget-tables.pdf": list(zip(
        JIANGSU_LATER, [24, 14, 1, 4, 14, 32, 14, 32, 1, 1, 17, 39], strict=True)),
    "jiangsu-shengwei-2017-budget-text.pdf": [],
    "jiangsu-shengwei-2018-budget-text.pdf": [],
    "jiangsu-shengwei-2019-budget-text.pdf": [],
    "putuo-shehui-fuliyuan-2024-unit-budget.pdf": list(zip(
        SHANGHAI_BUDGET, [8, 15, 15, 5, 15, 1, 1, 27, 1], strict=True)),
    # then one 财政项目支出绩效目标填报表 (PT) per project
    "putuo-wanli-jiedao-2023-budget.pdf": list(zip(
        SHANGHAI_BUDGET, [9, 67, 67, 9, 67, 1, 1, 31, 1], strict=True)),
    "xinan-daxue-2021-budget.pdf": list(zip(
        UNIVERSITY, [9, 18, 20, 18], strict=True)),
    # then 24 项目绩效目标表 (PT)
    "xinan-daxue-2023-budget.pdf": list(zip(
        UNIVERSITY, [9, 26, 27, 26], strict=True)),
    "xinan-daxue-2023-final.pdf": list(zip(
        UNIVERSITY, [30, 26, 26, 24], strict=True)),
}
TABLE_SET = {
    "jiangsu": "budget-12", "putuo": "budget-9", "xinan-daxue-2023-final": "final-university",
    "xinan-daxue-20": "budget-university",
}


@cache
def _doc(name: str):  # type: ignore[no-untyped-def]
    return load_document(str(need(MORE / name)))


def _cell(name: str, kind: str, row: str, col: str) -> tuple[str, int | None, int]:
    f = _doc(name).fact(kind, row, col)
    assert f is not None, (name, kind, row, col)
    return f.cell.norm, f.cell.line.page, f.cell.line.number


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_with_every_row(name: str) -> None:
    doc = _doc(name)
    got = [(t.kind, len(t.body)) for t in doc.tables if t.kind not in ("PT", "TOC")]
    assert got == TABLES[name]
    assert all(t.kind is not None for t in doc.tables), [t.title for t in doc.tables if t.kind is None]
    for t in doc.tables:
        assert not t.problems, (t.kind, t.problems[:2])


def test_performance_target_tables_are_not_self_evaluations() -> None:
    kinds = [t.kind for t in _doc("xinan-daxue-2023-budget.pdf").tables]
    assert kinds.count("PT") == 24 and "SE" not in kinds  # p16–p39: 24 项目绩效目标表
    assert [t.kind for t in _doc("putuo-wanli-jiedao-2023-budget.pdf").tables].count("PT") >= 1
    assert "SE" not in [t.kind for t in _doc("putuo-wanli-jiedao-2023-budget.pdf").tables]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_set_of_each_layout(name: str) -> None:
    ts = _doc(name).table_set
    expected = next(v for k, v in TABLE_SET.items() if name.startswith(k))
    assert ts.profile is not None and ts.profile.id == expected
    # nothing this kind of report publishes is missing from these files; a prose-only file
    # (the Jiangsu 说明 PDFs) holds none of its tables, so none can be missing from it
    assert ts.missing == ()
    if name.endswith("-text.pdf"):
        assert not ts.holds_tables and len(ts.publishes) == 12


def test_jiangsu_balance_table_with_two_classifications_side_by_side() -> None:
    name = "jiangsu-gaoyuan-2017-budget.pdf"  # p11–12 一、收支预算总表
    assert _cell(name, "T01", "income.fiscal", "amount") == ("28,849.38", 11, 22)
    assert _cell(name, "T01", "exp.204", "amount") == ("23,513.11", 12, 1)  # 四、公共安全支出
    assert _cell(name, "T01", "exp.basic", "amount") == ("17,123.19", 11, 22)  # 一、基本支出, same line
    assert _cell(name, "T01", "exp.reserve", "amount") == ("182.92", 11, 24)  # 三、单位预留机动经费
    assert _cell(name, "T01", "exp.total", "amount") == ("28,849.38", 12, 18)  # 当年支出小计, printed far right
    t = _doc(name).table("T01")
    by_basis = {c.basis: [p for p, _ in c.parts] for c in t.compositions if c.total == ("exp.total", "amount")}
    assert by_basis["支出用途"] == ["exp.basic", "exp.project", "exp.reserve"]
    assert len(by_basis["功能分类"]) == 20 and by_basis["功能分类"][0] == "exp.201"  # 一、… 二十、其他支出
    comps = {c.total: [p for p, _ in c.parts] for c in t.compositions}
    assert comps[("income.fiscal", "amount")] == ["income.gpb", "income.fund"]  # 1. 2. under 一、财政拨款
    assert comps[("exp.grand_total", "amount")] == ["exp.total", "exp.carry_end"]  # 支出合计


def test_totals_with_three_or_more_components() -> None:
    name = "jiangsu-gaoyuan-2017-budget.pdf"  # p13 三、支出预算总表: 合计 = 基本 + 项目 + 机动经费 (+ 结转下年)
    t = _doc(name).table("T03")
    (comp,) = [c for c in t.compositions if c.total == ("*", "total")]
    assert [p for _, p in comp.parts] == ["basic", "project", "reserve", "carry_end"]
    assert _cell(name, "T03", "total", "reserve") == ("182.92", 13, 10)
    t9 = _doc(name).table("T09")  # p17 三公·会议费·培训费: 合计 2,599.37 = 670.12 + 228.00 + 1,701.25
    assert _cell(name, "T09", "grand_total", "budget") == ("2,599.37", 17, 11)
    assert _cell(name, "T09", "total", "budget") == ("670.12", 17, 11)
    assert _cell(name, "T09", "training", "budget") == ("1,701.25", 17, 11)
    parts = {c.total[0]: [p for p, _ in c.parts] for c in t9.compositions}
    assert parts == {"total": ["abroad", "vehicle", "reception"], "vehicle": ["vehicle_purchase", "vehicle_operation"],
                     "grand_total": ["total", "meeting", "training"]}
    assert _cell(name, "PUR", "goods", "amount") == ("525.40", 17, 16)  # 一、货物A


def test_label_and_amount_in_one_cell() -> None:
    # p11 of 2018: "一、一般公共预算 33,172.15 | 一、基本支出 18,570.82" (the PDF joined each pair)
    name = "jiangsu-gaoyuan-2018-budget.pdf"
    assert _cell(name, "T04", "income.gpb", "amount") == ("33,172.15", 11, 3)
    assert _cell(name, "T04", "exp.basic", "total") == ("18,570.82", 11, 3)
    assert _cell(name, "T04", "exp.reserve", "total") == ("3,258.06", 11, 5)


def test_grouped_income_table() -> None:
    name = "jiangsu-shengwei-2017-budget-tables.pdf"  # p2 收入预算总表
    assert _cell(name, "T02", "income.grand_total", "amount") == ("20,849.45", 2, 6)
    assert _cell(name, "T02", "income.special_account", "amount") == ("147.20", 2, 11)
    comps = {c.total[0]: [p for p, _ in c.parts] for c in _doc(name).table("T02").compositions}
    assert comps["income.special_account"] == [
        "income.special_account:专户管理教育收费", "income.special_account:其他非税收入"]
    assert comps["income.grand_total"] == ["income.gpb", "income.fund", "income.special_account", "income.other_funds",
                                           "income.carry_begin"]


def test_university_tables_thousands_separators_and_columns() -> None:
    name = "xinan-daxue-2023-final.pdf"  # p8–9 表1：高等学校收支决算总表
    assert _cell(name, "T01", "income.fiscal", "amount") == ("243,015.38", 8, 7)
    assert _cell(name, "T01", "exp.205", "amount") == ("425,287.27", 8, 11)
    assert _cell(name, "T01", "income.grand_total", "amount") == ("569,496.54", 9, 15)  # 合计 after 上年结转和结余
    iv = _doc(name).fact("T01", "income.grand_total", "amount").interval  # "569,496.54" is 569496.535–569496.545
    assert (iv.low, iv.high) == (Fraction(569496535, 1000), Fraction(569496545, 1000))
    assert _cell(name, "F05", "total", "project") == ("38,084.87", 14, 8)  # 表4 合计 项目支出 小计
    assert _cell("xinan-daxue-2023-budget.pdf", "T02", "total", "grand_total") == ("557,259.13", 8, 5)
    # 2023 预算 p8 收入预算表: 收入合计 = 上年结转 + 财政拨款 + 事业收入 + 其他收入 + 使用非财政拨款结余 (其中 excluded)
    # — that 收入合计 is the grand total (T01 收入总计 557,259.13, p7:14), not 本年收入合计
    t02 = _doc("xinan-daxue-2023-budget.pdf").table("T02")
    comp = [c for c in t02.compositions if c.total == ("*", "grand_total")][0]
    assert [p for _, p in comp.parts] == ["carry_begin", "fiscal", "business", "other", "nonfiscal_balance"]


def test_each_table_has_its_own_unit() -> None:
    wanli = _doc("putuo-wanli-jiedao-2023-budget.pdf")  # p10–27 "单位：元", p28 三公 "单位:万元"
    assert {t.kind: t.unit for t in wanli.tables if t.kind in ("T01", "T05", "T09")} == {
        "T01": "元", "T05": "元", "T09": "万元"}
    assert wanli.fact("T09", "total", "budget").cell.unit == "万元"
    # p14 of the 2019 court: "单位：万" / "部门名称：…" / "元" — one unit split by the layout
    assert _doc("jiangsu-gaoyuan-2019-budget.pdf").table("T09").unit == "万元"
    # p7 西南大学收入预算表 prints no unit: the 万元 of the table before it, said so
    t02 = _doc("xinan-daxue-2021-budget.pdf").table("T02")
    assert (t02.unit, t02.unit_source) == ("万元", "previous table")


def test_compositions_hold_in_these_reports_except_their_own_slips() -> None:
    """Every total read from a layout adds up to its parts, within rounding, in the published
    reports: the structure was read right.  The one exception is a slip of the report itself:
    xinan 2023 预算 p8:8 小学教育 收入合计 9,645.51 while 14.33 + 8,201.15 + 0.50 + 1,430.03 = 9,646.01."""
    failing = []
    for name in TABLES:
        doc = _doc(name)
        for t in doc.tables:
            for c in t.compositions:
                rows = [c.total[0]] if c.total[0] != "*" else list(dict.fromkeys(k.row for k in t.facts))
                for r in rows:
                    tf = t.fact(r, c.total[1])
                    if tf is None or tf.cell.figure is None:
                        continue
                    s = Interval.point(0)
                    for pr, pc in c.parts:
                        pf = t.fact(r if pr == "*" else pr, pc)
                        if pf is not None:
                            s = s + pf.cell.interval
                    if not s.intersects(tf.cell.interval):
                        failing.append((name, t.kind, r, tf.cell.line.page, tf.cell.line.number))
    assert failing == [("xinan-daxue-2023-budget.pdf", "T02", "2050202", 8, 8)]
