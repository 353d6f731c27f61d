"""SARIF 2.1.0 for code-review and CI systems (``--format sarif``).

One run; the rules are the tool's whole registry (``tool.driver.rules``), each result points
at its rule by id and index.  Columns are Unicode code points, as the findings count them, so
``run.columnKind`` says ``unicodeCodePoints``.  A region (line and column) is given only for a
plain-text report, whose lines are the file's lines; for a PDF, a web page, a Word or Excel file
the line is counted in the text as read (within a page, a body item, a sheet row), which a SARIF
viewer would misplace, so those results name the file and carry page/line/column as properties.
A finding's stable fingerprint is ``fingerprints["narrative/v1"]``.

Findings a baseline accepts or marks a false alarm (a ``verdict`` on the finding) are results
with ``suppressions`` (kind ``external``, status ``accepted``); a file that could not be read is
never a result but a ``toolExecutionNotifications`` entry of the invocation, with its reason.
Results are written as they arrive; only the unreadable files wait for the end.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..api import FileResult, Finding, Ref, Span, rules
from .common import Reporter, verdict

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASE = "SRCROOT"


def artifact(path: str) -> dict[str, Any]:
    """An absolute path as a file URI; a relative one relative to ``SRCROOT`` (the working
    directory, given in ``originalUriBaseIds``)."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix()), "uriBaseId": BASE}


def _region(span: Span, excerpt: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": span.line}
    if span.column is not None:
        region["startColumn"] = span.column
    if span.end_line is not None:
        region["endLine"] = span.end_line
    if span.end_column is not None:
        region["endColumn"] = span.end_column
    if excerpt:
        region["snippet"] = {"text": excerpt}
    return region


def location(path: str, fmt: str | None, span: Span, excerpt: str | None = None) -> dict[str, Any]:
    phys: dict[str, Any] = {"artifactLocation": artifact(path)}
    if span.line is not None and fmt == "text":
        phys["region"] = _region(span, excerpt)
    elif span.line is not None:
        place: dict[str, Any] = {k: v for k, v in (("page", span.page), ("line", span.line), ("column", span.column),
                                   ("endLine", span.end_line), ("endColumn", span.end_column)) if v is not None}
        if excerpt:
            place["excerpt"] = excerpt
        phys["properties"] = place
    return {"physicalLocation": phys}


def _related(r: FileResult, k: int, ref: Ref) -> dict[str, Any]:
    path = r.prior_path if ref.document == "prior" and r.prior_path else r.path
    fmt = "text" if path.lower().endswith(".txt") else None  # a prior's format is not in the result
    loc = location(path, r.format if path == r.path else fmt, ref.span)
    loc["id"] = k
    if ref.what:
        loc["message"] = {"text": ref.what}
    return loc


class SarifReporter(Reporter):
    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.index = {rule.code: i for i, rule in enumerate(rules())}
        self.notifications: list[dict[str, Any]] = []
        self.priors_noted: set[str] = set()
        self.first = True

    def start(self) -> None:
        driver = {
            "name": "narrative",
            "version": __version__,
            "rules": [
                {"id": rule.code, "name": rule.name, "shortDescription": {"text": rule.summary()},
                 "fullDescription": {"text": rule.documentation()},
                 "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
                 "properties": {"scope": rule.scope}}
                for rule in rules()
            ],
        }
        head = {
            "$schema": SCHEMA,
            "version": "2.1.0",
        }
        run_head = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {BASE: {"uri": Path(os.getcwd()).as_uri() + "/"}},
        }
        text = json.dumps(head, ensure_ascii=False)[:-1] + ', "runs": [' + json.dumps(run_head, ensure_ascii=False)[:-1]
        self.out.write(text + ', "results": [')

    def _result(self, r: FileResult, f: Finding) -> dict[str, Any]:
        res: dict[str, Any] = {
            "ruleId": f.rule,
            "level": LEVELS[str(f.severity)],
            "message": {"text": f.message},
            "locations": [location(r.path, r.format, f.span, f.excerpt)],
            "fingerprints": {"narrative/v1": f.fingerprint},
        }
        if f.rule in self.index:
            res["ruleIndex"] = self.index[f.rule]
        if f.related:
            res["relatedLocations"] = [_related(r, k, ref) for k, ref in enumerate(f.related, start=1)]
        props = {k: v for k, v in (("stated", f.stated), ("computed", f.computed), ("computedLow", f.computed_low),
                                   ("computedHigh", f.computed_high), ("explanation", f.explanation or None),
                                   ("facts", list(f.facts) or None), ("verdict", verdict(f))) if v is not None}
        if props:
            res["properties"] = props
        v = verdict(f)
        if v in ("accepted", "false-alarm"):
            note = getattr(f, "note", None)
            res["suppressions"] = [{"kind": "external", "status": "accepted",
                                    "justification": str(note) if note else v}]
        return res

    def write_result(self, r: FileResult) -> None:
        if r.error:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"could not be read: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(r.path)}}],
                "descriptor": {"id": "unreadable"},
            })
            return
        if r.prior_error and r.prior_path and r.prior_path not in self.priors_noted:
            self.priors_noted.add(r.prior_path)
            self.notifications.append({
                "level": "warning",
                "message": {"text": f"prior could not be read: {r.prior_error} (checked without the year-to-year rules)"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(r.prior_path)}}],
                "descriptor": {"id": "prior-unreadable"},
            })
        for f in r.findings:
            self.out.write(("" if self.first else ",") + "\n" + json.dumps(self._result(r, f), ensure_ascii=False))
            self.first = False

    def end(self) -> None:
        invocation = {"executionSuccessful": True, "toolExecutionNotifications": self.notifications}
        tail = {"invocations": [invocation], "properties": {"summary": self.summary.as_dict()}}
        self.out.write("\n], " + json.dumps(tail, ensure_ascii=False)[1:] + "]}\n")
