"""Which findings the list shows, and in what order: severity, rule family, review verdict,
a search string, a sort.  Plain data, so that the list, its header, the export and the tests
agree on one selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from narrative.api import Finding, Severity

ALL = "all"
UNREVIEWED = "unreviewed"
SEVERITIES = (ALL, "error", "warning", "info")
SORTS = ("place", "severity", "code")


def family(code: str) -> str:
    """The rule family of a code: its letters ("CLM001" → "CLM")."""
    return code.rstrip("0123456789") or code


def where(f: Finding) -> str:
    """Page and line (p3:12) or line (l.89) of a finding, for a narrow column."""
    s = f.span
    if s.line is None:
        return "—"
    return f"p{s.page}:{s.line}" if s.page is not None else f"l.{s.line}"


@dataclass(frozen=True)
class Filter:
    severity: str = ALL
    family: str = ALL
    verdict: str = ALL  # all | unreviewed | one of the review verdicts
    search: str = ""
    sort: str = "place"

    def describe(self) -> str:
        parts = [f"{name} {value}" for name, value in (("severity", self.severity), ("rules", self.family),
                                                         ("verdict", self.verdict)) if value != ALL]
        if self.search:
            parts.append(f"/{self.search}")
        if self.sort != "place":
            parts.append(f"by {self.sort}")
        return " · ".join(parts)

    def cycled(self, field: str, choices: Sequence[str]) -> Filter:
        values = list(choices)
        current = getattr(self, field)
        nxt = values[(values.index(current) + 1) % len(values)] if current in values else values[0]
        return replace(self, **{field: nxt})

    def apply(self, findings: Sequence[Finding], verdict_of: Callable[[Finding], str | None]) -> list[Finding]:
        out = []
        words = self.search.casefold().split()  # every word must occur
        for f in findings:
            if self.severity != ALL and str(f.severity) != self.severity:
                continue
            if self.family != ALL and family(f.rule) != self.family:
                continue
            v = verdict_of(f)
            if self.verdict == UNREVIEWED and v is not None:
                continue
            if self.verdict not in (ALL, UNREVIEWED) and v != self.verdict:
                continue
            if words:
                hay = " ".join((f.rule, f.message, f.excerpt, where(f), v or "")).casefold()
                if not all(w in hay for w in words):
                    continue
            out.append(f)
        if self.sort == "severity":
            out.sort(key=lambda f: (-int(f.severity), f.sort_key()))
        elif self.sort == "code":
            out.sort(key=lambda f: (f.rule, f.sort_key()))
        else:
            out.sort(key=Finding.sort_key)
        return out


def families(findings: Sequence[Finding]) -> list[str]:
    return [ALL, *sorted({family(f.rule) for f in findings})]


def severity_counts(findings: Sequence[Finding]) -> dict[Severity, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
