"""The start-up cache keeps parsed data between processes; it must never answer with a
stale or damaged entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative import startup_cache
from narrative.startup_cache import cached, digest


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NARRATIVE_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_stored_value_is_read_back_without_building(cache_dir: Path) -> None:
    assert cached("x-" + digest(b"a"), lambda: {"k": [1, 2]}) == {"k": [1, 2]}
    assert cached("x-" + digest(b"a"), lambda: pytest.fail("built twice")) == {"k": [1, 2]}


def test_other_sources_give_another_entry(cache_dir: Path) -> None:
    cached("x-" + digest(b"a"), lambda: 1)
    assert cached("x-" + digest(b"b"), lambda: 2) == 2


def test_a_damaged_entry_is_built_again(cache_dir: Path) -> None:
    name = "x-" + digest(b"a")
    (cache_dir / f"{name}.pickle").write_bytes(b"not a pickle")
    assert cached(name, lambda: 3) == 3
    assert cached(name, lambda: pytest.fail("built twice")) == 3


def test_an_unwritable_cache_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NARRATIVE_CACHE_DIR", str(blocker / "sub"))  # a directory under a file
    assert cached("x-" + digest(b"a"), lambda: 4) == 4
    assert startup_cache.cache_dir() == blocker / "sub"
