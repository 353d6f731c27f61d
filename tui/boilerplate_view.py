"""Boilerplate: the groups of near-duplicate passages of the report, and the passages carried
over unchanged from last year's, each place listed; enter goes to a place.

The groups come from ``api.boilerplate`` (DUP003's groups, and runs of the ``diff`` library's
unchanged sentences): nothing is compared here.  Two parts, tab between them: the groups, and
the places of the highlighted group.  Dismisses with a ``Place`` or None.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from narrative import api
from narrative.api import PassageGroup, ReportDiff

from .places import PRIOR, Place
from .where import where

CSS_PATH = Path(__file__).with_name("boilerplate_view.tcss")
WITHIN = "within"


def group_text(g: PassageGroup, width: int = 76) -> Text:
    """One group on one line of ``width`` cells (the places are listed below): its kind, how many
    places, the text of its first place."""
    out = Text()
    if g.kind == WITHIN:
        out.append(f"{len(g.places)} places", "bold black on yellow" if g.numbers_differ else "bold")
        if g.numbers_differ:
            out.append(" numbers differ", "yellow")
    else:
        out.append("carried over", "bold black on yellow" if g.figures_kept else "dim")
        if g.figures_kept:
            out.append(" figures kept", "yellow")
    out.append(f" {', '.join(where(p.span) for p in g.places if p.side != PRIOR)} ", "dim")
    room = width - out.cell_len
    text = g.places[0].text if g.places else ""
    if cell_len(text) > room:
        while text and cell_len(text) > room - 1:
            text = text[:-1]
        text += "…"
    out.append(text)
    return out


class BoilerplateScreen(Screen[Place | None]):
    """The boilerplate of ``analysis``; with ``prior`` (or a ``ReportDiff`` in hand), the passages
    carried over from it as well."""

    CSS_PATH = CSS_PATH
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "jump", "Places / go to", priority=True),
        Binding("tab", "switch", "Groups ⇄ places", priority=True),
    ]

    def __init__(self, analysis: api.Analysis, prior: api.Analysis | None = None, diff: ReportDiff | None = None,
                 *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.analysis = analysis
        self.prior = prior
        self.diff = diff
        self.groups: list[PassageGroup] = []
        self.prior_year: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("looking for repeated passages …", id="bp-title")
        yield OptionList(id="bp-groups")
        yield Static("", id="bp-summary")
        yield OptionList(id="bp-places")
        yield Footer()

    def on_mount(self) -> None:
        self._find()

    @work(thread=True, exclusive=True)
    def _find(self) -> None:
        d = self.diff
        if d is None and self.prior is not None:
            d = api.diff_analyses(self.prior, self.analysis)
        groups = api.boilerplate(self.analysis, d)
        self.app.call_from_thread(self._fill, groups, d)

    def _fill(self, groups: list[PassageGroup], d: ReportDiff | None) -> None:
        self.groups = groups
        self.diff = d
        self.prior_year = d.old.year if d is not None and d.error is None else None
        within = sum(1 for g in groups if g.kind == WITHIN)
        head = Text()
        head.append(f"{within} group(s) of near-duplicate passages in the report", "bold")
        if d is None:
            head.append("  (no prior report: nothing carried over to show)", "dim")
        elif d.error is not None:
            head.append(f"  (prior not compared: {d.error})", "dim")
        else:
            head.append(f" · {len(groups) - within} passage(s) carried over from {self.prior_year}", "bold")
        self.query_one("#bp-title", Static).update(head)
        lst = self.query_one("#bp-groups", OptionList)
        lst.clear_options()
        width = max(40, lst.size.width - 4 if lst.size.width else self.app.size.width - 4)
        lst.add_options([Option(group_text(g, width)) for g in groups])
        if groups:
            lst.highlighted = 0
        else:
            lst.add_option(Option(Text("no repeated passage found", "dim"), disabled=True))
        lst.focus()
        self._places()

    def current(self) -> PassageGroup | None:
        i = self.query_one("#bp-groups", OptionList).highlighted
        return self.groups[i] if i is not None and i < len(self.groups) else None

    def _places(self) -> None:
        g = self.current()
        summary = self.query_one("#bp-summary", Static)
        places = self.query_one("#bp-places", OptionList)
        places.clear_options()
        if g is None:
            summary.update("")
            return
        summary.update(Text(g.summary, "italic"))
        for p in g.places:
            side = f"{self.prior_year or 'prior'} report" if p.side == PRIOR else "this report"
            places.add_option(Option(Text.assemble((f"{side} {where(p.span)} ", "bold"), p.text[:300])))
        places.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "bp-groups":
            self._places()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click: on a group, to its places; on a place, go there (as enter does)."""
        event.stop()
        if event.option_list.id == "bp-groups":
            self.query_one("#bp-places", OptionList).focus()
            return
        place = self.place(event.option_index)
        if place is not None:
            self.dismiss(place)

    def place(self, i: int) -> Place | None:
        g = self.current()
        if g is None or i >= len(g.places):
            return None
        s = g.places[i].span
        return Place(s.line, g.places[i].side, s.page, s.column, s.file) if s.line is not None else None

    def action_jump(self) -> None:
        groups, places = self.query_one("#bp-groups", OptionList), self.query_one("#bp-places", OptionList)
        if self.focused is places and places.highlighted is not None:
            place = self.place(places.highlighted)
            if place is not None:
                self.dismiss(place)
        elif self.focused is groups and self.current() is not None:
            places.focus()

    def action_switch(self) -> None:
        groups, places = self.query_one("#bp-groups", OptionList), self.query_one("#bp-places", OptionList)
        (places if self.focused is groups else groups).focus()

    def action_back(self) -> None:
        places = self.query_one("#bp-places", OptionList)
        if self.focused is places:
            self.query_one("#bp-groups", OptionList).focus()
            return
        self.dismiss(None)
