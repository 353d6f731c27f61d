"""``narrative claims``: every claim with its bindings, and every number token accounted for.

Unbound claims are blind spots, not passes: the summary counts them so that a
reviewer sees how much of the prose the tool could actually check.
"""

from __future__ import annotations

from typing import Any

from ..api import Claim, ClaimSet, Document, Num


def claim_json(c: Claim) -> dict[str, Any]:
    loc = c.loc
    at = c.loc_of()
    return {
        "id": c.id,
        "kind": c.kind,
        "line": at.line,
        "end_line": loc.end_line,
        "page": at.page,
        "column": at.column,
        "end_column": at.end_column,
        "excerpt": c.block.text[c.start : c.end].strip(),
        "subject": c.subject,
        "subject_id": c.subject_id,
        "scope": c.scope,
        "role": c.role,
        "period": c.period,
        "figures": {k: {"text": n.text, "unit": n.unit, "qualifier": n.qualifier} for k, n in c.nums.items()},
        "direction": c.direction,
        "words": {k: v for k, v in c.words.items() if k not in ("sentence", "vs_budget_at")},
        "items": c.items,
        "binding": None if c.binding is None else {
            "spec": c.binding.spec,
            "cells": [{"fact": str(f.key), "text": f.cell.norm, "line": f.cell.line.number, "page": f.cell.line.page}
                      for f in c.binding.facts],
        },
        "unbound": c.unbound if c.binding is None else None,
    }


def summary(cs: ClaimSet) -> dict[str, int]:
    tokens = cs.tokens
    return {
        "claims": len(cs.claims),
        "bound": sum(1 for c in cs.claims if c.binding is not None),
        "unbound": sum(1 for c in cs.claims if c.binding is None),
        "number_tokens": len(tokens),
        "tokens_in_claims": sum(1 for t in tokens if t.claim),
        "tokens_skipped": sum(1 for t in tokens if not t.claim),
    }


def claims_payload(doc: Document, cs: ClaimSet) -> dict[str, Any]:
    return {
        "version": 1,
        "path": doc.path,
        "department": doc.department,
        "year": doc.year,
        "claims": [claim_json(c) for c in cs.claims],
        "skipped": [
            {"line": t.block.line_at(t.start).number, "page": t.block.line_at(t.start).page, "text": t.text,
             "reason": t.reason}
            for t in cs.tokens if not t.claim
        ],
        "summary": summary(cs),
    }


def _as_written(n: Num) -> str:
    """"230余篇", "约50人", "大于95%": the qualifier where the report puts it."""
    q = n.qualifier or ""
    if q in ("余", "多", "以上", "以下", "左右"):
        return f"{n.text}{q}{n.unit or ''}"
    return f"{q}{n.display}"


def render_claims_text(doc: Document, cs: ClaimSet) -> str:
    out: list[str] = []
    for c in cs.claims:
        figs = ", ".join(f"{k}={_as_written(n)}" for k, n in c.nums.items())
        where = f"{doc.path}:{c.loc_of().line}"
        subject = c.subject_id or c.subject or "?"
        role = f" [{c.role}]" if c.role and c.role != "final" else ""
        if c.binding is not None:
            b = "; ".join(f"{f.key}={f.cell.norm or '(empty)'} (line {f.cell.line.number})" for f in c.binding.facts)
            bound = f"bound {b}"
        else:
            bound = f"UNBOUND: {c.unbound}"
        extra = f" items={len(c.items)}" if c.items else ""
        out.append(f"{where}: {c.id} {c.kind} {subject}{role} {figs}{extra} -> {bound}")
    for t in cs.tokens:
        if not t.claim:
            out.append(f"{doc.path}:{t.block.line_at(t.start).number}: skipped {t.text!r}: {t.reason}")
    s = summary(cs)
    out.append(
        f"{s['claims']} claim(s): {s['bound']} bound to table cells, {s['unbound']} unbound (blind spots); "
        f"{s['number_tokens']} number token(s): {s['tokens_in_claims']} in claims, {s['tokens_skipped']} skipped"
    )
    return "\n".join(out) + "\n"
