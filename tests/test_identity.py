"""Report identity (narrative/identity.py) and "what is a report", on every report in
../shared/reports and on made-up inputs.  Expected values are typed from each file's title
page (page 1 unless said) or, for the tables-only PDFs, from the 部门 field of every table
and the year of the 政府采购预算表 title."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from narrative.api import load_document
from narrative.identity import normalise_department
from narrative.ingest import read_source
from narrative.source import SourceDocument
from narrative.structure import build_document

from .conftest import REAL_PDF_DIR, REAL_TEXT, SAMPLES, SHARED, need

MORE = SHARED / "reports" / "more"
COURT = "江苏省高级人民法院"
OFFICE = "中共江苏省委办公厅"
WANLI = "上海市普陀区人民政府万里街道办事处"

# file → (department, year, 决算/预算, 部门/单位); where it is read
EXPECTED = {
    # line 3: "中共景德镇市珠山区委办公室 2024 年度部门决算"
    "zhushan-party-office-2024.txt": ("中共景德镇市珠山区委办公室", 2024, "决算", "部门"),
    # p1 "上海市普陀区财政局 / 2024年度部门决算"
    "real/putuo-caizhengju-2024-final.pdf": ("上海市普陀区财政局", 2024, "决算", "部门"),
    "real/putuo-caizhengju-2024-final-seeded-errors.pdf": ("上海市普陀区财政局", 2024, "决算", "部门"),
    # p1 "上海市普陀区规划和自然 / 资源局 / 2024年度部门决算"
    "real/putuo-guihua-ziran-2024-final.pdf": ("上海市普陀区规划和自然资源局", 2024, "决算", "部门"),
    # p1 "中共上海市普陀区委 / 社会工作部2024年度 / 部门决算"
    "real/putuo-shehui-gongzuobu-2024-final.pdf": ("中共上海市普陀区委社会工作部", 2024, "决算", "部门"),
    # p1 "上海市XX局 / 2024年度部门决算"
    "real/shanghai-2024-final-template-xxju.pdf": ("上海市XX局", 2024, "决算", "部门"),
    # p1 "上海市普陀区2026年区级部门预算 / 预算主管部门：上海市普陀区司法局"
    "real/putuo-sifaju-2026-dept-budget.pdf": ("上海市普陀区司法局", 2026, "预算", "部门"),
    # p1 "上海市普陀区2026年区级单位预算 / 预算单位：上海市普陀区司法局"
    "real/putuo-sifaju-2026-unit-budget.pdf": ("上海市普陀区司法局", 2026, "预算", "单位"),
    # p1 "上海市普陀区2024年区级部门预算 / 预算主管部门：上海市普陀区人民政府万里街道办事处"
    "real/putuo-wanli-jiedao-2024-budget.pdf": (WANLI, 2024, "预算", "部门"),
    "real/putuo-wanli-jiedao-2025-budget.pdf": (WANLI, 2025, "预算", "部门"),
    # p1 "2017年度江苏省高级人民法院部门预算公开"
    "more/jiangsu-gaoyuan-2017-budget.pdf": (COURT, 2017, "预算", "部门"),
    # p1 "2018年度江苏省高级 / 人民法院预算公开" (部门 from p2 目录 "第一部分 部门概况")
    "more/jiangsu-gaoyuan-2018-budget.pdf": (COURT, 2018, "预算", "部门"),
    # p1 "江苏省高级人民法院 / 2019年度部门预算公开"
    "more/jiangsu-gaoyuan-2019-budget.pdf": (COURT, 2019, "预算", "部门"),
    # p1 "江苏省委办公厅2017年度部门预算"
    "more/jiangsu-shengwei-2017-budget-text.pdf": (OFFICE, 2017, "预算", "部门"),
    # every table "部门：中国共产党江苏省委员会办公厅"; p12 "2017年政府采购预算表"
    "more/jiangsu-shengwei-2017-budget-tables.pdf": (OFFICE, 2017, "预算", "部门"),
    # p1 "江苏省委办公厅2018年度部门预算公开"
    "more/jiangsu-shengwei-2018-budget-text.pdf": (OFFICE, 2018, "预算", "部门"),
    # p1 "江苏省2018年度 / 省级部门预算公开报表 / 部 门:中共江苏省委办公厅"
    "more/jiangsu-shengwei-2018-budget-tables.pdf": (OFFICE, 2018, "预算", "部门"),
    # p1 "江苏省委办公厅2019年度部门预算公开"
    "more/jiangsu-shengwei-2019-budget-text.pdf": (OFFICE, 2019, "预算", "部门"),
    # every table "部门：中共江苏省委办公厅"; p12 "2019年政府采购预算表"
    "more/jiangsu-shengwei-2019-budget-tables.pdf": (OFFICE, 2019, "预算", "部门"),
    # p1 "上海市普陀区社会福利院2024年单位预算 / 预算单位：上海市普陀区社会福利院"
    "more/putuo-shehui-fuliyuan-2024-unit-budget.pdf": ("上海市普陀区社会福利院", 2024, "预算", "单位"),
    # p1 "上海市普陀区2023年区级部门预算 / 预算主管部门：上海市普陀区人民政府万里街道办事处"
    "more/putuo-wanli-jiedao-2023-budget.pdf": (WANLI, 2023, "预算", "部门"),
    # p1 "西南大学 / 2021年度部门预算"
    "more/xinan-daxue-2021-budget.pdf": ("西南大学", 2021, "预算", "部门"),
    # p1 "西南大学 / 2023年度部门预算"
    "more/xinan-daxue-2023-budget.pdf": ("西南大学", 2023, "预算", "部门"),
    # p1 "西南大学2023年度部门决算"
    "more/xinan-daxue-2023-final.pdf": ("西南大学", 2023, "决算", "部门"),
}


def _path(name: str) -> Path:
    if name == "zhushan-party-office-2024.txt":
        return need(REAL_TEXT)
    folder, _, file = name.partition("/")
    return need((REAL_PDF_DIR if folder == "real" else MORE) / file)


@cache
def _doc(name: str):  # type: ignore[no-untyped-def]
    return load_document(str(_path(name)))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_identity_of_every_report(name: str) -> None:
    ident = _doc(name).identity
    assert (ident.department, ident.year, ident.kind, ident.unit_level) == EXPECTED[name]
    assert ident.is_report, ident.reason
    doc = _doc(name)
    assert (doc.year, doc.report_kind) == EXPECTED[name][1:3]


def test_samples_identity() -> None:
    for name, year in (("qinghe-xuanchuanbu-2023.txt", 2023), ("qinghe-xuanchuanbu-2024.txt", 2024)):
        ident = load_document(str(SAMPLES / name)).identity
        assert ident.key == ("中共青禾县委宣传部", year, "决算", "部门")


def test_names_as_written_are_kept_for_messages() -> None:
    # the tables of 2017 write the office in full; the prose file in its short form
    assert _doc("more/jiangsu-shengwei-2017-budget-tables.pdf").identity.name == "中国共产党江苏省委员会办公厅"
    assert _doc("more/jiangsu-shengwei-2017-budget-text.pdf").identity.name == "江苏省委办公厅"
    # the Putuo 预算 title names only the district; the department is the field below it
    assert _doc("real/putuo-sifaju-2026-dept-budget.pdf").department == "上海市普陀区司法局"


def test_one_department_across_years_and_files() -> None:
    series = [
        ["more/jiangsu-gaoyuan-2017-budget.pdf", "more/jiangsu-gaoyuan-2018-budget.pdf",
         "more/jiangsu-gaoyuan-2019-budget.pdf"],
        ["more/putuo-wanli-jiedao-2023-budget.pdf", "real/putuo-wanli-jiedao-2024-budget.pdf",
         "real/putuo-wanli-jiedao-2025-budget.pdf"],
        ["more/xinan-daxue-2021-budget.pdf", "more/xinan-daxue-2023-budget.pdf", "more/xinan-daxue-2023-final.pdf"],
    ]
    for names in series:
        assert len({_doc(n).identity.department for n in names}) == 1, names
    for year in (2017, 2018, 2019):
        text = _doc(f"more/jiangsu-shengwei-{year}-budget-text.pdf").identity
        tables = _doc(f"more/jiangsu-shengwei-{year}-budget-tables.pdf").identity
        assert text.key == tables.key == (OFFICE, year, "预算", "部门")
        assert text.holds == frozenset({"prose"}) and tables.holds == frozenset({"tables"})
    # a department's 部门预算 and its 单位预算 of one year differ only in the unit level
    dept = _doc("real/putuo-sifaju-2026-dept-budget.pdf").identity.key
    unit = _doc("real/putuo-sifaju-2026-unit-budget.pdf").identity.key
    assert dept[:3] == unit[:3] and (dept[3], unit[3]) == ("部门", "单位")


@pytest.mark.parametrize("raw, expected", [
    ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅"),
    ("江苏省委办公厅", "中共江苏省委办公厅"),
    ("中共江苏省委办公厅", "中共江苏省委办公厅"),
    ("上海市普陀区委社会工作部", "中共上海市普陀区委社会工作部"),
    ("中共 上海市普陀区委 社会工作部", "中共上海市普陀区委社会工作部"),
    ("上海市普陀区卫生健康委员会", "上海市普陀区卫生健康委员会"),  # a government 委员会 is not the party's
    ("江苏省高级人民法院（本级）", "江苏省高级人民法院"),
    ("西南大学", "西南大学"),
])
def test_normalise_department(raw: str, expected: str) -> None:
    assert normalise_department(raw) == expected


def _without_page(path: Path, page: int):  # type: ignore[no-untyped-def]
    src = read_source(str(path))
    lines = [ln for ln in src.lines if ln.page != page]
    return build_document(SourceDocument(src.path, lines, src.format, src.encoding, src.pages))


def test_a_title_page_that_is_an_image_does_not_matter() -> None:
    # page 1 dropped (as if it were a scanned image): the 目录, the headings ("第三部分 2018年度部门
    # 预算情况说明") and, for the court, the tables' "部门名称" fields still name the report
    doc = _without_page(need(MORE / "jiangsu-shengwei-2018-budget-text.pdf"), 1)
    assert doc.is_report
    assert (doc.identity.year, doc.identity.kind) == (2018, "预算")
    assert doc.report_kind == "预算"
    court = _without_page(need(MORE / "jiangsu-gaoyuan-2019-budget.pdf"), 1)
    assert court.identity.key == (COURT, 2019, "预算", "部门")


def _text_doc(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    p = tmp_path / "input.txt"
    p.write_text(text, encoding="utf-8")
    return build_document(read_source(str(p)))


def test_a_news_article_mentioning_a_final_account_is_not_a_report(tmp_path: Path) -> None:
    doc = _text_doc(tmp_path, (
        "区财政局召开专题会议\n\n"
        "本报讯 3月12日，区财政局召开专题会议，审议了2023年度部门决算草案，要求各科室按时完成数据核对工作，"
        "确保公开信息准确完整。会议还部署了下一阶段的重点工作。\n\n"
        "会议强调，要进一步提高财政资金使用效益，严格执行各项财经纪律。\n"
    ))
    assert not doc.is_report
    assert doc.identity.signs == ()
    assert doc.identity.reason.startswith("not a budget report")


def test_a_prose_only_report_is_a_report_of_its_prose(tmp_path: Path) -> None:
    doc = _text_doc(tmp_path, (
        "某某局2024年度部门预算\n\n"
        "第一部分 部门概况\n\n"
        "一、主要职能\n\n本局负责全区的某某管理工作，组织实施有关规划和政策，承担有关的日常工作。\n\n"
        "第三部分 某某局2024年度部门预算情况说明\n\n"
        "一、收支预算总表情况说明\n\n"
        "某某局2024年度收入、支出预算总计1000.00万元，其中基本支出600.00万元，项目支出400.00万元。\n\n"
        "二、财政拨款收支预算总表情况说明\n\n"
        "财政拨款收入1000.00万元，全部为一般公共预算收入，三公经费预算10.00万元，机关运行经费50.00万元。\n\n"
        "第四部分 名词解释\n\n一、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。\n"
    ))
    assert doc.is_report
    assert doc.identity.key == ("某某局", 2024, "预算", "部门")
    assert doc.identity.holds == frozenset({"prose"})
    assert doc.table_set.missing == ()  # a file holding no tables is never missing one


def test_tables_only_text_is_a_report_of_its_tables() -> None:
    doc = load_document(str(Path(__file__).parent / "data" / "tiny-report.txt"))
    assert doc.is_report
    assert "tables" in doc.identity.holds
