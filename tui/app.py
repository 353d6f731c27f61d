"""The auditor's workbench: ``narrative tui FILE... [--prior OLD] [--baseline REVIEW]``.

One file opens straight on its findings; several files or a directory open on the reports
list.  The app holds what the views share: the options, the prior (read once), the review
file, and the analysis on screen (``analysis``, ``prior_analysis``); ``go_to`` takes the
document pane to a ``Place`` (the tables, year-to-year and boilerplate views dismiss with
one)."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from narrative import api

from .dialogs import HelpScreen, PriorScreen
from .places import Place
from .reports import ReportsScreen
from .review import ReviewFile
from .workbench import ACTIONS, WorkbenchScreen


class NarrativeApp(App[None]):
    CSS_PATH = "workbench.tcss"
    TITLE = "narrative"
    BINDINGS = [
        Binding("q", "quit", "quit", priority=False),
        Binding("ctrl+q", "quit", "quit", show=False, priority=True),
        Binding("question_mark", "help", "help"),
    ]

    def __init__(self, paths: list[str], *, prior: str | None = None, baseline: str | None = None,
                 options: api.Options | None = None, several: bool | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.prior_path = prior
        self.options = options or api.Options()
        self.review = ReviewFile.open(baseline)
        self.analysis: api.Analysis | None = None
        self.prior_analysis: api.Analysis | None = None
        self._prior: api.Prior | None = None
        self._prior_lock = threading.Lock()
        self.several = several if several is not None else len(paths) != 1

    # ------------------------------------------------------------------ checking (in workers)
    def analyse(self, path: str | list[str], on_page: api.PageCallback | None = None) -> api.Analysis:
        """Check one report (a file, or the prose and tables files of one report) against the
        prior (read once); called from thread workers.  ``on_page``: a PDF's pages as read."""
        try:
            return api.analyse(path, self.options, prior=self._read_prior(), on_page=on_page)
        except Exception as err:  # a bug in the core must not paint a traceback over the screen
            name = path if isinstance(path, str) else " + ".join(path)
            return api.Analysis(name, error=f"{type(err).__name__}: {err}".splitlines()[0])

    def _read_prior(self) -> api.Prior | None:
        if self.prior_path is None:
            return None
        with self._prior_lock:
            if self._prior is None:
                # "a + b": last year's report in two files, found beside a report (api.find_prior)
                files = self.prior_path.split(" + ")
                self._prior = api.read_prior(files[0] if len(files) == 1 else files, self.options)
                rep = self._prior.report
                if rep is not None:
                    self.prior_analysis = api.Analysis(self.prior_path, rep.doc, rep.claims)
            return self._prior

    def use_prior(self, path: str) -> None:
        """Take ``path`` as last year's report from now on (found beside the report by identity):
        read it once; a re-check then runs the 比上年 rules against it."""
        with self._prior_lock:
            self.prior_path, self._prior, self.prior_analysis = path, None, None
        self._read_prior()

    # ------------------------------------------------------------------ screens
    def on_mount(self) -> None:
        if self.review.error:
            self.notify(f"review file: {self.review.error}", severity="error", timeout=10)
        elif self.review.default:
            self.notify(f"verdicts are saved in {self.review.where} (--baseline FILE to choose)", timeout=6)
        if self.several:
            self.push_screen(ReportsScreen(self.paths))
        else:
            self.push_screen(WorkbenchScreen(self.paths[0]))

    @property
    def workbench(self) -> WorkbenchScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WorkbenchScreen):
                return screen
        return None

    def go_to(self, place: Place) -> None:
        """Scroll the document pane to ``place`` and mark it (the prior's text for side "prior")."""
        if place.side == "prior":
            self.show_prior(place)
            return
        bench = self.workbench
        if bench is None:
            self.notify("open a report first", severity="warning")
            return
        while self.screen is not bench and len(self.screen_stack) > 1:
            self.pop_screen()
        bench.go_to(place)

    def show_prior(self, place: Place) -> None:
        prior = self.prior_analysis
        if prior is None or prior.document is None:
            why = self._prior.error if self._prior is not None and self._prior.error else "no --prior was given"
            self.notify(f"cannot show last year's report: {why}", severity="warning")
            return
        index = next((i for i, ln in enumerate(prior.document.lines)
                      if ln.number == place.line and (place.page is None or ln.page == place.page)
                      and (place.file is None or ln.file == place.file)), None)
        self.push_screen(PriorScreen(prior, index))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.review.where))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:  # type: ignore[type-arg]
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Keys, colours and actions", self.action_help)
        if isinstance(screen, WorkbenchScreen):
            for _, action, label, _, help_text in ACTIONS:
                yield SystemCommand(label.capitalize(), help_text, _runner(screen, action))
            if self.prior_analysis is not None or self.prior_path is not None:
                yield SystemCommand("Prior report", "Show last year's report (--prior)",
                                    lambda: self.show_prior(Place(1, "prior")))
            if self.several:
                yield SystemCommand("Reports list", "Back to the list of reports", screen.action_back)
        if isinstance(screen, ReportsScreen):
            yield SystemCommand("Open report", "Open the selected report", screen.action_open)


def _runner(screen: Screen, action: str) -> Callable[[], Awaitable[None]]:  # type: ignore[type-arg]
    """The palette's callback for ``action`` on ``screen`` (the palette awaits what it returns)."""
    async def run() -> None:
        await screen.run_action(action)
    return run


def run(paths: list[str], *, prior: str | None = None, baseline: str | None = None,
        options: api.Options | None = None, several: bool | None = None) -> int:
    NarrativeApp(paths, prior=prior, baseline=baseline, options=options, several=several).run()
    return 0


__all__ = ["NarrativeApp", "run"]
