"""Issue 18's planted slips (the 自评表's own arithmetic, counts, an emptied table, doubled
punctuation) as the oracle: samples/qinghe-xuanchuanbu-2024-claim-slips.toml was written by hand
from the text before the detectors; every slip must be found at its line with its rule, alone
and all together, and nothing else may be a warning or an error."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from narrative.api import check_document, load_document
from narrative.findings import Severity

from .conftest import SAMPLES

MANIFEST = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-claim-slips.toml").read_text(encoding="utf-8"))
CLEAN = SAMPLES / "qinghe-xuanchuanbu-2024.txt"
SLIPS = SAMPLES / "qinghe-xuanchuanbu-2024-claim-slips.txt"
NEW_RULES = ("PRF004", "PRF005", "TBL007", "TXT008", "CLM015", "PRF006", "CLM016", "CLM017")


def _serious(path: Path) -> set[tuple[int, str]]:
    fs = check_document(load_document(str(path)))
    return {(f.loc.line, f.rule) for f in fs if f.severity >= Severity.WARNING}


def _expected(slips: list[dict]) -> set[tuple[int, str]]:  # type: ignore[type-arg]
    return {(e["line"], e["rule"]) for s in slips for e in s["expect"]}


def _apply(lines: list[str], slip: dict) -> None:  # type: ignore[type-arg]
    for edit in [slip, *slip.get("also", [])]:
        i = edit["line"] - 1
        assert lines[i].count(edit["clean"]) == 1, slip["id"]
        lines[i] = lines[i].replace(edit["clean"], edit["planted"])


def test_manifest_covers_every_new_rule() -> None:
    rules = {e["rule"] for s in MANIFEST["slip"] for e in s["expect"]}
    for code in NEW_RULES:
        assert code in rules, code


def test_slips_file_is_the_clean_file_with_the_manifest_edits() -> None:
    clean = CLEAN.read_text(encoding="utf-8").split("\n")
    slips = SLIPS.read_text(encoding="utf-8").split("\n")
    assert len(clean) == len(slips)
    for s in MANIFEST["slip"]:
        _apply(clean, s)
    assert clean == slips


def test_every_slip_is_found_and_nothing_else() -> None:
    assert _serious(SLIPS) == _expected(MANIFEST["slip"])


@pytest.mark.parametrize("slip", MANIFEST["slip"], ids=[s["id"] for s in MANIFEST["slip"]])
def test_each_slip_alone_causes_exactly_its_own_findings(slip: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    lines = CLEAN.read_text(encoding="utf-8").split("\n")
    _apply(lines, slip)
    path = tmp_path / "one-slip.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert _serious(path) == _expected([slip])


def test_clean_file_has_none_of_the_new_rules() -> None:
    fs = check_document(load_document(str(CLEAN)))
    assert [f for f in fs if f.rule in NEW_RULES] == []
