"""Year to year: this report beside last year's, from the ``diff`` library (never compared here).

Three parts, one key (tab) between them: the key figures side by side with their change and
change %, and bars of old against new for the figures of the highlighted one's group; the
prose that changed (figures that moved marked, sentences carried over word for word flagged);
the findings that point into the prior report, which open it at that place.  Enter goes to the
place in this report, ``o`` to the place in last year's.  Dismisses with a ``Place`` or None.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from narrative import api
from narrative.api import Finding, KeyFigure, ReportDiff, SentenceChange, Severity

from .places import PRIOR, REPORT, Place
from .where import where

CSS_PATH = Path(__file__).with_name("year_view.tcss")
STATUS_LABEL = {"numbers": ("figures", "cyan"), "rewritten": ("rewritten", "magenta"), "new": ("new", "green"),
                "removed": ("removed", "red"), "unchanged": ("same", "dim")}
CARRIED = ("carried over", "bold black on yellow")
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}
PARTS = ("figures", "prose", "findings")


def _place(span: api.Span | None, side: str) -> Place | None:
    if span is None or span.line is None:
        return None
    return Place(span.line, side, span.page, span.column, span.file)


def _crop(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (CJK characters take two)."""
    out = ""
    for ch in text:
        if cell_len(out + ch) > width:
            break
        out += ch
    return out


def _change_style(change: str | None) -> str:
    """Red for a decrease, green for an increase, plain for none or no change."""
    if change is None or not any(ch in "123456789" for ch in change):
        return ""
    return "red" if change.lstrip().startswith("-") else "green"


def _one_half(prior: api.Analysis | None) -> str | None:
    """What is missing when last year's report was given as one file of two (the prose of
    jiangsu-shengwei-2017 without its tables left every 2017 figure "—"; ``--prior`` given twice
    takes both)."""
    doc = prior.document if prior is not None else None
    ident = doc.identity if doc is not None else None
    if ident is None or len(ident.holds) != 1:
        return None
    if "prose" in ident.holds:
        return ("its prose file only, no figures (give its tables file with a second --prior; y without "
                "--prior finds both)")
    return "its tables file only (give its prose file with a second --prior; y without --prior finds both)"


def _prior_ref(f: Finding) -> api.Ref | None:
    return next((r for r in f.related if r.document == PRIOR and r.span.line is not None), None)


def sentence_text(s: SentenceChange, width: int = 160) -> Text:
    """A changed sentence: its status, then its words, the figures that moved old → new."""
    label, style = CARRIED if s.carried else STATUS_LABEL.get(s.status, (s.status, ""))
    span = s.new_span or s.old_span
    out = Text()
    out.append(f"{label}", style)
    out.append(f" {where(span)} " if span is not None else " ", "dim")
    if s.words:
        for w in s.words:
            if w.op == "equal":
                out.append(w.new)
                continue
            if w.old:
                out.append(w.old, "strike red" + (" bold" if w.figure else ""))
            if w.old and w.new:
                out.append("→", "dim")
            if w.new:
                out.append(w.new, "green" + (" bold underline" if w.figure else ""))
    else:
        out.append((s.new if s.new is not None else s.old) or "")
    if len(out) > width:
        out.truncate(width, overflow="ellipsis")
    return out


class Bars(Widget):
    """Old against new for a few key figures: two bars each (last year's, this year's), on one
    scale from zero, two lines a figure so that three fit at 80×24.  Drawn at render time, to the
    width the widget has then (never to a width guessed before the layout)."""

    DEFAULT_CSS = "Bars { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.figures: list[KeyFigure] = []
        self.years: tuple[int | None, int | None] = (None, None)

    def show(self, figures: list[KeyFigure], old_year: int | None, new_year: int | None) -> None:
        self.figures, self.years = figures, (old_year, new_year)
        self.refresh(layout=True)

    def render(self) -> Text:
        figures = self.figures
        full = self.content_size.width or 78
        values = [v for k in figures for v in (k.old_value, k.new_value) if v is not None]
        top = max((abs(v) for v in values), default=Fraction(0))
        width = max(10, full - 34)
        out = Text()
        st = figures[0].statement if figures else None
        if st is not None:  # what the report itself says of the highlighted figure's change
            verdict = ("✗ " + figures[0].why, "bold red") if figures[0].disagrees else ("✓", "green")
            head = f"stated {where(st.span)}: "
            out.append(head, "dim")
            room = full - cell_len(head) - 2 - (cell_len(verdict[0]) if figures[0].disagrees else 2)
            said = _crop(st.text, max(10, room))
            out.append(said + ("…" if said != st.text else ""))
            out.append(" ")
            out.append(*verdict)
            out.append("\n")
        for k in figures:
            for first, (year, v, text, style) in enumerate(((self.years[0], k.old_value, k.old_text, "blue"),
                                                            (self.years[1], k.new_value, k.new_text, "green"))):
                name = _crop(k.name, 14) if first == 0 else ""
                out.append(name + " " * (15 - cell_len(name)), "bold")
                n = 0 if v is None or top == 0 else round(abs(v) / top * width)
                out.append(f"{year or '?'} ", "dim")
                out.append("█" * n or "·", style)
                out.append(f" {text or '—'}\n")
        out.rstrip()
        return out


