"""Findings: what a check reports, in one schema for every output format.

A finding names its rule, where it is (line, page), the source text it is about
(``excerpt``, always the original characters), the figure as stated, the
figure as recomputed (central value at the stated precision plus the interval
that rounding allows) and an explanation a reviewer can redo by hand.
``fingerprint`` keys a finding by rule and normalised excerpt, not by line, so a
reviewed finding stays reviewed when the report is edited above it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum

import regex

from .model import Loc


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    loc: Loc
    excerpt: str
    stated: str | None = None
    computed: str | None = None
    computed_low: str | None = None
    computed_high: str | None = None
    explanation: str = ""
    related: list[Loc] = field(default_factory=list)
    # What the finding is about (a fact key, a claim subject): distinguishes two
    # findings of one rule on one line in the fingerprint.
    key: str = ""

    @property
    def fingerprint(self) -> str:
        norm = regex.sub(r"\s+", " ", self.excerpt).strip()
        digest = hashlib.sha1(f"{self.rule}\x00{norm}\x00{self.key}".encode()).hexdigest()
        return digest[:16]

    def sort_key(self) -> tuple[int, int, str]:
        return (self.loc.page or 0, self.loc.line or 0, self.rule)
