"""Verdicts on findings, kept in a review file through the baseline library.

Without ``--baseline`` the file is ``narrative-review.json`` in the current directory (the
app says so).  Verdicts are found by report key and fingerprint, so they stay attached when
the report is checked again after an edit.  Every failure (a corrupt or locked file, a
report that cannot be keyed) is one line for the app to show."""

from __future__ import annotations

import os
from dataclasses import dataclass

from narrative import api

DEFAULT_FILE = "narrative-review.json"
VERDICT_LABELS = {api.CONFIRMED: "confirmed", api.FALSE_ALARM: "false alarm", api.ACCEPTED: "accepted"}
VERDICT_SHORT = {api.CONFIRMED: "✓ conf", api.FALSE_ALARM: "✗ false", api.ACCEPTED: "= acc"}


@dataclass
class ReviewFile:
    path: str
    default: bool  # no --baseline: the file in the current directory
    baseline: api.Baseline | None = None
    error: str | None = None

    @classmethod
    def open(cls, given: str | None) -> ReviewFile:
        path = os.path.abspath(given or DEFAULT_FILE)
        r = cls(path, given is None)
        r.reload()
        return r

    def reload(self) -> None:
        try:
            self.baseline = api.load_baseline(self.path)
            self.error = None
        except api.InputError as err:
            self.baseline, self.error = None, str(err)

    @property
    def where(self) -> str:
        shown = os.path.relpath(self.path) if self.default else self.path
        return f"{shown} (default, in the current directory)" if self.default else shown

    def verdict(self, analysis: api.Analysis, finding: api.Finding) -> api.BaselineEntry | None:
        if self.baseline is None:
            return None
        try:
            return self.baseline.verdict(analysis, finding)
        except (api.InputError, OSError):
            return None

    def set(self, analysis: api.Analysis, finding: api.Finding, verdict: str, note: str | None) -> str | None:
        """Record a verdict; the one-line reason it could not be, or None."""
        try:
            self.baseline, _ = api.set_verdict(self.path, analysis, finding, verdict, note=note)
        except (api.InputError, OSError) as err:
            return str(err)
        return None

    def clear(self, analysis: api.Analysis, finding: api.Finding) -> str | None:
        try:
            self.baseline, _ = api.clear_verdict(self.path, analysis, finding)
        except (api.InputError, OSError) as err:
            return str(err)
        return None
