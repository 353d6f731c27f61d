"""What the text rules share: the prose of a report as spans mapped back to their source
lines, the characters that are protected (titles, citations), and the years and dates
whose context fixes what they must be.  Used by the TXT rules and by the year-to-year
rules, which compare last year's stale years with this year's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from .. import patterns
from ..claims.numbers import DOCNO_RE
from ..lexicon import load_toml
from ..model import Block, Document, Loc, Table
from ..normalize import fold
from ..source import SourceLine
from ..structure import DATE_LINE_RE, PART_RE


# ---------------------------------------------------------------------- prose units
@dataclass
class ProseSpan:
    """A stretch of text with its map back to source lines: a block, or one line of a
    table's preamble, notes, a table cell or a 目录 entry."""

    text: str  # folded
    kind: str  # block kind, "note", "preamble", "toc", "cell"
    block: Block | None = None
    line: SourceLine | None = None
    col: int = 0  # for a cell: its offset in the line's folded text
    table: Table | None = None

    def loc(self, start: int, end: int | None = None) -> Loc:
        if self.block is not None:
            return self.block.loc(start, end)
        assert self.line is not None
        return Loc.at(self.line)

    def raw(self, start: int, end: int) -> str:
        if self.block is not None:
            return self.block.text[start:end]
        assert self.line is not None
        return self.line.text[self.col + start : self.col + end]


def prose_spans(doc: Document, *, tables: bool = True) -> Iterator[ProseSpan]:
    """The prose of a document: blocks, then the 目录 and each table's preamble and notes."""
    for b in doc.blocks:
        yield ProseSpan(b.norm, b.kind, block=b)
    for e in doc.toc:
        yield ProseSpan(e.line.norm, "toc", line=e.line)
    if tables:
        for t in doc.tables:
            for ln in t.preamble:
                yield ProseSpan(ln.norm, "preamble", line=ln, table=t)
            for ln in t.notes:
                yield ProseSpan(ln.norm, "note", line=ln, table=t)


def cell_spans(doc: Document, rows: Callable[[str], object] | None = None) -> Iterator[ProseSpan]:
    """Every non-empty table cell (its folded text, positioned in its line).

    ``rows``, when given, is asked about each row's folded line first, and a row it answers
    falsely for is skipped: a rule looking for text that no cell can hold unless its line does
    (a substring of a cell is one of its line) skips most rows without making their spans."""
    for t in doc.tables:
        for row in t.rows:
            if rows is not None and not rows(row.line.norm):
                continue
            pos = 0
            for part in row.line.norm.split("\t"):
                if part.strip():
                    yield ProseSpan(part, "cell", line=row.line, col=pos, table=t)
                pos += len(part) + 1


def protected(text: str) -> list[bool]:
    """Characters inside 《》, “”, 「」, quotes or a document number: titles, names and
    citations are right as they are."""
    mask = [False] * len(text)
    pairs = {"《": "》", "“": "”", "「": "」", "‘": "’"}
    stack: list[str] = []
    for i, ch in enumerate(text):
        if ch in pairs:
            stack.append(pairs[ch])
            mask[i] = True
        elif stack and ch == stack[-1]:
            stack.pop()
            mask[i] = True
        elif stack:
            mask[i] = True
    for m in DOCNO_RE.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask




# ---------------------------------------------------------------------- TXT001: stale years
@dataclass(frozen=True)
class YearIssue:
    span: ProseSpan
    start: int
    end: int
    year: int
    expected: int
    context: str  # "current" | "prior"
    why: str


YEAR_RE = patterns.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@cache
def _year_words() -> dict[str, list[str]]:
    d = load_toml("text_checks.toml").get("stale_year", {})
    return {k: list(d.get(k, [])) for k in ("self", "current", "compare_lead", "compare_tail")}


