"""YOY001–YOY003 (``--prior``) and the text-slips sample as the oracle of issue 4.

samples/qinghe-xuanchuanbu-2024-text-slips.toml was written by hand from the text: every
planted slip must be found at its line with its rule, alone and with the 2023 report as the
prior year, and nothing else may be a warning or an error."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from narrative.api import check_document, check_file, load_document
from narrative.api import check_document as run_checks
from narrative.findings import Severity

from .conftest import SAMPLES

MANIFEST = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.toml").read_text(encoding="utf-8"))
CLEAN = SAMPLES / "qinghe-xuanchuanbu-2024.txt"
PRIOR = SAMPLES / "qinghe-xuanchuanbu-2023.txt"
SLIPS = SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.txt"


@cache
def _prior():  # type: ignore[no-untyped-def]
    return load_document(str(PRIOR))


def _serious(path: Path, prior: bool) -> set[tuple[int, str]]:
    doc = load_document(str(path))
    fs = check_document(doc, prior=_prior() if prior else None)
    return {(f.loc.line, f.rule) for f in fs if f.severity >= Severity.WARNING}


def _expected(key: str, slips: list[dict] | None = None) -> set[tuple[int, str]]:  # type: ignore[type-arg]
    return {(e["line"], e["rule"]) for s in (slips or MANIFEST["slip"]) for e in s[key]}


def test_manifest_covers_every_check_of_the_issue() -> None:
    slips = MANIFEST["slip"]
    assert len(slips) == 16
    rules = {e["rule"] for s in slips for e in s["expect_prior"]}
    for code in ("TXT001", "TXT002", "TXT003", "TXT004", "TXT005", "TXT006", "TXT007",
                 "DUP001", "DUP002", "DUP003", "YOY001", "YOY002", "YOY003"):
        assert code in rules, code
    for s in slips:
        assert {(e["line"], e["rule"]) for e in s["expect"]} <= {(e["line"], e["rule"]) for e in s["expect_prior"]}
        assert s["prior"] == (s["expect"] == []), s["id"]


def test_slips_file_is_the_clean_file_with_the_manifest_edits() -> None:
    clean = CLEAN.read_text(encoding="utf-8").split("\n")
    slips = SLIPS.read_text(encoding="utf-8").split("\n")
    assert len(clean) == len(slips)
    edited = list(clean)
    for s in MANIFEST["slip"]:
        i = s["line"] - 1
        assert edited[i].count(s["clean"]) == 1, s["id"]
        edited[i] = edited[i].replace(s["clean"], s["planted"])
    assert edited == slips


def test_every_slip_is_found_and_nothing_else_alone() -> None:
    assert _serious(SLIPS, prior=False) == _expected("expect")


def test_every_slip_is_found_and_nothing_else_with_the_prior_year() -> None:
    assert _serious(SLIPS, prior=True) == _expected("expect_prior")


@pytest.mark.parametrize("slip", MANIFEST["slip"], ids=[s["id"] for s in MANIFEST["slip"]])
def test_each_slip_alone_causes_exactly_its_own_findings(slip: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    lines = CLEAN.read_text(encoding="utf-8").split("\n")
    lines[slip["line"] - 1] = lines[slip["line"] - 1].replace(slip["clean"], slip["planted"])
    path = tmp_path / "one-slip.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert _serious(path, prior=False) == _expected("expect", [slip])
    assert _serious(path, prior=True) == _expected("expect_prior", [slip])


def test_clean_2024_against_clean_2023_is_clean() -> None:
    assert _serious(CLEAN, prior=True) == set()
    assert _serious(PRIOR, prior=False) == set()


def test_cli_prior_option_reaches_the_year_rules() -> None:
    r = check_file(str(SLIPS), prior_path=str(PRIOR), select=["YOY003"])
    assert [(f.loc.line, f.rule, f.severity) for f in r.findings] == [(471, "YOY003", Severity.ERROR)]


# ---------------------------------------------------------------------- what each rule says
@cache
def _slip_findings():  # type: ignore[no-untyped-def]
    return run_checks(load_document(str(SLIPS)), select=["YOY"], prior=_prior())


def test_change_against_last_years_figure() -> None:
    [f] = [f for f in _slip_findings() if f.rule == "YOY003"]
    # 471: 19.16 − 2.24 = 16.92, while the 2023 report (its line 471) says 对个人和家庭的补助支出 17.92
    assert (f.stated, f.computed) == ("增加 2.24万元", "17.92")
    assert "16.92 for 2023" in f.message and "line 471 of the 2023 report" in f.explanation


def test_sentence_with_last_years_figures() -> None:
    f = next(f for f in _slip_findings() if f.rule == "YOY001" and f.loc.line == 491)
    assert (f.stated, f.computed) == ("11批", "9")
    assert "T09[reception_batches].final 11 → 9 (line 397)" in f.explanation
    assert "T09[reception_people].final 78 → 63 (line 399)" in f.explanation
    assert [r.line for r in f.related if r.document == "report"] == [397, 399]


def test_sentences_with_last_years_years() -> None:
    by_line = {f.loc.line: f for f in _slip_findings() if f.rule == "YOY001"}
    assert (by_line[836].stated, by_line[836].computed) == ("2024", "2025")  # 《…关于做好2024年…》 cited again
    assert (by_line[846].stated, by_line[846].computed) == ("2023", "2024")  # 2023's 主要结论, line 557 there


def test_reason_of_last_year_for_a_reversed_change() -> None:
    warnings = [f for f in _slip_findings() if f.rule == "YOY002" and f.severity == Severity.WARNING]
    assert [(f.loc.line, f.stated, f.computed) for f in warnings] == [
        (443, "部分项目跨年度实施，资金结转下年使用", "增加 0.05万元")]
    # the same reason for a change in the same direction is an info (467: 工资福利支出 rose in both years)
    infos = {f.loc.line for f in _slip_findings() if f.rule == "YOY002" and f.severity == Severity.INFO}
    assert 467 in infos and 443 not in infos


def test_no_prior_no_year_findings() -> None:
    assert run_checks(load_document(str(SLIPS)), select=["YOY"]) == []


def test_prior_must_be_an_earlier_year() -> None:
    # the 2024 report given as the prior of the 2023 one: the sentence rules do not run backwards
    fs = run_checks(_prior(), select=["YOY001"], prior=load_document(str(CLEAN)))
    assert fs == []


def test_prior_of_another_department_or_year_is_not_compared(tmp_path: Path) -> None:
    text = PRIOR.read_text(encoding="utf-8")
    other = tmp_path / "other-department-2023.txt"
    other.write_text(text.replace("中共青禾县委宣传部 2023 年度部门决算", "中共青禾县委组织部 2023 年度部门决算", 1),
                     encoding="utf-8")
    doc = load_document(str(SLIPS))
    assert run_checks(doc, select=["YOY"], prior=load_document(str(other))) == []
    older = tmp_path / "same-department-2022.txt"
    older.write_text(text.replace("中共青禾县委宣传部 2023 年度部门决算", "中共青禾县委宣传部 2022 年度部门决算", 1),
                     encoding="utf-8")
    fs = run_checks(doc, select=["YOY"], prior=load_document(str(older)))
    assert {f.rule for f in fs} <= {"YOY001"}  # 比上年 and last year's reasons need the year just before
