"""Markdown: one section per document, a findings table, then the working of each finding;
the totals at the end (written as results arrive)."""

from __future__ import annotations

from ..api import FileResult
from .common import Reporter, baseline_tail, figures_line, verdict_line


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class MarkdownReporter(Reporter):
    def start(self) -> None:
        self.out.write("# narrative report\n\n")

    def write_result(self, r: FileResult) -> None:
        out: list[str] = [f"## {r.path}", ""]
        if r.error:
            out += [f"**Could not be read:** {_cell(r.error)}", ""]
            self.out.write("\n".join(out) + "\n")
            return
        cc = r.claims
        claims = f" · {cc['total']} prose claims, {cc['unbound']} not bound to a table cell" if cc else ""
        out += [f"{r.department or '?'} · {r.year or '?'} · {r.report_kind or '?'}{claims}", ""]
        review = r.baseline
        if not r.findings:
            out += ["No findings.", ""]
            self.out.write("\n".join(out + self._stale(r)) + "\n")
            return
        verdicts = review is not None and bool(review.verdicts)
        out.append("| line | page | rule | severity | message | stated | recomputed |" + (" verdict |" if verdicts else ""))
        out.append("|---:|---:|---|---|---|---:|---:|" + ("---|" if verdicts else ""))
        for f in r.findings:
            entry = review.verdict(f) if review is not None else None
            out.append(
                f"| {f.span.line or ''} | {f.span.page or ''} | {f.rule} | {f.severity} | {_cell(f.message)} "
                f"| {_cell(f.stated or '')} | {_cell(f.computed or '')} |"
                + (f" {entry.verdict if entry else ''} |" if verdicts else "")
            )
        out += ["", "### Working", ""]
        for f in r.findings:
            out.append(f"- **{f.rule}** line {f.span.line or '?'}: {_cell(f.explanation or f.message)}")
            fl = figures_line(f)
            if fl:
                out.append(f"  - {fl}")
            out.append(f"  - text: `{_cell(f.excerpt)}`")
            entry = review.verdict(f) if review is not None else None
            if entry is not None:
                out.append(f"  - {_cell(verdict_line(entry))}")
        out.append("")
        self.out.write("\n".join(out + self._stale(r)) + "\n")

    @staticmethod
    def _stale(r: FileResult) -> list[str]:
        if r.baseline is None or not r.baseline.show or not r.baseline.stale:
            return []
        out = ["### Stale baseline entries", ""]
        for e in r.baseline.stale:
            out.append(f"- `{e.fingerprint}` **{e.rule}** ({e.verdict}): `{_cell(e.excerpt)}`")
        return out + [""]

    def end(self) -> None:
        c = self.summary
        self.out.write(
            f"**Total:** {c.files} file(s): {c.errors} error(s), {c.warnings} warning(s), {c.infos} info(s)"
            + (f", {c.unreadable} unreadable" if c.unreadable else "")
            + baseline_tail(c, self.show_baselined)
            + ".\n"
        )
        if c.files > 1 and c.rules:
            self.out.write("\n**Top rules:** " + ", ".join(f"{rule} ×{n}" for rule, n in c.top_rules()) + "\n")
        if c.files > 1 and c.failed:
            self.out.write("\n**Could not be read:**\n\n"
                           + "".join(f"- {_cell(path)}: {_cell(reason)}\n" for path, reason in c.failed))
