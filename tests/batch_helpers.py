"""Per-file functions for the batch engine's tests.  They live in a module of their own
because pool workers import them by name (a function defined in a test module would
drag the test module, and pytest, into every worker)."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass


@dataclass
class Done:
    path: str
    error: str | None = None
    pid: int = 0


def failed(path: str, reason: str) -> Done:
    return Done(path, reason)


def behave(path: str) -> Done:
    """What the file's name asks for: ``crash`` kills its worker, ``exit`` ends it with code 3,
    ``sleep-N`` sleeps N seconds, ``stuck-N`` sleeps N seconds with the alarm blocked (as C code
    that never returns to Python would), ``raise`` raises; anything else returns at once."""
    name = os.path.basename(path)
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("exit"):
        os._exit(3)
    if name.startswith("raise"):
        raise RuntimeError("a bug")
    if name.startswith("sleep-"):
        time.sleep(float(name.split("-")[1]))
    if name.startswith("stuck-"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(float(name.split("-")[1]))
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})
    return Done(path, pid=os.getpid())


def analyse_result(path: str):  # type: ignore[no-untyped-def]
    """The real analysis of one file, as a pool worker runs it."""
    from narrative.api import analyse

    return analyse(path).result()
