"""Files checked in worker processes on this machine, results streamed as they finish.

``concurrent.futures.ProcessPoolExecutor`` does the scheduling; what this module adds is
what a batch of thousands of files needs from it:

* **Flat memory.**  At most one file per worker is in flight; the next is submitted when
  one finishes (before its result is handed on), so nothing grows with the number of files.
  One file per worker also means a file starts when it is submitted, which makes the time
  it has taken known here.
* **A crash is one file's error.**  A worker that dies (the kernel's OOM killer, a segfault
  in a C library) breaks the whole pool: every file in flight fails with it, and the pool
  cannot say whose fault it was.  The files in flight are then re-run one at a time in a
  fresh pool; the one that breaks it alone is reported ("worker process crashed …"), the
  others get their results, and the batch goes on.
* **A hard time limit.**  A file has its own limit inside the worker (``work.time_limit``);
  one stuck where that alarm cannot reach (C code that never returns to Python) is stopped
  from here ``GRACE`` seconds later: the pool's workers are killed, that file is reported as
  timed out, the other files in flight are run again.
* **Workers from a fork server.**  Not ``fork``: the parent may run threads (the progress
  bar, a Dask client), and forking a threaded process can deadlock the child.  The fork
  server is single-threaded; each worker starts from it in milliseconds.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .work import describe

R = TypeVar("R")

FORKSERVER_UNKNOWN = 255  # popen_forkserver's returncode when the status pipe gives nothing
GRACE = 10.0  # seconds past a file's own limit before its worker is killed from here
_PRELOAD = ["narrative.api", "narrative.pipeline", "narrative.batch.work"]


@dataclass(frozen=True)
class _Flight:
    item: str
    started: float
    suspect: bool  # run alone, to find which file broke the pool


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)  # only takes effect if the server is not running yet
        return ctx
    return multiprocessing.get_context("spawn")


def _settle(pool: ProcessPoolExecutor) -> None:
    """Wait until a broken pool has stopped and reaped all its workers.

    The pool's manager thread terminates and joins the workers of a broken pool.  Two things
    can go wrong if this thread does not wait for it:

    * a worker that ``submit`` started here while the pool was breaking (``submit`` and the
      manager's ``terminate_broken`` race in CPython 3.11) is never told to stop, and the
      manager waits for it forever, and so would ``shutdown``: such workers are terminated
      here, as the manager does the others;
    * a fork-server worker's status can be read only once (``Popen.poll`` is not
      thread-safe): if this thread read exit codes while the manager joins, the thread that
      loses reads end-of-file and records 255, which hid the real exit code now and then.
    """
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is None:
        return
    deadline = time.monotonic() + GRACE
    while manager.is_alive() and time.monotonic() < deadline:
        manager.join(timeout=0.2)
        if manager.is_alive():
            for p in list((getattr(pool, "_processes", None) or {}).values()):
                try:
                    p.terminate()  # a no-op for a worker whose end has been read
                except (OSError, ValueError, AttributeError):
                    pass


def _exit_reason(pool: ProcessPoolExecutor) -> str:
    """How the worker of a file that broke the pool alone ended, as far as can be seen
    (after ``_settle``, so that each worker's status has been read by the manager only)."""
    codes = [p.exitcode for p in (getattr(pool, "_processes", None) or {}).values() if p.exitcode not in (None, 0)]
    # the pool terminates the others itself (SIGTERM); 255 is what a fork-server worker reports
    # when its real status could not be read back (multiprocessing.popen_forkserver): both say
    # less than the code of the worker that broke the pool
    codes.sort(key=lambda c: (c == -signal.SIGTERM, c == FORKSERVER_UNKNOWN))
    if codes and codes[0] is not None and codes[0] < 0:
        return f"worker process crashed (signal {-codes[0]})"
    if codes:
        return f"worker process crashed (exit code {codes[0]})"
    return "worker process crashed"


def _kill(pool: ProcessPoolExecutor) -> None:
    for p in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            p.kill()
        except (OSError, ValueError, AttributeError):
            pass


class _Run(Generic[R]):
    """The state of one batch across the pools it needs (a new one after each break)."""

    def __init__(self, work: Callable[[str], R], items: Iterable[str], failed: Callable[[str, str], R],
                 jobs: int, hard_limit: float | None) -> None:
        self.work = work
        self.items = iter(items)
        self.failed = failed
        self.jobs = jobs
        self.hard_limit = hard_limit
        self.retry: deque[str] = deque()  # in flight when the pool was killed on purpose: run again
        self.suspects: deque[str] = deque()  # in flight when the pool broke: run one at a time

    def _fill(self, pool: ProcessPoolExecutor, inflight: dict[Future[R], _Flight]) -> None:
        from ..ingest.pdf_worker import _main_module_hidden

        while True:
            isolating = bool(self.suspects) or any(f.suspect for f in inflight.values())
            if len(inflight) >= (1 if isolating else self.jobs):
                return
            suspect = bool(self.suspects)
            if self.suspects:
                item: str | None = self.suspects.popleft()
            else:
                item = self.retry.popleft() if self.retry else next(self.items, None)
            if item is None:
                return
            with _main_module_hidden():  # workers must not re-run the caller's __main__
                inflight[pool.submit(self.work, item)] = _Flight(item, time.monotonic(), suspect)

    def results(self) -> Iterator[R]:
        while True:
            pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=_context())
            inflight: dict[Future[R], _Flight] = {}
            try:
                while True:
                    self._fill(pool, inflight)
                    if not inflight:
                        return
                    timeout = None
                    if self.hard_limit is not None:
                        oldest = min(f.started for f in inflight.values())
                        timeout = max(0.0, oldest + self.hard_limit - time.monotonic())
                    done, _ = wait(inflight, timeout=timeout, return_when=FIRST_COMPLETED)
                    if not done:
                        yield from self._overrun(pool, inflight)
                        break  # on with a new pool
                    ready: list[R] = []
                    broken: list[str] = []
                    for fut in done:
                        flight = inflight.pop(fut)
                        try:
                            ready.append(fut.result())
                        except BrokenProcessPool:
                            broken.append(flight.item)
                        except Exception as err:  # e.g. a result that could not be sent back
                            ready.append(self.failed(flight.item, describe(err)))
                    if broken:
                        ready.extend(self._broke(pool, broken, inflight))
                        yield from ready
                        break  # on with a new pool
                    self._fill(pool, inflight)  # keep the workers busy while the results are handed on
                    yield from ready
            finally:
                if inflight:
                    _kill(pool)
                pool.shutdown(wait=True, cancel_futures=True)

    def _broke(self, pool: ProcessPoolExecutor, broken: list[str], inflight: dict[Future[R], _Flight]) -> list[R]:
        """The pool broke: a file that was alone in it is the culprit; otherwise every file
        that was in flight becomes a suspect, to be run again one at a time."""
        _settle(pool)
        ready: list[R] = []
        for fut, flight in inflight.items():
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                ready.append(fut.result())
            else:
                broken.append(flight.item)
        inflight.clear()
        if len(broken) == 1:
            ready.append(self.failed(broken[0], _exit_reason(pool)))
        else:
            self.suspects.extend(broken)
        return ready

    def _overrun(self, pool: ProcessPoolExecutor, inflight: dict[Future[R], _Flight]) -> Iterator[R]:
        """A file ran past the hard limit: kill the workers, report it, run the others again."""
        assert self.hard_limit is not None
        now = time.monotonic()
        _kill(pool)
        late: list[R] = []
        for fut, flight in inflight.items():
            if now - flight.started >= self.hard_limit:
                late.append(self.failed(flight.item, f"timed out after {self.hard_limit:g} s (worker stopped)"))
            elif fut.done() and not fut.cancelled() and fut.exception() is None:
                late.append(fut.result())
            else:
                self.retry.append(flight.item)
        inflight.clear()
        yield from late


def run_pool(work: Callable[[str], R], items: Iterable[str], *, failed: Callable[[str, str], R], jobs: int,
             limit: float | None, grace: float = GRACE) -> Iterator[R]:
    """``work(item)`` for every item in ``jobs`` worker processes, each result as it finishes.

    ``limit``: the time a file may take (the worker's own alarm); a worker still busy
    ``grace`` seconds later is killed and its file reported as timed out."""
    hard = None if limit is None else limit + grace
    yield from _Run(work, items, failed, max(1, jobs), hard).results()
