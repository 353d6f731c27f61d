"""The findings the list shows (filtered and sorted as shown), as Markdown for a working paper."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from narrative import api

from .filters import Filter, where


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def findings_markdown(analysis: api.Analysis, findings: Sequence[api.Finding], flt: Filter,
                      verdict_of: Callable[[api.Finding], str | None]) -> str:
    doc = analysis.document
    title = " ".join(str(x) for x in (doc.department, doc.year, doc.report_kind) if x) if doc else ""
    lines = [f"# Findings: {os.path.basename(analysis.path)}", ""]
    if title:
        lines += [f"{title}", ""]
    lines.append(f"{len(findings)} of {len(analysis.findings)} findings" +
                 (f" ({flt.describe()})" if flt.describe() else "") + ".")
    lines += ["", "| severity | code | where | verdict | message | stated | recomputed |",
              "|---|---|---|---|---|---|---|"]
    for f in findings:
        lines.append("| " + " | ".join(_cell(x) for x in (
            str(f.severity), f.rule, where(f), verdict_of(f), f.message, f.stated, f.computed)) + " |")
    return "\n".join(lines) + "\n"


def export_path(analysis: api.Analysis, directory: str | None = None) -> str:
    stem = os.path.splitext(os.path.basename(analysis.path.split(" + ")[0]))[0] or "report"
    return os.path.join(directory or os.getcwd(), f"{stem}-findings.md")
