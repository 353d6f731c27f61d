"""Binding the 绩效 prose to the 自评表 indicators (narrative/claims/indicators.py): which figures
of the real Jiangxi report are bound, to which row, and which are left unbound because the
match is not sure.  Lines and cells typed from ../shared/reports/zhushan-party-office-2024.txt."""

from __future__ import annotations

from narrative.claims.extract import extract_claims


def _at(claims, line: int, figure: str):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.value is not None and c.loc_of().line == line and c.value.figure.text == figure]


def test_results_bound_to_their_indicators(real_doc) -> None:  # type: ignore[no-untyped-def]
    claims = extract_claims(real_doc).claims
    # 534 "开展抓好档案数字化项目建设1批次" ↔ 自评表 2 (line 647) 抓好档案数字化项目建设 ≥1批 → 1
    (c,) = _at(claims, 534, "1")
    assert c.binding is not None and c.binding.facts[0].cell.line.number == 647
    # 544 "…合格率大于 95%" ↔ 自评表 2 (line 648) 档案目录数据符合技术要求，确保文书档案数 ≥90% → 90
    (c,) = _at(claims, 544, "95")
    assert c.binding is not None and c.binding.facts[0].cell.norm == "90"
    # 584 "两岸艺术家及青年满意度达到 98%" ↔ 自评表 3 (line 677) 满意度 ≥98% → 98
    (c,) = _at(claims, 584, "98")
    assert c.binding is not None and c.binding.facts[0].cell.line.number == 677


def test_unsure_matches_stay_unbound(real_doc) -> None:  # type: ignore[no-untyped-def]
    claims = extract_claims(real_doc).claims
    # 538 "…交流活动工作 1 次": the indicator is "…交流活动开展次", not close enough
    (c,) = _at(claims, 538, "1")
    assert c.binding is None
    # 538 "参加人数约 50 人": a 人 count, while the near indicator counts 次
    (c,) = _at(claims, 538, "50")
    assert c.binding is None
    # 586 "领导及部门满意度达到 98%": no indicator of that name
    (c,) = _at(claims, 586, "98")
    assert c.binding is None


def test_named_project_scores_restate_their_total(real_doc) -> None:  # type: ignore[no-untyped-def]
    claims = extract_claims(real_doc).claims
    # 514 and 875: "2024年度党委办公经费" project scored 90.52: 自评表 1 总分 (line 630)
    for line in (514, 875):
        (c,) = _at(claims, line, "90.52")
        assert c.binding is not None and c.binding.facts[0].cell.line.number == 630
    # 510 "整体自评得分93分" is the department's, no 自评表's: unbound
    (c,) = _at(claims, 510, "93")
    assert c.binding is None
