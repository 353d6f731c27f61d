"""Using a review file: verdicts given, a run's findings sorted by them, stale entries, statistics.

What the CLI (``check --baseline``, ``--write-baseline``, ``baseline …``) and the TUI share.
Every change to the file is a function here that goes through ``store.update`` (lock, re-read,
change, atomic write), so the file on disk is never changed any other way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InputError
from ..findings import Finding, Severity
from .entries import (
    ACCEPTED,
    CONFIRMED,
    FALSE_ALARM,
    VERDICTS,
    BaselineEntry,
    finding_fields,
    identity_json,
    now,
    report_key,
    reviewer,
)
from .store import Baseline, load_baseline, update


@dataclass
class BaselineOutcome:
    """What a baseline did to one report's findings (``FileResult.baseline``).

    ``verdicts``: the entry of every finding the file reviews (shown or hidden), by
    fingerprint; ``hidden``: how many accepted/false-alarm findings were left out of
    ``findings`` (0 with ``show``, where they stay, marked); ``stale``: the entries of this
    report that no finding of this run matches (listed only with ``show``)."""

    key: str | None
    verdicts: dict[str, BaselineEntry] = field(default_factory=dict)
    hidden: int = 0
    baselined: int = 0  # findings the file accepts or marks false alarm (hidden or shown)
    stale: list[BaselineEntry] = field(default_factory=list)
    show: bool = False

    def verdict(self, f: Finding) -> BaselineEntry | None:
        return self.verdicts.get(f.fingerprint)

    def counts(self, f: Finding) -> bool:
        """Does the finding count (for the exit code and the totals)?  Not when accepted or a
        false alarm; a confirmed one does."""
        e = self.verdicts.get(f.fingerprint)
        return e is None or not e.hides


def counts(result: Any, f: Finding) -> bool:
    """Does finding ``f`` of ``result`` count for the exit code and the totals (a baseline may
    have accepted it or marked it a false alarm)?"""
    outcome = getattr(result, "baseline", None)
    return outcome is None or outcome.counts(f)


@dataclass(frozen=True)
class RunScope:
    """What a run could have reported: an entry whose rule was not selected, whose severity is
    below the run's minimum, or that needs a prior report the run was not given, is neither
    matched nor stale."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    prior: bool = False

    @classmethod
    def of(cls, options: Any = None, *, prior: bool = False) -> RunScope:
        if options is None:
            return cls(prior=prior)
        return cls(tuple(options.select), tuple(options.ignore), options.min_severity, prior)

    def judges(self, e: BaselineEntry) -> bool:
        from ..checks.runner import selected

        if e.rule and e.rule != "NAR001" and not selected(e.rule, self.select, self.ignore):
            return False
        try:
            if e.severity and Severity.parse(e.severity) < self.min_severity:
                return False
        except KeyError:
            pass
        return self.prior or _scope(e.rule) != "years"


def _scope(code: str) -> str | None:
    from ..checks.base import RULES
    from ..checks.runner import load_rules

    load_rules()
    r = RULES.get(code)
    return r.scope if r is not None else None


def apply_baseline(baseline: Baseline, result: Any, *, show: bool = False, scope: RunScope | None = None) -> Any:
    """A copy of ``result`` (a ``FileResult``) with the baseline applied: accepted and
    false-alarm findings left out (kept, marked, with ``show``), every reviewed finding's entry
    in ``result.baseline.verdicts``, and the stale entries of its report counted."""
    key = report_key(result)
    outcome = BaselineOutcome(key, show=show)
    if key is None:
        return replace(result, baseline=outcome)
    kept: list[Finding] = []
    seen: set[str] = set()
    for f in result.findings:
        seen.add(f.fingerprint)
        e = baseline.entry(key, f.fingerprint)
        if e is not None:
            outcome.verdicts[f.fingerprint] = e
            if e.hides:
                outcome.baselined += 1
                if not show:
                    outcome.hidden += 1
                    continue
        kept.append(f)
    judge = scope or RunScope()
    if not result.error:
        outcome.stale = [e for e in baseline.entries(key) if e.fingerprint not in seen and judge.judges(e)]
    return replace(result, findings=kept, baseline=outcome)


