"""The review file on disk: read it strictly, write it so that nothing is ever lost.

The file is JSON, pretty-printed with sorted keys so that a team can keep it in git and read
its diffs::

    {"reports": {"中共青禾县委宣传部|2024|决算|部门": {
        "findings": {"3f0c…": {"computed": "90.00", "excerpt": "…", "message": "…", "note": "",
                               "rule": "TBL001", "severity": "error", "stated": "100.00",
                               "verdict": "accepted", "when": "2025-03-17T09:30:00Z", "who": "li"}},
        "identity": {"department": "中共青禾县委宣传部", "kind": "决算", "unit_level": "部门",
                     "year": 2024}}},
     "version": 1}

Reading keeps the whole document as parsed, so fields and entries this version does not know
(a newer minor tool's, a person's) go back to disk unchanged.  A file that is not such a
document, or that a newer version wrote, is refused with one line (``InputError``) and never
written: every write goes through ``update``, which reads first.

Writes are atomic (a temporary file in the same directory, flushed and fsynced, then
``os.replace``): a crash leaves the old file or the new one, never half of one.  Two writers
(the TUI and ``narrative baseline set`` in a script) are serialised by an exclusive lock on a
sidecar file (``.NAME.lock``; ``fcntl.flock`` where there is one, else an exclusive create), and
each re-reads the file under the lock and applies its change to what it finds, so neither
loses the other's verdicts.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..errors import InputError
from .entries import BaselineEntry, report_key

VERSION = 1
LOCK_TIMEOUT = 30.0  # seconds: a writer that holds the lock longer is stuck, not slow

T = TypeVar("T")


class Baseline:
    """The verdicts of a review file, as read (``load_baseline``).  Look-ups only: changes go
    through ``set_verdict``, ``write_baseline`` and ``prune_baseline``, which write the file."""

    def __init__(self, path: str, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data: dict[str, Any] = data if data is not None else {"version": VERSION, "reports": {}}
        self.data.setdefault("reports", {})

    # --- look-ups ------------------------------------------------------------------
    @property
    def reports(self) -> dict[str, dict[str, Any]]:
        return self.data["reports"]  # type: ignore[no-any-return]

    def keys(self) -> list[str]:
        return sorted(self.reports)

    def findings_of(self, key: str) -> dict[str, dict[str, Any]]:
        rep = self.reports.get(key)
        return rep.get("findings", {}) if isinstance(rep, dict) else {}

    def entries(self, key: str) -> list[BaselineEntry]:
        """The entries of one report, by fingerprint."""
        return [BaselineEntry.from_json(fp, e) for fp, e in sorted(self.findings_of(key).items())]

    def entry(self, key: str | None, fingerprint: str) -> BaselineEntry | None:
        if key is None:
            return None
        e = self.findings_of(key).get(fingerprint)
        return BaselineEntry.from_json(fingerprint, e) if e is not None else None

    def verdict(self, report: Any, finding: Any) -> BaselineEntry | None:
        """The entry of ``finding`` (a ``Finding`` or a fingerprint) of ``report`` (a
        ``FileResult``, an ``Analysis`` or a report key); None when it has no verdict."""
        fp = finding if isinstance(finding, str) else finding.fingerprint
        return self.entry(report_key(report), fp)

    def find(self, fingerprint: str) -> list[tuple[str, BaselineEntry]]:
        """Every (report key, entry) whose fingerprint is ``fingerprint`` or starts with it."""
        out = []
        for key in self.keys():
            for fp, e in sorted(self.findings_of(key).items()):
                if fp == fingerprint or (len(fingerprint) >= 4 and fp.startswith(fingerprint)):
                    out.append((key, BaselineEntry.from_json(fp, e)))
        exact = [x for x in out if x[1].fingerprint == fingerprint]
        return exact or out

    def __len__(self) -> int:
        return sum(len(self.findings_of(k)) for k in self.reports)

    # --- changes (in memory; ``update`` writes them) -------------------------------
    def report(self, key: str, identity: dict[str, Any]) -> dict[str, Any]:
        rep = self.reports.setdefault(key, {})
        rep.setdefault("identity", identity)
        rep.setdefault("findings", {})
        return rep  # type: ignore[no-any-return]

    def copy(self) -> Baseline:
        return Baseline(self.path, copy.deepcopy(self.data))

    def dumps(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ---------------------------------------------------------------------- reading
def _fail(path: str, why: str) -> InputError:
    return InputError(f"review file {path}: {why} (left as it is)")


def parse(path: str, text: str) -> Baseline:
    """The document in ``text``; InputError (one line) when it is not a review file this
    version can write back without loss."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise _fail(path, f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    except RecursionError:
        raise _fail(path, "not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise _fail(path, "not a review file (the top is not a JSON object)")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(path, "not a review file (no \"version\" number)")
    if version > VERSION:
        raise _fail(path, f"written by a newer narrative (version {version}; this one reads up to {VERSION})")
    if version < 1:
        raise _fail(path, f"unknown version {version}")
    reports = data.setdefault("reports", {})
    if not isinstance(reports, dict):
        raise _fail(path, "\"reports\" is not a JSON object")
    for key, rep in reports.items():
        if not isinstance(rep, dict) or not isinstance(rep.setdefault("findings", {}), dict):
            raise _fail(path, f"report {key!r} has no \"findings\" object")
        for fp, e in rep["findings"].items():
            if not isinstance(e, dict):
                raise _fail(path, f"entry {fp!r} of report {key!r} is not a JSON object")
    return Baseline(path, data)


def read_text(path: str) -> str | None:
    """The file's text; None when it does not exist."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise _fail(path, "is a directory") from None
    except OSError as err:
        raise InputError(f"review file {path}: cannot read: {err.strerror or err}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _fail(path, f"not UTF-8 (byte {err.start})") from None


def load_baseline(path: str, *, must_exist: bool = False) -> Baseline:
    """Read a review file.  A missing file is an empty review (the first verdict creates it),
    or an InputError with ``must_exist``; a corrupt or newer file is an InputError."""
    text = read_text(path)
    if text is None:
        if must_exist:
            raise InputError(f"review file {path} does not exist (write one with 'narrative check FILES "
                             f"--write-baseline {path}')")
        return Baseline(path)
    return parse(path, text)


# ---------------------------------------------------------------------- writing
def _sidecar(path: str, what: str) -> str:
    head, name = os.path.split(os.path.realpath(path))
    return os.path.join(head, f".{name}.{what}")


@contextlib.contextmanager
def locked(path: str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive lock of the review file ``path`` (waits up to ``timeout`` seconds)."""
    lock = _sidecar(path, "lock")
    try:
        import fcntl
    except ImportError:  # no flock (Windows): an exclusive create, removed when done
        fcntl = None  # type: ignore[assignment]
    deadline = time.monotonic() + timeout
    if fcntl is not None:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise InputError(f"review file {path}: cannot create its lock {lock}: {err.strerror or err}") from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise InputError(f"review file {path}: still locked by another writer after {timeout:.0f} s "
                                         f"({lock})") from None
                    time.sleep(0.02)
            yield
        finally:
            os.close(fd)  # closing releases the lock; the lock file stays (removing it would race)
        return
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise InputError(f"review file {path}: still locked by another writer after {timeout:.0f} s "
                                 f"(remove {lock} if no writer is running)") from None
            time.sleep(0.02)
        except OSError as err:
            raise InputError(f"review file {path}: cannot create its lock {lock}: {err.strerror or err}") from None
    try:
        yield
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.remove(lock)


def write_atomic(path: str, text: str) -> None:
    """Replace ``path`` by ``text`` in one step: a temporary file beside it (same directory,
    so the rename stays on one file system), flushed and fsynced, then ``os.replace``.  When
    anything fails the old file is untouched and the temporary file is removed."""
    target = os.path.realpath(path)  # through a symlink: replace the file it names, not the link
    directory = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise InputError(f"review file {path}: cannot write in {directory}: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        try:  # keep the mode of the file it replaces; a new file gets the usual one (mkstemp's is 0600)
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            mask = os.umask(0o022)
            os.umask(mask)
            mode = 0o666 & ~mask
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        if isinstance(err, OSError):
            raise InputError(f"review file {path}: not written ({err.strerror or err}); the file is as it "
                             "was") from None
        raise
    with contextlib.suppress(OSError, AttributeError):  # make the rename itself durable (POSIX)
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def update(path: str, change: Callable[[Baseline], T]) -> tuple[Baseline, T]:
    """Apply ``change`` to the review file as it is on disk now, under its lock, and write the
    result if it changed anything.  Returns the new state and what ``change`` returned."""
    with locked(path):
        text = read_text(path)
        current = parse(path, text) if text is not None else Baseline(path)
        before = current.dumps() if text is not None else None
        result = change(current)
        after = current.dumps()
        if after != before:
            write_atomic(path, after)
        return current, result