class YearScreen(Screen[Place | None]):
    """``analysis`` against ``prior`` (last year's, already analysed), or a ``ReportDiff`` in hand."""

    CSS_PATH = CSS_PATH
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "go(False)", "Go to", priority=True),
        Binding("o", "go(True)", "Go to last year's"),
        Binding("tab", "part(1)", "Next part", priority=True),
        Binding("shift+tab", "part(-1)", "Prev part", show=False, priority=True),
    ]

    def __init__(self, analysis: api.Analysis, prior: api.Analysis | None, diff: ReportDiff | None = None, *,
                 name: str | None = None) -> None:
        super().__init__(name=name)
        self.analysis = analysis
        self.prior = prior
        self.diff = diff
        self.figures: list[KeyFigure] = []
        self.sentences: list[SentenceChange] = []
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield Static("comparing with last year's report …", id="year-title")
        with TabbedContent(id="year-parts"):
            with TabPane("Key figures", id="figures"):
                yield DataTable(id="year-figures", cursor_type="row", zebra_stripes=True)
                yield Bars(id="year-bars")
            with TabPane("Prose", id="prose"):
                yield OptionList(id="year-prose")
            with TabPane("Findings", id="findings"):
                yield OptionList(id="year-findings")
        yield Footer()

    def on_mount(self) -> None:
        if self.diff is not None:
            self._fill(self.diff)
        elif self.prior is None:
            self.query_one("#year-title", Static).update(
                "No prior report: open the workbench with --prior LAST_YEAR (or keep last year's report "
                "beside this one)")
        else:
            self._compare()

    @work(thread=True, exclusive=True)
    def _compare(self) -> None:
        assert self.prior is not None
        d = api.diff_analyses(self.prior, self.analysis)
        self.app.call_from_thread(self._fill, d)

    # ------------------------------------------------------------------ filling
    def _fill(self, d: ReportDiff) -> None:
        self.diff = d
        title = self.query_one("#year-title", Static)
        if d.error is not None:
            title.update(Text(f"Cannot compare: {d.error}", "bold red"))
            return
        self.figures = list(d.key_figures)
        self.sentences = [s for s in d.prose if s.status != "unchanged" or s.carried]
        own = {f.fingerprint for f in self.analysis.findings}
        self.findings = [f for f in self.analysis.findings if _prior_ref(f) is not None]
        self.findings += [f for f in d.findings if f.fingerprint not in own and _prior_ref(f) is not None]
        # errors first: an auditor reads those before the many notes of reasons kept from last year
        self.findings.sort(key=lambda f: (-f.severity, f.sort_key()))
        carried = sum(1 for s in d.prose if s.carried)
        head = Text()
        head.append(f"{d.old.year or '?'} {d.old.kind or ''} → {d.new.year or '?'} {d.new.kind or ''}", "bold")
        head.append(f"  {d.new.name or d.new.department or ''}  ")
        head.append(f"{len(self.figures)} key figures · {carried} sentences carried over · "
                    f"{len(self.findings)} findings into last year's", "dim")
        half = _one_half(self.prior)
        if half:  # every old figure would read "—" without a word of why: said first
            head = Text(f"last year's report: {half}\n", "bold yellow") + head
        title.update(head)

        table = self.query_one("#year-figures", DataTable)
        table.clear(columns=True)
        units = {k.unit for k in self.figures if k.unit}
        one_unit = units.pop() if len(units) == 1 else None
        rows: list[list[Text]] = []
        for k in self.figures:
            stated = Text("")
            if k.disagrees:
                stated = Text("✗ disagrees", "bold red")
            elif k.disagrees is False:
                stated = Text("✓", "green")
            name = k.name if one_unit or not k.unit else f"{k.name} ({k.unit})"
            rows.append([Text(name, "bold red" if k.disagrees else ""), Text(k.old_text or "—", justify="right"),
                         Text(k.new_text or "—", justify="right"),
                         Text(k.change or "—", justify="right", style=_change_style(k.change)),
                         Text(k.change_pct or "—", justify="right"), stated])
        heads = [f"key figure, {one_unit}" if one_unit else "key figure", str(d.old.year or "old"),
                 str(d.new.year or "new"), "change", "%", "stated"]
        # widths given, not measured by the table as rows arrive: the same picture however fast it draws
        for i, (label, key) in enumerate(zip(heads, ("name", "old", "new", "change", "pct", "stated"), strict=True)):
            width = max([cell_len(label), *(r[i].cell_len for r in rows)])
            table.add_column(label, key=key, width=width)
        for r in rows:
            table.add_row(*r)
        self._bars(0)

        prose = self.query_one("#year-prose", OptionList)
        prose.clear_options()
        prose.add_options([Option(sentence_text(s)) for s in self.sentences])
        if self.sentences:
            prose.highlighted = 0
        found = self.query_one("#year-findings", OptionList)
        found.clear_options()
        for f in self.findings:
            ref = _prior_ref(f)
            assert ref is not None
            found.add_option(Option(Text.assemble(
                (f"{f.rule} {f.severity}", SEVERITY_STYLE[f.severity]), (f" {where(f.span)}", "dim"),
                (f" ← {d.old.year or 'prior'} {where(ref.span)}", "bold"), " ", f.message)))
        if self.findings:
            found.highlighted = 0
        table.focus()

    def _bars(self, row: int) -> None:
        if not self.figures or self.diff is None:
            return
        k = self.figures[min(row, len(self.figures) - 1)]
        group = [g for g in self.figures if g.group == k.group]
        at = group.index(k)
        group = group[at:][:3]  # the highlighted one first (its statement above), then the next of its group
        self.query_one("#year-bars", Bars).show(group, self.diff.old.year, self.diff.new.year)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._bars(event.cursor_row)

    # ------------------------------------------------------------------ actions
    def part(self) -> str:
        return self.query_one("#year-parts", TabbedContent).active or PARTS[0]

    def action_part(self, step: int) -> None:
        tabs = self.query_one("#year-parts", TabbedContent)
        now = PARTS.index(self.part()) if self.part() in PARTS else 0
        tabs.active = PARTS[(now + step) % len(PARTS)]
        self._focus_part()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._focus_part()

    def _focus_part(self) -> None:
        widget = {"figures": "#year-figures", "prose": "#year-prose", "findings": "#year-findings"}[self.part()]
        self.query_one(widget).focus()

    def place(self, prior_side: bool) -> Place | None:
        """Where enter (this report) or ``o`` (last year's) goes from the highlighted item."""
        part = self.part()
        if part == "figures":
            row = self.query_one("#year-figures", DataTable).cursor_row
            if not self.figures or row >= len(self.figures):
                return None
            k = self.figures[row]
            amount = k.old if prior_side else k.new
            return _place(amount.span if amount else None, PRIOR if prior_side else REPORT)
        if part == "prose":
            i = self.query_one("#year-prose", OptionList).highlighted
            if i is None or i >= len(self.sentences):
                return None
            s = self.sentences[i]
            if prior_side or s.new_span is None:
                return _place(s.old_span, PRIOR)
            return _place(s.new_span, REPORT)
        i = self.query_one("#year-findings", OptionList).highlighted
        if i is None or i >= len(self.findings):
            return None
        f = self.findings[i]
        ref = _prior_ref(f)
        # a finding into last year's report opens it there; ``o`` and enter agree, the finding's
        # own place is one step back in the workbench's list
        return _place(ref.span if ref else f.span, PRIOR if ref else REPORT)

    def action_go(self, prior_side: bool) -> None:
        place = self.place(prior_side)
        if place is not None:
            self.dismiss(place)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click on a sentence or a finding goes there, as enter does."""
        event.stop()
        self.action_go(False)

    def action_back(self) -> None:
        self.dismiss(None)