class BaselineSession:
    """A baseline applied to a run of many results: ``apply`` each, then ``stale()`` counts the
    entries no result of their report matched (a report checked as two files, or twice, is
    one report)."""

    def __init__(self, baseline: Baseline, *, show: bool = False, scope: RunScope | None = None) -> None:
        self.baseline = baseline
        self.show = show
        self.scope = scope or RunScope()
        self._seen: dict[str, set[str]] = {}

    def apply(self, result: Any) -> Any:
        out = apply_baseline(self.baseline, result, show=self.show, scope=self.scope)
        key = out.baseline.key
        if key is not None and not result.error:
            self._seen.setdefault(key, set()).update(f.fingerprint for f in result.findings)
        return out

    def stale(self) -> int:
        return sum(1 for key, seen in self._seen.items() for e in self.baseline.entries(key)
                   if e.fingerprint not in seen and self.scope.judges(e))


# ---------------------------------------------------------------------- changes
def _check_verdict(verdict: str) -> str:
    v = verdict.strip().lower().replace("_", "-")
    if v == "falsealarm":
        v = FALSE_ALARM
    if v not in VERDICTS:
        raise InputError(f"unknown verdict {verdict!r} (one of {', '.join(VERDICTS)})")
    return v


def set_verdict(path: str, report: Any, finding: Finding | str, verdict: str, *, note: str | None = None,
                who: str | None = None) -> tuple[Baseline, BaselineEntry]:
    """Give ``finding`` of ``report`` a verdict in the review file ``path`` (created when
    missing), with a note (None keeps the note it has) and who gave it (``reviewer(who)``).

    ``report`` is a ``FileResult``, an ``Analysis`` or a report key; ``finding`` a ``Finding``
    (recorded with its rule, excerpt and figures if new) or a fingerprint already in the file
    (or the unique start of one).  Returns the file as now written and the entry."""
    v = _check_verdict(verdict)
    key = report_key(report) if report is not None else None
    by = reviewer(who)
    fp = finding.fingerprint if isinstance(finding, Finding) else finding.strip()
    if not fp:
        raise InputError("no fingerprint given")

    def change(b: Baseline) -> BaselineEntry:
        k, f = key, fp
        if k is None or f not in b.findings_of(k):
            found = [(kk, e) for kk, e in b.find(f) if k is None or kk == k]
            if not isinstance(finding, Finding) or report is None:
                if not found:
                    where = f"report {k}" if k is not None else "any report"
                    raise InputError(f"fingerprint {f} is not in {path} for {where} (record the report's findings "
                                     "first: narrative check FILE --write-baseline)")
                if len(found) > 1:
                    raise InputError(f"fingerprint {f} is ambiguous in {path}: "
                                     + ", ".join(f"{e.fingerprint} in {kk}" for kk, e in found[:4])
                                     + " (give --report KEY or the whole fingerprint)")
                k, f = found[0][0], found[0][1].fingerprint
        if k is None:
            raise InputError(f"{getattr(report, 'path', report)}: cannot key this report (it has no identity and "
                             "is not a regular file)")
        rep = b.report(k, identity_json(report, k))
        entry = rep["findings"].setdefault(f, {})
        if isinstance(finding, Finding):
            for name, value in finding_fields(finding).items():
                entry.setdefault(name, value)
        entry["verdict"] = v
        if note is not None:
            entry["note"] = note
        entry.setdefault("note", "")
        entry["who"] = by
        entry["when"] = now()
        return BaselineEntry.from_json(f, entry)

    return update(path, change)


