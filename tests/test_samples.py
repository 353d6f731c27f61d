"""The planted-slip sample is the oracle: every planted slip is found at its line with its
rule, nothing else is an error, and the clean samples get no error and no warning.

The manifest (samples/qinghe-xuanchuanbu-2024-slips.toml) was written by hand from the text
and committed before the detectors."""

from __future__ import annotations

import tomllib

import pytest

from narrative.api import check_file
from narrative.findings import Severity

from .conftest import SAMPLES

MANIFEST = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-slips.toml").read_text(encoding="utf-8"))


def _pairs(path, severity: Severity) -> set[tuple[int, str]]:  # type: ignore[no-untyped-def]
    r = check_file(str(path))
    assert r.error is None, r.error
    return {(f.loc.line, f.rule) for f in r.findings if f.severity == severity}


def expected(rules: set[str] | None = None, *, warnings: bool = False) -> set[tuple[int, str]]:
    out = set()
    for slip in MANIFEST["slip"]:
        for e in slip["expect"]:
            is_warning = e["rule"] in ("TBL005", "PRF003")
            if is_warning == warnings and (rules is None or e["rule"][:3] in rules):
                out.add((e["line"], e["rule"]))
    return out


def test_manifest_has_enough_slips_of_enough_kinds() -> None:
    slips = MANIFEST["slip"]
    assert len(slips) >= 25
    rules = {e["rule"] for s in slips for e in s["expect"]}
    assert len([r for r in rules if r.startswith(("TBL", "XTB", "PRF"))]) >= 12
    for code in [f"CLM{i:03d}" for i in range(1, 14)]:
        assert code in rules, f"no planted slip for {code}"


def test_every_planted_slip_is_found_and_nothing_else_is_an_error() -> None:
    got = _pairs(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt", Severity.ERROR)
    want = expected()
    assert want - got == set(), "planted slips not found"
    assert got - want == set(), "errors that are not planted slips"


def test_planted_warning_is_found() -> None:
    got = _pairs(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt", Severity.WARNING)
    assert expected(warnings=True) <= got


@pytest.mark.parametrize("name", ["qinghe-xuanchuanbu-2024.txt", "qinghe-xuanchuanbu-2023.txt"])
def test_clean_samples_get_no_error_and_no_warning(name: str) -> None:
    r = check_file(str(SAMPLES / name))
    assert r.error is None
    bad = [(f.loc.line, f.rule, f.message) for f in r.findings if f.severity >= Severity.WARNING]
    assert bad == []


def test_clean_sample_edge_cases_are_rounding_notes_not_errors() -> None:
    # samples/README.md: line 299 (301 = Σ301xx off by 0.01) and line 437 (增长 0.50% only
    # through the interval of the change 0.05) hold within rounding only.
    r = check_file(str(SAMPLES / "qinghe-xuanchuanbu-2024.txt"))
    infos = {(f.loc.line, f.rule) for f in r.findings if f.severity == Severity.INFO}
    assert (299, "RND001") in infos
    assert (437, "RND001") in infos
