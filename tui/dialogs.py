"""The modal screens: help, a verdict with a note, and the prior report's text."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Static

from narrative import api

from .document_pane import DocumentPane

HELP_KEYS: tuple[tuple[str, str], ...] = (
    ("q, ctrl+q", "quit"),
    ("?", "this help"),
    ("ctrl+p", "command palette: every action by name"),
    ("tab, shift+tab", "next / previous pane (findings, document, detail)"),
    ("↑ ↓, enter", "findings: select (the document scrolls there); enter: go into the document"),
    ("← → ↑ ↓ pgup pgdn", "document: move the cursor; the claim under it shows in the detail pane"),
    ("/", "search the findings (incremental); enter keeps it, escape clears it"),
    ("l", "filter by severity (all, error, warning, info)"),
    ("f", "filter by rule family (CLM, XTB, TBL, …)"),
    ("v", "filter by verdict (all, unreviewed, confirmed, false-alarm, accepted)"),
    ("s", "sort by place, severity or code"),
    ("t", "tables: every recognised table, cells used by findings marked; opens on the finding's cells"),
    ("y", "year to year: key figures, changed prose, findings into last year's report"),
    ("b", "boilerplate: near-duplicate passages, text carried over from last year"),
    ("0", "clear every filter"),
    ("c", "mark the finding confirmed"),
    ("x", "mark the finding a false alarm"),
    ("a", "mark the finding accepted"),
    ("n", "verdict with a note"),
    ("u", "clear the finding's verdict"),
    ("r", "check the file again (after an edit); verdicts stay by fingerprint"),
    ("e", "export the shown findings as Markdown"),
    ("g", "go to the place the finding points at (a cell, last year's report); again: the next"),
    ("z", "maximize / restore the focused pane"),
    ("escape", "back to the reports list (several reports)"),
)

LEGEND = (("consistent", "green underline"), ("inconsistent", "bold red underline"),
          ("unbound (not checked)", "yellow italic"), ("selected place", "reverse"))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "close")]

    def __init__(self, review_file: str = "") -> None:
        super().__init__()
        self.review_file = review_file

    def compose(self) -> ComposeResult:
        keys = Table(box=None, show_header=False, padding=(0, 1))
        keys.add_column(style="bold cyan", no_wrap=True)
        keys.add_column()
        for k, what in HELP_KEYS:
            keys.add_row(k, what)
        legend = Text("Document colours: ")
        for name, style in LEGEND:
            legend.append(name, style=style)
            legend.append("  ")
        with VerticalScroll(id="help-box"):
            yield Static(Text("narrative: the auditor's workbench", style="bold"))
            yield Static(keys)
            yield Static(legend)
            if self.review_file:
                yield Static(Text(f"Verdicts are saved in {self.review_file}.", style="bold"))
            yield Static(Text("The mouse works too: click a finding, a place in the document, a footer key.",
                              style="dim"))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


class VerdictScreen(ModalScreen[tuple[str, str] | None]):
    """A verdict and a note for one finding; dismisses with (verdict, note) or None."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, finding: api.Finding, current: api.BaselineEntry | None) -> None:
        super().__init__()
        self.finding = finding
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="verdict-box"):
            yield Static(Text(f"{self.finding.rule}: {self.finding.message}"), id="verdict-title")
            yield Static(Text("note, then a verdict (tab, enter); escape cancels", style="dim"))
            yield Input(value=self.current.note if self.current else "", placeholder="note (why)", id="verdict-note")
            with Horizontal(id="verdict-buttons"):
                yield Button("confirmed", id=api.CONFIRMED, variant="error")
                yield Button("false alarm", id=api.FALSE_ALARM, variant="success")
                yield Button("accepted", id=api.ACCEPTED, variant="primary")
                yield Button("cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(None)
        else:
            self.dismiss((str(event.button.id), self.query_one("#verdict-note", Input).value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the verdict the finding has, with the new note; a finding without one
        goes on to the buttons (no verdict is given by default)."""
        if self.current is not None and self.current.verdict in api.VERDICTS:
            self.dismiss((self.current.verdict, event.value))
        else:
            self.query_one(Button).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PriorScreen(Screen[None]):
    """Last year's report, read only, scrolled to a line."""

    BINDINGS = [Binding("escape", "close", "back"), Binding("q", "app.quit", "quit")]

    def __init__(self, analysis: api.Analysis, index: int | None) -> None:
        super().__init__()
        self.analysis = analysis
        self.index = index

    def compose(self) -> ComposeResult:
        yield Static(Text(f"prior: {self.analysis.path}  (escape: back)", style="bold"), id="prior-title")
        yield DocumentPane(id="prior-document")
        yield Footer()

    def on_mount(self) -> None:
        pane = self.query_one(DocumentPane)
        doc = self.analysis.document
        lines = doc.lines if doc is not None else []
        files = list(dict.fromkeys(ln.file for ln in lines))
        labels = [_label(ln.page, ln.number) for ln in lines]
        if len(files) > 1:  # last year's report in two files: the gutter says which, as the workbench's
            labels = [f"f{files.index(ln.file) + 1} {x}" for ln, x in zip(lines, labels, strict=True)]
        pane.set_document(labels, [ln.text for ln in lines], [])
        pane.focus()
        if self.index is not None:
            n = len(pane.texts[self.index])
            self.call_after_refresh(pane.show, [(self.index, 0, n)])

    def action_close(self) -> None:
        self.dismiss(None)


def _label(page: int | None, number: int) -> str:
    return f"{page}:{number}" if page is not None else str(number)
