"""The command line as a user and a batch script see it: exit codes, formats, settings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from narrative.cli import main

ROOT = Path(__file__).resolve().parents[1]

REPORT_WITH_SLIP = (ROOT / "tests" / "data" / "tiny-report.txt").read_text(encoding="utf-8")
# Line 18 (20101) no longer equals 70.00 + 20.00 = 90.00 (its 项 rows), in two
# columns: 本年支出合计 and 项目支出 (10.00 + 20.00 = 30.00 vs 40.00).


@pytest.fixture()
def slip_file(tmp_path: Path) -> Path:
    p = tmp_path / "slip.txt"
    p.write_text(REPORT_WITH_SLIP, encoding="utf-8")
    return p


def run(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_error_finding_exits_1_and_prints_linter_lines(slip_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["check", str(slip_file), "--select", "TBL001"], capsys)
    assert code == 1
    lines = [ln for ln in out.splitlines() if ": TBL001 error " in ln]
    assert len(lines) == 2
    # path:line:column: (1-based code points; the row is "20101⇥人大事务⇥⇥100.00…", so 100.00 is at 13)
    assert lines[0].startswith(f"{slip_file}:18:13: TBL001 error ")
    assert "stated 100.00; recomputed 90.00" in out
    assert err == ""


def test_json_schema(slip_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["check", str(slip_file), "--format", "json", "--select", "TBL001"], capsys)
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    doc = data["documents"][0]
    assert doc["path"] == str(slip_file) and doc["department"] == "某某局" and doc["year"] == 2024
    f = doc["findings"][0]
    for key in ("rule", "severity", "message", "line", "page", "excerpt", "stated", "computed", "explanation",
                "computed_low", "computed_high", "end_line", "fingerprint"):
        assert key in f
    assert (f["rule"], f["severity"], f["line"], f["page"]) == ("TBL001", "error", 18, None)
    assert f["stated"] == "100.00" and f["computed"] == "90.00"
    assert f["computed_low"] == "89.990" and f["computed_high"] == "90.010"
    assert f["excerpt"] == "20101 | 人大事务 | 100.00 | 60.00 | 40.00"


def test_fingerprint_is_stable_when_lines_move(slip_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    moved = tmp_path / "moved.txt"
    moved.write_text("\n\n\n" + REPORT_WITH_SLIP, encoding="utf-8")
    _, out1, _ = run(["check", str(slip_file), "--format", "json"], capsys)
    _, out2, _ = run(["check", str(moved), "--format", "json"], capsys)
    f1 = json.loads(out1)["documents"][0]["findings"]
    f2 = json.loads(out2)["documents"][0]["findings"]
    assert [f["fingerprint"] for f in f1] == [f["fingerprint"] for f in f2]
    assert [f["line"] + 3 for f in f1] == [f["line"] for f in f2]
    assert len({f["fingerprint"] for f in f1}) == len(f1)


def test_ignore_and_min_severity(slip_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["check", str(slip_file), "--ignore", "TBL001,TBL004"], capsys)
    assert code == 0, out
    assert "TBL001" not in out
    code, out, _ = run(["check", str(slip_file), "--select", "TBL004", "--min-severity", "error"], capsys)
    # a 决算 with one table: the nine others of the layout are missing
    assert code == 1 and out.count("TBL004 error") == 9


def test_markdown(slip_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["check", str(slip_file), "--format", "markdown", "--select", "TBL001"], capsys)
    assert code == 1
    assert out.startswith("# narrative report")
    assert "| 18 |  | TBL001 | error |" in out


def test_unreadable_file_exits_2_and_others_go_on(slip_file: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(["check", str(empty), str(tmp_path / "absent.txt"), "--select", "TBL001"], capsys)
    assert code == 2
    # with more than one job, in the order the files finish (README: "Order of results")
    assert sorted(err.splitlines()) == sorted([f"narrative: {empty}: empty file",
                                               f"narrative: {tmp_path / 'absent.txt'}: cannot open: No such file or directory"])
    # an error finding in another file outranks the unreadable ones: exit 1, and the bad file is still reported
    code, out, err = run(["check", str(empty), str(slip_file), "--select", "TBL001"], capsys)
    assert code == 1 and "TBL001" in out and "empty file" in err


def test_usage_errors_exit_2_with_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as e:
        main(["check", "--format", "yaml", "x.txt"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("narrative: usage error:")
    with pytest.raises(SystemExit) as e:
        main(["check", "x.txt", "--select", "NOPE9"])
    assert e.value.code == 2


def test_settings_from_pyproject(slip_file: Path, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text('[tool.narrative]\nignore = ["TBL"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", str(slip_file)], capsys)
    assert "TBL001" not in out and code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.narrative]\nbogus = 1\n', encoding="utf-8")
    code, _, err = run(["check", str(slip_file)], capsys)
    assert code == 2 and "unknown [tool.narrative] setting(s): bogus" in err


def test_every_rule_is_documented(capsys) -> None:  # type: ignore[no-untyped-def]
    from narrative.api import rules as all_rules

    rules = all_rules()
    assert len(rules) >= 17
    for r in rules:
        doc = r.documentation()
        assert r.code and r.name and r.summary(), r.code
        for part in ("What it checks", "Why it matters", "Example"):
            assert part in doc, f"{r.code} lacks '{part}' in its documentation"
    code, out, _ = run(["rules", "TBL001"], capsys)
    assert code == 0 and "What it checks" in out


def test_no_traceback_on_garbage(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    proc = subprocess.run([sys.executable, "-m", "narrative.cli", "check", str(junk)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_crashing_rule_is_one_finding_and_the_other_rules_findings_stay(slip_file: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: a rule that raises used to make the file "unreadable" (exit 2) and drop every
    finding; now it is one NAR001 error naming the rule and the other rules still report."""
    import json

    from narrative.checks import base
    from narrative.checks.runner import load_rules

    load_rules()

    def boom(ctx):  # type: ignore[no-untyped-def]
        raise ValueError("bad state")

    monkeypatch.setattr(base, "CHECKERS", [base.CheckerEntry(boom, ("TBL002",)), *base.CHECKERS])
    code, out, err = run(["check", str(slip_file), "--format", "json"], capsys)
    assert code == 1
    assert err == ""
    findings = json.loads(out)["documents"][0]["findings"]
    crash = [f for f in findings if f["rule"] == "NAR001"]
    assert len(crash) == 1 and crash[0]["severity"] == "error"
    assert crash[0]["message"].startswith("internal error in TBL002 (boom): ValueError: bad state (")
    assert "TBL001" in {f["rule"] for f in findings}  # the slip at line 18 is still found
