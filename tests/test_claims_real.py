"""Claims of the real report (../shared/reports/zhushan-party-office-2024.txt).

Every expected claim below was typed by hand from the report's line; none was
pasted from the tool's output."""

from __future__ import annotations

import pytest

from narrative.api import check_document as run_checks
from narrative.findings import Severity
from narrative.pipeline import extract as claims_of

# (line, subject id, {figure: text as written}) for the amount claims of 情况说明 (第三部分)
AMOUNTS = [
    (414, "income.grand_total", {"value": "326.45"}),
    (414, "income.carry_begin", {"value": "14.89", "change": "0.07", "pct": "0.51"}),
    (414, "income.nonfiscal_balance", {"value": "0.00"}),
    (414, "income.total", {"value": "311.56", "change": "140.31", "pct": "31.05"}),
    (416, "income.fiscal", {"value": "311.55", "share": "100.00"}),
    (416, "income.business", {"value": "0.00", "share": "0.00"}),
    (416, "income.operating", {"value": "0.00", "share": "0.00"}),
    (416, "income.upper", {"value": "0.00", "share": "0.00"}),
    (416, "income.subsidiary", {"value": "0.00", "share": "0.00"}),
    (416, "income.other", {"value": "0.01", "share": "0.00"}),
    (420, "exp.grand_total", {"value": "326.45"}),
    (420, "exp.total", {"value": "316.83", "change": "134.97", "pct": "29.87"}),
    (420, "exp.distribution", {"value": "0.00"}),
    (420, "exp.carry_end", {"value": "9.63", "change": "5.26", "pct": "35.34"}),
    (422, "exp.basic", {"value": "133.98", "share": "42.29"}),
    (424, "exp.project", {"value": "182.84", "share": "57.71"}),
    (424, "exp.operating", {"value": "0.00", "share": "0.00"}),
    (424, "exp.upper", {"value": "0.00", "share": "0.00"}),
    (424, "exp.subsidiary", {"value": "0.00", "share": "0.00"}),
    (428, "exp.total", {"value": "243.81"}),
    (428, "exp.total", {"value": "316.81", "completion": "129.94"}),
    (430, "class:201", {"value": "227.98"}),
    (430, "class:201", {"value": "298.59", "completion": "130.97"}),
    (432, "class:208", {"value": "6.94"}),
    (432, "class:208", {"value": "9.33", "completion": "134.47"}),
    (434, "class:210", {"value": "2.82"}),
    (434, "class:210", {"value": "2.82", "completion": "100.00"}),
    (436, "class:221", {"value": "6.07"}),
    (436, "class:221", {"value": "6.07", "completion": "100.00"}),
    (440, "exp.basic", {"value": "133.98"}),
    (442, "econ.301", {"value": "97.93", "change": "15.06", "pct": "13.33"}),
    (444, "econ.302", {"value": "16.51", "change": "9.72", "pct": "142.95"}),
    (446, "econ.303", {"value": "19.53", "change": "4.19", "pct": "27.32"}),
    (448, "econ.310", {"value": "0.00"}),
    (452, "three_public.total", {"value": "4.89"}),
    (452, "three_public.total", {"value": "2.90", "completion": "59.28", "change": "2.57", "pct": "780.50"}),
    (454, "three_public.abroad", {"value": "2.75"}),
    (454, "three_public.abroad", {"value": "2.74", "completion": "99.60", "change": "2.74"}),
    (456, "three_public.vehicle", {"value": "0.00"}),
    (456, "three_public.vehicle", {"value": "0.00"}),
    (458, "three_public.vehicle_purchase", {"value": "0.00"}),
    (458, "three_public.vehicle_purchase", {"value": "0.00"}),
    (462, "three_public.vehicle_operation", {"value": "0.00"}),
    (462, "three_public.vehicle_operation", {"value": "0.00"}),
    (464, "three_public.reception", {"value": "2.14"}),
    (464, "three_public.reception", {"value": "0.16", "completion": "7.46", "change": "0.17", "pct": "51.52"}),
    (468, "running_costs", {"value": "16.51", "change": "9.72", "pct": "142.95"}),
    (472, "procurement.total", {"value": "5.18"}),
    (472, "procurement.goods", {"value": "3.59"}),
    (472, "procurement.works", {"value": "0.00"}),
    (472, "procurement.services", {"value": "1.59"}),
    (472, "procurement.sme", {"value": "5.18", "share": "100.00"}),
    (472, "procurement.small", {"value": "5.18", "share": "100.00"}),
]

