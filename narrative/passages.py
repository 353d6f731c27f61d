"""Boilerplate as groups of places: the near-duplicate passages of one report, and the passages
carried over unchanged from last year's.

A viewer lists each group with every place of it.  Nothing is compared here: the groups
within a report are DUP003's (its finding's place and related places), those carried over are
runs of the ``diff`` library's unchanged sentences, consecutive in both reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import PRIOR, REPORT, Severity
from .model import Document, Span
from .pipeline import ReadReport, check

if TYPE_CHECKING:
    from .diff import ReportDiff
    from .diff_prose import SentenceChange

WITHIN, CARRIED = "within", "carried"
# a run of unchanged sentences without figures shorter than this is a title, a heading or a formula
MIN_CARRIED_CHARS = 30


@dataclass(frozen=True)
class Passage:
    """One place of a group: which report (REPORT | PRIOR), where, and its text."""

    side: str
    span: Span
    text: str


@dataclass(frozen=True)
class PassageGroup:
    """Passages that are the same text: ``within`` one report (DUP003), or ``carried`` over from
    last year's (a REPORT place, then its PRIOR place).  ``numbers_differ``: the same words with
    other figures (one of them was not updated); ``figures_kept``: carried over with its figures."""

    kind: str
    places: tuple[Passage, ...]
    summary: str
    numbers_differ: bool = False
    figures_kept: bool = False


def _one_line(text: str) -> str:
    """A passage's lines run together: a line wrapped inside Chinese text takes no space."""
    out = ""
    for part in (p.strip() for p in text.splitlines()):
        if not part:
            continue
        if out and (out[-1].isascii() or part[0].isascii()):
            out += " "
        out += part
    return out


def within(report: ReadReport, text_of: Callable[[Document, Span], str]) -> list[PassageGroup]:
    """DUP003's groups of near-duplicate passages, each place in the order of the report, its
    text read by ``text_of`` (the API's ``source_text``: this module is below the API)."""
    out = []
    for f in check(report, select=["DUP003"]):
        spans = [f.span, *(r.span for r in f.related)]
        places = tuple(Passage(REPORT, s, _one_line(text_of(report.doc, s))) for s in spans)
        out.append(PassageGroup(WITHIN, places, f.message, numbers_differ=f.severity >= Severity.WARNING))
    return out


def _join(first: Span, last: Span) -> Span:
    return Span(first.line, first.page, last.end_line if last.end_line is not None else last.line,
                last.end_page if last.end_page is not None else last.page, first.column, last.end_column, first.file)


def _follows(prev: Span | None, nxt: Span | None) -> bool:
    """Does ``nxt`` start where ``prev`` ends, or on the next paragraph (one blank line between)?"""
    if prev is None or nxt is None:
        return False
    end = prev.end_line if prev.end_line is not None else prev.line
    same_page = (prev.end_page if prev.end_page is not None else prev.page) == nxt.page
    return same_page and end is not None and nxt.line is not None and 0 <= nxt.line - end <= 2


def carried(d: ReportDiff) -> list[PassageGroup]:
    """Runs of unchanged sentences, consecutive in both reports and within the section the run
    began in."""
    runs: list[list[SentenceChange]] = []
    for s in d.prose:
        if s.status != "unchanged" or s.new_span is None or s.old_span is None:
            runs.append([])
            continue
        run = runs[-1] if runs else []
        # within the section the run began in (numbered items may be read as headings under it)
        if run and s.section.startswith(run[0].section) and _follows(run[-1].new_span, s.new_span) \
                and _follows(run[-1].old_span, s.old_span):
            run.append(s)
        else:
            runs.append([s])
    out = []
    for run in runs:
        # a short run is kept when it holds figures: the sentences a copy-forward slip hides in
        if not run or (sum(len(s.new or "") for s in run) < MIN_CARRIED_CHARS and not any(s.carried for s in run)):
            continue
        text = run[0].new or ""
        for prev, s in zip(run, run[1:], strict=False):  # sentences of one line run on; a new line is a space
            assert prev.new_span is not None and s.new_span is not None
            same = s.new_span.line == (prev.new_span.end_line or prev.new_span.line)
            text += ("" if same else " ") + (s.new or "")
        spans = [(s.new_span, s.old_span) for s in (run[0], run[-1])]
        assert all(a is not None and b is not None for a, b in spans)
        new_span = _join(run[0].new_span, run[-1].new_span)  # type: ignore[arg-type]
        old_span = _join(run[0].old_span, run[-1].old_span)  # type: ignore[arg-type]
        kept = any(s.carried for s in run)
        summary = (f"{len(run)} sentence(s) carried over unchanged from {d.old.year or 'the prior'}"
                   + (", figures included" if kept else ""))
        out.append(PassageGroup(CARRIED, (Passage(REPORT, new_span, text), Passage(PRIOR, old_span, text)),
                                summary, figures_kept=kept))
    return out
