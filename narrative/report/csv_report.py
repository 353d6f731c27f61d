"""CSV for spreadsheets and scripts: a header row, then one row per finding, or with
``--per-report`` one row per report with its counts (unreadable files there, with the reason).

Columns of a finding row: the report's path, department, year and kind, the rule and its
severity, the location (``line:col``, ``p<page>:<line>:<col>`` for a PDF), the figures as
stated and as recomputed, the message, the fingerprint (stable across edits: the key to join
runs on) and the review verdict a baseline gave it (empty when none).  Written as results
arrive.  A file written with ``--output`` starts with a UTF-8 byte order mark, which Excel
needs to read Chinese text as UTF-8 (the CLI chooses the encoding).
"""

from __future__ import annotations

import csv
from typing import TextIO

from ..api import FileResult, Severity
from .common import Reporter, place, verdict

FINDING_COLUMNS = ("path", "department", "year", "kind", "rule", "severity", "location", "stated", "computed",
                   "message", "fingerprint", "verdict")
REPORT_COLUMNS = ("path", "department", "year", "kind", "unit_level", "format", "error", "errors", "warnings",
                  "infos", "findings", "claims", "unbound_claims")


class CsvReporter(Reporter):
    def __init__(self, out: TextIO, *, per_report: bool = False) -> None:
        super().__init__(out)
        self.per_report = per_report
        self.writer = csv.writer(out, lineterminator="\n")

    def start(self) -> None:
        self.writer.writerow(REPORT_COLUMNS if self.per_report else FINDING_COLUMNS)

    def write_result(self, r: FileResult) -> None:
        ident = [r.path, r.department or "", r.year or "", r.report_kind or ""]
        if self.per_report:
            cc = r.claims or {}
            self.writer.writerow([*ident, r.unit_level or "", r.format or "", r.error or "",
                                  r.count(Severity.ERROR), r.count(Severity.WARNING), r.count(Severity.INFO),
                                  len(r.findings), cc.get("total", ""), cc.get("unbound", "")])
            return
        for f in r.findings:
            self.writer.writerow([*ident, f.rule, str(f.severity), place(f.span), f.stated or "", f.computed or "",
                                  f.message, f.fingerprint, verdict(f) or ""])
