"""api.boilerplate: the groups of places the TUI's boilerplate view lists (narrative/passages.py).
Expected lines typed by hand from the samples (file and line in each comment)."""

from __future__ import annotations

from functools import cache

from narrative import api
from narrative.api import PRIOR, REPORT

from .conftest import SAMPLES

TEXT_SLIPS = str(SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.txt")
CARRY = str(SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt")
PRIOR_2023 = str(SAMPLES / "qinghe-xuanchuanbu-2023.txt")


@cache
def analysed(path: str) -> api.Analysis:
    a = api.analyse(path)
    assert a.error is None, a.error
    return a


def test_groups_within_the_report_are_dup003s_with_every_place() -> None:
    # text-slips line 557 "从自评情况看，2024年以来，县委宣传部坚持以习近平新时代…" is pasted at line 846 with
    # "2023年以来": the same words, other numbers
    [g] = api.boilerplate(analysed(TEXT_SLIPS))
    assert g.kind == "within" and g.numbers_differ
    assert [(p.side, p.span.line) for p in g.places] == [(REPORT, 557), (REPORT, 846)]
    assert g.places[0].text.startswith("从自评情况看，2024年以来，县委宣传部")
    assert g.places[1].text.startswith("从自评情况看，2023年以来，县委宣传部")


def test_passages_carried_over_are_runs_of_unchanged_sentences() -> None:
    a, old = analysed(CARRY), analysed(PRIOR_2023)
    groups = [g for g in api.boilerplate(a, api.diff_analyses(old, a)) if g.kind == "carried"]
    # lines 48–64 of both reports are the nine 部门主要职责 items (1)–(9), word for word, one blank line
    # apart: one passage, not nine
    [duties] = [g for g in groups if g.places[0].span.line is not None and g.places[0].span.line <= 48
                and (g.places[0].span.end_line or 0) >= 64]
    assert "(1) 负责指导全县理论学习" in duties.places[0].text and "(9) 完成县委交办的其他任务。" in duties.places[0].text
    assert duties.places[1].side == PRIOR and duties.places[1].span.line == duties.places[0].span.line
    # slip C01 (carry-slips.toml): "审核把关各类宣传品 138 件。" at line 569 is 2023's line 569, its
    # figure kept; short, but kept for its figure; the sentence before it on the line was updated
    [kept] = [g for g in groups if g.places[0].text == "审核把关各类宣传品 138 件。"]
    assert kept.figures_kept
    assert [(p.side, p.span.line) for p in kept.places] == [(REPORT, 569), (PRIOR, 569)]
    # 附注 line 123 "2. 本套报表金额单位转换时可能存在尾数误差。" (21 characters, no figure but its
    # enumerator) is under the length of a passage
    assert not any("尾数误差" in g.places[0].text and g.places[0].span.line == 123 for g in groups)


def test_an_unreadable_report_has_no_boilerplate() -> None:
    assert api.boilerplate(api.Analysis("missing.txt", error="no such file")) == []
