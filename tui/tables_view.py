"""The tables behind the prose: each recognised table as a DataTable, its cells marked.

An auditor who has read the findings wants to see the table a figure came from: which cells
the findings used (marked by their worst severity), which prose claims restate a cell, and to
go from a cell to each of those claims.  The reverse way (from a claim to its cells) is the
workbench's: it opens this screen with ``focus=cells_of_claim(claim)``.

The screen holds no logic of its own: the cells used by a finding come from
``api.cells_of_finding``, the claims that restate a cell from ``api.cells_of_claim``.  It
dismisses with a ``Place`` (a claim's line, or the cell's own line) or None (escape).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from narrative import api
from narrative.api import Cell, Claim, Fact, Finding, Severity, Table

from .places import REPORT, Place
from .where import where

CSS_PATH = Path(__file__).with_name("tables_view.tcss")
SEVERITY_STYLE = {
    Severity.ERROR: "bold white on dark_red",
    Severity.WARNING: "bold black on yellow",
    Severity.INFO: "underline cyan",
}
CLAIMED_STYLE = "bold"  # a cell some claim restates, no finding on it
FOCUS_STYLE = "reverse"  # the cells the screen was opened on
LABEL_WIDTH = 24  # widest a pinned label column may be, in terminal cells
HEADER_WIDTH = 12  # a header cell is cut to its column's figures, or this


def _crop(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (CJK characters take two), an ellipsis added."""
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def place_of_span(span: api.Span, side: str = REPORT) -> Place | None:
    """The ``Place`` of a span (None when it has no line)."""
    if span.line is None:
        return None
    return Place(span.line, side, span.page, span.column, span.file)


class Grid(DataTable[Text]):
    """A DataTable that scrolls sideways by whole columns: the stock table scrolls to the cursor
    cell by the fewest cells, which leaves the first column after the pinned labels cut at its
    left (and past the last column it cannot scroll further: room is made there) (at 80 columns 收支总表's "灾害防治及应急管理支出" read "治及应急管理支出", its header
    "项目(按功能分类)" read "类)")."""

    figure_columns: frozenset[int] = frozenset()  # the columns holding figures (set by the screen)

    def render_line(self, y: int) -> Strip:
        """A column cut by the right edge is left blank: "27,488.2" read as a figure of its own
        where the cell held 27,488.27 (the scrollbar says there is more to the right)."""
        strip = super().render_line(y)
        at = self._cut_at_right()
        if at is None:
            return strip
        column, cut = at
        width = strip.cell_length
        shown = min(width, self.scrollable_content_region.width)  # the strip runs under the scrollbar
        if column in self.figure_columns and cut < width:
            return Strip.join([strip.crop(0, cut), Strip.blank(width - cut, self.rich_style)])
        if shown > 1 and strip.crop(shown - 2, shown + 1).text.strip():  # a label cut short says so
            return Strip.join([strip.crop(0, shown - 1), Strip([Segment("…", self.rich_style)], 1),
                               Strip.blank(width - shown, self.rich_style)])
        return strip

    def _cut_at_right(self) -> tuple[int, int] | None:
        """The column the right edge cuts and the screen x where it begins, or None."""
        widths = [c.get_render_width(self) for c in self.ordered_columns]
        x0 = int(self.scroll_x)
        fixed = sum(widths[: self.fixed_columns])
        right = x0 + self.scrollable_content_region.width
        start = self._row_label_column_width
        for c, w in enumerate(widths):
            if c >= self.fixed_columns and start >= x0 + fixed and start < right < start + w:
                return c, start - x0
            start += w
        return None

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        super()._scroll_cursor_into_view(animate=False)
        self.call_after_refresh(self._snap)  # the scroll above lands after the refresh

    def _snap(self) -> None:
        widths = [c.get_render_width(self) for c in self.ordered_columns]
        if not widths or self.cursor_type != "cell":
            return
        starts = [sum(widths[:i]) + self._row_label_column_width for i in range(len(widths))]
        fixed = self._get_fixed_offset().left
        view = self.scrollable_content_region.width
        left = int(self.scroll_x) + fixed  # the first cell drawn after the pinned columns
        cur = self.cursor_column
        for c in range(self.fixed_columns, len(widths)):
            if not starts[c] <= left < starts[c] + widths[c]:
                continue
            if starts[c] == left:
                return
            whole = starts[c] - fixed  # column c shown whole, if the cursor's column still fits
            if c == cur or starts[cur] + widths[cur] <= whole + view:
                x = whole
            else:
                x = starts[c] + widths[c] - fixed
            if x > self.max_scroll_x:  # the last columns beside the pinned ones: room after them
                w, h = self.virtual_size
                self.virtual_size = Size(w + x - self.max_scroll_x, h)
            self.scroll_to(x=max(0, x), animate=False, immediate=True)
            return


