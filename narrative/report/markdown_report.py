"""Markdown: one section per document, a findings table, then the working of each finding."""

from __future__ import annotations

from ..api import Result
from .common import figures_line, summary_counts


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(results: list[Result]) -> str:
    out: list[str] = ["# narrative report", ""]
    c = summary_counts(results)
    out.append(
        f"{c['files']} file(s): {c['errors']} error(s), {c['warnings']} warning(s), {c['infos']} info(s)"
        + (f", {c['unreadable']} unreadable" if c["unreadable"] else "")
        + "."
    )
    out.append("")
    for r in results:
        out.append(f"## {r.path}")
        out.append("")
        if r.error:
            out.append(f"**Could not be read:** {_cell(r.error)}")
            out.append("")
            continue
        doc = r.doc
        if doc is not None:
            cc = r.claim_counts
            claims = f" · {cc['total']} prose claims, {cc['unbound']} not bound to a table cell" if cc else ""
            out.append(f"{doc.department or '?'} · {doc.year or '?'} · {doc.report_kind or '?'}{claims}")
            out.append("")
        if not r.findings:
            out.append("No findings.")
            out.append("")
            continue
        out.append("| line | page | rule | severity | message | stated | recomputed |")
        out.append("|---:|---:|---|---|---|---:|---:|")
        for f in r.findings:
            out.append(
                f"| {f.loc.line or ''} | {f.loc.page or ''} | {f.rule} | {f.severity} | {_cell(f.message)} "
                f"| {_cell(f.stated or '')} | {_cell(f.computed or '')} |"
            )
        out.append("")
        out.append("### Working")
        out.append("")
        for f in r.findings:
            out.append(f"- **{f.rule}** line {f.loc.line or '?'}: {_cell(f.explanation or f.message)}")
            fl = figures_line(f)
            if fl:
                out.append(f"  - {fl}")
            out.append(f"  - text: `{_cell(f.excerpt)}`")
        out.append("")
    return "\n".join(out) + "\n"
