"""Claims of real 预算 (and university) reports bound to their tables, as the Jiangxi 决算's are
(tests/test_claims_real.py).  Every expected value below was typed by hand from the page and
line of the PDF named in the comment; none was pasted from the tool's output."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pytest

from narrative.api import check_document, load_document
from narrative.claims.model import Claim
from narrative.findings import Severity
from narrative.ingest.combine import read_combined
from narrative.pipeline import extract
from narrative.structure import build_document

from .conftest import REAL_PDF_DIR, SHARED, need

MORE = SHARED / "reports" / "more"


@cache
def _doc(path: str):  # type: ignore[no-untyped-def]
    return load_document(path)


@cache
def _claims(path: str) -> list[Claim]:
    return extract(_doc(path)).claims


def _real(name: str) -> str:
    return str(need(REAL_PDF_DIR / name))


def _more(name: str) -> str:
    return str(need(MORE / name))


def _at(claims: list[Claim], page: int, line: int, value: str) -> Claim:
    """The claim whose figure ``value`` is written at page:line (a figure restated later in
    its paragraph belongs to the first claim of it)."""
    found = [c for c in claims if c.value is not None and c.value.text == value
             and (c.loc_of().page, c.loc_of().line) == (page, line)]
    assert len(found) == 1, (page, line, value, [(c.id, c.subject) for c in found])
    return found[0]


def _bound(c: Claim) -> tuple[str | None, str | None, list[str]]:
    assert c.binding is not None, (c.subject, c.unbound)
    return c.subject_id, c.binding.spec, [f.cell.norm for f in c.binding.facts]


# ---------------------------------------------------------------------- Shanghai 街道 预算
WANLI = "putuo-wanli-jiedao-2024-budget.pdf"


def test_shanghai_budget_totals_and_funding_lines() -> None:
    cs = _claims(_real(WANLI))
    # p6:2 "收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元"
    c = next(x for x in cs if x.value is not None and x.value.text == "15621.11" and x.loc_of().line == 2
             and x.loc_of().page == 6 and x.subject_id != "income.fiscal")
    assert c.subject_id == "income.grand_total" and c.role == "budget"
    assert _bound(c)[1:] == ("T01[income.grand_total].amount", ["156,211,123"])  # 收入总计, in 元 (p10)
    fiscal = [x for x in cs if x.subject_id == "income.fiscal" and x.loc_of().page == 6]
    assert [(x.value.text, x.nums["change"].text, x.direction) for x in fiscal] == [("15621.11", "876.75", -1)]
    # p6:4 "支出预算15621.11万元，其中：财政拨款支出预算15621.11万元" — the 财政拨款收支总表 prints
    # only 支出总计 (no carry-over); p6:4–5 "一般公共预算拨款支出预算15621.11万元"
    by_subject = {(x.subject_id, x.scope): _bound(x)[1] for x in cs if x.loc_of().page == 6 and x.kind == "amount"
                  and x.subject_id in ("exp.grand_total", "exp.total", "exp.fund", "exp.capital")}
    assert by_subject == {("exp.grand_total", "all"): "T01[exp.grand_total].amount",
                          ("exp.total", "fiscal"): "T04[exp.grand_total].total",
                          ("exp.total", "gpb"): "T05[total].total",
                          ("exp.fund", "all"): "T07[total].total",  # p6:5 政府性基金拨款支出预算0.00
                          ("exp.capital", "all"): "T08[total].total"}  # p6:5–6 国有资本经营预算拨款支出预算0.00


def test_an_item_with_its_prior_year_and_percentage_is_one_claim() -> None:
    cs = _claims(_real(WANLI))
    # p6:9–10 "1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，…。2023年当年
    # 预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。"
    # p6:8 "财政拨款支出主要内容如下：" makes the items 财政拨款 figures: the 一般公共预算支出功能分类预算表 (p22)
    c = _at(cs, 6, 9, "25.77")
    assert (c.subject_id, c.role, c.scope) == ("class:2010507", "budget", "fiscal")
    assert {k: n.text for k, n in c.nums.items()} == {"value": "25.77", "prior": "60.13", "pct": "57.14"}
    assert c.direction == -1 and c.nums["pct"].figure.value == Fraction("57.14")
    assert _bound(c)[1:] == ("T05[2010507].total", ["257,700"])
    prior = _at(cs, 6, 10, "60.13")
    assert prior.period == "prior" and prior.binding is None and c.refs["prior"] is prior
    # the restatement "2024年预算安排25.77万元" is no second claim
    assert [x for x in cs if x.value is not None and x.value.text == "25.77" and x.loc_of().page == 6] == [c]


def test_a_restatement_with_another_value_is_found() -> None:
    # p9:18 "31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元" then p9:19 "2024年预算
    # 安排352.67万元，比2023年预算执行数增加0.53%" (350.35 / 348.52 = 1.0053; 352.67 / 348.52 = 1.0119)
    doc = _doc(_real(WANLI))
    cs = _claims(_real(WANLI))
    first, again = _at(cs, 9, 18, "350.35"), _at(cs, 9, 19, "352.67")
    assert first.subject_id == again.subject_id == "class:2210201"
    assert again.refs["restates"] is first and again.nums["prior"].text == "348.52"
    errors = [(f.span.page, f.span.line) for f in check_document(doc, select=["CLM001"]) if f.severity == Severity.ERROR]
    assert errors == [(9, 19)]


def test_three_public_and_running_costs_of_a_budget() -> None:
    cs = _claims(_real(WANLI))
    # p32:3 "2024年“三公”经费预算数为47.91万元"; p32:4 "（一）因公出国（境）费0万元"; p32:8 "（三）公务接待费
    # 1.35万元"; p32:10 "…财政拨款的机关运行经费预算为443.18万元" (the 三公 table, p31, prints 47.91, 0,
    # 1.35 and 443.18 in its 预算数 columns)
    assert _bound(_at(cs, 32, 3, "47.91")) == ("three_public.total", "T09[total]", ["47.91"])
    assert _bound(_at(cs, 32, 4, "0")) == ("three_public.abroad", "T09[abroad]", ["0"])
    assert _bound(_at(cs, 32, 8, "1.35")) == ("three_public.reception", "T09[reception]", ["1.35"])
    assert _bound(_at(cs, 32, 10, "443.18")) == ("running_costs", "T09[running]", ["443.18"])


def test_items_after_an_introduction_take_its_funding_scope() -> None:
    # fuliyuan p6:8 "财政拨款支出主要内容如下：", p6:18 "4. “社会保障和就业支出（类）社会福利（款）社会福利
    # 事业单位（项）”738.66万元": a 财政拨款 figure.  The 一般公共预算支出表 (p11) prints 6,964,796 元 for
    # 2081005; all funds (支出总表, with 事业收入 262.00) 9,584,796: 738.66 is neither, a real slip.
    cs = _claims(_more("putuo-shehui-fuliyuan-2024-unit-budget.pdf"))
    c = _at(cs, 6, 18, "738.66")
    assert c.scope == "fiscal" and _bound(c) == ("class:2081005", "T05[2081005].total", ["6,964,796"])


# ---------------------------------------------------------------------- Jiangsu 预算
GAOYUAN = "jiangsu-gaoyuan-2017-budget.pdf"


def test_jiangsu_budget_statements() -> None:
    cs = _claims(_more(GAOYUAN))
    expected = {
        # p19:6 "…2017年度收入、支出预算总计28849.38万元，与上年相比收、支预算总计各增加1808.29万元"
        (19, 6, "28849.38"): ("income_expenditure.grand_total", "T01[income.grand_total].amount", ["28,849.38"]),
        (19, 10, "28849.38"): ("income.grand_total", "T01[income.grand_total].amount", ["28,849.38"]),  # 收入预算总计
        (19, 11, "28849.38"): ("income.fiscal", "T01[income.fiscal].amount", ["28,849.38"]),  # 财政拨款收入预算总计
        # p19:16 "1．公共安全（类）支出23513.11万元": the 支出总表 prints only its total; the 收支总表 the class
        (19, 16, "23513.11"): ("class:204", "T01[exp.204].amount", ["23,513.11"]),
        (20, 3, "17123.19"): ("exp.basic", "T03[total].basic", ["17,123.19"]),  # 基本支出预算数为
        (20, 8, "182.92"): ("exp.reserve", "T03[total].reserve", ["182.92"]),  # 单位预留机动经费预算数为
        # p21:18 "1．法院（款）行政运行（项）支出11786.92万元": a path from the 款, in the 财政拨款支出表
        (21, 18, "11786.92"): ("class:2040501", "F05[2040501].total", ["11,786.92"]),
        # p23:1 "（一）人员经费13594.82万元" = 工资福利支出 7,687.65 + 对个人和家庭的补助 5,907.17 (p14)
        (23, 1, "13594.82"): ("econ.personnel", "F06[301].amount + F06[303].amount", ["7,687.65", "5,907.17"]),
        (23, 5, "3528.37"): ("econ.public", "F06[302].amount + F06[307].amount? + F06[310].amount? + F06[399].amount?",
                             ["3,528.37"]),  # （二）公用经费: 商品和服务支出 only
        (24, 13, "9193.40"): ("running_costs", "RUN[total].amount", ["9,193.40"]),  # 机关运行经费预算支出
        (25, 7, "180"): ("three_public.abroad", "T09[abroad]", ["180.00"]),  # 因公出国（境）费预算支出
        (25, 18, "228"): ("meeting", "T09[meeting]", ["228.00"]),  # …会议费预算支出228万元
        (26, 2, "3742.4"): ("procurement.total", "PUR[total].amount", ["3,742.40"]),  # 政府采购预算总金额为
        (26, 3, "525.4"): ("procurement.goods", "PUR[goods].amount", ["525.40"]),  # 其中拟购买货物
    }
    got = {key: _bound(_at(cs, *key)) for key in expected}
    assert got == expected
    assert all(_at(cs, *key).role == "budget" for key in expected)
    # p24:13–14 "…机关运行经费预算支出9193.40万元，比2016年增加5503.07万元，增长149.12%"
    run = _at(cs, 24, 13, "9193.40")
    assert (run.nums["change"].text, run.nums["pct"].text, run.direction) == ("5503.07", "149.12", 1)


def test_a_change_given_as_a_reason_binds_to_no_subject() -> None:
    # p19:13 "主要原因是基本支出增加人员经费1408.29万元": the increase of 人员经费, not its amount
    c = _at(_claims(_more(GAOYUAN)), 19, 13, "1408.29")
    assert c.subject_id is None and c.binding is None and "reason" in (c.unbound or "")


def test_jiangsu_report_in_two_files() -> None:
    text = _more("jiangsu-shengwei-2017-budget-text.pdf")
    tables = _more("jiangsu-shengwei-2017-budget-tables.pdf")
    cs = extract(build_document(read_combined([text, tables]))).claims
    # text p7:23 "省委办公厅2017年度财政拨款收、支总预算20702.25万元" (tables p4: 收入合计 20,702.25)
    c = next(c for c in cs if c.value is not None and c.value.text == "20702.25" and (c.loc_of().page, c.loc_of().line)
             == (7, 23))
    assert (c.subject_id, c.scope) == ("income_expenditure.grand_total", "fiscal")
    assert _bound(c)[1:] == ("T04[income.grand_total].amount", ["20,702.25"])


# ---------------------------------------------------------------------- a university
def test_the_scope_of_a_whole_passes_to_its_parts() -> None:
    # xinan 2023 budget p12:20 "（四）财政拨款支出预算情况说明", p12:21–p13:2 "…财政拨款支出预算230,876.38万元，
    # 其中教育支出208,613.34万元，…科学技术支出1,178.72万元，…社会保障和就业支出13,345.79万元，…住房保障支出
    # 7,629.03万元": the 财政拨款支出预算表 (p10), not the 支出预算表 (434,334.99 for 教育支出)
    cs = _claims(_more("xinan-daxue-2023-budget.pdf"))
    got = {c.value.text: _bound(c)[1:] for c in cs if (c.loc_of().page, c.loc_of().line) in ((12, 22), (12, 23), (13, 1))
           and c.kind == "amount"}
    assert got == {"208,613.34": ("F05[205].total", ["208,613.34"]), "1,178.72": ("F05[206].total", ["1,178.72"]),
                   "13,345.79": ("F05[208].total", ["13,345.79"]), "7,629.03": ("F05[221].total", ["7,629.03"])}
    whole = _at(cs, 12, 21, "230,876.38")
    assert all(c.refs.get("whole") is whole for c in cs if c.value and c.value.text in got)


def test_the_two_sides_of_the_account_are_not_parts_of_one_whole() -> None:
    # xinan 2023 budget p11:3–6 "我校2023年收支总预算557,259.13万元，其中本年收入预算403,484.64万元，使用非财政
    # 拨款结余59,972.79万元，上年结转93,801.70万元；本年支出预算468,779.07万元，结转下年88,480.06万元。"
    cs = _claims(_more("xinan-daxue-2023-budget.pdf"))
    whole = _at(cs, 11, 3, "557,259.13")
    assert whole.subject_id == "income_expenditure.grand_total"
    parts = [c.value.text for c in cs if c.refs.get("whole") is whole]
    assert parts == ["403,484.64", "59,972.79", "93,801.70"]
    assert _at(cs, 11, 4, "403,484.64").subject_id == "income.total"
    assert _at(cs, 11, 5, "468,779.07").subject_id == "exp.total"


def test_an_aside_in_brackets_is_not_the_whole() -> None:
    # xinan 2021 budget p10:2–3 "我校2021年收入预算490,808.40万元（本年预算收入390,140.45万元），其中：一般公共
    # 预算拨款收入216,552.53万元…" — 216,552.53 + 124,020.47 + 49,567.45 + 18,953.78 + 81,714.17 = 490,808.40
    cs = _claims(_more("xinan-daxue-2021-budget.pdf"))
    whole = _at(cs, 10, 2, "490,808.40")
    assert [c.value.text for c in cs if c.refs.get("whole") is whole] == [
        "216,552.53", "124,020.47", "49,567.45", "18,953.78", "81,714.17"]
    assert _at(cs, 10, 3, "390,140.45").subject_id == "income.total"


def test_a_university_final_total_named_otherwise_stays_unbound() -> None:
    # xinan 2023 决算 p16:3 "学校2023年度收入总计430,725.03万元": the 收支决算总表 (p7) prints 本年收入合计
    # 430,725.03 and, below the carry-over lines, "合计" 569,496.54; no row is called 总计
    cs = _claims(_more("xinan-daxue-2023-final.pdf"))
    c = _at(cs, 16, 3, "430,725.03")
    assert c.binding is None and "ambiguous" in (c.unbound or "")
    # p17:14 "1.小学教育（2050202），2023年度决算数为7,970.38万元": the code names the row
    assert _bound(_at(cs, 17, 14, "7,970.38")) == ("class:2050202", "F05[2050202].total", ["7,970.38"])


# ---------------------------------------------------------------------- descriptions, lists, parts
@pytest.mark.parametrize("name", ["xinan-daxue-2021-budget.pdf", "xinan-daxue-2023-budget.pdf",
                                  "xinan-daxue-2023-final.pdf"])
def test_a_universitys_description_raises_no_list_or_sum_error(name: str) -> None:
    doc = _doc(_more(name))
    got = {(f.rule, f.span.page, f.span.line) for f in check_document(doc, select=["CLM007", "CLM008"])
           if f.severity == Severity.ERROR}
    # xinan 2021 p9:24–26: 390,140.45 + 18,953.73 + 81,714.17 = 490,808.35, not the 490,808.40 stated: the
    # 使用非财政拨款结余 is 18,953.78 in the table (p7) and on p10:6; a real slip
    assert got == ({("CLM007", 9, 24)} if "2021" in name else set())


def test_counts_side_by_side_are_not_a_list() -> None:
    cs = _claims(_more("xinan-daxue-2021-budget.pdf"))
    # p3:22–p4:2 "28个一级学科博士学位授权点、51个一级学科硕士学位授权点，有1种专业博士学位、24种专业硕士学位"
    assert not _at(cs, 4, 1, "51").items
    # p3:20–21 "涵盖了哲、经、法、教、文、史、理、工、农、医、管、艺等12个学科门类": twelve named
    assert len(_at(cs, 3, 21, "12").items) == 12
    # p4:12–14 "现有专任教师3120人，其中教授727人、副教授1277人，博士生导师535人、硕士生导师1699人": a supervisor
    # is also a professor; only the first classification is a breakdown of the 3120
    teachers = _at(cs, 4, 13, "3120")
    assert [c.value.text for c in cs if c.refs.get("whole") is teachers] == ["727", "1277"]
    assert teachers.words.get("describes") == "1"
