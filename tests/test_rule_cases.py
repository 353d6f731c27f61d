"""Rule cases as data (tests/rule_cases/*.toml): a snippet, the rules to run, the findings
expected at warning or error severity, each with its arithmetic typed by hand."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from narrative.api import Options, Severity, analyse

HERE = Path(__file__).parent / "rule_cases"
HEAD = "中共测试县委办公室2024年度部门决算\n\n第三部分 情况说明\n\n"

CASES = [(p.stem, c) for p in sorted(HERE.glob("*.toml")) for c in tomllib.loads(p.read_text(encoding="utf-8"))["case"]]


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize(("family", "case"), CASES, ids=[f"{f}:{c['name']}" for f, c in CASES])
def test_rule_case(tmp_path: Path, family: str, case: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "report.txt"
    path.write_text(HEAD + case["text"] + "\n", encoding="utf-8")
    a = analyse(str(path), Options(select=tuple(case["select"])))
    assert a.error is None
    got = sorted([f.span.line, f.rule] for f in a.findings if f.severity >= Severity.WARNING)
    assert got == sorted(case["expect"]), case["why"]
    if "severity" in case:  # the severity policy (docs/conventions.md): e.g. a truncation is a warning
        assert {str(f.severity) for f in a.findings if f.severity >= Severity.WARNING} == {case["severity"]}
