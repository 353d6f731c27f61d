"""A progress bar on standard error for long runs: files done, rate, time left, failures so far.

Shown when standard error is a terminal and there is more than one file (``--progress``
forces it, ``--quiet`` turns it off); otherwise nothing at all is written, so logs and pipes
stay clean.  While the bar is up, rich redirects standard error (and standard output when it
is the same terminal) so that the one-line messages about files appear above the bar instead
of through it.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

from ..api import FileResult, Severity


def wanted(setting: bool | None, files: int) -> bool:
    if setting is not None:
        return setting
    try:
        return files > 1 and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class BatchProgress:
    """``with BatchProgress(total, on):`` then ``advance(result)`` per file; a no-op when off."""

    def __init__(self, total: int, on: bool) -> None:
        self.total = total
        self.on = on
        self.bar: Any = None
        self.done = 0
        self.failed = 0
        self.errors = 0
        self.started = time.monotonic()

    def __enter__(self) -> BatchProgress:
        if not self.on:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=sys.stderr, force_terminal=True if not sys.stderr.isatty() else None)
        self.bar = Progress(
            TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), TextColumn("{task.fields[status]}"),
            console=console, redirect_stderr=True, redirect_stdout=_same_terminal(), transient=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("check", total=self.total, rate="", status="")
        return self

    def advance(self, r: FileResult) -> None:
        self.done += 1
        self.failed += bool(r.error)
        self.errors += sum(1 for f in r.findings if f.severity == Severity.ERROR)
        if self.bar is None:
            return
        elapsed = max(1e-6, time.monotonic() - self.started)
        status = f"{self.failed} unreadable · {self.errors} error findings"
        self.bar.update(self.task, advance=1, rate=f"{self.done / elapsed:.1f}/s", status=status)

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _same_terminal() -> bool:
    try:
        return sys.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
