"""The workbench driven by Textual's pilot at a fixed size (160×48, the panes side by side).

Expected figures are typed from the sample: samples/qinghe-xuanchuanbu-2024-slips.txt line
467 states 工资福利支出 299.18 万元 where 公开06 (line 299, 301 工资福利支出) has 290.18
(slip S24 of the .toml beside it).  Every test runs in tmp_path: without --baseline the
verdicts go to ./narrative-review.json."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from narrative import api

from .conftest import SAMPLES

pytest.importorskip("textual")

from narrative.tui.app import NarrativeApp  # noqa: E402
from narrative.tui.places import Place  # noqa: E402
from narrative.tui.reports import ReportsScreen  # noqa: E402
from narrative.tui.workbench import WorkbenchScreen  # noqa: E402

SLIPS = SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt"
CLEAN_2023 = SAMPLES / "qinghe-xuanchuanbu-2023.txt"
SIZE = (160, 48)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def drive(app: NarrativeApp, script: Callable[..., Awaitable[None]], size: tuple[int, int] = SIZE) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await script(pilot)
    asyncio.run(main())


async def settle(app: NarrativeApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every check worker is done and the screen has caught up."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def bench(app: NarrativeApp) -> WorkbenchScreen:
    assert isinstance(app.screen, WorkbenchScreen), app.screen
    return app.screen


def manifest_errors() -> set[tuple[int, str]]:
    data = tomllib.loads(SLIPS.with_suffix(".toml").read_text(encoding="utf-8"))
    return {(e["line"], e["rule"]) for s in data["slip"] for e in s["expect"] if e["rule"] != "TBL005"}


async def search(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


def test_one_file_opens_on_its_findings_with_the_list_focused() -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        assert app.focused is not None and app.focused.id == "findings-table"
        shown = {(f.span.line, f.rule) for f in b.findings_pane.shown if f.severity == api.Severity.ERROR}
        assert manifest_errors() <= shown  # every planted slip is listed
        assert app.analysis is not None and app.analysis.path == str(SLIPS)
        assert app.prior_analysis is None

    drive(app, script)


def test_filters_by_severity_family_and_search() -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        pane = bench(app).findings_pane
        await pilot.press("l")  # severity: error
        assert pane.shown and all(f.severity == api.Severity.ERROR for f in pane.shown)
        await pilot.press("l")  # warning: S08's TBL005 (manifest) is one
        assert pane.shown and all(f.severity == api.Severity.WARNING for f in pane.shown)
        assert "TBL005" in {f.rule for f in pane.shown}
        await pilot.press("0")
        while pane.filter.family != "CLM":
            await pilot.press("f")
        assert pane.shown and all(f.rule.startswith("CLM") for f in pane.shown)
        await pilot.press("0")
        await search(pilot, "299.18")
        assert pane.shown and {f.span.line for f in pane.shown} == {467}
        assert "CLM001" in {f.rule for f in pane.shown}

    drive(app, script)


def test_selecting_an_off_screen_finding_scrolls_the_document_and_fills_the_detail() -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        doc = b.document_pane
        assert b.index is not None
        i = b.index.index(467)
        assert i is not None and doc.row_of(i, 0) not in doc.visible_rows()  # line 467 starts off screen
        await search(pilot, "CLM001 299.18")
        f = b.findings_pane.current()
        assert f is not None and (f.rule, f.span.line) == ("CLM001", 467)
        await pilot.pause()
        assert doc.row_of(i, 10) in doc.visible_rows()
        # "（一）工资福利支出 299.18": the figure is code points 10..16 (0-based) of line 467
        assert doc.marked and doc.marked[0][:2] == (i, 10)
        detail = b.detail_pane.text()
        assert "299.18" in detail  # as stated
        assert "290.18" in detail  # 公开06 301 工资福利支出
        assert "[290.175, 290.185]" in detail  # ±0.005, the rounding of a two-decimal cell

    drive(app, script)


def test_the_cursor_on_a_claim_shows_it_in_the_detail_pane() -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        assert b.index is not None
        i = b.index.index(467)
        assert i is not None
        b.document_pane.focus()
        b.document_pane._set_cursor(i, 12)  # inside "299.18"
        await pilot.pause()
        detail = b.detail_pane.text()
        assert "claim" in detail and "inconsistent" in detail and "299.18" in detail

    drive(app, script)


def test_a_false_alarm_is_kept_across_restarts(tmp_path: Path) -> None:
    seen: list[str] = []

    async def mark(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await search(pilot, "CLM001 299.18")
        f = bench(app).findings_pane.current()
        assert f is not None
        seen.append(f.fingerprint)
        await pilot.press("x")
        await pilot.pause()
        assert bench(app).verdict_of(f) == api.FALSE_ALARM

    drive(NarrativeApp([str(SLIPS)]), mark)
    assert (tmp_path / "narrative-review.json").exists()

    async def check(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(pilot.app)
        f = next(f for f in b.findings_pane.shown if f.fingerprint == seen[0])
        assert b.verdict_of(f) == api.FALSE_ALARM
        row = b.findings_pane.table.get_row_at(b.findings_pane.shown.index(f))
        assert "false" in str(row[3])
        while b.findings_pane.filter.verdict != "unreviewed":
            await pilot.press("v")
        assert f not in b.findings_pane.shown
        await pilot.press("r")  # check again: the verdict stays by fingerprint
        await settle(pilot.app, pilot)
        again = next(g for g in bench(pilot.app).findings_pane.all if g.fingerprint == seen[0])
        assert bench(pilot.app).verdict_of(again) == api.FALSE_ALARM

    drive(NarrativeApp([str(SLIPS)]), check)


def test_a_given_baseline_is_used_instead_of_the_default(tmp_path: Path) -> None:
    review = tmp_path / "team" / "review.json"
    review.parent.mkdir()

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("c")
        await pilot.pause()

    drive(NarrativeApp([str(SLIPS)], baseline=str(review)), script)
    assert review.exists() and not (tmp_path / "narrative-review.json").exists()
    assert "confirmed" in review.read_text(encoding="utf-8")


def test_a_directory_lists_every_report_with_its_counts(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SLIPS, folder / "a-slips.txt")
    shutil.copy(CLEAN_2023, folder / "b-clean-2023.txt")
    (folder / "c-broken.pdf").write_bytes(b"not a pdf at all")
    paths = [str(folder / n) for n in ("a-slips.txt", "b-clean-2023.txt", "c-broken.pdf")]
    app = NarrativeApp(paths, several=True)

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        assert isinstance(screen, ReportsScreen)
        table = screen.query_one("#reports")
        rows = {p: [str(c) for c in table.get_row(p)] for p in paths}  # type: ignore[attr-defined]
        slips, clean, broken = (rows[p] for p in paths)
        assert slips[1] == clean[1] == "中共青禾县委宣传部"
        assert (slips[2], clean[2]) == ("2024", "2023")
        assert slips[3] == clean[3] == "决算"
        assert int(slips[4]) > 0  # errors planted
        assert clean[4] == "0"  # the clean 2023 report has no error (samples/README.md)
        assert broken[7] != "checked" and broken[4] == ""  # listed, with its reason
        await pilot.press("enter")  # open the first
        await pilot.pause()
        assert bench(app).analysis is screen.results[paths[0]]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

    drive(app, script)


def test_go_to_a_place_scrolls_the_document_there() -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        assert b.index is not None
        app.go_to(Place(853))
        await pilot.pause()
        i = b.index.index(853)
        assert i is not None and b.document_pane.cursor == (i, 0)
        assert b.document_pane.row_of(i, 0) in b.document_pane.visible_rows()
        app.go_to(Place(3, side="prior"))  # no --prior: a notice, no screen
        await pilot.pause()
        assert app.screen is b

    drive(app, script)


def test_the_prior_is_read_once_and_shown_on_request() -> None:
    carry = SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt"
    app = NarrativeApp([str(carry)], prior=str(CLEAN_2023))

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        assert app.prior_analysis is not None and app.prior_analysis.document is not None
        assert app.prior_analysis.document.year == 2023
        app.go_to(Place(44, side="prior"))
        await pilot.pause()
        assert type(app.screen).__name__ == "PriorScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)

    drive(app, script)


def test_export_writes_the_shown_findings_as_markdown(tmp_path: Path) -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        await search(pilot, "299.18")
        await pilot.press("e")
        await pilot.pause()

    drive(app, script)
    text = (tmp_path / "qinghe-xuanchuanbu-2024-slips-findings.md").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.startswith("| ") and "l.467" in ln]
    assert rows and len(rows) == len([ln for ln in text.splitlines() if ln.startswith("| ")]) - 1
    assert any("CLM001" in r and "299.18" in r for r in rows)


def test_a_crash_in_the_check_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> api.Analysis:
        raise RuntimeError("core broke\nsecond line")

    monkeypatch.setattr(api, "analyse", boom)
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        assert b.analysis is not None and b.analysis.error == "RuntimeError: core broke"
        assert app.is_running

    drive(app, script)


def test_q_quits_from_the_workbench_and_the_reports_list(tmp_path: Path) -> None:
    for app in (NarrativeApp([str(SLIPS)]), NarrativeApp([str(SLIPS), str(CLEAN_2023)], several=True)):
        async def script(pilot) -> None:  # type: ignore[no-untyped-def]
            await pilot.press("q")
            await pilot.pause()
            assert not pilot.app.is_running

        drive(app, script)


def test_help_and_the_palette_list_every_action() -> None:
    from narrative.tui.dialogs import HELP_KEYS
    from narrative.tui.workbench import ACTIONS

    helped = " ".join(k for k, _ in HELP_KEYS)
    for key, _, _, _, _ in ACTIONS:
        assert (key if key != "slash" else "/") in helped.split(", ") or key in helped or key == "slash"
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for _, _, label, _, _ in ACTIONS:
            assert label.capitalize() in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        assert app.focused is not None and app.focused.id == "help-box"  # scrolls by keyboard at 80×24
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkbenchScreen)

    drive(app, script)


def test_narrative_check_does_not_import_textual() -> None:
    code = ("import sys; from narrative.cli import main; main(['check', '--format', 'json', sys.argv[1]]); "
            "sys.exit(3 if 'textual' in sys.modules else 0)")
    done = subprocess.run([sys.executable, "-c", code, str(CLEAN_2023)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"}, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]


def test_the_command_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "narrative.tui", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "nope.txt" in done.stderr


def test_the_prose_and_tables_files_of_one_report_get_a_row_checked_as_one() -> None:
    # samples/qinghe-xuanchuanbu-2024-prose.pdf and -tables.pdf: the clean 2024 report in two files
    prose, tables = (str(SAMPLES / f"qinghe-xuanchuanbu-2024-{part}.pdf") for part in ("prose", "tables"))
    app = NarrativeApp([prose, tables], several=True)

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        assert isinstance(screen, ReportsScreen)
        key = f"{prose} + {tables}"
        assert screen.paths[-1] == key and screen.pairs[key] == [prose, tables]
        row = [str(c) for c in screen.query_one("#reports").get_row(key)]  # type: ignore[attr-defined]
        assert row[1] == "中共青禾县委宣传部" and row[4] == "0"  # the clean report, whole: no error
        assert row[7] == "checked"
        for _ in range(2):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        b = bench(app)
        assert b.files == [prose, tables] and b.analysis is screen.results[key]

    drive(app, script)


def test_the_place_of_a_finding_in_a_two_file_report_names_its_file() -> None:
    # the slips sample as two PDFs: its sums that do not add up (TBL001-003) are in the tables
    # file, f2 as in the gutter; its prose slips (CLM) in the prose file, f1
    prose, tables = (str(SAMPLES / f"qinghe-xuanchuanbu-2024-slips-{part}.pdf") for part in ("prose", "tables"))
    app = NarrativeApp([prose, tables], several=True)

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(app.screen, ReportsScreen)
        await pilot.press("down", "down", "enter")  # the row of the two files checked as one
        await pilot.pause()
        pane = bench(app).findings_pane
        places = {f.rule[:3]: set() for f in pane.shown}  # type: ignore[var-annotated]
        for n, f in enumerate(pane.shown):
            if f.rule in ("TBL001", "TBL002", "TBL003") or f.rule.startswith("CLM"):
                places[f.rule[:3]].add(str(pane.table.get_row(str(n))[2]).split(" ")[0])
        assert places["TBL"] == {"f2"}
        assert places["CLM"] == {"f1"}

    drive(app, script)


def test_a_click_in_the_document_moves_the_cursor_there() -> None:
    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        doc = bench(app).document_pane
        assert b_index_467(app) is not None
        i = b_index_467(app)
        doc._set_cursor(i, 0)  # line 467 on screen: （一）工资福利支出 299.18 万元 …
        await pilot.pause()
        y = doc.row_of(i, 0) - doc.scroll_offset.y
        # the border (1 cell), the gutter, then 工资 is cells 6..9 of the line: click the 资 (code point 4)
        await pilot.click("#document", offset=(1 + doc._gutter + 8, y))
        await pilot.pause()
        assert doc.cursor == (i, 4)
        assert "299.18" in bench(app).detail_pane.text()  # the claim under the cursor

    drive(app, script)


def b_index_467(app: NarrativeApp) -> int | None:
    index = bench(app).index
    return index.index(467) if index is not None else None


def test_g_goes_to_last_years_statement_a_finding_points_at() -> None:
    # carry-slips C02 (manifest): line 469's 比上年减少 2.23 万元，下降 5.06% is word for word the
    # 2023 report's line 469 (YOY004)
    carry = SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt"
    app = NarrativeApp([str(carry)], prior=str(CLEAN_2023))

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        await search(pilot, "YOY004")
        f = bench(app).findings_pane.current()
        assert f is not None and (f.rule, f.span.line) == ("YOY004", 469)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "PriorScreen"
        pane = screen.query_one("#prior-document")
        i = pane.marked[0][0]  # type: ignore[attr-defined]
        assert "下降 5.06%" in pane.texts[i] and i == pane.cursor[0]  # type: ignore[attr-defined]
        assert pane.row_of(i, 0) in pane.visible_rows()  # type: ignore[attr-defined]

    drive(app, script)


# ---------------------------------------------------------------------- the other views, from the workbench
def test_t_opens_the_tables_on_the_selected_findings_cells_and_a_jump_comes_back() -> None:
    from narrative.tui.tables_view import TablesScreen

    app = NarrativeApp([str(SLIPS)])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        await search(pilot, "CLM001 299.18")  # line 467 states 299.18; 公开06 line 299 has 290.18
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TablesScreen)
        cell = screen.cell_at_cursor()
        assert cell is not None and (cell.line.number, cell.norm) == (299, "290.18")
        await pilot.press("enter")  # the claims restating the cell; the first is line 467's
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is b
        assert b.index is not None
        i = b.index.index(467)
        assert i is not None and b.document_pane.cursor[0] == i

    drive(app, script)


def test_y_finds_last_years_report_beside_this_one_by_identity(tmp_path: Path) -> None:
    from narrative.tui.year_view import YearScreen

    # named so that nothing but the contents can pair them
    shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt", tmp_path / "b.txt")
    shutil.copy(CLEAN_2023, tmp_path / "a.txt")
    app = NarrativeApp([str(tmp_path / "b.txt")])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        assert app.prior_analysis is None
        await pilot.press("y")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, YearScreen)
        assert screen.prior is not None and screen.prior.path == str(tmp_path / "a.txt")
        assert app.prior_path == str(tmp_path / "a.txt")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is b
        # a re-check now runs the year-on-year rules: the carry-slips sample's C01 (line 569,
        # "审核把关各类宣传品 138 件。" word for word 2023's line 569) is found against it
        await pilot.press("r")
        await settle(app, pilot)
        assert b.analysis is not None and b.analysis.prior is not None
        assert any(f.span.line == 569 for f in b.analysis.findings)

    drive(app, script)


def test_y_without_a_prior_beside_it_says_so() -> None:
    from narrative.tui.year_view import YearScreen

    shutil.copy(SLIPS, "only.txt")
    app = NarrativeApp(["only.txt"])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("y")
        await settle(app, pilot)
        assert isinstance(app.screen, YearScreen) and app.screen.prior is None
        assert app.prior_path is None

    drive(app, script)


def test_b_opens_the_boilerplate_and_a_place_comes_back() -> None:
    from narrative.tui.boilerplate_view import BoilerplateScreen
    from textual.widgets import OptionList

    # qinghe-xuanchuanbu-2024-text-slips.txt: the passage "从自评情况看，2024年以来，县委宣传部坚持…" at
    # line 557 is pasted at line 846 with "2023年以来" (DUP003): one group, its second place 846
    app = NarrativeApp([str(SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.txt")])

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        b = bench(app)
        await pilot.press("b")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, BoilerplateScreen)
        assert [[p.span.line for p in g.places] for g in screen.groups] == [[557, 846]]
        await pilot.press("enter")  # the group's places
        places = screen.query_one("#bp-places", OptionList)
        assert screen.focused is places
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is b
        assert b.index is not None
        i = b.index.index(846)
        assert i is not None and b.document_pane.cursor[0] == i

    drive(app, script)