def clear_verdict(path: str, report: Any, finding: Finding | str) -> tuple[Baseline, bool]:
    """Remove the entry of ``finding`` of ``report`` from the review file ``path``: the finding
    is unreviewed again (shown, and counted, by the next ``--baseline`` run).  The one change
    that drops an entry, and only on a reviewer's request (the TUI's "clear").  ``report`` is a
    ``FileResult``, an ``Analysis`` or a report key; ``finding`` a ``Finding`` or a fingerprint.
    Returns the file as now written and whether there was an entry to remove (a missing file
    stays missing)."""
    key = report_key(report)
    fp = finding.fingerprint if isinstance(finding, Finding) else finding.strip()
    if key is None:
        return load_baseline(path), False
    if load_baseline(path).entry(key, fp) is None:  # nothing to clear: do not create or rewrite the file
        return load_baseline(path), False

    def change(b: Baseline) -> bool:
        return b.findings_of(key).pop(fp, None) is not None

    return update(path, change)


def write_baseline(path: str, results: Iterable[Any], *, who: str | None = None) -> tuple[Baseline, int]:
    """Record every finding of ``results`` not yet in the review file as accepted; every
    existing entry (verdict, note, who, when, and fields unknown here) stays as it is and
    nothing is dropped.  Returns the file as written and how many entries were added.
    Results that cannot be keyed (unreadable, or a pipe without identity) are skipped."""
    by, when = reviewer(who), now()
    keyed = [(report_key(r), r) for r in results if not r.error]

    def change(b: Baseline) -> int:
        added = 0
        for key, r in keyed:
            if key is None:
                continue
            rep = b.report(key, identity_json(r, key))
            for f in r.findings:
                if f.fingerprint in rep["findings"]:
                    continue
                rep["findings"][f.fingerprint] = {**finding_fields(f), "verdict": ACCEPTED, "note": "", "who": by,
                                                  "when": when}
                added += 1
        return added

    return update(path, change)


def prune_baseline(path: str, results: Iterable[Any], *, scope: RunScope | None = None) -> tuple[Baseline, int]:
    """Remove the entries of the reports in ``results`` that none of their findings matches
    (of rules the run could report: ``scope``).  Reports not among ``results`` are left alone,
    and so is a file that cannot be read (corrupt, newer).  Returns the file and the count."""
    judge = scope or RunScope()
    seen: dict[str, set[str]] = {}
    for r in results:
        key = report_key(r)
        if key is None or r.error:
            continue
        seen.setdefault(key, set()).update(f.fingerprint for f in r.findings)

    def change(b: Baseline) -> int:
        removed = 0
        for key, fps in seen.items():
            findings = b.findings_of(key)
            for fp in [fp for fp in findings if fp not in fps]:
                if judge.judges(BaselineEntry.from_json(fp, findings[fp])):
                    del findings[fp]
                    removed += 1
        return removed

    return update(path, change)


# ---------------------------------------------------------------------- statistics
@dataclass
class RuleStats:
    """Verdicts given to one rule's findings, over one or more review files."""

    rule: str
    false_alarms: int = 0
    confirmed: int = 0
    accepted: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.false_alarms + self.confirmed + self.accepted + self.other

    @property
    def false_alarm_share(self) -> float:
        return self.false_alarms / self.total if self.total else 0.0


def baseline_stats(paths: Iterable[str]) -> list[RuleStats]:
    """False alarms (and the other verdicts) per rule over the review files ``paths``, most
    false alarms first: which rule misleads a team.  Raises InputError for a missing, corrupt
    or newer file."""
    counts: dict[str, Counter[str]] = {}
    for p in paths:
        b = load_baseline(p, must_exist=True)
        for key in b.keys():
            for e in b.entries(key):
                counts.setdefault(e.rule or "?", Counter())[e.verdict] += 1
    out = []
    for rule, c in counts.items():
        known = c[FALSE_ALARM] + c[CONFIRMED] + c[ACCEPTED]
        out.append(RuleStats(rule, c[FALSE_ALARM], c[CONFIRMED], c[ACCEPTED], sum(c.values()) - known))
    return sorted(out, key=lambda s: (-s.false_alarms, -s.false_alarm_share, s.rule))
