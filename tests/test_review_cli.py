"""The review baseline on the command line (issue 12): ``check --write-baseline`` once, then
``check --baseline`` in every later run; ``baseline show | set | prune | stats``.

Most cases use tests/data/tiny-report.txt with ``--select TBL001``: two errors on line 18
(20101 人大事务: 本年支出合计 100.00 against Σ项 90.00 at column 13, 项目支出 40.00 against 30.00
at column 26; see test_cli.py).  The text-against-PDF case uses the slips sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from narrative.cli import main

from .conftest import ROOT, SAMPLES

TINY = (ROOT / "tests" / "data" / "tiny-report.txt").read_text(encoding="utf-8")
KEY = "某某局|2024|决算|部门"
TBL001 = ["--select", "TBL001"]
FAKE = "feedfacefeedface"  # an entry typed by hand: it matches no finding, so it is stale


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    p = tmp_path / "report.txt"
    p.write_text(TINY, encoding="utf-8")
    return p


@pytest.fixture()
def review(tmp_path: Path, report: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The review file of a first run: both TBL001 findings recorded as accepted."""
    path = tmp_path / "review.json"
    code, out, err = run(["check", str(report), *TBL001, "--write-baseline", str(path), "--reviewer", "li"], capsys)
    assert code == 0 and "2 new finding(s) recorded as accepted" in err
    return path


def _entries(path: Path, key: str = KEY) -> dict[str, dict[str, object]]:
    return json.loads(path.read_text(encoding="utf-8"))["reports"][key]["findings"]  # type: ignore[no-any-return]


def _fingerprint(entries: dict[str, dict[str, object]], stated: str) -> str:
    return next(fp for fp, e in entries.items() if e["stated"] == stated)


def _add_fake(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["reports"][KEY]["findings"][FAKE] = {"rule": "TBL001", "severity": "error", "verdict": "accepted",
                                              "excerpt": "20102 | 政协事务 | 5.00", "note": "", "who": "li"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_baseline_hides_what_it_accepts_and_the_run_passes(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    entries = _entries(review)
    assert sorted(str(e["stated"]) for e in entries.values()) == ["100.00", "40.00"]
    assert {e["verdict"] for e in entries.values()} == {"accepted"} and {e["who"] for e in entries.values()} == {"li"}
    code, out, _ = run(["check", str(report), *TBL001], capsys)
    assert code == 1
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review)], capsys)
    assert code == 0
    assert "TBL001" not in out and "0 error(s)" in out and "2 baselined finding(s) hidden" in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--format", "json"], capsys)
    doc = json.loads(out)
    assert code == 0 and doc["documents"][0]["findings"] == []
    assert doc["summary"]["errors"] == 0 and doc["summary"]["baselined"] == 2
    assert doc["documents"][0]["baseline"]["key"] == KEY
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--format", "markdown"], capsys)
    assert code == 0 and "TBL001" not in out and "0 error(s)" in out and "2 baselined finding(s) hidden" in out


def test_confirmed_is_shown_marked_and_still_fails(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fp = _fingerprint(_entries(review), "100.00")
    code, out, _ = run(["baseline", "set", str(review), fp, "confirmed", "--note", "财务科已确认", "--reviewer", "wang"],
                       capsys)
    assert code == 0 and fp in out and "confirmed" in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review)], capsys)
    assert code == 1
    lines = [ln for ln in out.splitlines() if ": TBL001 error " in ln]
    assert len(lines) == 1 and lines[0].startswith(f"{report}:18:13: ")
    assert "verdict: confirmed (wang, " in out and "财务科已确认" in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--format", "json"], capsys)
    [f] = json.loads(out)["documents"][0]["findings"]
    assert (f["fingerprint"], f["verdict"], f["verdict_note"], f["verdict_who"]) == (fp, "confirmed", "财务科已确认", "wang")


def test_show_baselined_shows_everything_with_its_verdict_and_passes(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--show-baselined"], capsys)
    assert code == 0  # shown, but accepted: they do not fail the run
    assert len([ln for ln in out.splitlines() if ": TBL001 error " in ln]) == 2
    assert out.count("verdict: accepted (li, ") == 2 and "2 baselined finding(s) shown" in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--show-baselined",
                        "--format", "json"], capsys)
    doc = json.loads(out)
    assert [f["verdict"] for f in doc["documents"][0]["findings"]] == ["accepted", "accepted"]
    assert doc["summary"]["errors"] == 0