# (line, subject id, count as written) for the counts of 情况说明 that a table holds
COUNTS = [
    (454, "three_public.abroad_groups", "1"),
    (454, "three_public.abroad_people", "1"),
    (460, "three_public.vehicle_purchased", "0"),  # the sentence starts on line 458 and breaks at a page end
    (462, "three_public.vehicle_fleet", "0"),
    (464, "three_public.reception_batches", "2"),
    (464, "three_public.reception_people", "13"),
    (478, "assets.vehicles_total", "0"),
    (478, "assets.equipment_1m", "0"),
]


@pytest.fixture(scope="module")
def claims(real_doc):  # type: ignore[no-untyped-def]
    return claims_of(real_doc).claims


def test_every_amount_claim_of_the_explanation_part(claims) -> None:  # type: ignore[no-untyped-def]
    got = [
        (c.loc_of().line, c.subject_id, {k: n.text for k, n in c.nums.items()})
        for c in claims if c.kind == "amount" and 410 <= (c.loc_of().line or 0) <= 478
    ]
    assert got == AMOUNTS


def test_counts_bound_to_tables(claims) -> None:  # type: ignore[no-untyped-def]
    got = [(c.loc_of().line, c.subject_id, c.value.text) for c in claims
           if c.kind == "count" and c.binding is not None and 410 <= (c.loc_of().line or 0) <= 478
           and c.subject_id != "assets.vehicle_kind"]
    assert got == COUNTS
    kinds = [c for c in claims if c.subject_id == "assets.vehicle_kind"]
    assert len(kinds) == 8  # line 478: the eight vehicle kinds of 公开10, each "0 辆"
    assert all(c.binding is not None and c.binding.facts[0].cell.line.number in range(396, 404) for c in kinds)


def test_bindings_by_subject_scope_and_role(claims) -> None:  # type: ignore[no-untyped-def]
    def bound(line: int, value: str) -> str:
        c = next(c for c in claims if c.loc_of().line == line and c.value and c.value.text == value)
        assert c.binding is not None, (line, value, c.unbound)
        return c.binding.spec

    assert bound(414, "311.56") == "T01[income.total].amount"
    assert bound(428, "316.81") == "T04[exp.total].total"  # 财政拨款本年支出 → 公开04
    assert bound(430, "298.59") == "T04[exp.201].total"
    assert bound(440, "133.98") == "T05[total].basic"  # 一般公共预算财政拨款基本支出 → 公开05
    assert bound(446, "19.53") == "T06[303].amount"  # 对个人和家庭补助支出 vs 对个人和家庭的补助
    assert bound(452, "4.89") == "T09[total]"  # 全年预算数 → the full_budget column
    assert bound(468, "16.51") == "T06[public_total].amount"  # 机关运行经费 = 公用经费
    assert bound(819, "154.4") == "SE[2024年党委办公经费].initial_budget"


def test_unbound_claims_are_the_expected_blind_spots(claims) -> None:  # type: ignore[no-untyped-def]
    unbound = {(c.loc_of().line, c.value.text) for c in claims
               if c.kind == "amount" and c.binding is None and 410 <= (c.loc_of().line or 0) <= 478}
    # 年初预算数 of the total and of each class: no table of this layout holds them (line 428–436);
    # 政府采购 has no table (line 472, 5.18 also restated at 472 as 授予中小企业合同金额 twice).
    assert unbound == {(428, "243.81"), (430, "227.98"), (432, "6.94"), (434, "2.82"), (436, "6.07"),
                       (472, "5.18"), (472, "3.59"), (472, "0.00"), (472, "1.59")}


def test_every_number_token_is_accounted_for(real_doc) -> None:  # type: ignore[no-untyped-def]
    cs = claims_of(real_doc)
    for t in cs.tokens:
        assert t.claim or t.reason, (t.block.line_at(t.start).number, t.text)
    reasons: dict[tuple[int, str], set[str]] = {}
    for t in cs.tokens:
        if not t.claim:
            reasons.setdefault((t.block.line_at(t.start).number, t.text), set()).add(t.reason or "")
    assert reasons[(767, "2022")] == {"document number"}  # 赣财绩〔2022〕5号
    assert reasons[(767, "5")] == {"document number", "number without a unit"}  # 〔2022〕5号, 以5年为周期
    assert reasons[(742, "17")] == {"date"}  # 2024 年 3 月 17 日
    assert reasons[(414, "2024")] == {"year"}
    assert reasons[(478, "100")] == {"threshold in a subject name"}  # 单价 100 万元（含）以上设备


