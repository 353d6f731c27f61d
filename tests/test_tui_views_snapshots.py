"""Pictures of the three views at 80×24 and 160×48 (pytest-textual-snapshot), compared with the
SVGs kept in tests/__snapshots__/.  After a deliberate change of a view, look at the new
pictures (``pytest --snapshot-report``) and keep them with ``--snapshot-update``.

Each picture is taken once the screen's worker (the diff, the grouping) is done, so that it
never catches the view half filled."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from narrative.tui.boilerplate_view import BoilerplateScreen
from narrative.tui.places import Place
from narrative.tui.tables_view import TablesScreen
from narrative.tui.year_view import YearScreen
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

from .test_tui_views import CARRY, PRIOR_2023, SLIPS, TEXT_SLIPS, Harness, analysed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


async def _settle(pilot: Pilot) -> None:  # type: ignore[type-arg]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _tables() -> Screen[Place | None]:
    return TablesScreen(analysed(SLIPS))


async def _on_a_marked_cell(pilot: Pilot) -> None:  # type: ignore[type-arg]
    """公开06 (T06), the cell 301 工资福利支出 290.18 at line 299 of the slips sample: an error cell
    restated (as 299.18) at line 467."""
    await _settle(pilot)
    for _ in range(5):
        await pilot.press("right_square_bracket")
    screen = pilot.app.screen
    assert isinstance(screen, TablesScreen)
    [(row, col)] = [rc for rc, c in screen.grid.items() if c.line.number == 299 and c.norm == "290.18"]
    screen.query_one("#tables-grid", DataTable).move_cursor(row=row, column=col)
    await pilot.pause()


def _year() -> Screen[Place | None]:
    return YearScreen(analysed(CARRY, PRIOR_2023), analysed(PRIOR_2023))


def _boilerplate() -> Screen[Place | None]:
    return BoilerplateScreen(analysed(TEXT_SLIPS), analysed(PRIOR_2023))


VIEWS: dict[str, tuple[Callable[[], Screen[Place | None]], Callable[[Pilot], object]]] = {  # type: ignore[type-arg]
    "tables": (_tables, _on_a_marked_cell),
    "year": (_year, _settle),
    "boilerplate": (_boilerplate, _settle),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_view_snapshot(view: str, size: tuple[int, int], snap_compare) -> None:  # type: ignore[no-untyped-def]
    make, before = VIEWS[view]
    assert snap_compare(Harness(make), terminal_size=size, run_before=before)
