"""Findings: what a check reports, in one schema for every output format and front end.

A finding names its rule and severity (decided when it is made, never changed
after), where it is (a ``Span`` with line and column), the source text it is
about (``excerpt``, always the original characters), the figure as stated, the
figure as recomputed (central value at the stated precision plus the interval
that rounding allows), an explanation a reviewer can redo by hand, the table
cells it used (``facts``), the claim it is about (``claim``) and the other
places it points at (``related``), each naming the document it is in.

``fingerprint`` identifies a finding across runs and edits: it is made of the
rule, the excerpt with all whitespace removed, and what the finding is about
(``key``), never of a line number, so a reviewed finding stays reviewed when the
report is edited above it, re-wrapped, or read from its PDF instead of its text.
Two distinct findings that would share one are told apart by section path and
order of occurrence (``assign_fingerprints``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from . import patterns
from .model import Span

WHITESPACE_RE = patterns.compile(r"\s+")


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


REPORT = "report"  # the report being checked
PRIOR = "prior"  # the same department's report of the year before (--prior)


@dataclass(frozen=True)
class Ref:
    """A place a finding points at besides its own: a table cell, an earlier statement,
    a sentence of last year's report.  ``document`` says which report it is in."""

    span: Span
    document: str = REPORT
    what: str = ""  # e.g. "T05[20131].total", "stated earlier"

    @property
    def line(self) -> int | None:
        return self.span.line

    @property
    def page(self) -> int | None:
        return self.span.page


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    span: Span
    excerpt: str
    stated: str | None = None
    computed: str | None = None
    computed_low: str | None = None
    computed_high: str | None = None
    explanation: str = ""
    related: list[Ref] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # keys of the table cells used ("T05[20131].total")
    claim: str | None = None  # id of the claim the finding is about (in the same analysis)
    # What the finding is about (a fact key, a claim subject): distinguishes two findings
    # of one rule on one excerpt.  Never a line number.
    key: str = ""
    section: tuple[str, ...] = ()  # the section path of the place, for telling twins apart
    fingerprint: str = ""  # set by ``assign_fingerprints`` when the run is complete

    @property
    def loc(self) -> Span:
        """The finding's span (the name most rules were written with)."""
        return self.span

    def base_fingerprint(self) -> str:
        norm = WHITESPACE_RE.sub("", self.excerpt)
        digest = hashlib.sha1(f"{self.rule}\x00{norm}\x00{self.key}".encode()).hexdigest()
        return digest[:16]

    def sort_key(self) -> tuple[int, int, int, str]:
        return (self.span.page or 0, self.span.line or 0, self.span.column or 0, self.rule)


def assign_fingerprints(findings: Iterable[Finding]) -> None:
    """Give every finding its fingerprint; twins (same rule, excerpt and key) are told
    apart by their section path, then by their order of occurrence within it, so a
    finding's identity moves only when another finding just like it is added before it
    in the same section."""
    ordered = sorted(findings, key=Finding.sort_key)
    seen: dict[str, int] = {}
    for f in ordered:
        base = f.base_fingerprint()
        n = seen.get(base, 0)
        seen[base] = n + 1
        if n == 0:
            f.fingerprint = base
            continue
        where = "/".join(f.section)
        nth = seen.get(f"{base}/{where}", 0)
        seen[f"{base}/{where}"] = nth + 1
        digest = hashlib.sha1(f"{base}\x00{where}\x00{nth}".encode()).hexdigest()
        f.fingerprint = digest[:16]