def test_rounding_consistent_claims_are_not_errors(real_doc) -> None:  # type: ignore[no-untyped-def]
    findings = run_checks(real_doc)
    by = {(f.loc.line, f.rule): f for f in findings}
    # 142.95% (line 444), 134.47% (line 432) and 99.60% (line 454) hold only within rounding
    assert (444, "RND001") in by and (444, "CLM002") not in by
    assert (432, "RND001") in by and (432, "CLM003") not in by
    assert (454, "RND001") in by and (454, "CLM003") not in by
    # 0.51% for 年初结转和结余 (line 414) holds only through the interval of the change 0.07:
    # 0.07/14.82 = 0.47%, but 0.075/(14.885 − 0.075) = 0.506% ≥ 0.505%.
    f = by[(414, "RND001")]
    assert f.stated == "0.51%" and f.computed == "0.47"
    assert (414, "CLM002") not in by


def test_genuine_discrepancies_in_the_performance_section(real_doc) -> None:  # type: ignore[no-untyped-def]
    errors = {(f.loc.line, f.rule) for f in run_checks(real_doc, select=["CLM"]) if f.severity == Severity.ERROR}
    assert errors == {
        # line 484: 212.91 万元 matches no column of the three 自评表 (Σ全年预算数 194.91,
        # Σ全年执行数 181.47 — which line 506 states — Σ年初预算数 154.40) …
        (484, "CLM009"),
        # … and is 116% of 项目支出 182.84 (公开03), not "100 %".
        (484, "CLM004"),
        # line 520: average 93 分 while the 总分 are 90.52, 91.23 and 88 (89.92)
        (520, "CLM009"),
        # line 805: 截至第三季度 224 件 > the full year's 26 件 (line 540)
        (805, "CLM011"),
        # line 859: "6 个二级指标" after a list of 12 二级指标
        (859, "CLM008"),
        # line 544: "确保文书档案数字化成果质量合格率大于 95%" while the 自评表 row (line 648)
        # 档案目录数据符合技术要求，确保文书档案数 gives 实际完成值 90 (年度指标值 ≥90%)
        (544, "CLM015"),
        # line 486: the project evaluated (2024年党委办公经费) "涉及一般公共预算支出 154.4 万元", while
        # its 自评表 (line 615) gives 年初预算数 154.4, 全年预算数 136.4, 全年执行数 134.4, and the
        # 附件 says it used 134.4 (lines 823, 923): the budget stated as what it spent
        (486, "CLM016"),
    }


# (line, kind, figure as written, extra) for the claims of 九、预算绩效情况说明 (lines 484–520)
PERFORMANCE = [
    (484, "project_count", "3", None),  # 二级项目 3 个全面开展绩效自评
    (484, "amount", "212.91", "100"),  # 共涉及资金212.91 万元，占项目支出总额的100 %
    (484, "rating_count", "2", "优"),
    (484, "rating_count", "1", "良"),
    (484, "rating_count", "0", "中"),
    (484, "rating_count", "0", "差"),
    (486, "list_count", "1", 1),  # 组织对 1 个项目开展了部门评价，分别为：2024年党委办公经费
    (486, "amount", "154.4", None),
    (486, "amount", "0", None),
    (486, "amount", "0", None),
    (488, "amount", "339.99", None),
    (488, "amount", "0", None),
    (490, "rate", "93.11", None),  # 部门整体支出预算执行率93.11%
    (502, "list_count", "3", 3),  # 全年对3个项目开展监控，A、B、C
    (506, "project_count", "3", None),  # 本单位自评项目3个
    (506, "amount", "181.47", None),
    (510, "score", "93", "优"),  # 整体自评得分93分，评价等级为“优”
    (514, "score", "90.52", "优"),
    (520, "project_count", "3", None),  # 对3个项目的绩效进行了…评价
    (520, "average", "93", None),  # 绩效项目自评平均分为93分
    (520, "project_count", "3", 3),  # “A”“B”“C”3个项目支出绩效自评结果如下
]