def test_a_new_finding_stands_out_and_a_changed_figure_is_new(report: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Recorded with every rule: the two TBL001 of line 18 and nine TBL004 (the file holds only
    公开03 of the ten tables).  Line 18's 本年支出合计 100.00 becomes 101.00: the finding about it
    is about another figure now, so it is new (shown, failing), and so is the new one of line 17
    (201's Σ款 is now 101.00); the nine missing tables stay hidden.  (A finding quotes its table
    row, so the other finding of line 18 is new too: the row is another text now.)"""
    review = tmp_path / "all.json"
    run(["check", str(report), "--write-baseline", str(review)], capsys)
    report.write_text(TINY.replace("20101\t人大事务\t\t100.00", "20101\t人大事务\t\t101.00"), encoding="utf-8")
    code, out, _ = run(["check", str(report), "--baseline", str(review), "--format", "json"], capsys)
    assert code == 1
    doc = json.loads(out)
    shown = [(f["rule"], f["line"], f["stated"], f["verdict"]) for f in doc["documents"][0]["findings"]]
    assert ("TBL001", 18, "101.00", None) in shown and ("TBL001", 17, "100.00", None) in shown
    assert {rule for rule, *_ in shown} <= {"TBL001", "TBL002"}  # TBL002: 101.00 ≠ 60.00 + 40.00 across the row
    assert doc["summary"]["baselined"] == 9


def test_moving_text_and_renaming_the_file_keep_the_verdicts(tmp_path: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lines = TINY.split("\n")
    moved = "\n".join(lines[:1] + ["", "一、说明", "", "本表由办公室编制，数据截至年末。", ""] + lines[1:])
    other = tmp_path / "某某局2024年部门决算-最终版.txt"
    other.write_text(moved, encoding="utf-8")
    code, out, _ = run(["check", str(other), *TBL001, "--baseline", str(review)], capsys)
    assert code == 0 and "2 baselined finding(s) hidden" in out


def test_stale_entries_are_a_number_in_every_summary_and_listed_only_on_request(  # type: ignore[no-untyped-def]
        report: Path, review: Path, capsys) -> None:
    _add_fake(review)
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review)], capsys)
    assert code == 0 and "1 stale baseline entry" in out and FAKE not in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--format", "markdown"], capsys)
    assert "1 stale baseline entry" in out and FAKE not in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--format", "json"], capsys)
    doc = json.loads(out)
    assert doc["summary"]["stale_baseline_entries"] == 1 and FAKE not in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--show-baselined"], capsys)
    assert f"stale baseline entry {FAKE} TBL001" in out
    code, out, _ = run(["check", str(report), *TBL001, "--baseline", str(review), "--show-baselined",
                        "--format", "json"], capsys)
    assert [e["fingerprint"] for e in json.loads(out)["documents"][0]["baseline"]["stale_entries"]] == [FAKE]
    code, out, _ = run(["baseline", "show", str(review), str(report)], capsys)
    assert code == 0
    assert [ln.split()[0] for ln in out.splitlines() if "STALE" in ln] == [FAKE]
    assert "3 entries in 1 report(s); 1 stale baseline entry" in out


def test_an_entry_the_run_could_not_have_matched_is_not_stale(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A rule not selected, a severity below the run's minimum, a year-to-year rule without
    --prior: the run says nothing about those entries."""
    _add_fake(review)
    data = json.loads(review.read_text(encoding="utf-8"))
    data["reports"][KEY]["findings"]["0123456789abcdef"] = {"rule": "YOY001", "severity": "error",
                                                            "verdict": "accepted"}
    review.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["check", str(report), "--select", "TBL004", "--baseline", str(review)], capsys)
    assert "stale" not in out
    code, out, _ = run(["check", str(report), "--baseline", str(review), "--format", "json"], capsys)
    assert json.loads(out)["summary"]["stale_baseline_entries"] == 1  # the TBL001 one; YOY001 needs --prior
    data["reports"][KEY]["findings"][FAKE]["severity"] = "info"
    review.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["check", str(report), "--baseline", str(review), "--format", "json"], capsys)
    assert json.loads(out)["summary"]["stale_baseline_entries"] == 0  # the run shows warnings and errors only