class TablesScreen(Screen[Place | None]):
    """Every recognised table of ``analysis``; ``focus``: cells to open on (a claim's)."""

    CSS_PATH = CSS_PATH
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("enter", "jump", "Claims / jump", priority=True),
        Binding("tab", "switch", "Table ⇄ claims"),
        Binding("right_square_bracket,n", "table(1)", "Next table"),
        Binding("left_square_bracket,p", "table(-1)", "Prev table"),
        Binding("m", "marked", "Next marked cell"),
    ]

    def __init__(self, analysis: api.Analysis, focus: Sequence[Fact] = (), *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.analysis = analysis
        self.focus_cells = list(focus)
        doc = analysis.document
        self.tables: list[Table] = [t for t in (doc.tables if doc else []) if t.kind != "TOC" and t.rows]
        # every fact by its cell; the claims restating each cell; the worst finding on each
        self.fact_of: dict[int, Fact] = {}
        for t in self.tables:
            for f in t.facts.values():
                self.fact_of[id(f.cell)] = f
        self.claims_of: dict[int, list[Claim]] = {}
        for c in analysis.claims.claims if analysis.claims else []:
            for f in api.cells_of_claim(c):
                self.claims_of.setdefault(id(f.cell), []).append(c)
        self.findings_of: dict[int, list[Finding]] = {}
        for fd in analysis.findings:
            for f in api.cells_of_finding(analysis, fd):
                self.findings_of.setdefault(id(f.cell), []).append(fd)
        self.current = 0
        self.grid: dict[tuple[int, int], Cell] = {}
        self.focus_ids = {id(f.cell) for f in self.focus_cells}
        if self.focus_cells:
            first = id(self.focus_cells[0].cell)
            for i, t in enumerate(self.tables):
                if any(id(c) == first for r in t.rows for c in r.cells):
                    self.current = i
                    break
        self.places: list[Place | None] = []

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(id="tables-title")
        yield Grid(id="tables-grid", show_header=False, show_row_labels=False, cursor_type="cell")
        with Vertical(id="tables-detail"):
            yield Static(id="tables-cell")
            yield OptionList(id="tables-claims", compact=True)
        yield Static(self._legend(), id="tables-legend")
        yield Footer()

    def on_mount(self) -> None:
        if not self.tables:
            self.query_one("#tables-title", Static).update(
                f"No table was recognised in {self.analysis.path}" + (f": {self.analysis.error}"
                                                                       if self.analysis.error else ""))
            return
        self._show(self.current)
        if self.focus_cells:
            self._move_to(id(self.focus_cells[0].cell))
        self.query_one("#tables-grid", DataTable).focus()

    @staticmethod
    def _legend() -> Text:
        t = Text("cells: ")
        for label, style in (("error", SEVERITY_STYLE[Severity.ERROR]), ("warning", SEVERITY_STYLE[Severity.WARNING]),
                             ("info", SEVERITY_STYLE[Severity.INFO]), ("restated in prose", CLAIMED_STYLE)):
            t.append(label, style)
            t.append("  ")
        return t

    def _title(self, i: int) -> Text:
        t = self.tables[i]
        doc = self.analysis.document
        name = t.title or api.table_name(t.kind, doc.report_kind if doc else None)
        page = f"p{t.first_line.page} " if t.first_line.page else ""
        out = Text()
        out.append(f"{t.kind or '?'} ", "bold")
        if not t.title and not t.kind:  # an unnamed table (a list of the department's units): its header says what it is
            head = next((r for r in t.rows if r.header), t.rows[0])
            name = "untitled: " + " ".join(c.norm for c in head.cells if c.norm)
        out.append(name, "bold")
        out.append(f"  {t.unit or 'no unit'}  {page}line {t.first_line.number}  [{i + 1}/{len(self.tables)}]",
                   "dim")
        return out

    def _style(self, cell: Cell) -> str:
        key = id(cell)
        styles = []
        found = self.findings_of.get(key)
        if found:
            styles.append(SEVERITY_STYLE[max(f.severity for f in found)])
        elif key in self.claims_of:
            styles.append(CLAIMED_STYLE)
        if key in self.focus_ids:
            styles.append(FOCUS_STYLE)
        return " ".join(styles)

    def _show(self, i: int) -> None:
        """Fill the grid with table ``i``: header rows and the label columns pinned."""
        self.current = i
        t = self.tables[i]
        self.query_one("#tables-title", Static).update(self._title(i))
        grid = self.query_one("#tables-grid", Grid)
        grid.clear(columns=True)
        self.grid = {}
        width = max(max((c.col for c in r.cells), default=0) + 1 for r in t.rows)
        heads = 0
        for r in t.rows:
            if not r.header:
                break
            heads += 1
        body = [r for r in t.rows if not r.header]
        # the label columns: those before the first cell holding a fact (codes such as 201 / 05 / 07
        # are figures but labels); a table without facts, those before the first figure of every row
        if t.facts:
            labels = max(1, min(f.cell.col for f in t.facts.values()))
        else:
            firsts = [min((c.col for c in r.cells if c.figure is not None), default=width) for r in body]
            labels = max(1, min(firsts, default=1))
        col_w = [0] * width
        for r in body:
            for cell in r.cells:
                col_w[cell.col] = max(col_w[cell.col], cell_len(cell.norm))
        for ci in range(width):
            cap = LABEL_WIDTH if ci < labels else max(col_w[ci], HEADER_WIDTH)
            col_w[ci] = max(1, min(max(col_w[ci], HEADER_WIDTH if ci >= labels else 4), cap))
            grid.add_column("", width=col_w[ci], key=str(ci))
        for ri, r in enumerate(t.rows):
            row: list[Text] = [Text("")] * width
            for cell in r.cells:
                text = _crop(cell.norm, col_w[cell.col])
                style = "bold dim" if r.header else self._style(cell)
                row[cell.col] = Text(text, style=style, justify="right" if cell.figure is not None else "left")
                self.grid[(ri, cell.col)] = cell
            grid.add_row(*row)
        grid.fixed_rows = heads
        grid.figure_columns = frozenset(c.col for r in body for c in r.cells if c.figure is not None)
        # pin the labels while they leave room for figures at 80 columns
        pinned = 0
        used = 0
        for ci in range(labels):
            used += col_w[ci] + 2
            if used > 40:
                break
            pinned += 1
        grid.fixed_columns = pinned
        marked = self.marked()
        if marked:  # on the first cell a finding used: what the auditor came for
            grid.move_cursor(row=marked[0][0], column=marked[0][1])
        elif heads < len(t.rows):
            grid.move_cursor(row=heads, column=min(labels, width - 1))
        self._detail()

    def marked(self) -> list[tuple[int, int]]:
        """The grid places of the cells of this table that a finding used, row by row."""
        return sorted(rc for rc, cell in self.grid.items() if id(cell) in self.findings_of)

    def _move_to(self, cell_id: int) -> None:
        for (r, c), cell in self.grid.items():
            if id(cell) == cell_id:
                self.query_one("#tables-grid", DataTable).move_cursor(row=r, column=c)
                self._detail()
                return

    # ------------------------------------------------------------------ the cell under the cursor
    def cell_at_cursor(self) -> Cell | None:
        grid = self.query_one("#tables-grid", DataTable)
        co: Coordinate = grid.cursor_coordinate
        return self.grid.get((co.row, co.column))

    def _column_name(self, col: int) -> str:
        """The header words over column ``col`` (cut in the grid, or scrolled away)."""
        t = self.tables[self.current]
        words = [c.norm for r in t.rows if r.header for c in r.cells if c.col == col and c.norm]
        return " / ".join(dict.fromkeys(words))

    def _detail(self) -> None:
        """The fact, claims and findings of the cell under the cursor, as a list to jump from."""
        cell = self.cell_at_cursor()
        info = self.query_one("#tables-cell", Static)
        options = self.query_one("#tables-claims", OptionList)
        options.clear_options()
        self.places = []
        if cell is None:
            info.update("")
            return
        fact = self.fact_of.get(id(cell))
        line = cell.line
        head = Text()
        if fact is not None:
            head.append(f"{fact.key} ", "bold")
            head.append(f"{fact.label} ")
        column = self._column_name(cell.col)
        if column and fact is not None:
            head.append(f"· {column} ", "italic")
        head.append(f"{cell.norm or '(empty)'}", "bold")
        if cell.unit:
            head.append(f" {cell.unit}")
        claims = self.claims_of.get(id(cell), [])
        found = self.findings_of.get(id(cell), [])
        head.append(f"  · {len(claims)} claim(s) restate it · {len(found)} finding(s) use it", "dim")
        info.update(head)
        for c in claims:
            loc = c.loc
            self.places.append(place_of_span(loc))
            options.add_option(Option(Text.assemble((f"claim {where(loc)} ", "bold"), c.text.strip()[:200])))
        for fd in found:
            self.places.append(place_of_span(fd.span))
            options.add_option(Option(Text.assemble((f"{fd.rule} {fd.severity} {where(fd.span)} ",
                                                      SEVERITY_STYLE[fd.severity]), " ", fd.message[:200])))
        self.places.append(Place(line.number, REPORT, line.page, cell.loc.column, line.file))
        options.add_option(Option(Text(f"the cell itself, {where(cell.loc)}", "dim")))
        if options.option_count:
            options.highlighted = 0

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._detail()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """Enter on a cell: to the list of the claims that restate it."""
        event.stop()
        options = self.query_one("#tables-claims", OptionList)
        if options.option_count:
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        place = self.places[event.option_index] if event.option_index < len(self.places) else None
        if place is not None:
            self.dismiss(place)

    # ------------------------------------------------------------------ actions
    def action_back(self) -> None:
        if self.focused is self.query_one("#tables-claims", OptionList):
            self.query_one("#tables-grid", DataTable).focus()
            return
        self.dismiss(None)

    def action_jump(self) -> None:
        focused = self.focused
        if isinstance(focused, DataTable):
            focused.action_select_cursor()
        elif isinstance(focused, OptionList):
            focused.action_select()

    def action_switch(self) -> None:
        grid = self.query_one("#tables-grid", DataTable)
        options = self.query_one("#tables-claims", OptionList)
        (options if self.focused is grid else grid).focus()

    def action_marked(self) -> None:
        """To the next cell a finding used (after the cursor, round to the first)."""
        marked = self.marked()
        if not marked:
            self.notify("no cell of this table is used by a finding", timeout=3)
            return
        grid = self.query_one("#tables-grid", DataTable)
        here = (grid.cursor_coordinate.row, grid.cursor_coordinate.column)
        row, col = next((rc for rc in marked if rc > here), marked[0])
        grid.move_cursor(row=row, column=col)
        grid.focus()

    def action_table(self, step: int) -> None:
        if self.tables:
            self._show((self.current + step) % len(self.tables))
            self.query_one("#tables-grid", DataTable).focus()
