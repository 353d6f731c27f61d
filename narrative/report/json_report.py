"""JSON output, version 1.  Fields are only ever added, never renamed (see README)."""

from __future__ import annotations

import json
from typing import Any

from ..api import Result
from ..findings import Finding
from .common import summary_counts

VERSION = 1


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.message,
        "line": f.loc.line,
        "end_line": f.loc.end_line if f.loc.end_line is not None else f.loc.line,
        "page": f.loc.page,
        "excerpt": f.excerpt,
        "stated": f.stated,
        "computed": f.computed,
        "computed_low": f.computed_low,
        "computed_high": f.computed_high,
        "explanation": f.explanation,
        "fingerprint": f.fingerprint,
        "related": [{"line": loc.line, "page": loc.page} for loc in f.related],
    }


def result_json(r: Result) -> dict[str, Any]:
    doc = r.doc
    return {
        "path": r.path,
        "error": r.error,
        "department": doc.department if doc else None,
        "year": doc.year if doc else None,
        "report_kind": doc.report_kind if doc else None,
        "format": doc.format if doc else None,
        "tables": [t.kind for t in doc.tables if t.kind and t.kind != "TOC"] if doc else [],
        "claims": r.claim_counts,
        "findings": [finding_json(f) for f in r.findings],
    }


def render_json(results: list[Result]) -> str:
    payload = {
        "version": VERSION,
        "documents": [result_json(r) for r in results],
        "summary": summary_counts(results),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
