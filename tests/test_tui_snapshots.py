"""Snapshots (pytest-textual-snapshot) of the main screens at 80×24 and 160×48: the workbench
on a sample, a finding selected deep in the text, the reports list, the help screen.  Taken
after the check workers are done (CJK text then lays out the same every time); regenerate
with --snapshot-update only after looking at the SVG."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import SAMPLES

pytest.importorskip("pytest_textual_snapshot")

from narrative.tui.app import NarrativeApp  # noqa: E402

SLIPS = SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt"
CLEAN_2023 = SAMPLES / "qinghe-xuanchuanbu-2023.txt"
SIZES = [(80, 24), (160, 48)]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _rel(path: Path) -> str:
    """Paths as the command line would give them (the status line shows the file's name only)."""
    return os.path.relpath(path)


async def _settled(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workbench_opens_on_the_findings(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(NarrativeApp([_rel(SLIPS)]), terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workbench_with_a_finding_deep_in_the_text(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def select(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settled(pilot)
        await pilot.press("slash", *"CLM001 299.18", "enter")
        await pilot.pause()

    assert snap_compare(NarrativeApp([_rel(SLIPS)]), terminal_size=size, run_before=select)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reports_list(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = NarrativeApp([_rel(SLIPS), _rel(CLEAN_2023)], several=True)
    assert snap_compare(app, terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def help_(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(NarrativeApp([_rel(SLIPS)]), terminal_size=size, run_before=help_)
