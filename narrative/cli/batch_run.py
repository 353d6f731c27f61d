"""The loop of ``narrative check``: results from ``iter_analyse`` to a reporter, one at a time.

Order of results: with one file or ``--jobs 1`` they come in the order given (directories
walked in sorted order); with more jobs, or on Dask, in the order they finish.  Messages
about a file (could not be read, notes) go to standard error as its result arrives; the
progress bar, when shown, counts them.  Exit status (README, "Exit codes"): 1 when a finding
at or above ``--fail-on`` is reported (findings a baseline accepts or marks a false alarm
never count), else 2 when a file or the prior could not be read, else 0.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..diagnostics import ExitCode, warn
from ..errors import InputError
from .batch_options import BatchSettings
from .progress import BatchProgress, wanted

FAIL_LEVELS = {"error": 2, "warning": 1}  # Severity values; "never" fails on nothing


@contextlib.contextmanager
def _output(path: str | None, fmt: str) -> Iterator[IO[Any]]:
    """Standard output, or the file of ``--output`` (binary for xlsx; CSV with a byte order
    mark so that Excel reads it as UTF-8)."""
    from ..report import BINARY_FORMATS

    if path is None or path == "-":
        yield sys.stdout
        return
    try:
        if fmt in BINARY_FORMATS:
            fh: IO[Any] = open(path, "wb")  # noqa: SIM115
        else:
            fh = open(path, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")  # noqa: SIM115
    except OSError as err:
        raise InputError(f"--output {path}: cannot write: {err.strerror or err}") from None
    with fh:
        yield fh


def _fails(r: Any, level: int | None) -> bool:
    from ..api import counts
    from ..report.common import is_baselined

    # a review baseline's outcome travels on the result; a verdict may also sit on the finding
    return level is not None and any(f.severity >= level and counts(r, f) and not is_baselined(f)
                                     for f in r.findings)


def _not_the_output(files: list[str], output: str | None) -> list[str]:
    """The files without the output file itself (``-o reports/region.xlsx`` of an earlier run
    would otherwise be found in ``reports/`` and checked as a report)."""
    if not output or output == "-" or not os.path.exists(output):
        return files
    keep = []
    for f in files:
        try:
            if os.path.samefile(f, output):
                continue
        except OSError:
            pass
        keep.append(f)
    return keep


def run_batch(files: list[str], opts: Any, prior: Any, fmt: str, config: str | None,
              batch: BatchSettings, *, as_one: bool = False, pair: bool = True, baseline: Any = None) -> int:
    """Check ``files`` and report them in ``fmt``; the exit status.  ``prior``: a path, a
    ``PriorDir`` or None; ``as_one``: the files are one report; ``pair``: a prose file and a
    tables file of one report are checked as one."""
    from ..api import analyse, iter_analyse
    from ..report import reporter

    files = _not_the_output(files, batch.output)

    level = FAIL_LEVELS.get(batch.fail_on)
    status = ExitCode.OK
    failing = False
    prior_warned = False
    try:
        with BatchProgress(len(files), wanted(batch.progress, len(files))) as progress, \
                _output(batch.output, fmt) as out:
            rep = reporter(fmt, out, config=config, per_report=batch.per_report)
            rep.start()
            if as_one:
                results: Iterator[Any] = iter([analyse(files, opts, prior).result()])
            else:
                results = iter_analyse(files, opts, prior=prior, jobs=batch.jobs, engine=batch.engine,
                                       scheduler=batch.scheduler, cache=batch.cache, pair=pair)
            for r in baseline.results(results) if baseline else results:
                if r.prior_error and not prior_warned:
                    warn(f"prior {r.prior_path}: {r.prior_error} (checked without the year-to-year rules)")
                    prior_warned = True
                    status = ExitCode.INPUT_ERROR
                if r.error:
                    warn(f"{r.path}: {r.error}")
                    status = ExitCode.INPUT_ERROR
                for note in r.notes:
                    warn(f"{r.path}: note: {note}")
                failing = failing or _fails(r, level)
                rep.result(r)
                progress.advance(r)
                with contextlib.suppress(ValueError, AttributeError):
                    out.flush()
            if baseline and baseline.end(rep):
                status = ExitCode.INPUT_ERROR
            rep.end()
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    return ExitCode.FINDINGS if failing else status
