"""Linter-style text: ``path:line: CODE severity message``, then the figures and the working."""

from __future__ import annotations

from ..api import Result
from .common import figures_line, summary_counts, where


def render_text(results: list[Result]) -> str:
    out: list[str] = []
    for r in results:
        if r.error:
            continue  # reported on stderr by the CLI
        for f in r.findings:
            out.append(f"{where(r.path, f.loc)}: {f.rule} {f.severity} {f.message}")
            fl = figures_line(f)
            if fl:
                out.append(f"    {fl}")
            if f.explanation:
                out.append(f"    how: {f.explanation}")
            out.append(f"    text: {f.excerpt}")
    c = summary_counts(results)
    tail = (
        f"{c['errors']} error(s), {c['warnings']} warning(s), {c['infos']} info(s) "
        f"in {c['files']} file(s)"
    )
    if c["claims"]:
        tail += f"; {c['claims']} prose claim(s), {c['unbound_claims']} not bound to a table cell"
    if c["unreadable"]:
        tail += f"; {c['unreadable']} file(s) could not be read"
    out.append(tail)
    return "\n".join(out) + "\n"
