"""Comparing two reports of one department: tables by fact key, prose by sentence.

The one place where two reports are put side by side.  Tables are aligned by fact key
(table kind, subject code or row label, column), never by position, so a row inserted
above does not shift every comparison; sentences are aligned by a key with whitespace,
punctuation and enumerators dropped and years made relative to the report's own year, so
"2023年…比2022年" in the 2023 report and "2024年…比2023年" in the 2024 report align.
Used by the year-to-year rules (YOY) now, and by ``narrative diff`` and the TUI's
year-to-year view.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .model import Block, Cell, Document, FactKey, Span
from .normalize import fold, squash
from .rounding import Interval
from .textsim import ENUMERATOR_RE


# ---------------------------------------------------------------------- which prior report
def comparable(doc: Document, prior: Document | None, *, previous_year: bool) -> bool:
    """Is ``prior`` an earlier report of the same department (the year just before, when the
    rule compares "比上年" figures)?  Another department's report, or a later one, would turn
    every sentence into a finding."""
    if prior is None or doc.year is None or prior.year is None:
        return False
    if prior.year >= doc.year or (previous_year and prior.year != doc.year - 1):
        return False
    if doc.department and prior.department and squash(doc.department) != squash(prior.department):
        return False
    return True


# ---------------------------------------------------------------------- sentence keys
YEAR_IN_TEXT_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?=\s*年)")
NUM_RE = regex.compile(r"\d+(?:[.,]\d+)*")
DROP_RE = regex.compile(r"[\s,，。;；:：、()（）\"“”'‘’!！?？]")


def _relative(text: str, year: int | None) -> str:
    if year is None:
        return text
    return YEAR_IN_TEXT_RE.sub(lambda m: f"Y{int(m.group(1)) - year:+d}", text)


def sentence_key(text: str, year: int | None) -> str:
    """Whitespace and punctuation dropped, enumerator dropped, years relative to ``year``."""
    t = ENUMERATOR_RE.sub("", fold(text))
    return DROP_RE.sub("", _relative(t, year))


def raw_key(text: str) -> str:
    return DROP_RE.sub("", ENUMERATOR_RE.sub("", fold(text)))


def numbers_in_key(key: str) -> list[str]:
    return [m.group(0) for m in NUM_RE.finditer(regex.sub(r"Y[+-]\d+", "", key))]


@dataclass(frozen=True)
class Sent:
    block: Block
    start: int
    end: int
    key: str
    raw: str

    @property
    def loc(self) -> Span:
        return self.block.loc(self.start, self.end)


def sentences(doc: Document) -> list[Sent]:
    """The sentences of the prose worth aligning (six Han characters or more), with their keys;
    use ``doc.derive(sentences)`` to compute them once per document."""
    out = []
    for b in doc.blocks:
        if b.kind == "toc":
            continue
        for s in b.sentences:
            text = b.norm[s.start : s.end]
            key = sentence_key(text, doc.year)
            if len(regex.findall(r"\p{Han}", key)) < 6:
                continue
            out.append(Sent(b, s.start, s.end, key, raw_key(text)))
    return out


@dataclass(frozen=True)
class SentenceIndex:
    """Last year's sentences by key (years relative) and by raw text (years as written)."""

    by_key: dict[str, Sent]
    by_raw: dict[str, Sent]

    @classmethod
    def of(cls, doc: Document) -> SentenceIndex:
        by_key: dict[str, Sent] = {}
        by_raw: dict[str, Sent] = {}
        for s in doc.derive(sentences):
            by_key.setdefault(s.key, s)
            by_raw.setdefault(s.raw, s)
        return cls(by_key, by_raw)


# ---------------------------------------------------------------------- tables by fact key
def fact_interval(doc: Document, key: FactKey) -> Interval | None:
    """The interval of the cell under ``key`` in ``doc`` (None when absent or not applicable)."""
    f = doc.fact(key.table, key.row, key.col)
    if f is None or f.cell.na:
        return None
    return f.cell.interval


@dataclass(frozen=True)
class FactPair:
    """One fact key in two reports: the old and the new cell (None where the report lacks it)."""

    key: FactKey
    old: Cell | None
    new: Cell | None
    label: str

    @property
    def changed(self) -> bool:
        """True when the two cells cannot be the same figure under rounding."""
        if self.old is None or self.new is None:
            return self.old is not self.new
        if self.old.na or self.new.na:
            return self.old.na != self.new.na
        return not self.old.interval.intersects(self.new.interval)


def fact_pairs(old: Document, new: Document) -> list[FactPair]:
    """Every fact key of either report, aligned by key, in the new report's order (then the
    keys only the old report has)."""
    def index(doc: Document) -> dict[FactKey, tuple[Cell, str]]:
        out: dict[FactKey, tuple[Cell, str]] = {}
        for t in doc.tables:
            for k, f in t.facts.items():
                out.setdefault(k, (f.cell, f.label))
        return out

    a, b = index(old), index(new)
    pairs = [FactPair(k, a[k][0] if k in a else None, cell, label) for k, (cell, label) in b.items()]
    pairs += [FactPair(k, cell, None, label) for k, (cell, label) in a.items() if k not in b]
    return pairs
