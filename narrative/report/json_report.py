"""JSON output, version 1.  Fields are only ever added, never renamed (see README).

Written as results arrive: the opening of the object, one ``documents`` entry per file,
then the summary, so memory stays flat over any number of files.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..api import BaselineEntry, BaselineOutcome, FileResult, Finding, Ref
from .common import Reporter

VERSION = 1


def ref_json(r: Ref) -> dict[str, Any]:
    return {"line": r.span.line, "page": r.span.page, "column": r.span.column, "end_line": r.span.end_line,
            "end_column": r.span.end_column, "file": r.span.file, "document": r.document, "what": r.what}


def finding_json(f: Finding, review: BaselineEntry | None = None) -> dict[str, Any]:
    s = f.span
    return {
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.message,
        "line": s.line,
        "end_line": s.end_line if s.end_line is not None else s.line,
        "page": s.page,
        "column": s.column,
        "end_column": s.end_column,
        "file": s.file,
        "excerpt": f.excerpt,
        "stated": f.stated,
        "computed": f.computed,
        "computed_low": f.computed_low,
        "computed_high": f.computed_high,
        "explanation": f.explanation,
        "fingerprint": f.fingerprint,
        "facts": list(f.facts),
        "claim": f.claim,
        "related": [ref_json(r) for r in f.related],
        # the review baseline's verdict on it (--baseline), else null
        "verdict": review.verdict if review else None,
        "verdict_note": review.note if review else None,
        "verdict_who": review.who if review else None,
        "verdict_when": review.when if review else None,
    }


def entry_json(e: BaselineEntry) -> dict[str, Any]:
    return {"fingerprint": e.fingerprint, "rule": e.rule, "severity": e.severity, "message": e.message,
            "excerpt": e.excerpt, "stated": e.stated, "computed": e.computed, "verdict": e.verdict,
            "note": e.note, "who": e.who, "when": e.when}


def baseline_json(b: BaselineOutcome | None) -> dict[str, Any] | None:
    if b is None:
        return None
    return {"key": b.key, "baselined": b.baselined, "hidden": b.hidden, "stale": len(b.stale),
            "stale_entries": [entry_json(e) for e in b.stale] if b.show else None}


def result_json(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "error": r.error,
        "department": r.department,
        "year": r.year,
        "report_kind": r.report_kind,
        "unit_level": r.unit_level,
        "identity": None if r.identity_key is None else dict(zip(("department", "year", "kind", "unit_level"),
                                                                  r.identity_key, strict=True)),
        "format": r.format,
        "tables": list(r.tables),
        "claims": r.claims,
        "notes": list(r.notes),
        "prior": None if r.prior_path is None else {"path": r.prior_path, "error": r.prior_error},
        "findings": [finding_json(f, r.baseline.verdict(f) if r.baseline else None) for f in r.findings],
        "baseline": baseline_json(r.baseline),
    }


def _indent(text: str, by: str) -> str:
    return "\n".join(by + ln for ln in text.split("\n"))


class JsonReporter(Reporter):
    def __init__(self, out: TextIO, *, config: str | None = None) -> None:
        super().__init__(out)
        self.config = config

    def start(self) -> None:
        config = json.dumps(self.config, ensure_ascii=False)
        self.out.write(f'{{\n  "version": {VERSION},\n  "config": {config},\n  "documents": [')
        self.first = True

    def write_result(self, r: FileResult) -> None:
        body = json.dumps(result_json(r), ensure_ascii=False, indent=2)
        self.out.write(("\n" if self.first else ",\n") + _indent(body, "    "))
        self.first = False

    def end(self) -> None:
        summary = json.dumps(self.summary.as_dict(), ensure_ascii=False, indent=2)
        self.out.write(("\n  ]" if not self.first else "]") + ',\n  "summary": ' + _indent(summary, "  ").lstrip()
                       + "\n}\n")
