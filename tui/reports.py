"""The reports list, for several files or a directory: department, year, kind and counts by
severity of each report, filled in as they are checked; unreadable files are listed with
their reason.  Enter opens a report on the workbench.

Reports are checked by as many threads as there are cores (at most four): a PDF is read in
a worker process of the core, so while one thread waits for a PDF another checks a report,
and a folder of PDFs fills about that many times faster than one file at a time."""

from __future__ import annotations

import os
import queue
import threading
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker, WorkerState, get_current_worker

from narrative import api

from .findings_pane import clip, middle
from .workbench import WorkbenchScreen

if TYPE_CHECKING:
    from .app import NarrativeApp

COLUMNS = (("department", 18), ("year", 4), ("kind", 4), ("E", 3), ("W", 3), ("I", 3))


def partial_pairs(paths: list[str], results: dict[str, api.Analysis]) -> list[tuple[str, str]]:
    """The (prose file, tables file) of each report whose two halves are both listed: one
    file holding only prose and one only tables, of the same identity."""
    halves: dict[object, dict[str, list[str]]] = {}
    for p in paths:
        a = results.get(p)
        ident = a.document.identity if a is not None and a.document is not None else None
        if ident is None or len(ident.holds) != 1:
            continue
        halves.setdefault(ident.key, {}).setdefault(next(iter(ident.holds)), []).append(p)
    return [(h["prose"][0], h["tables"][0]) for h in halves.values()
            if len(h.get("prose", [])) == 1 and len(h.get("tables", [])) == 1]


class ReportsScreen(Screen[None]):
    BINDINGS = [Binding("enter", "open", "open", show=True)]

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.results: dict[str, api.Analysis] = {}
        self.pairs: dict[str, list[str]] = {}  # row key → the prose and tables files checked as one
        self.done = False
        self.status_width = 30
        self.file_width = 20

    @property
    def narrative_app(self) -> NarrativeApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="reports-status")
        yield DataTable(id="reports", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#reports", DataTable)
        # the file name and the reason a file is unreadable share the width that is left (cells)
        rest = max(32, self.app.size.width - sum(w for _, w in COLUMNS) - 2 * (len(COLUMNS) + 2) - 2)
        self.file_width = max(20, min(44, rest - 30))
        self.status_width = rest - self.file_width
        table.add_column("file", width=self.file_width, key="file")
        for name, width in COLUMNS:
            table.add_column(name, width=width, key=name)
        table.add_column("status", width=self.status_width, key="status")
        for p in self.paths:
            table.add_row(Text(middle(os.path.basename(p), self.file_width)), "", "", "", "", "", "",
                          Text("waiting", style="dim"), key=p)
        self._status()
        table.focus()
        self._check_all()

    def _status(self) -> None:
        n = len(self.results)
        t = Text(f"{len(self.paths)} reports", style="bold")
        t.append(f"  checked {n}/{len(self.paths)}" if n < len(self.paths) else "  all checked", style="dim")
        t.append("  enter: open  ?: help  q: quit", style="dim")
        self.query_one("#reports-status", Static).update(t)

    def _check_one(self, path: str | list[str]) -> api.Analysis:
        name = path if isinstance(path, str) else " + ".join(path)
        if isinstance(path, str):
            try:
                self.app.call_from_thread(self._mark, name, Text("checking…", style="italic"))
            except Exception:  # the app is closing: the result will not be shown either
                pass
        try:
            return self.narrative_app.analyse(path)
        except Exception as err:  # the core never raises for a bad input; a bug is still one line
            return api.Analysis(name, error=f"{type(err).__name__}: {err}".splitlines()[0])

    @work(thread=True, exclusive=True, exit_on_error=False, group="reports")
    def _check_all(self) -> None:
        worker = get_current_worker()
        todo: queue.SimpleQueue[str] = queue.SimpleQueue()
        for p in self.paths:
            todo.put(p)
        results: queue.SimpleQueue[tuple[str, api.Analysis]] = queue.SimpleQueue()

        def checker() -> None:
            # daemon threads, not a ThreadPoolExecutor: its threads are joined at exit, so q
            # would wait for the PDFs in flight
            while not worker.is_cancelled:
                try:
                    p = todo.get_nowait()
                except queue.Empty:
                    return
                results.put((p, self._check_one(p)))

        threads = max(1, min(4, os.cpu_count() or 1, len(self.paths)))
        for k in range(threads):
            threading.Thread(target=checker, name=f"narrative-report-{k}", daemon=True).start()
        for _ in range(len(self.paths)):
            while True:
                if worker.is_cancelled:
                    return
                try:
                    p, a = results.get(timeout=0.5)
                    break
                except queue.Empty:
                    continue
            self.app.call_from_thread(self._fill, p, a)
        for prose, tables in partial_pairs(self.paths, self.results):
            if worker.is_cancelled:
                return
            key = f"{prose} + {tables}"
            self.app.call_from_thread(self._add_pair, key, prose, tables)
            self.app.call_from_thread(self._fill, key, self.narrative_app.analyse([prose, tables]))
        self.done = True

    def _add_pair(self, key: str, prose: str, tables: str) -> None:
        """A row for the prose and tables files of one report checked as one (as ``narrative
        check`` pairs them), below the two files."""
        self.paths.append(key)
        self.pairs[key] = [prose, tables]
        name = f"{os.path.basename(prose)} + tables"
        self.query_one("#reports", DataTable).add_row(
            Text(middle(name, self.file_width), style="bold"), "", "", "", "", "", "",
            Text("checking as one…", style="italic"), key=key)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "reports" and event.state == WorkerState.ERROR:
            err = event.worker.error
            self.notify(f"checking the reports stopped: {type(err).__name__}: {err}".splitlines()[0],
                        severity="error", timeout=10)

    def _mark(self, path: str, status: Text) -> None:
        self.query_one("#reports", DataTable).update_cell(path, "status", status)

    def _fill(self, path: str, a: api.Analysis) -> None:
        self.results[path] = a
        table = self.query_one("#reports", DataTable)
        doc = a.document
        if doc is not None:
            table.update_cell(path, "department", Text(clip(doc.department or "?", 18)))
            table.update_cell(path, "year", str(doc.year or "?"))
            table.update_cell(path, "kind", doc.report_kind or "?")
        if a.error:
            table.update_cell(path, "status", Text(clip(a.error, self.status_width), style="red"))
        else:
            for key, sev, style in (("E", api.Severity.ERROR, "bold red"), ("W", api.Severity.WARNING, "yellow"),
                                    ("I", api.Severity.INFO, "cyan")):
                table.update_cell(path, key, Text(str(a.count(sev)), style=style if a.count(sev) else "dim"))
            table.update_cell(path, "status", Text("checked", style="green"))
        self._status()

    @on(DataTable.RowSelected, "#reports")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one("#reports", DataTable)
        if not self.paths:
            return
        path = self.paths[table.cursor_row]
        a = self.results.get(path)
        if a is None:
            self.notify(f"{os.path.basename(path)} is still being checked", severity="warning")
            return
        if a.error and a.document is None:
            self.notify(f"{os.path.basename(path)}: {a.error}", severity="error", timeout=8)
            return
        self.app.push_screen(WorkbenchScreen(self.pairs.get(path, path), a, several=True))