def _classify_year(text: str, m: regex.Match[str], selfs: list[str], budget: bool = False) -> tuple[str, str] | None:
    """(context, why) of a year, or None when its context does not fix it.  ``budget``: the
    report is a 预算, compiled before its own year has ended."""
    words = _year_words()
    after = text[m.end() :].lstrip()
    if not after.startswith("年"):
        return None
    tail = after[1:]
    du = tail.startswith("度")
    rest = (tail[1:] if du else tail).lstrip()
    before = text[: m.start()].rstrip()
    if rest.startswith("上年"):
        return "prior", "a year followed by 上年 names the prior year"
    if patterns.search(r"上年(?:结转|结余)[^。;!?、,]{0,10}[:：]\s*(?:填列|指|为|即)?$", before):
        return "prior", "上年结转和结余 is the prior year's"
    if before and any(before.endswith(w) for w in words["compare_lead"]):
        if any(w in rest[:10] for w in words["compare_tail"]):
            return "prior", f"a comparison ('{before[-1]} … {m.group(1)} 年') is with the prior year"
        return None
    if any(before.endswith(s) for s in selfs):
        return "current", "the report speaking of itself"
    if patterns.search(r"截[至止]$", before) and patterns.match(r"(?:12\s*月\s*31\s*日|末|底)", rest):
        if budget:  # assets and vehicles "截至2023年12月31日" in the 2024 预算: the last closed year
            return "prior", "the year-end date of the last accounts closed before a 预算 is compiled"
        return "current", "the year-end date of the report's own accounts"
    alone = patterns.fullmatch(r"\s*[(（]?\s*", text[: m.start()])
    if alone and patterns.fullmatch(r"\s*年\s*度?\s*[)）]?\s*", text[m.end() :]):
        return "current", "the year line of a table or form"
    if du and any(rest.startswith(w) for w in words["current"]):
        return "current", f"'{m.group(1)} 年度{rest[:6]}' describes the report's own year"
    return None


def year_issues(doc: Document) -> list[YearIssue]:
    """Years in a fixed context that are not the year they must be (cached per document)."""
    out: list[YearIssue] = []
    if doc.year is not None:
        selfs = list(_year_words()["self"])
        if doc.department:
            selfs.append(fold(doc.department))
        for span in prose_spans(doc):
            if not YEAR_RE.search(span.text):
                continue
            mask = protected(span.text)
            for m in YEAR_RE.finditer(span.text):
                if mask[m.start()]:
                    continue
                got = _classify_year(span.text, m, selfs, doc.report_kind == "预算")
                if got is None:
                    continue
                context, why = got
                y = int(m.group(1))
                expected = doc.year if context == "current" else doc.year - 1
                if y == expected:
                    continue
                if context == "current" and y > doc.year and why != "the report speaking of itself":
                    continue  # a later year may be forward-looking ("2025年度预算安排中…")
                out.append(YearIssue(span, m.start(1), m.end(1), y, expected, context, why))
    return out


def title_loc(doc: Document) -> Loc | None:
    """Where the report names itself: its first non-blank line (the title the year and the
    department are read from)."""
    for ln in doc.lines[:40]:
        if ln.norm.strip():
            return Loc.at(ln)
    return None



def sentence_at(span: ProseSpan, pos: int) -> str:
    """The sentence around ``pos`` in the original text (for excerpts)."""
    t = span.text
    a = max(t.rfind(p, 0, pos) for p in "。;!?；") + 1
    ends = [i for i in (t.find(p, pos) for p in "。;!?；") if i >= 0]
    b = min(ends) + 1 if ends else len(t)
    return span.raw(a, b).strip()


# ---------------------------------------------------------------------- TXT002: dates


@dataclass(frozen=True)
class DateIssue:
    block: Block
    date: tuple[int, int, int]
    text: str
    reasons: tuple[str, ...]
    cited: tuple[tuple[int, Loc, str], ...]  # (year, where, document number)


def _part_bounds(doc: Document, line: int) -> tuple[int, int]:
    """First and last line of the 第N部分 containing ``line`` (the whole report without parts)."""
    starts = sorted(s.line.number for s in doc.sections if s.level == 1 and PART_RE.match(s.title))
    lo, hi = 1, (doc.lines[-1].number if doc.lines else line)
    for s in starts:
        if s <= line:
            lo = s
        elif s > line:
            hi = s - 1
            break
    return lo, hi


def date_issues(doc: Document) -> list[DateIssue]:
    out: list[DateIssue] = []
    for b in doc.blocks:
        m = DATE_LINE_RE.match(b.norm)
        if m is None:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        reasons: list[str] = []
        if doc.report_kind == "决算" and doc.year is not None and y <= doc.year:
            reasons.append(f"before the end of {doc.year}, the year this 决算 accounts for")
        lo, hi = _part_bounds(doc, b.first_line.number)
        cited: list[tuple[int, Loc, str]] = []
        for other in doc.blocks:
            ln = other.first_line.number
            if ln < lo or ln > hi:
                continue
            for dm in DOCNO_RE.finditer(other.norm):
                cy = int(dm.group(1))
                if cy > y:
                    cited.append((cy, other.loc(dm.start(), dm.end()), other.text[dm.start() : dm.end()]))
        if cited:
            first = cited[0]
            reasons.append(f"before {first[2]} (line {first[1].line}), issued in {first[0]}, which it cites")
        if reasons:
            out.append(DateIssue(b, (y, mo, d), b.text.strip(), tuple(reasons), tuple(cited)))
    return out
