"""Run the PDF parser in a child process that cannot outlive its caller or its time.

pdfminer has no time limit, and signal alarms work only in the main thread, so
parsing runs in a worker process that the caller kills after ``timeout``
seconds.  That alone leaves two holes, both closed here:

* **The caller is killed** (``subprocess.run(timeout=…)`` sends SIGKILL to the
  PID it started): nobody kills the worker, which ran on at full CPU for
  minutes.  The worker therefore holds the read end of a *lifeline*, a pipe
  whose only write end is the caller's: when the caller ends, for whatever
  reason, the read returns end-of-file and a watchdog thread ends the worker.
  This works on every platform and for both ways of starting the worker (a
  ``forkserver`` child's parent is the fork server, which lives on while the
  worker does, so ``os.getppid()`` or Linux's parent-death signal alone would
  not see the caller go).  On Linux the worker also asks for SIGKILL when its
  parent dies (``prctl(PR_SET_PDEATHSIG)``), which holds even while the worker
  is stuck in C code.
* **The caller cannot kill** (it is stopped, or stuck): the worker carries its
  own time limit, ``timeout`` plus ``GRACE`` seconds, as a real-time interval
  timer whose SIGALRM ends the process (POSIX, works in C code too) and as a
  timer thread (everywhere).

Workers start from a ``forkserver`` where available (pdfminer is imported once,
in the server, and each worker starts in milliseconds), else ``spawn``.  A
*daemonic* caller (a ``multiprocessing.Pool`` worker) may not start
multiprocessing children, so there the worker is a plain ``subprocess`` running
this module, with its standard input as the lifeline: the time limit holds
there too.  Only where no process can be started at all (a sandbox) is the PDF
parsed in-process, and the document then says it was read without a time limit.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
import types
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import InputError
from ..progress import ON_PAGE, PageCallback

GRACE = 2.0  # the worker's own limit is the caller's timeout plus this
EXIT_TIMEOUT = 124  # the worker ended itself at its time limit (as timeout(1) does)
EXIT_ORPHANED = 125  # the worker ended itself because its caller is gone
PDEATHSIG_OPTION = 1  # PR_SET_PDEATHSIG in <linux/prctl.h>

_PRELOAD = [
    "narrative.ingest.pdf_parse",
    __name__,
    "pdfminer.converter",
    "pdfminer.layout",
    "pdfminer.pdfdocument",
    "pdfminer.pdfinterp",
    "pdfminer.pdfpage",
    "pdfminer.pdfparser",
]
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class _CannotStart(Exception):
    pass


# ---------------------------------------------------------------------------
# Caller side


def run_worker(path: str, *, timeout: float, max_pages: int) -> dict:
    """Parse ``path`` in a worker; the result dict of ``pdf._parse`` or InputError."""
    limit = timeout + GRACE
    reasons = []
    starters = [_run_subprocess] if multiprocessing.current_process().daemon else [_run_mp, _run_subprocess]
    on_page = ON_PAGE.get()
    for start in starters:
        try:
            return start(path, timeout=timeout, limit=limit, max_pages=max_pages, on_page=on_page)
        except _CannotStart as err:
            reasons.append(str(err))
    from .pdf_parse import _parse_guarded

    status, payload = _parse_guarded(path, max_pages)
    if status == "error":
        raise InputError(payload)
    payload["notes"].append(f"read without a time limit (no worker process: {'; '.join(reasons)})")
    return payload  # type: ignore[no-any-return]


def _mp_context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Preload pdfminer in the fork server so each worker starts with it imported
        # (and so that the server does not import the caller's __main__).
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def _run_mp(path: str, *, timeout: float, limit: float, max_pages: int,
            on_page: PageCallback | None = None) -> dict:
    """The worker sends ("page", (n, count)) after each page when asked (``on_page``), then
    its result; the time limit counts from the start, whatever the pages say."""
    try:
        ctx = _mp_context()
        recv_conn, send_conn = ctx.Pipe(duplex=False)
        life_r, life_w = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_mp_main, args=(send_conn, life_r, path, max_pages, limit, on_page is not None),
                           daemon=True)
        with _main_module_hidden():
            proc.start()
    except (OSError, RuntimeError, ValueError, AssertionError) as err:
        raise _CannotStart(str(err) or type(err).__name__) from None
    send_conn.close()
    life_r.close()
    deadline = time.monotonic() + timeout
    try:
        while True:
            if not recv_conn.poll(max(0.0, deadline - time.monotonic())):
                raise InputError(f"timed out after {timeout:g} s")
            try:
                status, payload = recv_conn.recv()
            except (EOFError, OSError):
                proc.join(5)
                raise InputError(_death_message(proc.exitcode, timeout)) from None
            if status != "page":
                break
            if on_page is not None:
                with contextlib.suppress(Exception):  # a viewer's bug never stops the reading
                    on_page(*payload)
    finally:
        recv_conn.close()
        life_w.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if status == "error":
        raise InputError(payload)
    return payload  # type: ignore[no-any-return]


PAGE_MARK = b"narrative-page "  # a subprocess worker's page lines on its standard error


def worker_command(path: str, *, max_pages: int, limit: float, pages: bool = False) -> list[str]:
    """The command line of a subprocess worker (result: a pickle on standard output; with
    ``pages``, a line "narrative-page N COUNT" on standard error after each page)."""
    boot = f"import sys; sys.path.insert(0, {_PACKAGE_ROOT!r}); from {__name__} import main; main()"
    return [sys.executable, "-c", boot, path, str(max_pages), repr(limit), str(os.getpid())] + (["pages"] if pages else [])


def _follow_pages(proc: subprocess.Popen[bytes], deadline: float, on_page: PageCallback) -> None:
    """Pass the worker's page lines to ``on_page`` until it closes its standard error or the
    deadline passes (the caller then waits for it, or kills it, as without pages)."""
    import selectors

    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    pending = b""
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                return
            chunk = os.read(fd, 65536)
            if not chunk:
                return
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                if line.startswith(PAGE_MARK):
                    n, _, count = line[len(PAGE_MARK):].decode("ascii", "replace").partition(" ")
                    with contextlib.suppress(Exception):  # a viewer's bug never stops the reading
                        on_page(int(n), int(count) if count.isdigit() else None)


def _run_subprocess(path: str, *, timeout: float, limit: float, max_pages: int,
                    on_page: PageCallback | None = None) -> dict:
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryFile() as out:
        try:
            proc = subprocess.Popen(
                worker_command(path, max_pages=max_pages, limit=limit, pages=on_page is not None),
                stdin=subprocess.PIPE,  # the lifeline: never written, closed when done
                stdout=out,
                stderr=subprocess.PIPE if on_page is not None else subprocess.DEVNULL,
            )
        except (OSError, ValueError) as err:
            raise _CannotStart(str(err)) from None
        try:
            if on_page is not None:
                _follow_pages(proc, deadline, on_page)
            proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise InputError(f"timed out after {timeout:g} s") from None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(5)
            for pipe in (proc.stdin, proc.stderr):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
        if proc.returncode != 0:
            raise InputError(_death_message(proc.returncode, timeout))
        out.seek(0)
        try:
            status, payload = pickle.load(out)
        except Exception:
            raise InputError("PDF reader crashed (no result)") from None
    if status == "error":
        raise InputError(payload)
    return payload  # type: ignore[no-any-return]


def _death_message(code: int | None, timeout: float) -> str:
    if code == EXIT_TIMEOUT or (hasattr(signal, "SIGALRM") and code == -signal.SIGALRM):
        return f"timed out after {timeout:g} s"
    if code is not None and code < 0:
        return f"PDF reader crashed (signal {-code})"
    return f"PDF reader crashed (exit code {code})"


_START_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start the worker without re-running the caller's ``__main__`` in it.

    ``spawn`` and ``forkserver`` children re-import the parent's main module
    (by path or name) before running the target.  The worker needs nothing from
    it, and re-running it is slow, has side effects (a script without a
    ``__name__`` guard runs again) or fails outright (``python - < script``,
    embedded interpreters).  So the main module is replaced by an empty one for
    the moment the process is started.
    """
    with _START_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


