"""What runs for one file, wherever it runs (this process, a pool worker, a Dask worker):
the cache look-up, the file's own time limit, the analysis, the cache write.

Why a time limit here as well as in the PDF reader: the reader bounds *reading* (``--timeout``),
but modelling and checking a pathological file could still run on, and a batch of ten thousand
files must not wait for one.  A file gets ``--timeout`` seconds to be read and as long again for
the rest (``file_limit``).  The limit is a real-time alarm in the process's main thread whose
handler raises ``FileTimedOut``, a ``BaseException`` so that no rule's crash guard (which turns
an ``Exception`` into one NAR001 finding) swallows it.  Where no alarm can be set (a Dask worker
thread, Windows) the file keeps its reading limit, and a local pool still stops a worker that
overruns (``pool``).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .cache import ResultCache

R = TypeVar("R")


class FileTimedOut(BaseException):
    """Raised by the alarm of ``time_limit``; never an ``Exception`` (see the module)."""


def file_limit(timeout: float) -> float:
    """The time one file may take in a batch: ``timeout`` to read it, as long again for the rest."""
    return 2.0 * timeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``FileTimedOut`` in this thread after ``seconds``; a no-op off the main thread,
    without ``setitimer``, or when another alarm is already running (it is left alone)."""
    usable = (
        seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def fire(signum: int, frame: Any) -> None:
        raise FileTimedOut(seconds)

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def describe(err: BaseException) -> str:
    """One line for an exception that escaped the analysis (a bug: the API never raises for input)."""
    text = str(err).replace("\n", " ").strip()
    return f"internal error ({type(err).__name__}{': ' + text if text else ''}); please report"


@dataclass(frozen=True)
class Work(Generic[R]):
    """The per-file function a batch maps over its files: picklable (plain data and top-level
    functions), so the same object runs in this process, in a pool worker or on a Dask worker.

    ``analyse(path)`` makes the result; ``failed(path, reason)`` makes the result of a file that
    could not be analysed (time limit, a crash, a bug).  Only results without an ``error`` are
    cached: a time-out or a crash may not happen again."""

    analyse: Callable[[str], R]
    failed: Callable[[str, str], R]
    limit: float | None = None
    cache: ResultCache | None = None

    def __call__(self, path: str) -> R:
        key = self.cache.key(path) if self.cache is not None else None
        if key is not None and self.cache is not None:
            hit = self.cache.load(key, path)
            if hit is not None:
                return hit  # type: ignore[no-any-return]
        try:
            with time_limit(self.limit):
                result = self.analyse(path)
        except FileTimedOut:
            return self.failed(path, f"timed out after {self.limit:g} s (reading and checking)")
        except Exception as err:  # a bug in the analysis: this file's error, not the batch's end
            return self.failed(path, describe(err))
        if key is not None and self.cache is not None and getattr(result, "error", None) is None:
            self.cache.store(key, result)
        return result
