"""The document pane: the report's lines, soft-wrapped to the pane, every claim highlighted
by status, a cursor that tells which claim it is on, and the place of the selected finding
marked.

Positions are code points of ``Document.lines`` (as spans are); the pane measures them in
terminal cells itself (a CJK character takes two) when it wraps and draws, so the text lines
up at any width.  A table row's tabs are drawn as ``│`` (one code point, one cell)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .marks import CONSISTENT, FINDING, INCONSISTENT, UNBOUND, Mark

STATUS_STYLES = {
    CONSISTENT: Style(color="green", underline=True),
    INCONSISTENT: Style(color="red", bold=True, underline=True),
    UNBOUND: Style(color="yellow", italic=True),
    FINDING: Style(color="red", underline=True),
}
MARKED = Style(reverse=True, bold=True)
CURSOR = Style(reverse=True, blink=False)
GUTTER = Style(color="bright_black")


@dataclass(frozen=True)
class Row:
    """One screen row: code points [start, end) of line ``index``."""

    index: int
    start: int
    end: int


FIGURE = frozenset("0123456789.,%")


def _break_before(text: str, start: int, j: int) -> int:
    """Where a row that would overflow at code point ``j`` ends: before the figure ``j`` is in
    (a table row at 80 columns read "417.0" on one row and "6" on the next for 417.06), unless
    the figure fills the row from ``start``."""
    k = j
    while k > start and text[k - 1] in FIGURE and text[k] in FIGURE:
        k -= 1
    return k if k > start else j


class DocumentPane(ScrollView, can_focus=True):
    """A read-only view of a report's lines with a cursor (line, code point)."""

    BINDINGS = [
        Binding("up", "cursor(-1, 0)", "up", show=False),
        Binding("down", "cursor(1, 0)", "down", show=False),
        Binding("left", "cursor(0, -1)", "left", show=False),
        Binding("right", "cursor(0, 1)", "right", show=False),
        Binding("pageup", "page(-1)", "page up", show=False),
        Binding("pagedown", "page(1)", "page down", show=False),
        Binding("home", "edge(-1)", "line start", show=False),
        Binding("end", "edge(1)", "line end", show=False),
        Binding("ctrl+home", "go(0)", "top", show=False),
        Binding("ctrl+end", "go(-1)", "bottom", show=False),
    ]

    class CursorMoved(Message):
        """The cursor is now on line ``index`` (of ``Document.lines``), code point ``offset``."""

        @property
        def control(self) -> DocumentPane:
            return self.pane

        def __init__(self, pane: DocumentPane, index: int, offset: int) -> None:
            super().__init__()
            self.pane = pane
            self.index = index
            self.offset = offset

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.labels: list[str] = []
        self.texts: list[str] = []
        self.marks: list[Mark] = []
        self._styles: list[list[tuple[int, int, Style]]] = []
        self.rows: list[Row] = []
        self._first_row: list[int] = []
        self.cursor: tuple[int, int] = (0, 0)
        self.marked: list[tuple[int, int, int]] = []  # (line index, start, end) of the selected place
        self._wrap_width = 0
        self._gutter = 0
        self._pending_center = False  # a centring asked for before the pane had a size
        self._last_centred = False

    # ------------------------------------------------------------------ content
    def set_document(self, labels: list[str], texts: list[str], marks: list[Mark]) -> None:
        self.labels = labels
        self.texts = [t.replace("\t", "│") for t in texts]
        self.marks = marks
        self._styles = [[] for _ in texts]
        for m in marks:
            style = STATUS_STYLES[m.status]
            for p in m.pieces:
                if p.end > p.start:
                    self._styles[p.index].append((p.start, p.end, style))
        self.cursor = (0, 0)
        self.marked = []
        self._gutter = max((len(x) for x in labels), default=0) + 1
        self._wrap_width = 0
        self._rewrap()

    def _rewrap(self) -> None:
        width = max(10, self.scrollable_content_region.width - self._gutter)
        if width == self._wrap_width and self.rows:
            return
        self._wrap_width = width
        rows: list[Row] = []
        first: list[int] = []
        for i, text in enumerate(self.texts):
            first.append(len(rows))
            start, used = 0, 0
            j = 0
            while j < len(text):
                w = get_character_cell_size(text[j])
                if used + w > width and j > start:
                    cut = _break_before(text, start, j)
                    rows.append(Row(i, start, cut))
                    start, used, j = cut, 0, cut
                    continue
                used += w
                j += 1
            rows.append(Row(i, start, len(text)))
        self.rows = rows
        self._first_row = first
        self.virtual_size = Size(self._gutter + width, len(rows))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        # a cursor that was centred stays centred when the pane is laid out again (the first
        # layouts of a wide screen change its size as the check ends)
        center, self._pending_center = self._pending_center or self._last_centred, False
        self.scroll_to_cursor(center=center)

    def row_of(self, index: int, offset: int) -> int:
        """The screen row (of the whole document) showing code point ``offset`` of line ``index``."""
        if not self._first_row:
            return 0
        r = self._first_row[index]
        while r + 1 < len(self.rows) and self.rows[r + 1].index == index and self.rows[r + 1].start <= offset:
            r += 1
        return r

    def marks_at(self, index: int, offset: int) -> list[Mark]:
        return [m for m in self.marks if any(p.index == index and p.start <= offset < max(p.end, p.start + 1)
                                             for p in m.pieces)]

    # ------------------------------------------------------------------ drawing
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        n = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if n >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[n]
        is_first = row.start == 0 or self._first_row[row.index] == n
        label = self.labels[row.index] if is_first else ""
        text = Text(self.texts[row.index][row.start:row.end], style=base)
        for s, e, style in self._styles[row.index]:
            if e > row.start and s < row.end:
                text.stylize(style, max(s, row.start) - row.start, min(e, row.end) - row.start)
        for i, s, e in self.marked:
            if i == row.index and e > row.start and s < row.end:
                text.stylize(MARKED, max(s, row.start) - row.start, min(e, row.end) - row.start)
        ci, co = self.cursor
        if ci == row.index and self.has_focus:
            at_end = co >= row.end and (row.end == len(self.texts[ci]))
            if row.start <= co < row.end:
                text.stylize(CURSOR, co - row.start, co - row.start + 1)
            elif at_end and co == row.end:
                text.append(" ", style=base + CURSOR)
        segments = [Segment(label.rjust(self._gutter - 1) + " ", base + GUTTER)]
        segments.extend(text.render(self.app.console))
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, base)

    # ------------------------------------------------------------------ cursor
    def _set_cursor(self, index: int, offset: int, *, center: bool = False) -> None:
        if not self.texts:
            return
        index = max(0, min(index, len(self.texts) - 1))
        offset = max(0, min(offset, len(self.texts[index])))
        self.cursor = (index, offset)
        self.scroll_to_cursor(center=center)
        self.refresh()
        self.post_message(self.CursorMoved(self, index, offset))

    def scroll_to_cursor(self, *, center: bool) -> None:
        height = self.scrollable_content_region.height
        if not self.rows or height <= 0:
            # not laid out yet (a finding selected as the check ends, before the first resize):
            # done on the resize, with the real height, or the view depended on which came first
            self._pending_center = self._pending_center or center
            return
        self._last_centred = center
        r = self.row_of(*self.cursor)
        top = self.scroll_offset.y
        if center:
            self.scroll_to(y=max(0, r - height // 3), animate=False)
        elif r < top:
            self.scroll_to(y=r, animate=False)
        elif r >= top + height:
            self.scroll_to(y=r - height + 1, animate=False)

    def _cell_x(self, row: Row, offset: int) -> int:
        return sum(get_character_cell_size(c) for c in self.texts[row.index][row.start:offset])

    def _offset_at(self, row: Row, x: int) -> int:
        used = 0
        for j in range(row.start, row.end):
            used += get_character_cell_size(self.texts[row.index][j])
            if used > x:
                return j
        return row.end

    def action_cursor(self, dy: int, dx: int) -> None:
        if not self.rows:
            return
        index, offset = self.cursor
        if dx:
            offset += dx
            if offset < 0 and index > 0:
                index -= 1
                offset = len(self.texts[index])
            elif offset > len(self.texts[index]) and index + 1 < len(self.texts):
                index, offset = index + 1, 0
            self._set_cursor(index, offset)
            return
        r = self.row_of(index, offset)
        x = self._cell_x(self.rows[r], offset)
        r2 = max(0, min(len(self.rows) - 1, r + dy))
        row = self.rows[r2]
        self._set_cursor(row.index, self._offset_at(row, x))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.scrollable_content_region.height - 1), 0)

    def action_edge(self, direction: int) -> None:
        index, _ = self.cursor
        self._set_cursor(index, 0 if direction < 0 else len(self.texts[index]) if self.texts else 0)

    def action_go(self, where: int) -> None:
        self._set_cursor(0 if where == 0 else len(self.texts) - 1, 0)

    def on_click(self, event: events.Click) -> None:
        at = event.get_content_offset(self)  # inside the border; None on the border or a scrollbar
        if at is None:
            return
        r = self.scroll_offset.y + at.y
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            self._set_cursor(row.index, self._offset_at(row, max(0, at.x + self.scroll_offset.x - self._gutter)))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ places
    def show(self, pieces: list[tuple[int, int, int]], *, move_cursor: bool = True) -> None:
        """Mark these (line index, start, end) ranges and scroll the first into view."""
        self.marked = pieces
        if pieces and move_cursor:
            i, s, _ = pieces[0]
            self.cursor = (i, s)
            self.scroll_to_cursor(center=True)
        self.refresh()

    def visible_rows(self) -> range:
        top = self.scroll_offset.y
        return range(top, min(len(self.rows), top + self.scrollable_content_region.height))

    def is_visible(self, index: int) -> bool:
        return self.row_of(index, self.cursor[1] if self.cursor[0] == index else 0) in self.visible_rows()
