"""Files checked on a Dask cluster: the same per-file function, mapped with Dask's own
scheduler (``Client.submit`` and ``as_completed``), results streamed back as they finish.

Only so many files are in flight at once (twice the cluster's threads), so the client's
memory stays flat over any number of files.  A task that raises, or whose worker died more
often than Dask allows (``KilledWorker``), is that file's error; the batch goes on.  Without a
scheduler address a ``LocalCluster`` is started for the run (``jobs`` single-threaded worker
processes) and closed after it.  Each file keeps its reading time limit (the PDF reader's
own worker); the whole-file alarm needs a main thread, which a Dask task does not run in.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from ..errors import InputError
from .work import describe

R = TypeVar("R")


def _client(scheduler: str | None, jobs: int) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("the Dask engine needs Dask: pip install 'narrative[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError, ValueError) as err:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    from ..ingest.pdf_worker import _main_module_hidden

    try:
        # The workers are spawned: hide the caller's __main__ from them (a script run from standard
        # input, or without a __name__ guard, would fail or run again in each); ":0" puts the
        # cluster's HTTP server on a free port, so that two runs do not collide.
        with _main_module_hidden():
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
    except Exception as err:  # Dask reports a worker that could not start as RuntimeError
        raise InputError(f"cannot start a local Dask cluster: {err}") from None
    return Client(cluster), cluster


def _reason(err: BaseException) -> str:
    if type(err).__name__ == "KilledWorker":
        return "worker process crashed (Dask: KilledWorker)"
    return describe(err)


def run_dask(work: Callable[[str], R], items: Iterable[str], *, failed: Callable[[str, str], R],
             scheduler: str | None, jobs: int) -> Iterator[R]:
    """``work(item)`` for every item on a Dask cluster, each result as it finishes."""
    client, cluster = _client(scheduler, jobs)
    try:
        from dask.distributed import as_completed

        window = max(2, 2 * sum(client.nthreads().values()))
        todo = iter(items)
        run = uuid.uuid4().hex[:12]
        pending: dict[str, str] = {}
        stream = as_completed()

        def submit() -> None:
            item = next(todo, None)
            if item is not None:
                fut = client.submit(work, item, key=f"narrative-{run}-{len(pending)}-{uuid.uuid4().hex[:8]}",
                                    pure=False)
                pending[fut.key] = item
                stream.add(fut)

        for _ in range(window):
            submit()
        for fut in stream:
            item = pending.pop(fut.key)
            try:
                result = fut.result()
            except Exception as err:
                result = failed(item, _reason(err))
            fut.release()
            submit()
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
