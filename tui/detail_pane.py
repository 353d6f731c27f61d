"""The detail pane: what a reviewer needs to redo a finding by hand.

For a finding: the figure as stated, the recomputed value and the interval rounding allows,
the formula with its actual numbers, and the table cells it used as a small table (their
rows, the used cells marked).  For a claim under the document cursor: its text, status,
figures, the cells it is bound to (or why it is not) and the findings about it."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from narrative import api

from .filters import where
from .marks import CONSISTENT, INCONSISTENT, UNBOUND, Mark

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STATUS_TEXT = {CONSISTENT: ("consistent", "green"), INCONSISTENT: ("inconsistent", "bold red"),
               UNBOUND: ("unbound (not checked)", "yellow")}


def rule_name(code: str) -> str:
    try:
        return str(api.rule(code).name)
    except KeyError:
        return ""


def _field(label: str, value: str | Text, style: str = "") -> Text:
    t = Text(f"{label:<11}", style="bold")
    t.append(value if isinstance(value, Text) else Text(value, style=style))
    return t


def cells_table(analysis: api.Analysis, facts: list[api.Fact]) -> RenderableType | None:
    """The rows the cells are in (with their table's header row), the used cells marked."""
    doc = analysis.document
    if doc is None or not facts:
        return None
    used = {id(f.cell) for f in facts}
    out: list[RenderableType] = []
    for t in doc.tables:
        rows = [r for r in t.rows if any(id(c) in used for c in r.cells)]
        if not rows:
            continue
        header = next((r for r in reversed(t.rows[: t.rows.index(rows[0])]) if r.header), None)
        width = max(len(r.cells) for r in [*rows, *([header] if header else [])])
        grid = Table(title=f"{t.label or t.kind or ''} {api.table_name(t.kind, doc.report_kind)}".strip(),
                     title_justify="left", show_header=header is not None, box=None, padding=(0, 1), expand=False)
        for i in range(width):
            name = header.cells[i].norm if header is not None and i < len(header.cells) else ""
            grid.add_column(name, overflow="fold", max_width=18)
        for r in rows:
            cells = [Text(c.norm, style="reverse bold" if id(c) in used else "") for c in r.cells]
            grid.add_row(*cells, *[""] * (width - len(cells)))
        out.append(grid)
    return Group(*out) if out else None


def finding_detail(analysis: api.Analysis, f: api.Finding, verdict: api.BaselineEntry | None) -> RenderableType:
    head = Text()
    head.append(f"{f.rule} ", style="bold")
    head.append(str(f.severity), style=SEVERITY_STYLE.get(str(f.severity), ""))
    head.append(f"  {where(f)}  {rule_name(f.rule)}")
    parts: list[RenderableType] = [head, Text(f.message)]
    if f.excerpt:
        parts.append(_field("text", f.excerpt, "italic"))
    if f.stated is not None:
        parts.append(_field("stated", f.stated, "bold"))
    if f.computed is not None:
        parts.append(_field("recomputed", f.computed, "bold"))
    if f.computed_low is not None and f.computed_high is not None:
        parts.append(_field("rounding", f"[{f.computed_low}, {f.computed_high}]"))
    if f.explanation:
        parts.append(_field("how", f.explanation))
    for ref in f.related:
        s = ref.span
        place = f"p{s.page}:{s.line}" if s.page is not None else f"l.{s.line}"
        parts.append(_field("see", f"{ref.what or 'also'} ({ref.document} {place})", "dim"))
    if verdict is not None:
        v = Text(verdict.verdict, style="bold magenta")
        if verdict.note:
            v.append(f" — {verdict.note}")
        if verdict.who:
            v.append(f" ({verdict.who})", style="dim")
        parts.append(_field("verdict", v))
    table = cells_table(analysis, api.cells_of_finding(analysis, f))
    if table is not None:
        parts.append(Text("cells used", style="bold underline"))
        parts.append(table)
    return Group(*parts)


def claim_detail(analysis: api.Analysis, mark: Mark) -> RenderableType:
    claim = mark.claim
    assert claim is not None
    label, style = STATUS_TEXT.get(mark.status, (mark.status, ""))
    head = Text()
    head.append(f"claim {claim.id} ", style="bold")
    head.append(claim.kind)
    head.append("  ")
    head.append(label, style=style)
    parts: list[RenderableType] = [head, _field("text", claim.block.text[claim.start:claim.end], "italic")]
    if claim.subject:
        parts.append(_field("subject", claim.subject))
    for name, num in claim.nums.items():
        parts.append(_field(name, f"{num.text}{num.unit or ''}"))
    if claim.binding is not None:
        parts.append(_field("bound to", f"{claim.binding.spec} = {claim.binding.text}"))
    elif claim.unbound:
        parts.append(_field("unbound", claim.unbound, "yellow"))
    for f in mark.findings:
        parts.append(Text(f"{f.rule} {f.severity}: {f.message}", style=SEVERITY_STYLE.get(str(f.severity), "")))
    table = cells_table(analysis, api.cells_of_claim(claim))
    if table is not None:
        parts.append(Text("cells", style="bold underline"))
        parts.append(table)
    return Group(*parts)


class DetailPane(VerticalScroll, can_focus=True):
    """Scrollable detail of the selected finding or the claim under the cursor."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text("Select a finding, or move the cursor onto a highlighted figure.", style="dim"),
                      id="detail-body")

    shown: RenderableType | None = None

    def show(self, renderable: RenderableType) -> None:
        self.shown = renderable
        self.query_one("#detail-body", Static).update(renderable)
        self.scroll_home(animate=False)

    def text(self) -> str:
        """What the pane shows, as plain text (for tests)."""
        if self.shown is None:
            return ""
        console = Console(file=io.StringIO(), width=200, record=True)
        console.print(self.shown)
        return console.export_text()