def test_every_claim_of_the_performance_summary(claims) -> None:  # type: ignore[no-untyped-def]
    got = []
    for c in claims:
        line = c.loc_of().line or 0
        if not 484 <= line <= 520:
            continue
        extra = None
        if "share" in c.nums:
            extra = c.nums["share"].text
        elif c.kind in ("rating_count", "score"):
            extra = c.words.get("rating")
        elif c.items:
            extra = len(c.items)
        got.append((line, c.kind, c.value.text if c.value else c.nums["share"].text, extra))
    assert got == PERFORMANCE


def test_execution_rates_and_balances_are_recomputed(real_text, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # line 823: "…项目共使用 134.4 万元，结余资金 2 万元，资金执行率 98.53%" (budget 136.4, 自评表 line 615)
    # line 923: "…项目共使用 134.4 万元，实际到位资金 136.4 万元，预算执行率为 98.53%"
    from narrative.api import check_file

    lines = real_text.read_text(encoding="utf-8").split("\n")
    assert "结余资金 2 万元" in lines[822] and "预算执行率为 98.53%" in lines[922]
    assert not [f for f in check_file(str(real_text), select=["CLM003", "CLM006"]).findings]
    lines[822] = lines[822].replace("结余资金 2 万元", "结余资金 5 万元")
    lines[922] = lines[922].replace("预算执行率为 98.53%", "预算执行率为 90.53%")
    path = tmp_path / "mutant.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    got = {(f.loc.line, f.rule) for f in check_file(str(path), select=["CLM003", "CLM006"]).findings
           if f.severity == Severity.ERROR}
    assert got == {(823, "CLM006"), (923, "CLM003")}  # 136.4 − 134.4 = 2; 134.4 / 136.4 = 98.53%


# (line, kind, figure as written, qualifier, unit) for the output claims of the 预算绩效 part (lines 534–586)
OUTPUTS = [
    (534, "count", "1", None, "批次"),  # 2024年开展抓好档案数字化项目建设1批次
    (534, "count", "251", None, "卷"),
    (534, "count", "3757", None, "件"),
    (534, "count", "6599", None, "件"),
    (534, "count", "11", None, "件"),
    (534, "count", "24", None, "件"),
    (538, "count", "1", None, "次"),
    (538, "count", "50", "约", "人"),  # 参加人数约 50 人: a bound, not a point
    (540, "count", "230", "余", "篇"),  # 230 余篇
    (540, "count", "26", None, "件"),
    (540, "count", "139", "余", "次"),
    (540, "count", "289", None, "篇"),
    (540, "count", "319", None, "篇"),
    (540, "count", "52", None, "篇"),
    (540, "score", "595", None, "分"),
    (540, "count", "12", None, "篇"),
    (540, "count", "8", None, "篇"),
    (540, "count", "17", None, "件"),
    (540, "count", "43", None, "份"),
    (544, "percent", "95", "大于", "%"),  # 合格率大于 95%
    (582, "percent", "95", None, "%"),
    (584, "percent", "98", None, "%"),
    (586, "percent", "98", None, "%"),
]


def test_every_claim_of_the_output_paragraphs(claims) -> None:  # type: ignore[no-untyped-def]
    got = [(c.loc_of().line, c.kind, c.value.text, c.value.qualifier, c.value.unit) for c in claims
           if c.value is not None and 534 <= (c.loc_of().line or 0) <= 586]
    assert got == OUTPUTS
    qualified = {c.value.text: c.value.bound for c in claims if c.loc_of().line in (538, 540) and c.value.qualifier}
    assert qualified["50"].low == 45 and qualified["50"].high == 55  # 约: ±10%
    # 余: at least 230 (a count of articles is exact: not 229.5, as when counts were rounded figures)
    assert qualified["230"].low == 230 and qualified["230"].high > 10**9


def test_the_evaluated_project_money_is_bound_to_its_spending(claims) -> None:  # type: ignore[no-untyped-def]
    # line 486: "组织对 1 个项目开展了部门评价，分别为：2024年党委办公经费 。涉及一般公共预算支出 154.4 万元":
    # the project's 全年执行数 (自评表 line 615: 134.4) is what the figure restates; the 0 万元 of
    # 政府性基金 and 国有资本 are not the project's and stay unbound
    c = next(c for c in claims if c.loc_of().line == 486 and c.value is not None and c.value.text == "154.4")
    assert c.binding is not None and [f.cell.norm for f in c.binding.facts] == ["134.4"]
    assert c.words["evaluated"] == "2024年党委办公经费"
    zeros = [c for c in claims if c.loc_of().line == 486 and c.value is not None and c.value.text == "0"]
    assert len(zeros) == 2 and all(z.binding is None for z in zeros)
