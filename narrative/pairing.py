"""Pairing reports with last year's by identity: ``narrative check DIR --prior-dir DIR2``.

Each report of DIR is checked against the report of DIR2 that is the same department's, of the
same kind and unit level, of the year before (``ReportIdentity``: the department normalised, so
"江苏省委办公厅" and "中共江苏省委办公厅" pair).  The prior directory is read once, up front, for
the identities only (the documents are not kept: a prior is read again, once per process, when a
report pairs with it).  A report with no such prior is checked alone, and says so in a note.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import InputError
from .model import ReportIdentity

Key = tuple[str | None, int | None, str | None, str | None]


@dataclass
class PriorDir:
    """The reports of a prior directory by identity key (picklable: sent to worker processes)."""

    paths: list[str]
    by_key: dict[Key, list[tuple[str, bool]]] = field(default_factory=dict)  # key → [(path, holds prose)]
    errors: dict[str, str] = field(default_factory=dict)  # path → why it could not be read

    def match(self, identity: ReportIdentity | None) -> tuple[str | None, str | None]:
        """(the prior's path, a note): the path of last year's report of the same department,
        kind and unit level, or None and why none was paired."""
        if identity is None or not identity.department or identity.year is None:
            return None, "unpaired: its department or year could not be read; checked alone"
        key = (identity.department, identity.year - 1, identity.kind, identity.unit_level)
        found = self.by_key.get(key, [])
        if not found:
            return None, (f"unpaired: no {identity.name or identity.department} {identity.year - 1} "
                          f"{identity.kind or 'report'} among the {len(self.paths)} file(s) of the prior directory; "
                          "checked alone")
        prose = [p for p, holds_prose in found if holds_prose] or [p for p, _ in found]
        if len(found) > 1:
            return prose[0], f"paired with {prose[0]} ({len(found)} files of the prior directory are that report)"
        return prose[0], None


def _read_into(out: PriorDir, path: str, timeout: float) -> ReportIdentity | None:
    """Read one file's identity into ``out`` (or its error); the identity, None if none."""
    from .pipeline import read_document

    try:
        doc, _ = read_document(path, timeout=timeout)
    except InputError as err:
        out.errors[path] = str(err)
        return None
    i = doc.identity
    if i is not None:
        out.by_key.setdefault(i.key, []).append((path, "prose" in i.holds))
    return i


def index_priors(paths: list[str], *, timeout: float = 60.0) -> PriorDir:
    """Read the identity of every file of the prior directory (unreadable ones are listed in
    ``errors``, never raised)."""

    out = PriorDir(list(paths))
    for p in paths:
        _read_into(out, p, timeout)
    return out


def _likeness(name: str, own: str, year: int | None) -> float:
    """How much a file name looks like last year's version of ``own``: the names with their
    years taken out, compared by rapidfuzz, and a bonus for last year's number in it."""
    from rapidfuzz import fuzz

    from . import patterns

    def stem(n: str) -> str:
        return patterns.sub(r"(?:19|20)\d\d", "#", os.path.splitext(os.path.basename(n))[0].lower())

    score = fuzz.ratio(stem(name), stem(own))
    if year is not None and str(year - 1) in os.path.basename(name):
        score += 25.0
    return score


def search_prior(identity: ReportIdentity, own: str, paths: list[str], *, timeout: float = 60.0,
                 progress: Callable[[str, int, int], None] | None = None) -> PriorDir:
    """``index_priors`` for one report, stopping as soon as last year's report is complete.

    A viewer looking for last year's report beside this one read every file of the folder for
    its identity: tens of seconds in a folder of PDFs.  The files are read here most likely
    first (names most like this one's, last year's number in them), and the search stops
    once a file with last year's identity holds both prose and tables, or two such files hold
    one each (a report published in two files).  The identities decide, as before; the order
    only makes the usual case cheap, and a folder without the report is still read whole.
    ``progress(path, k, n)`` is called before the k-th of n files is read."""

    key = (identity.department, identity.year - 1 if identity.year is not None else None,
           identity.kind, identity.unit_level)
    order = sorted(paths, key=lambda p: -_likeness(p, own, identity.year))
    out = PriorDir(list(order))
    holds: set[str] = set()
    for k, p in enumerate(order, 1):
        if progress is not None:
            progress(p, k, len(order))
        i = _read_into(out, p, timeout)
        if i is not None and i.key == key:
            holds |= set(i.holds)
            if {"prose", "tables"} <= holds:
                break
    return out
