"""The Dask engine against a real (local) Dask cluster: the same per-file function mapped with
Dask's own scheduler, results streamed back, the same findings as a local run, bad files listed
with their reason.  Runs in CI (dask[distributed] is in the test extra); never skipped."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from narrative.cli import main

from .conftest import ROOT, SAMPLES
from .test_pdf_worker import slow_pdf

TINY = ROOT / "tests" / "data" / "tiny-report.txt"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def _region(tmp_path: Path) -> list[str]:
    files = [str(shutil.copy(TINY, tmp_path / f"r{k}.txt")) for k in range(3)]
    files.append(str(shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt", tmp_path / "slips.txt")))
    (tmp_path / "empty.txt").write_bytes(b"")
    return [*files, str(tmp_path / "empty.txt")]


def _by_path(out: str) -> dict[str, tuple[str | None, list[str]]]:
    docs = [json.loads(x) for x in out.splitlines()[:-1]]
    return {d["path"]: (d["error"], sorted(f["fingerprint"] for f in d["findings"])) for d in docs}


def test_a_dask_cluster_finds_what_a_local_run_finds(tmp_path: Path, scheduler: str, capsys) -> None:  # type: ignore[no-untyped-def]
    files = _region(tmp_path)
    local_code = main(["check", *files, "--format", "jsonl", "--jobs", "1"])
    local = _by_path(capsys.readouterr().out)
    code = main(["check", *files, "--format", "jsonl", "--scheduler", scheduler])
    out, err = capsys.readouterr()
    assert code == local_code == 1
    assert _by_path(out) == local
    assert local[str(tmp_path / "empty.txt")] == ("empty file", [])
    assert f"narrative: {tmp_path / 'empty.txt'}: empty file" in err.splitlines()
    assert sum(len(v[1]) for v in local.values()) > 0


def test_engine_dask_without_an_address_starts_a_local_cluster(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [str(shutil.copy(TINY, tmp_path / f"r{k}.txt")) for k in range(2)]
    slow = str(slow_pdf(tmp_path / "slow.pdf"))  # about 45 s of pdfminer (tests/test_pdf_worker.py)
    code = main(["check", *files, slow, "--format", "jsonl", "--engine", "dask", "--jobs", "1", "--select", "TBL001",
                 "--timeout", "1.5"])
    docs = _by_path(capsys.readouterr().out)
    assert code == 1
    # tiny-report.txt line 18: TBL001 in two columns (tests/test_cli.py); the PDF reader's time
    # limit holds in a Dask worker process too (a daemonic one: the reader starts a subprocess)
    assert {p: (e, len(fps)) for p, (e, fps) in docs.items()} == {
        **{p: (None, 2) for p in files}, slow: ("timed out after 1.5 s", 0)}


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    [f] = [str(shutil.copy(TINY, tmp_path / "r.txt"))]
    code = main(["check", f, "--scheduler", "nonsense://nowhere"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("narrative: cannot reach the Dask scheduler at nonsense://nowhere: ")
    assert len(err.splitlines()) == 1
