"""The workbench's other views (tables, year to year, boilerplate), driven by Textual's Pilot.

Each screen is pushed on a tiny harness App (the workbench is not needed) and the ``Place`` it
dismisses with is asserted.  Expected lines and figures are typed by hand from the sample
reports (file and line in each comment)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import cache

from narrative.tui.boilerplate_view import BoilerplateScreen
from narrative.tui.places import PRIOR, REPORT, Place
from narrative.tui.tables_view import TablesScreen
from narrative.tui.year_view import Bars, YearScreen
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static

from narrative import api

from .conftest import SAMPLES

SLIPS = str(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt")
CARRY = str(SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt")
PRIOR_2023 = str(SAMPLES / "qinghe-xuanchuanbu-2023.txt")
TEXT_SLIPS = str(SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.txt")


class Harness(App[None]):
    """Pushes one screen on mount and keeps what it dismissed with."""

    def __init__(self, make: Callable[[], Screen[Place | None]]) -> None:
        super().__init__()
        self.make = make
        self.results: list[Place | None] = []

    def compose(self) -> ComposeResult:
        yield Static("workbench")

    def on_mount(self) -> None:
        self.push_screen(self.make(), callback=self.results.append)


@cache
def analysed(path: str, prior: str | None = None) -> api.Analysis:
    a = api.analyse(path, api.Options(), prior=prior)
    assert a.error is None, a.error
    return a


def run(coro_fn: Callable[[], object]) -> None:
    asyncio.run(coro_fn())  # type: ignore[arg-type]


def _grid_at(screen: TablesScreen, line: int, text: str) -> tuple[int, int]:
    """The grid coordinate of the cell written ``text`` on source line ``line``."""
    [at] = [rc for rc, cell in screen.grid.items() if cell.line.number == line and cell.norm == text]
    return at


# ---------------------------------------------------------------------- tables
def test_tables_view_from_a_marked_cell_to_its_claim_and_back() -> None:
    a = analysed(SLIPS)

    async def go() -> None:
        app = Harness(lambda: TablesScreen(a))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, TablesScreen)
            for _ in range(5):  # T01 … T06
                await pilot.press("right_square_bracket")
            title = str(screen.query_one("#tables-title", Static).render())
            assert "T06" in title and "一般公共预算财政拨款基本支出决算表" in title and "万元" in title
            # qinghe-xuanchuanbu-2024-slips.txt line 299: "301 工资福利支出 290.18" (公开06), which the
            # prose restates as 299.18 at line 467 (slip S24: CLM001, an error)
            row, col = _grid_at(screen, 299, "290.18")
            grid = screen.query_one("#tables-grid", DataTable)
            grid.move_cursor(row=row, column=col)
            await pilot.pause()
            cell = grid.get_cell_at(grid.cursor_coordinate)
            assert str(cell) == "290.18" and "on dark_red" in str(cell.style)  # marked as an error
            await pilot.press("enter")  # to the claims that restate the cell
            claims = screen.query_one("#tables-claims", OptionList)
            assert screen.focused is claims
            first = str(claims.get_option_at_index(0).prompt)
            assert first.startswith("claim l.467") and "工资福利支出 299.18 万元" in first
            await pilot.press("enter")
            await pilot.pause()
        [place] = app.results
        assert place is not None and (place.line, place.side) == (467, REPORT)

    run(go)

    # and back: the claim's cells, as the workbench's detail pane opens them
    [claim] = [c for c in a.claims.claims if c.loc.line == 467 and "工资福利支出" in c.text]  # type: ignore[union-attr]

    async def back() -> None:
        app = Harness(lambda: TablesScreen(a, focus=api.cells_of_claim(claim)))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, TablesScreen)
            await pilot.pause()
            assert "T06" in str(screen.query_one("#tables-title", Static).render())
            cell = screen.cell_at_cursor()
            assert cell is not None and (cell.line.number, cell.norm) == (299, "290.18")
            # the last choice of the cell's list is the cell's own line in the report
            claims = screen.query_one("#tables-claims", OptionList)
            await pilot.press("tab")
            assert screen.focused is claims
            claims.highlighted = claims.option_count - 1
            await pilot.press("enter")
            await pilot.pause()
        [place] = app.results
        assert place is not None and (place.line, place.side) == (299, REPORT)

    run(back)


def test_tables_view_opens_on_the_first_marked_cell_and_m_goes_to_the_next() -> None:
    a = analysed(SLIPS)

    async def go() -> None:
        app = Harness(lambda: TablesScreen(a))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, TablesScreen)
            await pilot.pause()
            # 公开01 line 89: 一般公共预算财政拨款收入 527.68 (slip S15: XTB006) and 一、一般公共服务支出
            # 363.78 (slip S11, planted for 361.78: XTB002, and TBL001 on 本年支出合计)
            cell = screen.cell_at_cursor()
            assert cell is not None and (cell.line.number, cell.norm) == (89, "527.68")
            await pilot.press("m")
            cell = screen.cell_at_cursor()
            assert cell is not None and (cell.line.number, cell.norm) == (89, "363.78")
            grid = screen.query_one("#tables-grid", DataTable)
            assert "on dark_red" in str(grid.get_cell_at(grid.cursor_coordinate).style)

    run(go)


def test_tables_view_escape_dismisses_with_none_and_pins_row_labels() -> None:
    a = analysed(SLIPS)

    async def go() -> None:
        app = Harness(lambda: TablesScreen(a))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, TablesScreen)
            grid = screen.query_one("#tables-grid", DataTable)
            # 公开01 (line 76 on): one header row "收入 … 支出", labels in the first column
            assert grid.fixed_columns >= 1 and grid.fixed_rows >= 1
            await pilot.press("escape")
            await pilot.pause()
        assert app.results == [None]

    run(go)


def test_tables_view_of_an_unreadable_file_says_so() -> None:
    a = api.Analysis("missing.txt", error="no such file")

    async def go() -> None:
        app = Harness(lambda: TablesScreen(a))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "no such file" in str(app.screen.query_one("#tables-title", Static).render())
            await pilot.press("escape")
            await pilot.pause()
        assert app.results == [None]

    run(go)


# ---------------------------------------------------------------------- year to year
def _row_texts(table: DataTable, row: int) -> list[str]:  # type: ignore[type-arg]
    return [str(v) for v in table.get_row_at(row)]


def test_year_view_shows_the_key_figures_and_a_carried_over_sentence() -> None:
    a, old = analysed(CARRY, PRIOR_2023), analysed(PRIOR_2023)

    async def go() -> None:
        app = Harness(lambda: YearScreen(a, old))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, YearScreen)
            table = screen.query_one("#year-figures", DataTable)
            rows = {r[0]: r for r in (_row_texts(table, i) for i in range(table.row_count))}
            # 公开01, line 115 of each report: 本年支出合计 512.50 (2023) and 532.35 (2024);
            # 532.35 − 512.50 = 19.85, 19.85 / 512.50 = 3.87 %
            assert rows["本年支出合计"][1:5] == ["512.50", "532.35", "19.85", "3.87"]
            # 本年收入合计 512.55 → 528.88 (line 115): +16.33, +3.19 %
            assert rows["本年收入合计"][1:5] == ["512.55", "528.88", "16.33", "3.19"]
            # the bars of the highlighted figure's group (收支): 本年支出合计 old and new
            await pilot.press("down")
            bars = str(screen.query_one("#year-bars", Bars).render())
            assert "本年支出合计" in bars and "512.50" in bars and "532.35" in bars
            await pilot.press("tab")  # to the prose
            prose = screen.query_one("#year-prose", OptionList)
            assert screen.focused is prose
            texts = [str(prose.get_option_at_index(i).prompt) for i in range(prose.option_count)]
            # line 443 (2024) against 443 (2023): the figures that moved, old→new
            assert any(t.startswith("rewritten l.443") and "本年支出合计 512.50→532.35 万元" in t for t in texts)
            # slip C01 (carry-slips.toml): line 569 "审核把关各类宣传品 138 件。" word for word 2023's line 569
            [i] = [i for i, t in enumerate(texts) if "审核把关各类宣传品 138 件" in t]
            assert texts[i].startswith("carried over l.569")
            prose.highlighted = i
            await pilot.press("o")  # last year's place of it
            await pilot.pause()
        [place] = app.results
        assert place is not None and (place.line, place.side) == (569, PRIOR)

    run(go)


def test_year_view_finding_into_the_prior_opens_it_there() -> None:
    a, old = analysed(CARRY, PRIOR_2023), analysed(PRIOR_2023)

    async def go() -> None:
        app = Harness(lambda: YearScreen(a, old))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, YearScreen)
            await pilot.press("tab", "tab")
            found = screen.query_one("#year-findings", OptionList)
            assert screen.focused is found
            # errors first: slip C02 (line 469) 比上年减少 2.23 万元 implies 40.79 for 2023, whose report says
            # 41.83 (YOY003, an error, pointing at the 2023 report's line 469)
            first = str(found.get_option_at_index(0).prompt)
            assert first.startswith("YOY003 error l.469") and "2023 l.469" in first
            await pilot.press("enter")
            await pilot.pause()
        [place] = app.results
        assert place is not None and (place.line, place.side) == (469, PRIOR)

    run(go)


def test_year_view_without_a_prior_says_how_to_get_one() -> None:
    a = analysed(CARRY)

    async def go() -> None:
        app = Harness(lambda: YearScreen(a, None))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "--prior" in str(app.screen.query_one("#year-title", Static).render())
            await pilot.press("enter", "escape")
            await pilot.pause()
        assert app.results == [None]

    run(go)




# ---------------------------------------------------------------------- boilerplate
def test_boilerplate_view_jumps_to_a_groups_second_place() -> None:
    a = analysed(TEXT_SLIPS)

    async def go() -> None:
        app = Harness(lambda: BoilerplateScreen(a))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BoilerplateScreen)
            groups = screen.query_one("#bp-groups", OptionList)
            # qinghe-xuanchuanbu-2024-text-slips.txt: "从自评情况看，2024年以来，县委宣传部坚持…" at line 557 is
            # pasted at line 846 with "2023年以来" (only the numbers differ): one group, two places
            assert groups.option_count == 1
            first = str(groups.get_option_at_index(0).prompt)
            assert first.startswith("2 places numbers differ l.557, l.846")
            await pilot.press("enter")  # to the group's places
            places = screen.query_one("#bp-places", OptionList)
            assert screen.focused is places and places.option_count == 2
            assert str(places.get_option_at_index(1).prompt).startswith("this report l.846 从自评情况看，2023年以来")
            await pilot.press("down", "enter")
            await pilot.pause()
        [place] = app.results
        assert place is not None and (place.line, place.side) == (846, REPORT)

    run(go)


def test_boilerplate_view_lists_passages_carried_over_from_the_prior() -> None:
    a, old = analysed(CARRY), analysed(PRIOR_2023)

    async def go() -> None:
        app = Harness(lambda: BoilerplateScreen(a, old))
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BoilerplateScreen)
            groups = screen.query_one("#bp-groups", OptionList)
            texts = [str(groups.get_option_at_index(i).prompt) for i in range(groups.option_count)]
            # carry-slips line 569 (slip C01) holds "审核把关各类宣传品 138 件。", 2023's line 569 word for word;
            # the sentence before it on that line was updated, so the passage is that one sentence
            [i] = [i for i, t in enumerate(texts) if "审核把关各类宣传品 138 件" in t]
            assert texts[i].startswith("carried over figures kept l.569")
            groups.highlighted = i
            await pilot.press("tab", "down", "enter")  # its second place: last year's
            await pilot.pause()
        [place] = app.results
        assert place is not None and (place.line, place.side) == (569, PRIOR)

    run(go)
