"""The batch engine on its own (``narrative.batch``): results stream as files finish, a
worker that crashes or a file that runs past its limit is that file's error and the batch
goes on, at most one file per worker is in flight, and one file or one job runs here.

The per-file functions are in ``batch_helpers`` (workers import them by name); a file's
name says how it behaves.  Needs Linux/POSIX signals (SIGKILL, SIGALRM)."""

from __future__ import annotations

import os

from narrative.batch import Work, run
from narrative.batch.pool import run_pool

from .batch_helpers import Done, behave, failed


def _pool(paths: list[str], *, jobs: int = 2, limit: float | None = 30.0, grace: float = 10.0) -> list[Done]:
    return list(run_pool(Work(behave, failed, limit), paths, failed=failed, jobs=jobs, limit=limit, grace=grace))


def test_results_come_as_files_finish() -> None:
    got = [r.path for r in _pool(["sleep-3", "a", "b", "c"])]
    assert sorted(got) == ["a", "b", "c", "sleep-3"]
    assert got[-1] == "sleep-3"  # submitted first, finished last
    assert all(r.error is None for r in _pool(["a", "b"]))


def test_a_crashed_worker_is_that_files_error_and_the_batch_goes_on() -> None:
    paths = ["a", "b", "crash", "c", "d", "e", "exit", "f"]
    results = {r.path: r for r in _pool(paths)}
    assert sorted(results) == sorted(paths)
    assert results["crash"].error == "worker process crashed (signal 9)"
    assert results["exit"].error == "worker process crashed (exit code 3)"
    assert {p: r.error for p, r in results.items() if p not in ("crash", "exit")} == dict.fromkeys("abcdef")


def test_a_file_past_its_limit_is_stopped_in_its_worker() -> None:
    results = {r.path: r.error for r in _pool(["sleep-60", "a", "b"], limit=1.0)}
    assert results == {"sleep-60": "timed out after 1 s (reading and checking)", "a": None, "b": None}


def test_a_file_the_alarm_cannot_reach_is_stopped_from_outside() -> None:
    results = {r.path: r.error for r in _pool(["stuck-60", "a", "b", "c"], limit=1.0, grace=1.0)}
    assert results == {"stuck-60": "timed out after 2 s (worker stopped)", "a": None, "b": None, "c": None}


def test_a_bug_in_the_analysis_is_that_files_error() -> None:
    results = {r.path: r.error for r in _pool(["raise", "a"])}
    assert results == {"raise": "internal error (RuntimeError: a bug); please report", "a": None}


def test_at_most_one_file_per_worker_is_in_flight() -> None:
    pulled: list[str] = []

    def paths():  # type: ignore[no-untyped-def]
        for k in range(20):
            pulled.append(str(k))
            yield str(k)

    stream = run_pool(Work(behave, failed), paths(), failed=failed, jobs=2, limit=None)
    next(stream)
    # two in flight, and a replacement for each that had finished by the time the first result
    # was handed on (both may finish together on a busy machine): never the whole list
    assert len(pulled) <= 4
    assert len(list(stream)) == 19


def test_one_job_or_one_file_runs_in_this_process_in_order() -> None:
    here = os.getpid()
    results = list(run(["c", "a", "b"], behave, failed, jobs=1))
    assert [(r.path, r.pid) for r in results] == [("c", here), ("a", here), ("b", here)]
    [only] = list(run(["a"], behave, failed, jobs=4))
    assert only.pid == here
    assert {r.pid for r in run(["a", "b", "c", "d"], behave, failed, jobs=2)} - {here}


def test_the_limit_holds_in_this_process_too() -> None:
    [r] = list(run(["sleep-60"], behave, failed, jobs=1, timeout=0.5))
    assert r.error == "timed out after 1 s (reading and checking)"  # 2 × timeout
