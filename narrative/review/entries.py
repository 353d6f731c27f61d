"""What a review file records: verdicts, who gave them and when, and the report they belong to.

A verdict belongs to a finding (by its fingerprint) of a *report*, not of a file: the key of a
report is its identity (department, year, kind, unit level; ``narrative.identity``), so renaming
a file, exporting the report as PDF or keeping it as prose and tables in two files keeps its
verdicts.  A report whose identity cannot be read in full (no department, year or kind) is keyed
by the SHA-256 of its bytes instead: two such files are never taken for one report.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Protocol

ACCEPTED = "accepted"  # known and tolerated: hidden, does not fail the run
FALSE_ALARM = "false-alarm"  # the tool is wrong: hidden, does not fail the run, counted by ``stats``
CONFIRMED = "confirmed"  # a real slip: still shown and still failing until it is fixed
VERDICTS = (ACCEPTED, FALSE_ALARM, CONFIRMED)
HIDING = (ACCEPTED, FALSE_ALARM)

HASH_PREFIX = "sha256:"
IDENTITY_FIELDS = ("department", "year", "kind", "unit_level")


@dataclass(frozen=True)
class BaselineEntry:
    """One finding's review, as the file holds it (a copy: changing it changes nothing on disk).

    ``rule``, ``severity``, ``message``, ``excerpt``, ``stated`` and ``computed`` describe the
    finding for a person reading the file (and let ``stats`` count per rule without the report);
    ``verdict`` is one of ``VERDICTS`` (a newer tool's verdict is kept as written and hides
    nothing); ``who`` and ``when`` (ISO 8601, UTC) say who gave it."""

    fingerprint: str
    verdict: str
    rule: str = ""
    severity: str = ""
    message: str = ""
    excerpt: str = ""
    stated: str | None = None
    computed: str | None = None
    note: str = ""
    who: str = ""
    when: str = ""

    @property
    def hides(self) -> bool:
        """Accepted and false-alarm findings are hidden and do not count for the exit code."""
        return self.verdict in HIDING

    @classmethod
    def from_json(cls, fingerprint: str, data: dict[str, Any]) -> BaselineEntry:
        def text(name: str) -> str:
            v = data.get(name)
            return v if isinstance(v, str) else ""

        def opt(name: str) -> str | None:
            v = data.get(name)
            return v if isinstance(v, str) else None

        return cls(fingerprint, text("verdict"), text("rule"), text("severity"), text("message"), text("excerpt"),
                   opt("stated"), opt("computed"), text("note"), text("who"), text("when"))


class FindingLike(Protocol):
    rule: str
    message: str
    excerpt: str
    stated: str | None
    computed: str | None
    fingerprint: str

    @property
    def severity(self) -> Any: ...


def finding_fields(f: FindingLike) -> dict[str, Any]:
    """What the file keeps of a finding for a reader: rule, severity, message, excerpt, figures."""
    return {"rule": f.rule, "severity": str(f.severity), "message": f.message, "excerpt": f.excerpt,
            "stated": f.stated, "computed": f.computed}


def reviewer(name: str | None = None) -> str:
    """``--reviewer`` when given, else the login name; "unknown" where the system has none
    (``getpass.getuser`` raises when neither the environment nor the password database names
    the user, as in some containers)."""
    if name and name.strip():
        return name.strip()
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # OSError (3.13+), KeyError (a uid without a passwd entry), ImportError (no pwd)
        return "unknown"


def now() -> str:
    """The time of a verdict: ISO 8601, UTC, to the second ("2025-03-17T09:30:00Z")."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------- report keys
class ResultLike(Protocol):
    path: str
    error: str | None
    identity_key: tuple[str | None, int | None, str | None, str | None] | None


def identity_key_of(report: Any) -> tuple[str | None, int | None, str | None, str | None] | None:
    """The identity key of a ``FileResult`` or an ``Analysis`` (None when it could not be read)."""
    if getattr(report, "error", None):
        return None
    if hasattr(report, "identity_key"):
        return report.identity_key  # type: ignore[no-any-return]
    doc = getattr(report, "document", None)
    ident = getattr(doc, "identity", None) if doc is not None else None
    return ident.key if ident is not None else None


def identity_complete(key: tuple[str | None, int | None, str | None, str | None] | None) -> bool:
    return key is not None and all(part is not None for part in key[:3])


def key_of_identity(key: tuple[str | None, int | None, str | None, str | None]) -> str:
    """"中共青禾县委宣传部|2024|决算|部门": readable in the file and in its diffs."""
    return "|".join("" if part is None else str(part) for part in key)


@lru_cache(maxsize=256)
def _file_hash(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _one_hash(path: str) -> str | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    import stat

    if path == "-" or not stat.S_ISREG(st.st_mode) or os.path.abspath(path).startswith(("/dev/", "/proc/")):
        return None
    try:
        return _file_hash(os.path.abspath(path), st.st_size, st.st_mtime_ns)
    except OSError:
        return None


def content_hash(path: str) -> str | None:
    """SHA-256 of a regular file's bytes; None for a pipe or standard input (read once, gone).
    A report checked as several files ("a + b": ``--as-one`` or paired) is keyed by the hash of
    its parts' hashes, in order, so it is never taken for one of its parts."""
    parts = path.split(" + ") if " + " in path and not os.path.exists(path) else [path]
    digests = [_one_hash(p) for p in parts]
    if any(d is None for d in digests):
        return None
    if len(digests) == 1:
        return digests[0]
    return hashlib.sha256("+".join(d or "" for d in digests).encode("ascii")).hexdigest()


def report_key(report: Any) -> str | None:
    """The key under which a report's verdicts are kept: its identity, else the hash of its
    content.  ``report`` is a ``FileResult``, an ``Analysis`` or a key already made (a str).
    None for a file that could not be read, or one without identity read from a pipe."""
    if isinstance(report, str):
        return report
    key = identity_key_of(report)
    if identity_complete(key):
        assert key is not None
        return key_of_identity(key)
    if getattr(report, "error", None):
        return None
    digest = content_hash(report.path)
    return None if digest is None else HASH_PREFIX + digest


def identity_json(report: Any, key: str) -> dict[str, Any]:
    """The ``identity`` object stored with a report's verdicts (for a person reading the file)."""
    if key.startswith(HASH_PREFIX):
        return {"sha256": key[len(HASH_PREFIX):], "path": getattr(report, "path", None)}
    ident = identity_key_of(report)
    if ident is None:
        parts: list[Any] = [p or None for p in key.split("|")]
        if len(parts) == 4 and parts[1] is not None and str(parts[1]).isdigit():
            parts[1] = int(parts[1])
        return dict(zip(IDENTITY_FIELDS, parts, strict=False))
    return dict(zip(IDENTITY_FIELDS, ident, strict=True))
