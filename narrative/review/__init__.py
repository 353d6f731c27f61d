"""Review state that survives edits: verdicts on findings, kept in a file a team can share.

A review file (``store``: JSON, sorted, atomic writes, a lock, strict reading) holds, per
report (keyed by its identity, ``entries.report_key``), per finding (by fingerprint), a
verdict: accepted, false-alarm or confirmed, with a note, who and when.  ``apply`` sorts a
run's findings by it (hidden, shown as confirmed, stale entries), records a first run's
findings (``write_baseline``), drops stale entries (``prune_baseline``) and counts false
alarms per rule (``baseline_stats``).  Front ends reach all of it through ``narrative.api``.
"""

from __future__ import annotations

from .apply import (
    BaselineOutcome,
    BaselineSession,
    RuleStats,
    RunScope,
    apply_baseline,
    baseline_stats,
    clear_verdict,
    counts,
    prune_baseline,
    set_verdict,
    write_baseline,
)
from .entries import ACCEPTED, CONFIRMED, FALSE_ALARM, VERDICTS, BaselineEntry, report_key, reviewer
from .store import Baseline, load_baseline

__all__ = [
    "ACCEPTED", "Baseline", "BaselineEntry", "BaselineOutcome", "BaselineSession", "CONFIRMED", "FALSE_ALARM",
    "RuleStats", "RunScope", "VERDICTS", "apply_baseline", "baseline_stats", "clear_verdict", "counts", "load_baseline",
    "prune_baseline", "report_key", "reviewer", "set_verdict", "write_baseline",
]
