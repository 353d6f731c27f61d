"""Batch runs: one function per file, mapped over many files in this process, in local
worker processes or on a Dask cluster, results streamed back as they finish.

``narrative.api.iter_analyse`` is the front door; this package is the machinery behind it
and knows nothing of reports: it maps a picklable ``Work`` (``work``: the cache, the file's
time limit, the analysis) over paths with the engine asked for:

* in this process, in the order given (``jobs`` ≤ 1, or one file): no pool to start;
* ``pool``: ``jobs`` worker processes; a crash or an overrun is one file's error;
* ``dask_engine``: a Dask cluster (``scheduler`` address, or a LocalCluster).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from .cache import ResultCache, salt
from .work import Work, file_limit

R = TypeVar("R")

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "ResultCache", "Work", "file_limit", "run"]


def run(
    paths: Sequence[str],
    analyse: Callable[[str], R],
    failed: Callable[[str, str], R],
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    timeout: float = 60.0,
    cache: str | None = None,
    options: Any = None,
    prior_path: str | Sequence[str] | None = None,
) -> Iterator[R]:
    """``analyse(path)`` for every path; ``failed(path, reason)`` for a file that could not be
    analysed (time limit, crash).  ``cache`` is a directory keyed also by ``options`` and the
    prior.  Raises ``InputError`` only for an engine that cannot start (no Dask, no scheduler)."""
    from ..errors import InputError

    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    store = ResultCache(cache, salt(options, prior_path)) if cache else None
    work = Work(analyse, failed, file_limit(timeout), store)
    if engine == "dask":
        from .dask_engine import run_dask

        yield from run_dask(work, paths, failed=failed, scheduler=scheduler, jobs=jobs)
    elif jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield work(p)
    else:
        from .pool import run_pool

        yield from run_pool(work, paths, failed=failed, jobs=min(jobs, len(paths)), limit=work.limit)
