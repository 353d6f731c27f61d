"""The workbench on real published reports, driven by Textual's Pilot as an auditor uses it:
wait for the check, walk the findings and the text, open the tables (t), year-to-year (y) and
boilerplate (b) views, help, export and re-check, and come back to the workbench each time.

Four reports, chosen for their layouts and kept few for time: the Jiangxi text (公开01–10表),
one Shanghai 部门决算 PDF, the 万里街道 2024/2025 部门预算 pair with --prior, and the Jiangsu
省委办公厅 2018 report published as two PDFs (prose and tables) opened as one.  Every expected
figure is typed from the report (file and page or line in the comment)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text

from .conftest import REAL_PDF_DIR, REAL_TEXT, SHARED, need

pytest.importorskip("textual")

from narrative.tui.app import NarrativeApp  # noqa: E402
from narrative.tui.boilerplate_view import BoilerplateScreen  # noqa: E402
from narrative.tui.reports import ReportsScreen  # noqa: E402
from narrative.tui.tables_view import TablesScreen  # noqa: E402
from narrative.tui.workbench import WorkbenchScreen  # noqa: E402
from narrative.tui.year_view import YearScreen  # noqa: E402
from textual.widgets import DataTable, OptionList, Static  # noqa: E402

from .test_tui import settle  # noqa: E402

MORE = SHARED / "reports" / "more"
SMALL, WIDE = (80, 24), (160, 48)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # verdicts (narrative-review.json) and exports land here


def drive(app: NarrativeApp, script, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await script(pilot)
        assert app.return_value is None
    asyncio.run(main())


def alone(*files: Path) -> list[str]:
    """The files linked into a folder of their own (under the test's tmp dir): y looks for last
    year's report among a report's neighbours, and reading the dozen PDFs of the shared folder
    for it would take a minute of the test's time."""
    folder = Path("reports")
    folder.mkdir(exist_ok=True)
    for f in files:
        (folder / f.name).symlink_to(f)
    return [str(folder / f.name) for f in files]


def bench(app: NarrativeApp) -> WorkbenchScreen:
    assert isinstance(app.screen, WorkbenchScreen), app.screen
    return app.screen


def errors(app: NarrativeApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def press(app: NarrativeApp, pilot, *keys: str):  # type: ignore[no-untyped-def]
    await pilot.press(*keys)
    await settle(app, pilot)
    return app.screen


async def walk(app: NarrativeApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Every finding, then the text from top to bottom; the cursors must reach the ends."""
    b = bench(app)
    pane = b.findings_pane
    for _ in pane.shown:
        await pilot.press("down")
    await pilot.pause()
    assert pane.table.cursor_row == len(pane.shown) - 1
    doc = b.document_pane
    doc.focus()
    await pilot.press("ctrl+end")
    await pilot.pause()
    assert doc.cursor[0] == len(doc.texts) - 1
    assert doc.row_of(*doc.cursor) in doc.visible_rows()
    b.query_one("#findings-table").focus()


async def every_view(app: NarrativeApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """t (with ] and m and enter), y, b, ?, e, x / u and r: nothing raises, no error is shown,
    and escape leaves each on the workbench."""
    b = bench(app)
    screen = await press(app, pilot, "t")
    assert isinstance(screen, TablesScreen)
    await press(app, pilot, "right_square_bracket", "right_square_bracket", "m", "enter")
    screen = await press(app, pilot, "escape", "escape")
    assert screen is b
    screen = await press(app, pilot, "y")
    assert isinstance(screen, YearScreen)
    await press(app, pilot, "tab", "down", "tab", "down")
    assert await press(app, pilot, "escape") is b
    screen = await press(app, pilot, "b")
    assert isinstance(screen, BoilerplateScreen)
    assert await press(app, pilot, "escape") is b
    await press(app, pilot, "question_mark")
    assert await press(app, pilot, "escape") is b
    await press(app, pilot, "e")
    assert any(name.endswith("-findings.md") for name in os.listdir("."))
    if b.findings_pane.shown:
        await press(app, pilot, "x")
        assert b.findings_pane.table.get_row_at(b.findings_pane.table.cursor_row)[3].plain.startswith("✗")
        await press(app, pilot, "u")
    before = len(b.findings_pane.all)
    assert b.analysis is not None
    same_prior = (b.analysis.prior.path if b.analysis.prior else None) == app.prior_path
    assert await press(app, pilot, "r") is b
    if same_prior:  # else the re-check runs the 比上年 rules against the prior y found: more findings
        assert len(b.findings_pane.all) == before
    assert errors(app) == []


def status(b: WorkbenchScreen) -> str:
    rendered = b.query_one("#status", Static).render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


# ---------------------------------------------------------------------------- the Jiangxi text
def test_the_jiangxi_text_at_80_columns() -> None:
    app = NarrativeApp([str(need(REAL_TEXT))])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        # line 1: "中共景德镇市珠山区委办公室 2024 年度部门决算": at 80 columns the status keeps who,
        # which year and which kind (the file name gives way)
        line = status(b)
        ident = "中共景德镇市珠山区委办公室 2024 决算"
        assert ident in line and cell_len(line[: line.index(ident) + len(ident)]) <= SMALL[0] - 2  # padding
        await walk(app, pilot)
        assert b.document_pane.texts[-1].strip() == "无"  # the file's last line
        await every_view(app, pilot)

    drive(app, script, SMALL)


def test_the_tables_view_scrolls_by_whole_columns_at_80() -> None:
    """zhushan-party-office-2024.txt line 119, 公开01表: "本年收入合计 27 311.56 本年支出合计 58
    316.83": the 支出 side's figure is the sixth column.  With the cursor on it, the first column
    drawn after the pinned ones starts whole (it was cut: "治及应急管理支出" for 灾害防治…)."""
    app = NarrativeApp([str(need(REAL_TEXT))])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = await press(app, pilot, "t")
        assert isinstance(screen, TablesScreen)
        grid = screen.query_one("#tables-grid", DataTable)
        [(row, col)] = [rc for rc, cell in screen.grid.items() if cell.line.number == 119 and cell.norm == "316.83"]
        grid.move_cursor(row=row, column=col)
        await settle(app, pilot)
        widths = [c.get_render_width(grid) for c in grid.ordered_columns]
        starts = {sum(widths[:i]) for i in range(len(widths))}
        left = int(grid.scroll_x) + sum(widths[: grid.fixed_columns])
        assert left in starts
        assert "316.83" in str(screen.query_one("#tables-cell", Static).render())

    drive(app, script, SMALL)


# ---------------------------------------------------------------------------- a Shanghai 决算 PDF
def test_a_shanghai_final_pdf() -> None:
    app = NarrativeApp(alone(need(REAL_PDF_DIR / "putuo-caizhengju-2024-final.pdf")))

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        assert "上海市普陀区财政局 2024 决算" in status(b)
        await walk(app, pilot)
        assert b.document_pane.labels[-1].startswith("25:")  # the PDF has 25 pages
        screen = await press(app, pilot, "t")
        assert isinstance(screen, TablesScreen)
        # page 6, 收入支出决算总表: 本年收入合计 2,946.25 and 本年支出合计 2,940.05 (万元)
        t01 = next(i for i, t in enumerate(screen.tables) if t.kind == "T01")
        screen.action_table(t01 - screen.current)
        await settle(app, pilot)
        texts = {c.norm.replace(",", "") for c in screen.grid.values()}
        assert {"2946.25", "2940.05"} <= texts
        assert await press(app, pilot, "escape") is b
        await every_view(app, pilot)

    drive(app, script, WIDE)


# ---------------------------------------------------------------------------- 万里街道 2024 → 2025
def test_the_wanli_budgets_with_prior() -> None:
    new = need(REAL_PDF_DIR / "putuo-wanli-jiedao-2025-budget.pdf")
    old = need(REAL_PDF_DIR / "putuo-wanli-jiedao-2024-budget.pdf")
    app = NarrativeApp([str(new)], prior=str(old))

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        await walk(app, pilot)
        assert b.document_pane.labels[-1].startswith("31:")  # the 2025 PDF has 31 pages
        screen = await press(app, pilot, "y")
        assert isinstance(screen, YearScreen)
        # page 6 of each: "其中：财政拨款收入15621.11万元" (2024), "财政拨款收入18,976.76万元" (2025)
        table = screen.query_one("#year-figures", DataTable)
        rows = [[c.plain for c in table.get_row_at(r)] for r in range(table.row_count)]
        row = next(r for r in rows if r[0] == "财政拨款收入")
        assert row[1:3] == ["15,621.11", "18,976.76"]
        title = str(screen.query_one("#year-title", Static).render())
        assert "2024" in title and "2025" in title
        assert await press(app, pilot, "escape") is b
        await every_view(app, pilot)

    drive(app, script, WIDE)


# ---------------------------------------------------------------------------- Jiangsu, two files
def test_the_jiangsu_report_in_two_files_opened_as_one() -> None:
    """The 2018 report of 江苏省委办公厅 in two PDFs, beside the 2017 one (two PDFs as well)."""
    files = [need(MORE / f"jiangsu-shengwei-{y}-budget-{part}.pdf") for y in (2018, 2017) for part in ("text", "tables")]
    linked = alone(*files)
    app = NarrativeApp(linked)

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        reports = app.screen
        assert isinstance(reports, ReportsScreen)
        pair = next(i for i, p in enumerate(reports.paths) if p == f"{linked[0]} + {linked[1]}")
        reports.query_one("#reports", DataTable).move_cursor(row=pair)
        b = await press(app, pilot, "enter")
        assert isinstance(b, WorkbenchScreen) and b.files == linked[:2]
        # the two file names take 80 columns by themselves: they give way to the year and kind
        # (cover of the tables file: "江苏省2018年度省级部门预算公开报表")
        line = status(b)
        assert "2018 预算" in line and cell_len(line[: line.index("2018 预算") + 7]) <= SMALL[0] - 2  # padding
        labels = b.document_pane.labels
        assert labels[0].startswith("f1 ") and labels[-1].startswith("f2 ")  # prose, then tables
        await walk(app, pilot)
        screen = await press(app, pilot, "t")
        assert isinstance(screen, TablesScreen)
        # tables file page 3, 收支预算总表 (单位：万元): 收入合计 24,458.43
        [(row, col), *_] = sorted(rc for rc, c in screen.grid.items() if c.norm.replace(",", "") == "24458.43")
        screen.query_one("#tables-grid", DataTable).move_cursor(row=row, column=col)
        await settle(app, pilot)
        options = screen.query_one("#tables-claims", OptionList)
        options.focus()
        options.highlighted = options.option_count - 1  # "the cell itself"
        assert await press(app, pilot, "enter") is b
        # to the cell's line in the tables file (f2), not to the line of that number in the prose file
        doc = b.document_pane
        assert doc.labels[doc.cursor[0]].startswith("f2 3:") and "24,458.43" in doc.texts[doc.cursor[0]]
        # y finds last year's report beside it: both its files (the prose file alone has no tables)
        screen = await press(app, pilot, "y")
        assert isinstance(screen, YearScreen)
        assert app.prior_path is not None
        assert [os.path.abspath(p) for p in app.prior_path.split(" + ")] == [os.path.abspath(p) for p in linked[2:]]
        table = screen.query_one("#year-figures", DataTable)
        rows = {r[0]: r[1:3] for r in ([c.plain for c in table.get_row_at(i)] for i in range(table.row_count))}
        # 2017 tables p4 财政拨款收支预算总表: 一般公共预算 20,702.25; 2018 tables p3: 24,458.43
        assert rows["财政拨款收入"] == ["20,702.25", "24,458.43"]
        assert await press(app, pilot, "escape") is b
        await every_view(app, pilot)
        assert await press(app, pilot, "escape") is reports  # back to the list

    drive(app, script, SMALL)


# ---------------------------------------------------------------------------- wrapping
def test_a_figure_is_never_split_across_rows() -> None:
    """jiangsu-gaoyuan-2019-budget.pdf p10, 一般公共预算支出表: "2080504 未归口管理的行政单位离退休
    417.06".  At 80 columns the document pane wrapped it as "…离退休│417.0" and "6"."""
    from narrative.tui.document_pane import DocumentPane
    from textual.app import App, ComposeResult

    line = "2080504\t未归口管理的行政单位离退休\t417.06"

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield DocumentPane(id="doc")

        def on_mount(self) -> None:
            self.query_one(DocumentPane).set_document(["10:28"], [line], [])

    async def main(width: int) -> list[str]:
        app = One()
        async with app.run_test(size=(width, 6)) as pilot:
            await pilot.pause()
            pane = app.query_one(DocumentPane)
            return [pane.texts[0][r.start:r.end] for r in pane.rows]

    for width in range(40, 50):  # the figure falls across the edge at one of these widths
        rows = asyncio.run(main(width))
        assert "".join(rows) == line.replace("\t", "│")
        assert any(r.endswith("417.06") for r in rows), (width, rows)


def test_the_year_view_says_when_the_prior_is_one_file_of_two() -> None:
    """--prior takes one file: given the prose of 江苏省委办公厅 2017 without its tables, every 2017
    figure is "—"; the view says why (the tables file, jiangsu-shengwei-2017-budget-tables.pdf p4,
    holds 一般公共预算 20,702.25)."""
    from textual.app import App, ComposeResult

    from narrative import api

    prose = need(MORE / "jiangsu-shengwei-2017-budget-text.pdf")
    new = [str(need(MORE / f"jiangsu-shengwei-2018-budget-{part}.pdf")) for part in ("text", "tables")]
    prior = api.read_prior(str(prose))
    assert prior.report is not None
    old = api.Analysis(prior.path, prior.report.doc, prior.report.claims)
    a = api.analyse(new, prior=prior)

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("workbench")

        def on_mount(self) -> None:
            self.push_screen(YearScreen(a, old))

    async def main() -> None:
        app = One()
        async with app.run_test(size=SMALL) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, YearScreen)
            title = screen.query_one("#year-title", Static).render()
            assert "prose file only" in str(title)
            table = screen.query_one("#year-figures", DataTable)
            assert [c.plain for c in table.get_row_at(0)][1] == "—"

    asyncio.run(main())
