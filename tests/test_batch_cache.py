"""``--cache DIR``: results kept by content hash, tool and options; a moved copy is not checked
again, a changed file or other options are, a corrupt entry is recomputed, several workers
writing at once leave whole entries only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from narrative.api import FileResult, Options, analyse
from narrative.batch import ResultCache, Work, run
from narrative.batch.cache import MAGIC, salt
from narrative.cli import main

from .batch_helpers import analyse_result
from .conftest import ROOT

TINY = ROOT / "tests" / "data" / "tiny-report.txt"


class Counting:
    """An analysis that counts its calls (in this process)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, path: str) -> FileResult:
        self.calls.append(path)
        return analyse(path).result()


def _failed(path: str, reason: str) -> FileResult:
    return FileResult(path, error=reason)


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file())


def test_a_result_is_kept_by_content_and_found_again(tmp_path: Path) -> None:
    a = Path(shutil.copy(TINY, tmp_path / "a.txt"))
    cache = ResultCache(str(tmp_path / "cache"), salt(Options(), None))
    count = Counting()
    work = Work(count, _failed, None, cache)
    first = work(str(a))
    assert count.calls == [str(a)] and len(_entries(tmp_path / "cache")) == 1
    again = work(str(a))
    assert count.calls == [str(a)]  # not analysed again
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in first.findings]
    moved = Path(shutil.copy(a, tmp_path / "elsewhere.txt"))
    assert work(str(moved)).path == str(moved) and count.calls == [str(a)]  # same bytes: no new check
    a.write_text(TINY.read_text(encoding="utf-8").replace("70.00\t60.00", "71.00\t60.00"), encoding="utf-8")
    work(str(a))
    assert count.calls == [str(a), str(a)]  # changed: checked again


def test_other_options_or_another_prior_are_other_entries(tmp_path: Path) -> None:
    base = salt(Options(), None)
    assert salt(Options(select=("TBL",)), None) != base
    assert salt(Options(ignore=("RND001",)), None) != base
    assert salt(Options(timeout=5.0), None) == base  # the time limit does not change findings
    prior = Path(shutil.copy(TINY, tmp_path / "prior.txt"))
    with_prior = salt(Options(), str(prior))
    assert with_prior != base
    prior.write_text(TINY.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert salt(Options(), str(prior)) != with_prior  # the prior's bytes count too


def test_a_corrupt_entry_is_recomputed_and_rewritten(tmp_path: Path) -> None:
    a = Path(shutil.copy(TINY, tmp_path / "a.txt"))
    cache = ResultCache(str(tmp_path / "cache"), salt(Options(), None))
    count = Counting()
    work = Work(count, _failed, None, cache)
    good = work(str(a))
    [entry] = _entries(tmp_path / "cache")
    whole = entry.read_bytes()
    for damage in (whole[: len(whole) // 2], whole[:-1] + bytes([whole[-1] ^ 1]), b"", b"junk"):
        entry.write_bytes(damage)
        again = work(str(a))
        assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in good.findings]
        assert entry.read_bytes().startswith(MAGIC) and len(entry.read_bytes()) == len(whole)
    assert len(count.calls) == 5


def test_errors_are_not_kept(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cache = ResultCache(str(tmp_path / "cache"), salt(Options(), None))
    assert Work(Counting(), _failed, None, cache)(str(empty)).error == "empty file"
    assert _entries(tmp_path / "cache") == []


def test_standard_input_and_devices_are_not_cached(tmp_path: Path) -> None:
    cache = ResultCache(str(tmp_path / "cache"), "s")
    assert cache.key("-") is None and cache.key("/dev/null") is None and cache.key(str(tmp_path)) is None


def test_several_workers_writing_the_same_entries(tmp_path: Path) -> None:
    copies = [str(shutil.copy(TINY, tmp_path / f"c{k}.txt")) for k in range(8)]
    cache_dir = tmp_path / "cache"
    results = list(run(copies, analyse_result, _failed, jobs=2, cache=str(cache_dir), options=Options()))
    assert sorted(r.path for r in results) == sorted(copies) and all(r.error is None for r in results)
    [entry] = _entries(cache_dir)  # one content, one whole entry, no temporary file left behind
    assert entry.read_bytes().startswith(MAGIC)


def test_the_cli_cache_gives_the_same_output(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [str(shutil.copy(TINY, tmp_path / f"r{k}.txt")) for k in range(3)]
    args = ["check", *files, "--format", "jsonl", "--jobs", "2", "--cache", str(tmp_path / "cache")]
    outs = []
    for _ in range(2):
        assert main(args) == 1
        lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        outs.append(sorted((d["path"], json.dumps(d["findings"], sort_keys=True)) for d in lines[:-1]))
    assert outs[0] == outs[1]
    assert len(_entries(tmp_path / "cache")) == 1
