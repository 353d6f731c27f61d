"""The findings list: one row per finding (severity, code, place, verdict, message), the
counts per severity and the current filter in its header.  The message column takes the
width that is left, measured in cells, so that the list reads at 80 columns as at 200."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from narrative import api

from .filters import Filter, severity_counts, where
from .review import VERDICT_SHORT

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_SHORT = {"error": "E", "warning": "W", "info": "I"}
FIXED = (("sev", 3), ("code", 6), ("where", 7), ("verdict", 7))


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (CJK characters take two), with … if cut."""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def middle(name: str, width: int) -> str:
    """A file name cut in the middle to ``width`` cells: both its start and its end
    (jiangsu-shengwei-2017-budget-text.pdf / -tables.pdf) tell reports apart."""
    if cell_len(name) <= width:
        return name
    tail = width // 2
    return clip(name, width - tail + 1)[:-1] + "…" + name[-(tail - 1):] if tail > 1 else clip(name, width)


class FindingsPane(Vertical):
    """Header (counts, filter) above a DataTable of findings."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: list[api.Finding] = []
        self.all: list[api.Finding] = []
        self._verdict_of: Callable[[api.Finding], str | None] = lambda f: None
        self.filter = Filter()
        self.files: list[str | None] = []  # a report read from two files: the place says which (f1 the prose)

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="findings-header")
        yield DataTable(id="findings-table", cursor_type="row", zebra_stripes=False)

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#findings-table", DataTable)

    def load(self, findings: list[api.Finding], verdict_of: Callable[[api.Finding], str | None],
             flt: Filter | None = None, keep: str | None = None, files: list[str | None] | None = None) -> None:
        """Show ``findings`` through the filter; keep the cursor on fingerprint ``keep``.
        ``files``: the files of a report read from several, in the gutter's order (f1, f2)."""
        if files is not None:
            self.files = files
        self.all = findings
        self._verdict_of = verdict_of
        if flt is not None:
            self.filter = flt
        self.shown = self.filter.apply(findings, verdict_of)
        self._fill(keep)

    def refresh_rows(self) -> None:
        current = self.current()
        self.load(self.all, self._verdict_of, keep=current.fingerprint if current else None)

    @property
    def _fixed(self) -> tuple[tuple[str, int], ...]:
        if len(self.files) < 2:
            return FIXED
        return tuple((name, width + 3 if name == "where" else width) for name, width in FIXED)

    def _where(self, f: api.Finding) -> str:
        if len(self.files) < 2 or f.span.file not in self.files:
            return where(f)
        return f"f{self.files.index(f.span.file) + 1} {where(f)}"

    def _message_width(self) -> int:
        """The message column takes what the fixed columns leave, less the vertical scrollbar
        whether it shows yet or not: the width must not depend on whether the rows were there
        when the columns were laid out (it did, by a cell, from one run to the next)."""
        t = self.table
        total = (t.content_region.width - t.styles.scrollbar_size_vertical) if t.content_region.width else 0
        total = total or self.size.width or 80
        fixed = sum(w for _, w in self._fixed) + 2 * (len(self._fixed) + 1)  # cell padding
        return max(12, total - fixed - 1)

    def _fill(self, keep: str | None) -> None:
        table = self.table
        table.clear(columns=True)
        for name, width in self._fixed:
            table.add_column(name, width=width, key=name)
        mw = self._message_width()
        table.add_column("message", width=mw, key="message")
        row = 0
        for n, f in enumerate(self.shown):
            sev = str(f.severity)
            v = self._verdict_of(f)
            table.add_row(
                Text(SEVERITY_SHORT.get(sev, sev), style=SEVERITY_STYLE.get(sev, "")),
                Text(f.rule),
                Text(self._where(f)),
                Text(VERDICT_SHORT.get(v, v) if v else "", style="magenta"),
                Text(clip(f.message, mw)),
                key=str(n),
            )
            if keep is not None and f.fingerprint == keep:
                row = n
        if self.shown:
            table.move_cursor(row=row, animate=False)
        self._header()

    def _header(self) -> None:
        counts = severity_counts(self.all)
        t = Text()
        for sev, n in counts.items():
            t.append(f"{SEVERITY_SHORT[str(sev)]} {n}", style=SEVERITY_STYLE[str(sev)])
            t.append("  ")
        t.append(f"showing {len(self.shown)}/{len(self.all)}", style="dim")
        desc = self.filter.describe()
        if desc:
            t.append(f"  {desc}", style="bold")
        self.query_one("#findings-header", Static).update(t)

    def current(self) -> api.Finding | None:
        r = self.table.cursor_row
        return self.shown[r] if 0 <= r < len(self.shown) else None

    def on_resize(self) -> None:
        if self.all or self.shown:
            self.refresh_rows()