# ---------------------------------------------------------------------------
# Worker side


def _mp_main(conn: Any, lifeline: Any, path: str, max_pages: int, limit: float, pages: bool = False) -> None:
    """Target of a multiprocessing worker; with ``pages``, ("page", (n, count)) after each page."""

    def wait_for_eof() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv()  # the caller never sends: this returns only at its end

    _guard(limit, wait_for_eof)
    from .pdf_parse import parse_in_worker

    def on_page(n: int, count: int | None) -> None:
        conn.send(("page", (n, count)))

    try:
        conn.send(parse_in_worker(path, max_pages, on_page if pages else None))
    finally:
        conn.close()


def main() -> None:
    """Entry point of a subprocess worker: ``path max_pages limit caller_pid`` in argv."""
    path, max_pages, limit, caller = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    pages = sys.argv[5:6] == ["pages"]

    def wait_for_eof() -> None:
        # os.read on the descriptor, not sys.stdin: a daemon thread blocked inside a
        # buffered reader aborts the interpreter at exit ("could not acquire lock").
        with contextlib.suppress(OSError):
            while os.read(0, 4096):
                pass

    _guard(limit, wait_for_eof, caller=caller)
    from .pdf_parse import parse_in_worker

    def on_page(n: int, count: int | None) -> None:
        with contextlib.suppress(OSError):
            os.write(2, PAGE_MARK + f"{n} {count if count is not None else '-'}\n".encode("ascii"))

    result = parse_in_worker(path, max_pages, on_page if pages else None)
    sys.stdout.buffer.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    os._exit(0)  # done; no interpreter teardown beside the watchdog threads


def _guard(limit: float, wait_for_eof: Callable[[], None], *, caller: int | None = None) -> None:
    """End this worker when its caller ends or ``limit`` seconds have passed."""
    _die_with_parent()
    if caller is not None and os.getppid() != caller:
        os._exit(EXIT_ORPHANED)  # the caller died before the line above took effect

    def watch() -> None:
        wait_for_eof()
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="narrative-lifeline", daemon=True).start()
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # default action: the kernel ends the process
        signal.setitimer(signal.ITIMER_REAL, limit)
    timer = threading.Timer(math.ceil(limit) + 1.0, os._exit, args=(EXIT_TIMEOUT,))
    timer.daemon = True
    timer.start()


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PDEATHSIG_OPTION, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


if __name__ == "__main__":
    main()
