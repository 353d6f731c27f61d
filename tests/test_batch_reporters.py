"""The batch reporters on results made by hand: review verdicts (set by a baseline) as a CSV
and XLSX column and as SARIF suppressions, CJK-aware column widths, text Excel can hold."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import openpyxl

from narrative.api import FileResult, Finding, Severity, Span
from narrative.report import reporter
from narrative.report.xlsx_report import cells

from .conftest import ROOT

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _finding(rule: str, fp: str, verdict: str | None = None, note: str | None = None, excerpt: str = "合计 100.00",
             ) -> Finding:
    f = Finding(rule, Severity.ERROR, "sum differs", Span(3, column=5, end_column=11), excerpt, stated="100.00",
                computed="90.00", fingerprint=fp)
    if verdict is not None:
        f.verdict = verdict  # type: ignore[attr-defined]  # what issue 12's baseline sets
        f.note = note  # type: ignore[attr-defined]
    return f


def _results() -> list[FileResult]:
    return [
        FileResult("县/某某局.txt", department="某某局" * 8, year=2024, report_kind="决算", format="text", findings=[
            _finding("TBL001", "a" * 16, "accepted", "rounded in the source table"),
            _finding("TBL001", "b" * 16, "confirmed"),
            _finding("CLM001", "c" * 16, excerpt="bad\x07bell"),
        ]),
        FileResult("县/broken.pdf", error="encrypted PDF; a password is required"),
    ]


def _render(fmt: str) -> str:
    out = io.StringIO()
    rep = reporter(fmt, out)
    rep.start()
    for r in _results():
        rep.result(r)
    rep.end()
    return out.getvalue()


def test_verdicts_are_a_csv_column() -> None:
    rows = list(csv.DictReader(_render("csv").splitlines()))
    assert [(r["fingerprint"], r["verdict"]) for r in rows] == [("a" * 16, "accepted"), ("b" * 16, "confirmed"),
                                                                ("c" * 16, "")]
    assert rows[0]["location"] == "3:5"


def test_accepted_findings_are_sarif_suppressions_and_unreadable_files_notifications() -> None:
    sarif = json.loads(_render("sarif"))
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    run = sarif["runs"][0]
    results = {r["fingerprints"]["narrative/v1"]: r for r in run["results"]}
    assert results["a" * 16]["suppressions"] == [{"kind": "external", "status": "accepted",
                                                  "justification": "rounded in the source table"}]
    assert "suppressions" not in results["b" * 16] and results["b" * 16]["properties"]["verdict"] == "confirmed"
    assert results["a" * 16]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "%E5%8E%BF/%E6%9F%90%E6%9F%90%E5%B1%80.txt", "uriBaseId": "SRCROOT"}  # 县/某某局.txt, relative
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "could not be read: encrypted PDF; a password is required"
    assert len(run["results"]) == 3


def test_xlsx_verdicts_widths_and_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with open(path, "wb") as fh:
        rep = reporter("xlsx", fh)
        rep.start()
        for r in _results():
            rep.result(r)
        rep.end()
    wb = openpyxl.load_workbook(path)
    rows = list(wb["findings"].iter_rows(min_row=2, values_only=True))
    assert [r[12] for r in rows] == ["accepted", "confirmed", None]
    assert rows[2][10] == "bad\ufffdbell"  # a control character Excel cannot hold, replaced
    assert cells("某某局") == 6 and cells("abc") == 3 and cells("１２") == 4
    # column B holds "某某局" × 8: 24 CJK characters, 48 cells wide, + 2 of margin
    assert wb["summary"].column_dimensions["B"].width == 50
    assert wb["summary"]["K2"].value is None and wb["summary"]["K3"].value == "encrypted PDF; a password is required"


def test_baselined_findings_never_fail_a_run() -> None:
    from narrative.cli.batch_run import _fails

    accepted = FileResult("x", findings=[_finding("TBL001", "a" * 16, "accepted")])
    false_alarm = FileResult("x", findings=[_finding("TBL001", "a" * 16, "false-alarm")])
    confirmed = FileResult("x", findings=[_finding("TBL001", "a" * 16, "confirmed")])
    assert not _fails(accepted, 2) and not _fails(false_alarm, 2)
    assert _fails(confirmed, 2) and not _fails(confirmed, None)


def test_a_sheet_past_excels_rows_says_what_it_left_out(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from narrative.report import xlsx_report

    monkeypatch.setattr(xlsx_report, "MAX_ROWS", 3)  # header, one finding, the note
    path = tmp_path / "out.xlsx"
    with open(path, "wb") as fh:
        rep = reporter("xlsx", fh)
        rep.start()
        rep.result(_results()[0])
        rep.end()
    rows = list(openpyxl.load_workbook(path)["findings"].iter_rows(values_only=True))
    assert len(rows) == 3 and rows[1][11] == "a" * 16
    assert rows[2][0] == "2 more rows not shown: a sheet holds 3 rows (use --format csv)"
