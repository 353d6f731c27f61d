"""A region's directory checked in one go (issue 17, "Done when"): generated reports with
corrupt, encrypted and empty files among them, in nested folders and several formats, checked
with two jobs and written as JSONL, CSV, XLSX and SARIF.  Every good file is checked, every bad
one is listed with its reason, the exit code is as README says, and the four outputs, read
back (json, csv, openpyxl, the SARIF 2.1.0 schema), agree on the number of findings.

Expected reasons are the readers' one-line messages (tests/test_pdf_ingest.py,
test_bad_inputs_cli.py); expected slips come from the sample's hand-written manifest."""

from __future__ import annotations

import csv
import json
import shutil
import tomllib
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from reportlab.pdfgen import canvas

from narrative.cli import main

from .conftest import ROOT, SAMPLES

TINY = (ROOT / "tests" / "data" / "tiny-report.txt").read_text(encoding="utf-8")
ROW = "2010101\t行政运行\t\t70.00\t60.00\t10.00"  # tiny-report.txt line 19
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

BAD = {
    "empty.txt": "empty file",
    "scans/locked.pdf": "encrypted PDF; a password is required",
    "scans/corrupt.pdf": "corrupt PDF (no document catalog)",
    "scans/cut.pdf": "truncated or corrupt PDF (no %%EOF marker at the end of the file)",
}


