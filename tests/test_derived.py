"""Derived data kept beside the bytecode (narrative.derived): what is stored comes back the
same, a damaged store is only a miss, nothing is written where Python writes no bytecode,
and a check gives the same findings with the stores as without them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from narrative.derived import Store

from .conftest import ROOT, SAMPLES


def _never() -> object:
    raise AssertionError("built again although it was stored")


@pytest.fixture
def writes_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def test_a_stored_value_is_loaded_by_the_next_process_without_building_it(tmp_path: Path, writes_bytecode: None) -> None:
    first = Store("t", tmp_path)
    built: list[str] = []
    assert first.get(("k", 1), lambda: built.append("x") or {"a": [1, 2]}) == {"a": [1, 2]}
    assert first.get(("k", 1), _never) == {"a": [1, 2]}
    assert built == ["x"]
    first.save()
    assert first.path is not None and first.path.is_file()
    second = Store("t", tmp_path)
    assert second.get(("k", 1), _never) == {"a": [1, 2]}
    assert second.get(("k", 2), lambda: "other") == "other"  # another key is a miss


def test_a_compiled_pattern_comes_back_matching_as_before(tmp_path: Path, writes_bytecode: None) -> None:
    source = r"(?P<amount>\d+(?:\.\d+)?)\s*万元|(\p{Han})\2"
    text = "支出 16.51 万元，号号"
    first = Store("p", tmp_path)
    first.get(source, lambda: regex.compile(source))
    first.save()
    loaded = Store("p", tmp_path).get(source, _never)
    assert isinstance(loaded, regex.Pattern)
    assert [m.group(0) for m in loaded.finditer(text)] == ["16.51 万元", "号号"]
    assert loaded.search(text).group("amount") == "16.51"  # type: ignore[union-attr]


def test_a_damaged_store_is_only_a_miss(tmp_path: Path, writes_bytecode: None) -> None:
    store = Store("t", tmp_path)
    assert store.path is not None
    store.path.write_bytes(b"\x80\x05not a pickle at all")
    assert store.get("k", lambda: 7) == 7
    store.save()  # replaced by a whole file
    assert Store("t", tmp_path).get("k", _never) == 7


def test_an_unwritable_place_is_no_error(tmp_path: Path, writes_bytecode: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be", encoding="utf-8")
    store = Store("t", blocker / "sub")
    assert store.get("k", lambda: 1) == 1
    store.save()  # nothing written, nothing raised
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    store = Store("t", tmp_path)
    store.get("k", lambda: 1)
    store.save()
    assert list(tmp_path.iterdir()) == []


def _check(sample: Path, env: dict[str, str]) -> list[dict[str, object]]:
    proc = subprocess.run([sys.executable, "-m", "narrative.cli", "check", str(sample), "--format", "json"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert proc.stderr == ""
    findings = json.loads(proc.stdout)["documents"][0]["findings"]
    return [{k: f[k] for k in ("rule", "line", "message", "computed")} for f in findings]


def test_a_check_finds_the_same_with_the_stores_as_without(tmp_path: Path) -> None:
    sample = SAMPLES / "qinghe-xuanchuanbu-2024-claim-slips.txt"
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    without = _check(sample, dict(base, PYTHONDONTWRITEBYTECODE="1"))
    cached = dict(base, PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"))
    filling = _check(sample, cached)
    stores = sorted(p.name.rsplit(".", 2)[0] for p in (tmp_path / "pyc").rglob("narrative-*.pickle"))
    assert stores == ["narrative-jieba-words", "narrative-lexicons", "narrative-patterns-regex" + regex.__version__]
    loaded = _check(sample, cached)
    assert without  # the sample's planted slips are found at all
    assert filling == without
    assert loaded == without
