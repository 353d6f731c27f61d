"""TXT001–TXT007 on the real report (findings typed by hand from the text, with their lines)
and on small reports written here, one context at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative.api import check_document as run_checks
from narrative.api import load_document
from narrative.findings import Severity

from .conftest import SAMPLES


def _findings(doc, codes=("TXT",)):  # type: ignore[no-untyped-def]
    return run_checks(doc, select=list(codes))


def _pairs(findings, min_severity=Severity.WARNING):  # type: ignore[no-untyped-def]
    return {(f.loc.line, f.rule) for f in findings if f.severity >= min_severity}


# ---------------------------------------------------------------------- the real report
def test_real_report_text_findings_are_exactly_the_known_slips(real_doc) -> None:  # type: ignore[no-untyped-def]
    got = _pairs(_findings(real_doc), Severity.INFO)
    assert got == {
        (613, "TXT006"), (637, "TXT006"), (661, "TXT006"),  # 自评表 主管部门 中共景德镇市珠山区区委办公室
        (704, "TXT004"),  # 行政单位离退休（项）: the tables hold 2080505 only
        (706, "TXT003"),  # 医疗卫生与计划生育支出（类）
        (708, "TXT004"),  # 购房补贴（项）: the tables hold 2210201 only
        (742, "TXT002"),  # 部门评价报告 dated 2024 年 3 月 17 日
        (767, "TXT007"), (859, "TXT007"), (871, "TXT007"),  # 14号号 (and 根据《根据《 at 871)
    }


def test_real_report_years_that_are_right_as_they_are(real_doc) -> None:  # type: ignore[no-untyped-def]
    # 502 "2023年上年结余资金", 700 "填列 2023 年全部结转和结余", 767 赣财绩〔2022〕5号 and
    # 《…关于做好2025年预算绩效管理工作的通知》, 809 《珠山区 2024 年督查检查考核计划》: no TXT001
    assert [f for f in _findings(real_doc, ["TXT001"])] == []


def test_real_report_evaluation_dated_before_its_period_and_its_citation(real_doc) -> None:  # type: ignore[no-untyped-def]
    [f] = _findings(real_doc, ["TXT002"])
    assert f.severity == Severity.ERROR and f.loc.line == 742
    assert f.stated == "2024 年 3 月 17 日"
    assert "before the end of 2024" in f.explanation
    assert "景珠财字【2025】14号" in f.explanation and "line 767" in f.explanation
    assert [r.line for r in f.related] == [767, 859, 871]


def test_real_report_glossary_entries_name_the_rows_the_tables_hold(real_doc) -> None:  # type: ignore[no-untyped-def]
    by_line = {f.loc.line: f for f in _findings(real_doc, ["TXT004"])}
    assert set(by_line) == {704, 708}
    assert by_line[704].stated == "行政单位离退休"
    assert "2080505 机关事业单位基本养老保险缴费支出 (line 147)" in by_line[704].explanation
    assert by_line[708].stated == "购房补贴"
    assert "2210201 住房公积金 (line 153)" in by_line[708].explanation


def test_real_report_obsolete_class_name_points_at_the_table(real_doc) -> None:  # type: ignore[no-untyped-def]
    [f] = _findings(real_doc, ["TXT003"])
    assert (f.loc.line, f.stated, f.computed) == (706, "医疗卫生与计划生育支出", "卫生健康支出")
    assert [r.line for r in f.related] == [148]  # 公开02: 210 卫生健康支出


def test_real_report_department_name_variants(real_doc) -> None:  # type: ignore[no-untyped-def]
    fs = _findings(real_doc, ["TXT006"])
    assert [(f.loc.line, f.stated, f.computed) for f in fs] == [
        (613, "中共景德镇市珠山区区委办公室", "中共景德镇市珠山区委办公室"),
        (637, "中共景德镇市珠山区区委办公室", "中共景德镇市珠山区委办公室"),
        (661, "中共景德镇市珠山区区委办公室", "中共景德镇市珠山区委办公室"),
    ]
    # 实施单位 "中共景德镇市珠山" and "中共景德镇市珠山区" (613, 637, 661) are cut short by the column, not slips


def test_real_report_doubled_text(real_doc) -> None:  # type: ignore[no-untyped-def]
    got = sorted((f.loc.line, f.stated) for f in _findings(real_doc, ["TXT007"]))
    assert got == [(767, "号号"), (859, "号号"), (871, "号号"), (871, "根据《根据《")]
    # 紧紧围绕 (803), 专业业务 (690), 工作作风 (829), 项目目标 (901), 用车车辆 (710): not flagged (see the set above)


# ---------------------------------------------------------------------- small reports
HEAD = "中共测试县委办公室 2024 年度部门决算\n\n第一部分 概况\n\n"


def _doc(tmp_path: Path, body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(head + body, encoding="utf-8")
    return load_document(str(path))


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("本部门 2023 年度收入总计 10.00 万元。", {2023}),
    ("本部门 2024 年度收入总计 10.00 万元。", set()),
    ("中共测试县委办公室 2023 年度支出总计 10.00 万元。", {2023}),
    ("本年收入合计 10.00 万元，比 2022 年度增加 1.00 万元。", {2022}),
    ("本年收入合计 10.00 万元，比 2023 年度增加 1.00 万元。", set()),
    ("与 2024 年相比，支出减少。", {2024}),
    ("截至 2023 年 12 月 31 日，本部门共有车辆 0 辆。", {2023}),
    ("纳入2023年度部门预算范围的项目 3 个。", {2023}),
    ("全年对 3 个项目开展监控：2023年上年结余资金、2024年办公经费。", set()),
    ("全年对 3 个项目开展监控：2022年上年结余资金。", {2022}),
    ("上年结转和结余：填列 2023 年全部结转和结余的资金数。", set()),
    ("上年结转和结余：填列 2024 年全部结转和结余的资金数。", {2024}),
    ("根据《关于做好2023年预算绩效管理工作的通知》（测财字〔2023〕5号）要求开展评价。", set()),
    ("对“2023年度办公经费”项目开展了评价。", set()),
    ("2021年成立以来，工作稳步推进。", set()),
    ("在2025年度预算安排中予以调整。", set()),  # a later year may look forward
])
def test_stale_year_contexts(tmp_path: Path, sentence: str, flagged: set[int]) -> None:
    doc = _doc(tmp_path, sentence + "\n")
    fs = _findings(doc, ["TXT001"])
    assert {int(f.stated) for f in fs} == flagged
    assert all(f.loc.line == 5 and f.severity == Severity.ERROR for f in fs)


def test_date_checks(tmp_path: Path) -> None:
    body = "第五部分 附件\n\n部门评价报告\n\n2025 年 3 月 17 日\n\n根据《通知》（测财字【2026】3号）要求开展评价。\n"
    [f] = _findings(_doc(tmp_path, body), ["TXT002"])
    assert f.loc.line == 9 and "【2026】3号" in f.message and [r.line for r in f.related] == [11]
    ok = "第五部分 附件\n\n部门评价报告\n\n2025 年 3 月 17 日\n\n根据《通知》（测财字【2025】3号）要求开展评价。\n"
    assert _findings(_doc(tmp_path, ok), ["TXT002"]) == []
    early = "第五部分 附件\n\n2024 年 12 月 30 日\n"
    [g] = _findings(_doc(tmp_path, early), ["TXT002"])
    assert g.loc.line == 7 and "before the end of 2024" in g.message


@pytest.mark.parametrize(("sentence", "residue"), [
    ("主要原因：XXXXXXXX。", "XXXXXXXX"),
    ("本年支出比上年增加（减少）3.00 万元。", "增加（减少）"),
    ("决算数大于（小于）预算数。", "大于（小于）"),
    ("无政府性基金预算财政拨款收入支出的，仍保留该表格式。", "仍保留该表格式"),
    ("决算数与上年持平，主要原因是。", "主要原因是。"),
])
def test_template_residue(tmp_path: Path, sentence: str, residue: str) -> None:
    [f] = _findings(_doc(tmp_path, sentence + "\n"), ["TXT005"])
    assert f.loc.line == 5 and residue in f.message and f.severity == Severity.WARNING


def test_accepted_template_wording_is_not_residue(tmp_path: Path) -> None:
    body = ("2024年度政府采购金额（以合同签订为准）为 5.00 万元。\n\n"
            "说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。\n")
    assert _findings(_doc(tmp_path, body), ["TXT005"]) == []


def test_department_name(tmp_path: Path) -> None:
    body = ("项目单位：中共测试县委办公室\n\n"
            "主管部门：中共测试县县委办公室\n\n"  # doubled 县: one edit away
            "中共测试县委办公室对此项工作高度重视。\n\n"
            "中共测试县委组织部、中共测试县委办公室共同组织。\n\n"  # a sister department, two edits away
            "实施单位：中共测试县委办公\n")  # cut short at the end
    fs = _findings(_doc(tmp_path, body), ["TXT006"])
    assert [(f.loc.line, f.stated) for f in fs] == [(7, "中共测试县县委办公室")]


@pytest.mark.parametrize(("sentence", "doubled"), [
    ("（测财字【2025】14号号）。", ["号号"]),
    ("提高资金使用的的绩效。", ["的的"]),
    ("根据根据通知要求开展工作。", ["根据根据"]),
    ("常常开展调研，仔仔细细核对。", []),
    ("紧紧围绕中心工作，学习习近平新时代中国特色社会主义思想。", []),
    ("开展专业业务活动，转变工作作风，项目目标明确。", []),
    ("公务用车车辆购置支出。", []),
    ("的的确确完成了任务，不了了之的问题全部整改。", []),
    ("二〇〇〇年成立。", []),
    # the longest doubled word (6 characters), one found after a quotation mark, and three of a
    # character read as one doubling (the second pair would overlap the first)
    ("各支部要加强党的建设加强党的建设工作。", ["加强党的建设加强党的建设"]),
    ("按照“按照“要求办理。", ["按照“按照“"]),
    ("文件为14号号号。", ["号号"]),
])
def test_doubled_text(tmp_path: Path, sentence: str, doubled: list[str]) -> None:
    fs = _findings(_doc(tmp_path, sentence + "\n"), ["TXT007"])
    assert [f.stated for f in fs] == doubled


def test_clean_samples_get_no_text_warning() -> None:
    for name in ("qinghe-xuanchuanbu-2024.txt", "qinghe-xuanchuanbu-2023.txt"):
        doc = load_document(str(SAMPLES / name))
        assert _pairs(_findings(doc)) == set(), name


def test_table_header_naming_another_department(tmp_path: Path) -> None:
    body = ("纳入本套部门决算汇编范围的单位共 2 个，即中共测试县委办公室（本级）、测试县档案馆。\n\n"
            "收入支出决算总表\n\n公开 01 表\n\n部门：中共测试县委组织部\n\n2024 年度\n\n金额单位：万元\n\n"
            "项目\t金额\n一、一般公共预算财政拨款收入\t10.00\n\n"
            "收入决算表\n\n公开 02 表\n\n部门：测试县档案馆\n\n2024 年度\n\n金额单位：万元\n\n"
            "项目\t金额\n合计\t10.00\n")
    fs = _findings(_doc(tmp_path, body), ["TXT006"])
    # line 11: a header naming a sister department; line 24 names a unit the report lists: fine
    assert [(f.loc.line, f.stated, f.computed) for f in fs] == [(11, "中共测试县委组织部", "中共测试县委办公室")]


# ---------------------------------------------------------------------- the real PDFs
# Each location below was read on the page (and is documented, for TXT003/TXT005, in the
# real_hits / notes of lexicons/template_phrases.toml and lexicons/subject_renames.toml).
PDF_TEXT_FINDINGS = {
    "putuo-caizhengju-2024-final.pdf": set(),
    "putuo-caizhengju-2024-final-seeded-errors.pdf": {
        (7, 1, "TXT005"),  # 上海市普陀区XX局
        (18, 1, "TXT001"),  # 第三部分上海市普陀区财政局2023年度部门决算情况说明
        (24, 2, "TXT001"),  # 截至2023年12月31日
        (25, 4, "TXT008"),  # 财政拨款。。 (a doubled full stop)
    },
    "putuo-guihua-ziran-2024-final.pdf": {
        (24, 1, "TXT003"),  # 其他国土资源事务支出（项）
        (25, 12, "TXT005"),  # 下降（增长）27.78%
        (26, 5, "TXT006"), (26, 12, "TXT006"), (26, 15, "TXT006"),  # 规划与自然资源局 (title: 规划和自然资源局)
        (26, 9, "TXT005"),  # 列明公务接待2批次
        (28, 8, "TXT005"),  # 部门（单位）共有车辆
    },
    "putuo-shehui-gongzuobu-2024-final.pdf": {(15, 7, "TXT005"), (16, 7, "TXT005")},  # 仍保留该表格式
    "putuo-sifaju-2026-dept-budget.pdf": {
        (8, 2, "TXT001"), (8, 4, "TXT001"), (8, 5, "TXT001"), (8, 6, "TXT001"),  # 比2026年预算 in the 2026 budget
        (9, 13, "TXT003"),  # 医疗卫生与计划生育支出
        (8, 18, "TXT008"),  # 等方面的支出。。2025年 (a doubled full stop)
    },
    "putuo-sifaju-2026-unit-budget.pdf": {
        (6, 7, "TXT005"),  # 增加（减少）
        (7, 9, "TXT003"),  # 医疗卫生与计划生育支出
        (21, 5, "TXT005"),  # 主要原因是。
    },
    # p31:8 "本表为空表" under a 三公 table holding 47.91 (found since the 预算 三公 layout is parsed)
    "putuo-wanli-jiedao-2024-budget.pdf": {(31, 8, "TXT005")},
    "putuo-wanli-jiedao-2025-budget.pdf": set(),
}


@pytest.mark.parametrize("name", sorted(PDF_TEXT_FINDINGS))
def test_real_pdfs_text_findings(name: str) -> None:
    from .conftest import REAL_PDF_DIR, need

    doc = load_document(str(need(REAL_PDF_DIR / name)))
    fs = run_checks(doc, select=["TXT", "DUP", "YOY"])
    got = {(f.loc.page, f.loc.line, f.rule) for f in fs if f.severity >= Severity.WARNING}
    assert got == PDF_TEXT_FINDINGS[name]


def test_the_official_template_is_all_residue() -> None:
    from .conftest import REAL_PDF_DIR, need

    doc = load_document(str(need(REAL_PDF_DIR / "shanghai-2024-final-template-xxju.pdf")))
    fs = [f for f in run_checks(doc, select=["TXT", "DUP", "YOY"]) if f.severity >= Severity.WARNING]
    assert {f.rule for f in fs} == {"TXT005"}
    assert len(fs) >= 40  # one per paragraph holding XX, 增加（减少）, （如持平作持平表述） …
    assert (4, 3) in {(f.loc.page, f.loc.line) for f in fs}  # 由主管部门根据三定方案等相关规定中有关主要职能填写


def test_misspelt_title_is_the_odd_one_out(tmp_path: Path) -> None:
    body = ("中共测试县委办公室对此项工作高度重视。\n\n项目单位：中共测试县委办公室\n\n主管部门：中共测试县委办公室\n")
    doc = _doc(tmp_path, body, head="中共测试县县委办公室 2024 年度部门决算\n\n第一部分 概况\n\n")
    fs = _findings(doc, ["TXT006"])
    assert [(f.loc.line, f.stated, f.computed) for f in fs] == [(1, "中共测试县县委办公室", "中共测试县委办公室")]
