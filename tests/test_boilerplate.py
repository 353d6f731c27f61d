"""DUP001–DUP003 and the similarity layer (narrative.textsim).  Expected values are typed by
hand from the real report (with its lines) and from the small reports written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative.api import check_document as run_checks
from narrative.api import load_document
from narrative.checks.reasons import contradiction, reasons_of
from narrative.findings import Severity
from narrative.pipeline import extract
from narrative.textsim import Unit, duplicate_groups, group, key_and_numbers, near_duplicates, normalize, numbers_of

from .conftest import SAMPLES


# ---------------------------------------------------------------------- textsim
def test_normalize_hides_numbers_enumerators_and_punctuation() -> None:
    assert normalize("（三）卫生健康支出 2.82 万元，完成 100.00%。") == "卫生健康支出#万元完成#"
    assert normalize("(2) 支出 1,234.56 万元") == "支出#万元"
    assert numbers_of("（三）卫生健康支出 2.82 万元，完成 100.00%。") == ("2.82", "100.00")
    # both at once (DUP003 folds and drops the enumerator once per sentence)
    assert key_and_numbers("（三）卫生健康支出 2.82 万元，完成 100.00%。") == ("卫生健康支出#万元完成#", ("2.82", "100.00"))
    assert key_and_numbers("(2) 支出 1,234.56 万元") == ("支出#万元", ("1,234.56",))


def _u(text: str, para: int, tags: tuple[str, ...] = ()) -> Unit:
    return Unit(normalize(text), numbers_of(text), para, frozenset(tags))


def test_only_the_numbers_changed_is_the_same_sentence() -> None:
    a = _u("从自评情况看，2024年以来，县委宣传部扎实做好理论武装、新闻宣传、网络舆论、文明创建等各项工作。", 0)
    b = _u("从自评情况看，2023年以来，县委宣传部扎实做好理论武装、新闻宣传、网络舆论、文明创建等各项工作。", 5)
    [m] = near_duplicates([a, b])
    assert (m.a, m.b, m.how, m.score, m.numbers_differ) == (0, 1, "same", 100.0, True)


def test_parallel_statements_about_different_subjects_are_not_copies() -> None:
    a = _u("（三）卫生健康支出（类）年初预算数 2.82 万元，决算数 2.82 万元，完成年初预算的 100.00%。", 0,
           ("class:210",))
    b = _u("（四）住房保障支出（类）年初预算数 6.07 万元，决算数 6.07 万元，完成年初预算的 100.00%。", 1,
           ("class:221",))
    c = _u("（一）行政单位医疗（项）年初预算数 5.00 万元，决算数 4.00 万元，完成年初预算的 80.00%。", 2, ("2101101",))
    d = _u("（二）事业单位医疗（项）年初预算数 3.00 万元，决算数 3.00 万元，完成年初预算的 100.00%。", 3, ("2101102",))
    assert near_duplicates([a, b, c, d]) == []


def test_contained_sentence_and_transitive_groups() -> None:
    long1 = _u("在区委的坚强领导下，区委办公室坚持以习近平新时代中国特色社会主义思想为指导，以高度的政治责任感，"
               "认真履行三服务工作职能，扎实做好新时代三服务工作，充分发挥参谋助手的作用，切实完成了各项工作任务。", 0)
    long2 = _u("深入学习贯彻党的二十大精神，以高度的政治责任感，认真履行三服务工作职能，扎实做好新时代三服务工作，"
               "充分发挥参谋助手的作用，切实完成了各项工作任务。", 1)
    short = _u("认真履行了三服务工作职能，扎实做好了新时代三服务工作，"
               "充分发挥了参谋助手的作用，切实完成了各项工作任务。", 2)
    other = _u("全年共采购办公设备 17 件，订阅报刊杂志 43 份，保障了机关正常运转和各项工作的顺利开展。", 3)
    units = [long1, long2, short, other]
    matches = near_duplicates(units)
    assert {(m.a, m.b) for m in matches} >= {(0, 2), (1, 2)}
    assert all(3 not in (m.a, m.b) for m in matches)
    [g] = group(units, matches)
    assert g.paras == [0, 1, 2]


def test_duplicate_groups_without_pairs() -> None:
    # one sentence three times, the third with another year: atoms {0, 1} (2024) and {2} (2023)
    text = "从自评情况看，{}年以来，县委宣传部扎实做好理论武装、新闻宣传、网络舆论、文明创建等各项工作。"
    units = [_u(text.format(2024), 0), _u(text.format(2024), 1), _u(text.format(2023), 3)]
    [g] = duplicate_groups(units)
    assert g.paras == [0, 1, 3]
    assert g.units == [0, 1, 2]  # as the sorted pairs (0, 1), (0, 2), (1, 2) first name them
    assert {u: (m.a, m.b, m.score, m.how) for u, m in g.best.items()} == {
        0: (0, 1, 100.0, "same"), 1: (0, 1, 100.0, "same"), 2: (0, 2, 100.0, "same")}
    assert g.first_differ is not None and (g.first_differ.a, g.first_differ.b) == (0, 2)
    # the pairwise grouping says the same
    [h] = group(units, near_duplicates(units))
    assert h.paras == g.paras and [(m.a, m.b) for m in h.matches if m.numbers_differ][0] == (0, 2)


def test_duplicate_groups_of_a_repeated_run_of_paragraphs() -> None:
    # paragraphs 0, 1 repeated as 5, 6 and 9, 10 (each run one group: the pairs of the next
    # paragraphs join them); paragraph 3 between them says something else
    s1 = "以高度的政治责任感，认真履行三服务工作职能，扎实做好新时代三服务工作，切实完成了各项工作任务。"
    s2 = "全年共采购办公设备 17 件，订阅报刊杂志 43 份，保障了机关正常运转和各项工作的顺利开展。"
    other = "这是一个完全不同的句子，没有任何相似之处，只是为了填充段落而写下的文字内容，与其他句子无关。"
    units = [_u(s1, 0), _u(s2, 1), _u(other, 3), _u(s1, 5), _u(s2, 6), _u(s1, 9), _u(s2, 10)]
    groups = duplicate_groups(units)
    assert [g.paras for g in groups] == [[0, 1, 5, 6, 9, 10]]
    assert [g.paras for g in group(units, near_duplicates(units))] == [[0, 1, 5, 6, 9, 10]]


# ---------------------------------------------------------------------- the real report
def test_real_report_three_services_passage_is_one_group(real_doc) -> None:  # type: ignore[no-untyped-def]
    fs = {f.loc.line: f for f in run_checks(real_doc, select=["DUP003"])}
    f = fs[524]
    assert f.severity == Severity.INFO
    assert "4 places: lines 524, 777–779, 885, 961" in f.message
    assert [r.line for r in f.related] == [777, 885, 961]
    # the satisfaction sentence of 586 is repeated word for word at 965: its own group
    assert "2 places: lines 586, 965" in fs[586].message
    # nothing in the real report is a same-text-other-numbers pair
    assert all(g.severity == Severity.INFO for g in fs.values())


def test_real_report_reasons_and_their_comparisons(real_doc) -> None:  # type: ignore[no-untyped-def]
    got = {(r.loc.line, r.text): (r.subject_id, r.kind, r.direction) for r in reasons_of(real_doc, extract(real_doc).claims)}
    assert got[(420, "节约开支")] == ("exp.total", "yoy", -1)  # 比上年减少 134.97 万元
    assert got[(432, "人员增加")] == ("class:208", "budget", 1)  # 完成年初预算的 134.47%
    assert got[(444, "工作量增加")] == ("econ.302", "yoy", 1)
    assert got[(454, "赴日本经贸洽谈工作")] == ("three_public.abroad", "budget", -1)  # 99.60%
    assert got[(458, "未安排公务用车购置")] == ("three_public.vehicle_purchase", "yoy", 0)


def test_real_report_reused_and_contradicting_reasons(real_doc) -> None:  # type: ignore[no-untyped-def]
    fs = run_checks(real_doc, select=["DUP001", "DUP002"])
    # 人员变动 explains 工资福利支出 (442, a decrease) and 对个人和家庭补助支出 (446, an increase): generic
    assert [(f.loc.line, f.rule, f.severity, f.stated) for f in fs] == [(446, "DUP001", Severity.INFO, "人员变动")]


def test_clean_samples_get_no_boilerplate_warning() -> None:
    for name in ("qinghe-xuanchuanbu-2024.txt", "qinghe-xuanchuanbu-2023.txt"):
        fs = run_checks(load_document(str(SAMPLES / name)), select=["DUP"])
        assert [(f.loc.line, f.rule) for f in fs if f.severity >= Severity.WARNING] == [], name


# ---------------------------------------------------------------------- small reports
HEAD = "中共测试县委办公室 2024 年度部门决算\n\n第三部分 情况说明\n\n"


def _doc(tmp_path: Path, body: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    return load_document(str(path))


@pytest.mark.parametrize(("sentence", "contradicts"), [
    ("本年收入合计 528.88 万元，比上年增加 16.33 万元，增长 3.19%，主要原因：落实过紧日子要求，压减会议支出。", True),
    ("本年支出合计 500.00 万元，比上年减少 20.00 万元，下降 3.85%，主要原因：新增人员经费。", True),
    ("本年支出合计 500.00 万元，比上年减少 20.00 万元，下降 3.85%，主要原因：未新增项目。", False),
    ("本年支出合计 500.00 万元，比上年减少 20.00 万元，下降 3.85%，主要原因：新增1辆公务用车，但车型不同。", False),
    ("本年支出合计 500.00 万元，比上年增加 20.00 万元，增长 4.17%，主要原因：人员增加。", False),
    ("本年支出合计 500.00 万元，比上年增加 20.00 万元，增长 4.17%，主要原因：压减一般性支出后新增项目。", False),
    ("本年支出合计 500.00 万元，比上年增加 20.00 万元，增长 4.17%，主要原因：人员变动。", False),
])
def test_reason_direction(tmp_path: Path, sentence: str, contradicts: bool) -> None:
    doc = _doc(tmp_path, sentence + "\n")
    [r] = reasons_of(doc, extract(doc).claims)
    assert (contradiction(r) is not None) == contradicts
    fs = run_checks(doc, select=["DUP002"])
    assert [(f.loc.line, f.severity) for f in fs] == ([(5, Severity.ERROR)] if contradicts else [])


def test_spending_below_budget_may_speak_of_additions(tmp_path: Path) -> None:
    body = ("（一）一般公共服务支出（类）年初预算数 100.00 万元，决算数 90.00 万元，完成年初预算的 90.00%。"
            "预决算差异主要原因：年中追加的项目资金尚未支付。\n")
    assert run_checks(_doc(tmp_path, body), select=["DUP002"]) == []


def test_reused_reason_warning_only_for_opposite_changes(tmp_path: Path) -> None:
    reason = "主要原因：人员正常晋级晋档及绩效工资调整。"
    body = ("四、基本支出\n\n"
            f"（一）工资福利支出 290.18 万元，比上年增加 11.53 万元，增长 4.14%，{reason}\n\n"
            f"（二）对个人和家庭的补助支出 19.16 万元，比上年增加 1.24 万元，增长 6.92%，{reason}\n\n"
            f"（三）商品和服务支出 38.56 万元，比上年减少 3.27 万元，下降 7.82%，{reason}\n")
    fs = run_checks(_doc(tmp_path, body), select=["DUP001"])
    # line 9: two increases share the reason (noted); line 11: a decrease with the reason of two increases
    assert [(f.loc.line, f.severity) for f in fs] == [(9, Severity.INFO), (11, Severity.WARNING)]
    assert [r.line for r in fs[1].related] == [7, 9]
    assert "工资福利支出 增加 11.53万元 (line 7)" in fs[1].explanation
