"""The workbench screen: one report's findings, its text and the detail of what is selected.

The check runs in a thread worker (a PDF is read in a worker process of the core, with its
time limit), so the screen stays responsive and shows how long it has been reading; any
failure is one line in the status bar and a notification, never a traceback."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from narrative import api

from .boilerplate_view import BoilerplateScreen
from .detail_pane import DetailPane, claim_detail, finding_detail
from .dialogs import VerdictScreen
from .document_pane import DocumentPane
from .export import export_path, findings_markdown
from .filters import ALL, SEVERITIES, SORTS, UNREVIEWED, Filter, families, where
from .findings_pane import FindingsPane, middle
from .marks import FINDING, LineIndex, build_marks
from .places import PRIOR, REPORT, Place
from .review import VERDICT_LABELS
from .tables_view import TablesScreen
from .year_view import YearScreen

if TYPE_CHECKING:
    from .app import NarrativeApp

VERDICT_FILTERS = (ALL, UNREVIEWED, api.CONFIRMED, api.FALSE_ALARM, api.ACCEPTED)
NARROW = 120  # below this width the panes stack: findings above, document and detail below

# (key, action, footer label, shown in the footer, command-palette help)
ACTIONS: tuple[tuple[str, str, str, bool, str], ...] = (
    ("slash", "search", "search", True, "Search the findings as you type"),
    ("t", "tables", "tables", True, "Tables: every recognised table, cells used by findings marked (opens on the "
                                     "selected finding's cells, or the claim's under the cursor)"),
    ("y", "year", "year", True, "Year to year: key figures, changed prose, findings pointing into last year's "
                                 "report (--prior, or found beside the report)"),
    ("b", "boilerplate", "boilerplate", True, "Boilerplate: near-duplicate passages, and text carried over "
                                               "from last year's report"),
    ("x", "verdict('false-alarm')", "false alarm", True, "Mark the selected finding a false alarm"),
    ("c", "verdict('confirmed')", "confirm", True, "Mark the selected finding confirmed"),
    ("a", "verdict('accepted')", "accept", True, "Mark the selected finding accepted"),
    ("n", "note", "note", True, "Give the selected finding a verdict with a note"),
    ("u", "clear_verdict", "clear", False, "Clear the selected finding's verdict"),
    ("r", "recheck", "re-check", True, "Check the file again (verdicts stay by fingerprint)"),
    ("l", "cycle('severity')", "severity", True, "Filter by severity (all, error, warning, info)"),
    ("f", "cycle('family')", "rules", True, "Filter by rule family"),
    ("v", "cycle('verdict')", "verdict", True, "Filter by review verdict"),
    ("s", "cycle('sort')", "sort", True, "Sort by place, severity or code"),
    ("0", "clear_filters", "all", False, "Clear every filter and the search"),
    ("e", "export", "export", True, "Export the shown findings as Markdown"),
    ("g", "related", "related", False, "Go to the place the finding points at (a cell, last year's report)"),
    ("z", "zoom", "zoom", False, "Maximize or restore the focused pane"),
)


class WorkbenchScreen(Screen[None]):
    """One report under review."""

    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("q", "app.quit", "quit"),
        Binding("question_mark", "app.help", "help"),
        *(Binding(k, action, label, show=show) for k, action, label, show, _ in ACTIONS),
        Binding("escape", "back", "back", show=False),
    ]

    def __init__(self, path: str | list[str], analysis: api.Analysis | None = None, *, several: bool = False) -> None:
        super().__init__()
        # one file, or the prose and tables files of one report checked as one
        self.files = [path] if isinstance(path, str) else list(path)
        self.path = " + ".join(self.files)
        self.name_shown = " + ".join(os.path.basename(f) for f in self.files)
        self.analysis: api.Analysis | None = analysis
        self.several = several
        self.index: LineIndex | None = None
        self._started = 0.0
        self._keep: str | None = None
        self._ticker: Timer | None = None
        self._busy = ""  # what the progress row says is going on (a check, a search for the prior)
        self._related_turn: dict[str, int] = {}
        self._diffs: dict[int, api.ReportDiff] = {}  # id(analysis) → its diff with the prior

    @property
    def narrative_app(self) -> NarrativeApp:
        return self.app  # type: ignore[return-value]

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="progress"):
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="progress-bar")
            yield Static(id="progress-text")
        with Container(id="panes"):
            with Vertical(id="left"):
                yield Input(placeholder="search findings (enter: keep, escape: clear)", id="search")
                yield FindingsPane(id="findings")
            yield DocumentPane(id="document")
            yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self._layout(self.size.width)
        if self.analysis is not None:
            self._show_analysis(self.analysis)
        else:
            self.check()
        self.query_one("#findings-table").focus()

    def on_resize(self) -> None:
        self._layout(self.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width < NARROW, "narrow")

    # ------------------------------------------------------------------ checking
    def check(self) -> None:
        kind = "PDF" if self.path.lower().endswith(".pdf") else "file"
        self._progress(f"checking {self.name_shown} ({kind})")
        self._run_check()

    def _progress(self, what: str) -> None:
        """Show the progress row (a bar, what is going on, the seconds it has taken so far)."""
        self._started = time.monotonic()
        self._busy = what
        self.query_one("#progress-text", Static).update(f"{what}…")
        self.query_one("#progress").display = True
        if self._ticker is None:
            self._ticker = self.set_interval(0.5, self._tick, name="tick")

    def _progress_done(self) -> None:
        """Hide the progress row unless a check or a search for the prior still runs."""
        if not any(w.group in ("check", "find-prior") and not w.is_finished for w in self.workers):
            self.query_one("#progress").display = False

    def _busy_with(self, what: str) -> None:
        """Say what the progress row is doing now, its seconds still counted from the start."""
        self._busy = what
        self._tick()

    def _tick(self) -> None:
        if self.query_one("#progress").display:
            secs = time.monotonic() - self._started
            self.query_one("#progress-text", Static).update(f"{self._busy}… {secs:.0f}s (q quits)")

    @work(thread=True, exclusive=True, exit_on_error=False, group="check")
    def _run_check(self) -> api.Analysis:
        busy = self._busy

        def on_page(n: int, count: int | None) -> None:
            # a PDF is read in a worker process, page by page: say how far, not only how long
            said = f"all {n} pages read, checking" if n == count else f"page {n}{f' of {count}' if count else ''} read"
            try:
                self.app.call_from_thread(self._busy_with, f"{busy}: {said}")
            except RuntimeError:  # the app is closing
                pass

        return self.narrative_app.analyse(self.files[0] if len(self.files) == 1 else self.files, on_page=on_page)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "check":
            return
        if event.state == WorkerState.SUCCESS:
            self._progress_done()
            result = event.worker.result
            assert isinstance(result, api.Analysis)
            self._show_analysis(result)
        elif event.state == WorkerState.ERROR:
            self._progress_done()
            err = event.worker.error
            line = f"{self.path}: {type(err).__name__}: {err}".splitlines()[0]
            self._status(Text(line, style="bold red"))
            self.notify(line, severity="error")

    def _show_analysis(self, analysis: api.Analysis) -> None:
        self.analysis = analysis
        self.narrative_app.analysis = analysis
        current = self.findings_pane.current()
        keep = self._keep or (current.fingerprint if current else None)
        self._keep = None
        if analysis.error:
            self._status(Text(f"{analysis.path}: {analysis.error}", style="bold red"))
            self.notify(analysis.error, severity="error", timeout=8)
        else:
            self._status(None)
        if analysis.prior is not None and analysis.prior.error:
            self.notify(f"--prior: {analysis.prior.error}", severity="warning", timeout=8)
        self.index = LineIndex(analysis)
        marks = build_marks(analysis, self.index)
        doc = analysis.document
        lines = doc.lines if doc is not None else []
        files = list(dict.fromkeys(ln.file for ln in lines))
        if len(files) > 1:  # a report read from two files: the gutter says which (f1 the prose)
            labels = [f"f{files.index(ln.file) + 1} {_label(ln.page, ln.number)}" for ln in lines]
        else:
            labels = [_label(ln.page, ln.number) for ln in lines]
        self.document_pane.set_document(labels, [ln.text for ln in lines], marks)
        flt = self.findings_pane.filter
        if flt.family != ALL and flt.family not in families(analysis.findings):
            flt = Filter(flt.severity, ALL, flt.verdict, flt.search, flt.sort)
        self.findings_pane.load(analysis.findings, self.verdict_of, flt, keep=keep,
                                files=list(files) if len(files) > 1 else [])
        self._select_current()

    def _status(self, problem: Text | None) -> None:
        a = self.analysis
        t = Text()
        name = self.name_shown
        t.append(name, style="bold")
        doc = a.document if a else None
        if doc is not None:
            ident = " ".join(str(x) for x in (doc.department, doc.year, doc.report_kind) if x)
            if ident:
                t.append(f"  {ident}")
        needed = t.cell_len  # the department, year and kind must show: at 80 columns the name gives way
        if doc is not None and doc.pages:
            t.append(f"  {doc.pages}p", style="dim")
        if a is not None and a.claim_counts:
            c = a.claim_counts
            t.append(f"  claims {c['bound']}/{c['total']} bound", style="dim")
        review = Text(f"  review: {self.narrative_app.review.where}", style="dim")
        bar = self.query_one("#status", Static)
        pad = bar.styles.padding
        width = (self.size.width or self.app.size.width) - pad.left - pad.right  # the cells it can show
        if t.cell_len + review.cell_len <= width:
            t.append_text(review)
        elif needed > width:
            short = middle(name, max(12, cell_len(name) - (needed - width)))
            t = Text(short, style="bold") + t[len(name):]
        if problem is not None:
            t = problem
        self.query_one("#status", Static).update(t)

    # ------------------------------------------------------------------ panes
    @property
    def findings_pane(self) -> FindingsPane:
        return self.query_one(FindingsPane)

    @property
    def document_pane(self) -> DocumentPane:
        return self.query_one(DocumentPane)

    @property
    def detail_pane(self) -> DetailPane:
        return self.query_one(DetailPane)

    def verdict_of(self, f: api.Finding) -> str | None:
        if self.analysis is None:
            return None
        e = self.narrative_app.review.verdict(self.analysis, f)
        return e.verdict if e is not None else None

    @on(DataTable.RowHighlighted, "#findings-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._select_current()

    @on(DataTable.RowSelected, "#findings-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._select_current()
        self.document_pane.focus()

    def _select_current(self) -> None:
        f = self.findings_pane.current()
        if f is None or self.analysis is None:
            if self.analysis is not None and not self.findings_pane.shown:
                self.detail_pane.show(Text("No finding matches the filter." if self.analysis.findings
                                           else "No findings.", style="dim"))
            return
        self.detail_pane.show(finding_detail(self.analysis, f, self.narrative_app.review.verdict(self.analysis, f)))
        self.show_span(f.span)

    def show_span(self, span: api.Span) -> None:
        if self.index is None:
            return
        pieces = self.index.pieces(span)
        self.document_pane.show([(p.index, p.start, p.end) for p in pieces])

    @on(DocumentPane.CursorMoved, "#document")
    def _cursor_moved(self, event: DocumentPane.CursorMoved) -> None:
        if self.analysis is None:
            return
        marks = self.document_pane.marks_at(event.index, event.offset)
        claim = next((m for m in marks if m.claim is not None), None)
        if claim is not None:
            self.detail_pane.show(claim_detail(self.analysis, claim))
        elif marks and marks[0].status == FINDING and marks[0].findings:
            f = marks[0].findings[0]
            self.detail_pane.show(finding_detail(self.analysis, f, self.narrative_app.review.verdict(self.analysis, f)))

    def go_to(self, place: Place) -> None:
        if place.side == PRIOR:
            self.narrative_app.show_prior(place)
            return
        if self.index is None:
            self.notify("the report is still being checked", severity="warning")
            return
        i = self.index.index(place.line, place.page, place.file)
        if i is None:
            self.notify(f"line {place.line} is not in this report", severity="warning")
            return
        text = self.document_pane.texts[i]
        start = (place.column - 1) if place.column else 0
        self.document_pane.show([(i, start, len(text) if place.column is None else start + 1)])
        self.document_pane.cursor = (i, start)
        self.document_pane.focus()

    # ------------------------------------------------------------------ actions
    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._set_filter(Filter(**{**self.findings_pane.filter.__dict__, "search": event.value}))

    @on(Input.Submitted, "#search")
    def _search_done(self, event: Input.Submitted) -> None:
        self.query_one("#search", Input).display = False  # the header shows the search; 0 clears it
        self.query_one("#findings-table").focus()

    def action_back(self) -> None:
        box = self.query_one("#search", Input)
        if box.display:
            box.value = ""
            box.display = False
            self.query_one("#findings-table").focus()
            return
        if self.findings_pane.filter.search:
            self._set_filter(Filter(**{**self.findings_pane.filter.__dict__, "search": ""}))
            return
        if self.several:
            self.dismiss(None)

    def _set_filter(self, flt: Filter) -> None:
        pane = self.findings_pane
        current = pane.current()
        pane.load(pane.all, self.verdict_of, flt, keep=current.fingerprint if current else None)
        self._select_current()

    def action_cycle(self, what: str) -> None:
        pane = self.findings_pane
        choices = {"severity": SEVERITIES, "family": families(pane.all), "verdict": VERDICT_FILTERS,
                   "sort": SORTS}[what]
        self._set_filter(pane.filter.cycled(what, choices))

    def action_clear_filters(self) -> None:
        self.query_one("#search", Input).value = ""
        self.query_one("#search", Input).display = False
        self._set_filter(Filter())

    def _selected(self) -> api.Finding | None:
        f = self.findings_pane.current()
        if f is None:
            self.notify("no finding selected", severity="warning")
        return f

    def action_verdict(self, verdict: str) -> None:
        f = self._selected()
        if f is not None and self.analysis is not None:
            self._record(f, verdict, None)

    def _record(self, f: api.Finding, verdict: str, note: str | None) -> None:
        assert self.analysis is not None
        review = self.narrative_app.review
        problem = review.set(self.analysis, f, verdict, note)
        if problem is not None:
            self.notify(problem, severity="error", timeout=8)
            return
        self.notify(f"{f.rule} {where(f)}: {VERDICT_LABELS.get(verdict, verdict)} (saved in {review.where})",
                    timeout=3)
        self.findings_pane.refresh_rows()
        self._select_current()

    def action_note(self) -> None:
        f = self._selected()
        if f is None or self.analysis is None:
            return
        current = self.narrative_app.review.verdict(self.analysis, f)

        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self._record(f, result[0], result[1])

        self.app.push_screen(VerdictScreen(f, current), done)

    def action_clear_verdict(self) -> None:
        f = self._selected()
        if f is None or self.analysis is None:
            return
        problem = self.narrative_app.review.clear(self.analysis, f)
        if problem is not None:
            self.notify(problem, severity="error")
            return
        self.notify(f"{f.rule} {where(f)}: verdict cleared", timeout=3)
        self.findings_pane.refresh_rows()
        self._select_current()

    def action_recheck(self) -> None:
        current = self.findings_pane.current()
        self._keep = current.fingerprint if current else None
        self.check()

    def action_export(self) -> None:
        if self.analysis is None:
            return
        pane = self.findings_pane
        path = export_path(self.analysis)
        try:
            with open(path, "w", encoding="utf-8") as out:
                out.write(findings_markdown(self.analysis, pane.shown, pane.filter, self.verdict_of))
        except OSError as err:
            self.notify(f"cannot write {path}: {err.strerror}", severity="error")
            return
        self.notify(f"{len(pane.shown)} findings written to {os.path.relpath(path)}")

    def action_related(self) -> None:
        """Go to the next place the selected finding points at (``related``), in turn."""
        f = self._selected()
        if f is None:
            return
        if not f.related:
            self.notify(f"{f.rule} {where(f)} points at no other place", severity="warning")
            return
        n = self._related_turn.get(f.fingerprint, 0) % len(f.related)
        self._related_turn[f.fingerprint] = n + 1
        ref = f.related[n]
        s = ref.span
        if s.line is None:
            return
        place = Place(s.line, PRIOR if ref.document == api.PRIOR else REPORT, s.page, s.column, s.file)
        if place.side == REPORT:
            self.show_span(s)
            self.document_pane.focus()
        else:
            self.go_to(place)

    # ------------------------------------------------------------------ the other views
    def _ready(self) -> api.Analysis | None:
        a = self.analysis
        if a is None:
            self.notify("the report is still being checked", severity="warning")
            return None
        if a.document is None:
            self.notify(f"nothing to show: {a.error}", severity="warning")
            return None
        return a

    def _went(self, place: Place | None) -> None:
        """A view dismissed: go where it asked (None: it was closed with escape)."""
        if place is not None:
            self.narrative_app.go_to(place)

    def _focus_cells(self, a: api.Analysis) -> list[api.Fact]:
        """The cells the tables view opens on: the claim's under the document cursor when the
        document has the focus, else the selected finding's."""
        pane = self.document_pane
        if pane.has_focus:
            claim = next((m.claim for m in pane.marks_at(*pane.cursor) if m.claim is not None), None)
            if claim is not None:
                return api.cells_of_claim(claim)
        f = self.findings_pane.current()
        return api.cells_of_finding(a, f) if f is not None else []

    def action_tables(self) -> None:
        a = self._ready()
        if a is None:
            return
        if not any(t.rows for t in a.document.tables if t.kind != "TOC"):  # type: ignore[union-attr]
            self.notify("no tables were recognised in this report", severity="warning")
            return
        self.app.push_screen(TablesScreen(a, focus=self._focus_cells(a)), callback=self._went)

    def action_boilerplate(self) -> None:
        a = self._ready()
        if a is not None:
            self.app.push_screen(BoilerplateScreen(a, self.narrative_app.prior_analysis, self._diff_for(a)),
                                 callback=self._went)

    def action_year(self) -> None:
        a = self._ready()
        if a is None:
            return
        app = self.narrative_app
        if app.prior_analysis is not None:
            self._open_year(a)
        elif app.prior_path is not None:  # given but unreadable, or refused for this report
            why = a.prior.error if a.prior is not None and a.prior.error else a.error or "it could not be read"
            self.notify(f"--prior {app.prior_path}: {why}", severity="warning", timeout=8)
            self.app.push_screen(YearScreen(a, None), callback=self._went)
        elif any(w.group == "find-prior" and not w.is_finished for w in self.workers):
            self.notify("still looking for last year's report beside this one", timeout=3)
        else:
            # every file of the folder is read for its identity: tens of seconds for a folder of
            # PDFs, so the progress row says so (a notification alone went away long before)
            self._progress("looking for last year's report beside it")
            self._look_for_prior(a)

    def _open_year(self, a: api.Analysis) -> None:
        screen = YearScreen(a, self.narrative_app.prior_analysis, self._diff_for(a))

        def done(place: Place | None) -> None:
            if screen.diff is not None:  # computed once, kept for the boilerplate view
                self._diffs[id(a)] = screen.diff
            self._went(place)

        self.app.push_screen(screen, callback=done)

    def _diff_for(self, a: api.Analysis) -> api.ReportDiff | None:
        return self._diffs.get(id(a))

    @work(thread=True, exclusive=True, exit_on_error=False, group="find-prior")
    def _look_for_prior(self, a: api.Analysis) -> tuple[str | None, str]:
        app = self.narrative_app

        def reading(path: str, k: int, n: int) -> None:
            try:
                self.app.call_from_thread(self._busy_with,
                                          f"looking for last year's report: reading {os.path.basename(path)} ({k} of {n})")
            except RuntimeError:  # the app is closing
                pass

        found, note = api.find_prior(a, options=app.options, progress=reading)
        if found is not None:
            app.use_prior(found)
        return found, note

    @on(Worker.StateChanged)
    def _prior_looked_for(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "find-prior" or self.analysis is None:
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self._progress_done()
        if event.state == WorkerState.SUCCESS:
            found, note = event.worker.result  # type: ignore[misc]
            if found is not None and self.narrative_app.prior_analysis is not None:
                self.notify(f"{note}; r re-checks this report against it (the 比上年 rules)", timeout=8)
                self._open_year(self.analysis)
                return
            self.notify(f"no prior: {note}", severity="warning", timeout=8)
            self.app.push_screen(YearScreen(self.analysis, None), callback=self._went)
        elif event.state == WorkerState.ERROR:
            self.notify(f"looking for last year's report: {event.worker.error}".splitlines()[0], severity="error")

    def action_zoom(self) -> None:
        focused = self.focused
        if self.maximized is not None:
            self.minimize()
        elif focused is not None:
            target = focused.parent if focused.id == "findings-table" else focused
            if isinstance(target, Widget):
                self.maximize(target, container=False)


def _label(page: int | None, number: int) -> str:
    return f"{page}:{number}" if page is not None else str(number)