def test_baseline_options_that_do_not_go_together_are_usage_errors(report: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(["check", str(report), "--show-baselined"], capsys)
    assert code == 2 and "--show-baselined needs --baseline" in err
    code, _, err = run(["check", str(report), "--baseline", "a.json", "--write-baseline", "b.json"], capsys)
    assert code == 2 and "two files" in err
    code, _, err = run(["baseline"], capsys)
    assert code == 2 and "show|set|prune|stats" in err


def test_prune_removes_the_stale_entries_and_says_how_many(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _add_fake(review)
    kept = {fp: e for fp, e in _entries(review).items() if fp != FAKE}
    code, out, _ = run(["baseline", "prune", str(review), str(report)], capsys)
    assert code == 0 and "removed 1 stale baseline entry" in out
    assert _entries(review) == kept


def test_write_baseline_again_adds_new_findings_and_keeps_every_verdict(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    fp = _fingerprint(_entries(review), "40.00")
    run(["baseline", "set", str(review), fp, "false-alarm", "--note", "项目支出含上年结转"], capsys)
    _add_fake(review)
    before = _entries(review)
    code, _, err = run(["check", str(report), "--write-baseline", str(review)], capsys)  # every rule now
    after = _entries(review)
    assert code == 0 and "new finding(s) recorded as accepted" in err
    assert {k: after[k] for k in before} == before  # verdicts, notes and the stale entry all kept
    assert len(after) > len(before) and {after[k]["rule"] for k in after if k not in before} == {"TBL004"}


def test_false_alarms_per_rule(report: Path, review: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    for fp in _entries(review):
        run(["baseline", "set", str(review), fp, "false-alarm"], capsys)
    code, out, _ = run(["baseline", "stats", str(review)], capsys)
    assert code == 0
    row = next(ln.split() for ln in out.splitlines() if ln.startswith("TBL001"))
    assert row[:5] == ["TBL001", "2", "0", "0", "2"] and row[5] == "100%"


def test_a_report_without_identity_is_keyed_by_its_content(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    anonymous = "\n".join(ln for ln in TINY.splitlines() if not ln.startswith(("某某局", "部门：", "2024 年度")))
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text(anonymous, encoding="utf-8")
    b.write_text(anonymous, encoding="utf-8")
    c.write_text(anonymous.replace("2010199\t其他人大事务支出\t\t20.00", "2010199\t其他人大事务支出\t\t25.00"),
                 encoding="utf-8")
    review = tmp_path / "review.json"
    run(["check", str(a), *TBL001, "--write-baseline", str(review)], capsys)
    [key] = json.loads(review.read_text(encoding="utf-8"))["reports"]
    assert key.startswith("sha256:")
    code, out, _ = run(["check", str(b), *TBL001, "--baseline", str(review)], capsys)
    assert code == 0 and "2 baselined finding(s) hidden" in out  # the same bytes: the same report
    code, out, _ = run(["check", str(c), *TBL001, "--baseline", str(review)], capsys)
    assert code == 1 and "baselined" not in out  # other bytes: never merged with it


BAD = {
    "corrupt": b'{"version": 1, "reports": {"\xe6\x9f\x90": {"findings": {',
    "newer": b'{"version": 9, "reports": {}}\n',
}


@pytest.mark.parametrize("raw", BAD.values(), ids=BAD.keys())
def test_a_bad_review_file_is_one_line_exit_2_and_never_written(report: Path, tmp_path: Path, raw: bytes,  # type: ignore[no-untyped-def]
                                                               capsys) -> None:
    review = tmp_path / "review.json"
    review.write_bytes(raw)
    for args in (["check", str(report), "--baseline", str(review)],
                 ["check", str(report), "--write-baseline", str(review)],
                 ["baseline", "set", str(review), "abcd", "accepted"],
                 ["baseline", "prune", str(review), str(report)],
                 ["baseline", "show", str(review)],
                 ["baseline", "stats", str(review)]):
        code, out, err = run(args, capsys)
        assert code == 2, args
        assert len(err.strip().splitlines()) == 1 and str(review) in err and "Traceback" not in err, args
        assert out == "", args
        assert review.read_bytes() == raw, args


def test_a_missing_review_file_for_baseline_is_one_line_exit_2(report: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(["check", str(report), "--baseline", str(tmp_path / "none.json")], capsys)
    assert code == 2 and "--write-baseline" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.json").exists()


@pytest.mark.parametrize("reading", [["qinghe-xuanchuanbu-2024-slips.pdf"],
                                     ["qinghe-xuanchuanbu-2024-slips-prose.pdf",
                                      "qinghe-xuanchuanbu-2024-slips-tables.pdf"]], ids=["pdf", "two-pdfs"])
def test_a_baseline_written_on_the_text_hides_the_same_findings_on_the_pdf(tmp_path: Path, reading: list[str],  # type: ignore[no-untyped-def]
                                                                         capsys) -> None:
    """The slips sample (48 planted slips, samples/README.md) recorded from its text; its PDF,
    and its prose and tables published as two PDFs, are the same report with the same findings."""
    review = tmp_path / "review.json"
    code, _, _ = run(["check", str(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt"), "--write-baseline", str(review)],
                     capsys)
    recorded = len(_entries(review, "中共青禾县委宣传部|2024|决算|部门"))  # the title, line 1 of the text
    assert code == 0 and recorded >= 48
    code, out, _ = run(["check", *(str(SAMPLES / name) for name in reading), "--baseline", str(review),
                        "--format", "json"], capsys)
    doc = json.loads(out)
    assert [d["findings"] for d in doc["documents"]] == [[]]
    assert doc["summary"]["baselined"] == recorded and doc["summary"]["stale_baseline_entries"] == 0
    assert code == 0
