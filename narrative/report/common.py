"""What the reporters share: the running summary, locations as text, the figures line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..api import BaselineEntry, FileResult, Finding, Severity, Span, counts

TOP_RULES = 10  # how many of the most frequent rules a summary names


@dataclass
class Summary:
    """Counts kept as results arrive (never the results themselves), the files that could
    not be checked with the reason, and how often each rule fired."""

    claims: int = 0
    unbound_claims: int = 0
    files: int = 0
    unreadable: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    rules: Counter[str] = field(default_factory=Counter)
    # with a review baseline: findings it accepts or marks false alarm (not counted above), and
    # its entries that matched nothing (set by the CLI when the run ends)
    baselined: int = 0
    stale_baseline_entries: int = 0

    def add(self, r: FileResult) -> None:
        self.files += 1
        if r.error:
            self.unreadable += 1
            self.failed.append((r.path, r.error))
        if r.claims is not None:
            self.claims += r.claims["total"]
            self.unbound_claims += r.claims["unbound"]
        if r.baseline is not None:
            self.baselined += r.baseline.baselined
        for f in r.findings:
            if not counts(r, f):
                continue
            if f.severity == Severity.ERROR:
                self.errors += 1
            elif f.severity == Severity.WARNING:
                self.warnings += 1
            else:
                self.infos += 1
            self.rules[f.rule] += 1

    def top_rules(self, n: int = TOP_RULES) -> list[tuple[str, int]]:
        """The most frequent rules, most frequent first (ties by code)."""
        return sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def as_dict(self) -> dict[str, Any]:
        counts: dict[str, Any] = {k: v for k, v in self.__dict__.items() if isinstance(v, int)}
        counts["failed"] = [{"path": p, "error": e} for p, e in self.failed]
        counts["top_rules"] = [{"rule": r, "count": n} for r, n in self.top_rules()]
        return counts


class Reporter:
    """Base: keeps the summary; subclasses write."""

    show_baselined = False  # a baseline applied with --show-baselined (class default: subclasses with their own __init__)

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.summary = Summary()
        self.show_baselined = False  # a baseline applied with --show-baselined

    def start(self) -> None:
        pass

    def result(self, r: FileResult) -> None:
        self.summary.add(r)
        self.show_baselined = self.show_baselined or (r.baseline is not None and r.baseline.show)
        self.write_result(r)

    def write_result(self, r: FileResult) -> None:
        raise NotImplementedError

    def end(self) -> None:
        pass


def place(loc: Span) -> str:
    """``line:col`` for text input, ``p<page>:<line>:<col>`` for PDF input; "" when unplaced."""
    if loc.line is None:
        return ""
    col = f":{loc.column}" if loc.column is not None else ""
    if loc.page is not None:
        return f"p{loc.page}:{loc.line}{col}"
    return f"{loc.line}{col}"


def where(path: str, loc: Span) -> str:
    """``path:line:col`` for text input, ``path:p<page>:<line>:<col>`` for PDF input."""
    path = loc.file or path  # a report read from several files: the file the place is in
    at = place(loc)
    return f"{path}:{at}" if at else path


def verdict(f: Finding) -> str | None:
    """The review verdict a baseline gave the finding (accepted, false-alarm, confirmed), if any."""
    v = getattr(f, "verdict", None)
    return None if v is None else str(v)


def is_baselined(f: Finding) -> bool:
    """A finding the baseline accepts or marks a false alarm: shown as such, never failing a run."""
    return verdict(f) in ("accepted", "false-alarm")


def family(rule: str) -> str:
    """The family of a rule code: its letters (TBL001 → TBL)."""
    return rule.rstrip("0123456789")


def figures_line(f: Finding) -> str | None:
    if f.stated is None and f.computed is None:
        return None
    parts = []
    if f.stated is not None:
        parts.append(f"stated {f.stated}")
    if f.computed is not None:
        rng = f" (rounding allows {f.computed_low}–{f.computed_high})" if f.computed_low is not None else ""
        parts.append(f"recomputed {f.computed}{rng}")
    return "; ".join(parts)


def verdict_line(e: BaselineEntry) -> str:
    """"verdict: confirmed (li, 2025-03-17T09:30:00Z): the note"."""
    by = ", ".join(x for x in (e.who, e.when) if x)
    return f"verdict: {e.verdict}" + (f" ({by})" if by else "") + (f": {e.note}" if e.note else "")


def baseline_tail(c: Summary, show: bool) -> str:
    """The summary's words about a baseline ("; 12 baselined finding(s) hidden; 3 stale baseline
    entries"), empty without one."""
    out = ""
    if c.baselined:
        out += f"; {c.baselined} baselined finding(s) {'shown' if show else 'hidden'}"
    if c.stale_baseline_entries:
        n = c.stale_baseline_entries
        out += f"; {n} stale baseline {'entry' if n == 1 else 'entries'}"
    return out
