"""Helpers shared by the reporters."""

from __future__ import annotations

from ..api import Result
from ..findings import Finding, Severity
from ..model import Loc


def where(path: str, loc: Loc) -> str:
    """``path:line`` for text input, ``path:p<page>:<line>`` for PDF input."""
    if loc.line is None:
        return path
    if loc.page is not None:
        return f"{path}:p{loc.page}:{loc.line}"
    return f"{path}:{loc.line}"


def summary_counts(results: list[Result]) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    claims = [r.claim_counts for r in results if r.claim_counts is not None]
    return {
        "claims": sum(c["total"] for c in claims),
        "unbound_claims": sum(c["unbound"] for c in claims),
        "files": len(results),
        "unreadable": sum(1 for r in results if r.error),
        "errors": sum(1 for f in findings if f.severity == Severity.ERROR),
        "warnings": sum(1 for f in findings if f.severity == Severity.WARNING),
        "infos": sum(1 for f in findings if f.severity == Severity.INFO),
    }


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