def make_region(root: Path) -> dict[str, Path]:
    """Reports of a region as an office would hold them: variants of the tiny report with other
    figures, the sample's slips (text and its PDF), a web page, a clean report in a subfolder,
    and the bad files of ``BAD``.  Returns name → path of the files discovery must find."""
    files: dict[str, Path] = {}
    for k, figure in enumerate(("70.00", "75.00", "80.00", "65.50")):
        p = root / "county-a" / f"tiny-{k}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(TINY.replace(ROW, ROW.replace("\t70.00\t", f"\t{figure}\t")), encoding="utf-8")
        files[p.name] = p
    for name in ("qinghe-xuanchuanbu-2024-slips.txt", "qinghe-xuanchuanbu-2024-slips.pdf",
                 "qinghe-xuanchuanbu-2024-slips.jsp"):
        files[name] = Path(shutil.copy(SAMPLES / name, root / name))
    (root / "county-b" / "deep").mkdir(parents=True)
    files["clean"] = Path(shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2024.txt", root / "county-b" / "deep" / "2024.TXT"))
    (root / "county-b" / "README.md").write_text("not a report: never discovered\n", encoding="utf-8")
    (root / "scans").mkdir()
    (root / "empty.txt").write_bytes(b"")
    c = canvas.Canvas(str(root / "scans" / "locked.pdf"), encrypt="secret")
    c.drawString(72, 770, "Total 311.56")
    c.save()
    good = (root / "qinghe-xuanchuanbu-2024-slips.pdf").read_bytes()
    (root / "scans" / "cut.pdf").write_bytes(good[: len(good) // 2])
    (root / "scans" / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + b"garbage " * 200 + b"\nstartxref\n999999\n%%EOF\n")
    for name in BAD:
        files[name] = root / name
    return files


def _run(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> tuple[Path, dict[str, Path]]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("region")
    return root, make_region(root)


@pytest.fixture(scope="module")
def outputs(region) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """One check of the region per format, two jobs each, sharing a result cache (the first run
    fills it, the others read it: the four outputs report the same results); the exit codes
    and stderr kept."""
    root, _files = region
    cache = root.parent / f"{root.name}-cache"
    out: dict[str, object] = {}
    mp = pytest.MonkeyPatch()
    import io
    import sys

    for fmt, suffix in (("jsonl", "jsonl"), ("csv", "csv"), ("xlsx", "xlsx"), ("sarif", "sarif")):
        target = root.parent / f"{root.name}.{suffix}"
        err = io.StringIO()
        mp.setattr(sys, "stderr", err)
        code = main(["check", str(root), "--jobs", "2", "--format", fmt, "--output", str(target),
                     "--cache", str(cache)])
        mp.undo()
        out[fmt] = (code, target, err.getvalue())
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert len(entries) == len(_files) - len(BAD)  # one per good report; no temporary file left
    return out


def test_every_file_is_found_every_good_one_checked_every_bad_one_listed(region, outputs) -> None:  # type: ignore[no-untyped-def]
    _root, files = region
    code, target, err = outputs["jsonl"]  # type: ignore[misc]
    lines = [json.loads(x) for x in Path(target).read_text(encoding="utf-8").splitlines()]
    docs, summary = lines[:-1], lines[-1]["summary"]
    assert sorted(d["path"] for d in docs) == sorted(str(p) for p in files.values())  # README.md not among them
    by_path = {d["path"]: d for d in docs}
    for name, reason in BAD.items():
        assert by_path[str(files[name])]["error"] == reason
        assert f"narrative: {files[name]}: {reason}" in err.splitlines()
    good = [d for p, d in by_path.items() if d["error"] is None]
    assert len(good) == len(files) - len(BAD)
    assert {d["department"] for d in good} == {"某某局", "中共青禾县委宣传部"}
    assert sorted(summary["failed"], key=lambda f: f["path"]) == sorted(
        ({"path": str(files[n]), "error": r} for n, r in BAD.items()), key=lambda f: f["path"])
    assert code == 1  # error findings outrank the unreadable files (README: exit codes)
    # the planted slips of the sample, from its manifest, are found in the text copy
    manifest = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-slips.toml").read_text(encoding="utf-8"))
    planted = {(e["line"], e["rule"]) for s in manifest["slip"] for e in s["expect"] if e["rule"] != "TBL005"}
    slips = by_path[str(files["qinghe-xuanchuanbu-2024-slips.txt"])]
    assert planted <= {(f["line"], f["rule"]) for f in slips["findings"] if f["severity"] == "error"}
    # tiny-0 is the report as written: 20101 = 100.00 but its 项 rows make 90.00 (line 18)
    tiny0 = by_path[str(files["tiny-0.txt"])]
    assert (18, "TBL001") in {(f["line"], f["rule"]) for f in tiny0["findings"]}


def test_the_four_outputs_agree_on_the_findings(region, outputs) -> None:  # type: ignore[no-untyped-def]
    _root, files = region
    assert all(o[0] == 1 for o in outputs.values())  # type: ignore[index]
    jsonl = [json.loads(x) for x in Path(outputs["jsonl"][1]).read_text(encoding="utf-8").splitlines()]  # type: ignore[index]
    n = sum(len(d["findings"]) for d in jsonl[:-1])
    assert n > 0 and n == jsonl[-1]["summary"]["errors"] + jsonl[-1]["summary"]["warnings"] + jsonl[-1]["summary"]["infos"]
    fingerprints = sorted(f["fingerprint"] for d in jsonl[:-1] for f in d["findings"])

    raw = Path(outputs["csv"][1]).read_bytes()  # type: ignore[index]
    assert raw.startswith(b"\xef\xbb\xbf")  # a file for Excel: UTF-8 with its byte order mark
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == n
    assert sorted(r["fingerprint"] for r in rows) == fingerprints
    assert list(rows[0]) == ["path", "department", "year", "kind", "rule", "severity", "location", "stated",
                             "computed", "message", "fingerprint", "verdict"]

    wb = openpyxl.load_workbook(outputs["xlsx"][1])  # type: ignore[index]
    assert wb.sheetnames[:2] == ["summary", "findings"] and wb.sheetnames[-1] == "rules"
    findings = wb["findings"]
    assert findings.max_row - 1 == n
    assert sorted(str(r[11]) for r in findings.iter_rows(min_row=2, values_only=True)) == fingerprints
    families = [ws for ws in wb.worksheets if ws.title not in ("summary", "findings", "rules")]
    assert {"TBL", "CLM", "XTB"} <= {ws.title for ws in families}
    assert sum(ws.max_row - 1 for ws in families) == n
    assert sum(r[3] for r in wb["rules"].iter_rows(min_row=2, values_only=True)) == n
    summary = list(wb["summary"].iter_rows(min_row=2, values_only=True))
    assert len(summary) == len(files) + 1  # one row per report, then the total
    assert {r[0]: r[10] for r in summary[:-1] if r[10]} == {str(files[k]): v for k, v in BAD.items()}
    assert summary[-1][9] == n
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref == f"A1:M{n + 1}"

    sarif = json.loads(Path(outputs["sarif"][1]).read_text(encoding="utf-8"))  # type: ignore[index]
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    run = sarif["runs"][0]
    assert len(run["results"]) == n
    assert sorted(r["fingerprints"]["narrative/v1"] for r in run["results"]) == fingerprints
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert sorted(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in notes) == sorted(
        files[name].as_uri() for name in BAD)
    assert not {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} & {
        files[name].as_uri() for name in BAD}


def test_exit_codes_follow_fail_on(region, capsys) -> None:  # type: ignore[no-untyped-def]
    _root, files = region
    clean = str(files["clean"])
    bad = str(files["empty.txt"])
    slips = str(files["qinghe-xuanchuanbu-2024-slips.txt"])
    q = ["--format", "jsonl", "--jobs", "1"]
    assert _run(["check", slips, *q], capsys)[0] == 1
    assert _run(["check", slips, *q, "--fail-on", "never"], capsys)[0] == 0
    assert _run(["check", slips, bad, *q, "--fail-on", "never"], capsys)[0] == 2  # unreadable still says so
    assert _run(["check", clean, *q], capsys)[0] == 0
    # the clean 2024 report has warnings but no errors (samples/README.md): --fail-on warning gates on them
    code, out, _ = _run(["check", clean, *q, "--fail-on", "warning"], capsys)
    warnings = json.loads(out.splitlines()[-1])["summary"]["warnings"]
    assert code == (1 if warnings else 0)


def test_csv_per_report_and_sarif_regions(region, capsys) -> None:  # type: ignore[no-untyped-def]
    _root, files = region
    names = ["tiny-0.txt", "empty.txt", "qinghe-xuanchuanbu-2024-slips.pdf"]
    code, out, _ = _run(["check", *(str(files[n]) for n in names), "--format", "csv", "--per-report", "--jobs", "1"],
                        capsys)
    rows = {r["path"]: r for r in csv.DictReader(out.splitlines())}
    assert rows[str(files["empty.txt"])]["error"] == "empty file"
    assert rows[str(files["tiny-0.txt"])]["department"] == "某某局" and rows[str(files["tiny-0.txt"])]["year"] == "2024"
    assert rows[str(files["qinghe-xuanchuanbu-2024-slips.pdf"])]["format"] == "pdf"
    code, out, _ = _run(["check", str(files["tiny-0.txt"]), str(files["qinghe-xuanchuanbu-2024-slips.pdf"]),
                         "--format", "sarif", "--jobs", "1", "--select", "TBL001"], capsys)
    sarif = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["runs"][0]["columnKind"] == "unicodeCodePoints"
    by_file: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for r in sarif["runs"][0]["results"]:
        by_file.setdefault(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], []).append(r)
    [first, *_] = by_file[files["tiny-0.txt"].as_uri()]
    # a text report has a region: tiny-report.txt line 18, "100.00" from column 13 (tests/test_cli.py)
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 18
    assert first["locations"][0]["physicalLocation"]["region"]["startColumn"] == 13
    # a PDF's line is within a page: no region, the page and line as properties
    pdf = by_file[files["qinghe-xuanchuanbu-2024-slips.pdf"].as_uri()]
    assert pdf and all("region" not in r["locations"][0]["physicalLocation"] for r in pdf)
    assert all(r["locations"][0]["physicalLocation"]["properties"]["page"] >= 1 for r in pdf)
