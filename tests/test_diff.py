"""``narrative diff`` and the copy-forward rules (issue 13) on the sample pair.

Every expected figure below is typed by hand from samples/qinghe-xuanchuanbu-2023.txt and
-2024.txt (the line is given; both files have the same layout, so the line is the same in
both), the change and its percentage worked out by hand: change = 2024 − 2023, % = change /
2023 × 100 rounded half up to two decimals.  The planted copy-forward slips are those of
samples/qinghe-xuanchuanbu-2024-carry-slips.toml (and, with --prior, of the text-slips).
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path

import pytest

from narrative.api import Options, Severity, analyse, check_document, diff, load_document
from narrative.cli import main

from .conftest import SAMPLES

OLD = SAMPLES / "qinghe-xuanchuanbu-2023.txt"
NEW = SAMPLES / "qinghe-xuanchuanbu-2024.txt"
CARRY = SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt"
TEXT_SLIPS = SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.txt"
MANIFEST = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.toml").read_text(encoding="utf-8"))
TEXT_MANIFEST = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-text-slips.toml").read_text(encoding="utf-8"))


@cache
def _pair():  # type: ignore[no-untyped-def]
    return diff(str(OLD), str(NEW))


# ---------------------------------------------------------------------- key figures
# name → (2023, 2024, change, change %, line of the cell, line of the report's 比上年 statement)
KEY_FIGURES = {
    "本年收入合计": ("512.55", "528.88", "16.33", "3.19", 115, 437),
    "本年支出合计": ("512.50", "532.35", "19.85", "3.87", 115, 443),
    "一般公共服务支出（201）": ("342.65", "361.78", "19.13", "5.58", 89, None),
    "文化旅游体育与传媒支出（207）": ("85.50", "85.05", "-0.45", "-0.53", 95, None),
    "社会保障和就业支出（208）": ("51.24", "53.58", "2.34", "4.57", 96, None),
    "卫生健康支出（210）": ("11.61", "12.12", "0.51", "4.39", 97, None),
    "住房保障支出（221）": ("21.50", "19.82", "-1.68", "-7.81", 107, None),
    "基本支出": ("338.40", "351.50", "13.10", "3.87", 174, None),
    "项目支出": ("174.10", "180.85", "6.75", "3.88", 174, None),
    "人员经费": ("296.57", "309.34", "12.77", "4.31", 327, None),
    "公用经费": ("41.83", "40.96", "-0.87", "-2.08", 327, None),
    "三公经费": ("8.33", "7.43", "-0.90", "-10.80", 383, 477),
    "因公出国（境）费": ("0.00", "0.00", "0.00", None, 384, 479),
    "公务用车购置及运行维护费": ("4.98", "4.62", "-0.36", "-7.23", 385, None),
    "公务用车购置费": ("0.00", "0.00", "0.00", None, 386, 483),
    "公务用车运行维护费": ("4.98", "4.62", "-0.36", "-7.23", 387, 487),
    "公务接待费": ("3.35", "2.81", "-0.54", "-16.12", 388, 489),
    # no table holds it in this layout: the prose of each report, line 495
    "机关运行经费": ("41.83", "40.96", "-0.87", "-2.08", 495, 495),
    "年初结转和结余": ("10.57", "10.62", "0.05", "0.47", 117, 437),
    "年末结转和结余": ("10.62", "7.15", "-3.47", "-32.67", 117, 443),
}


def test_key_figures_of_the_sample_pair() -> None:
    d = _pair()
    assert d.error is None and d.comparison == "year-to-year" and d.gap == 1
    got = {k.name: (k.old_text, k.new_text, k.change, k.change_pct, k.new.span.line if k.new else None,
                    k.statement.span.line if k.statement else None) for k in d.key_figures}
    assert got == KEY_FIGURES
    assert {k.unit for k in d.key_figures} == {"万元"}


def test_the_reports_own_statements_agree_with_the_figures() -> None:
    by = {k.name: k for k in _pair().key_figures}
    # 437: "年初结转和结余 10.62 万元，比上年增加 0.05 万元，增长 0.50%": 0.05 / 10.57 = 0.47%, but
    # [0.04, 0.06] / [10.565, 10.575] reaches 0.50%: within rounding, not a disagreement
    st = by["年初结转和结余"].statement
    assert st is not None and (st.direction, st.change, st.pct) == (1, "0.05", "0.50")
    assert by["年初结转和结余"].disagrees is False
    assert all(k.disagrees in (None, False) for k in by.values())


def test_disagreeing_statement_is_marked(tmp_path: Path) -> None:
    lines = NEW.read_text(encoding="utf-8").split("\n")
    # line 477: 三公 决算数比上年减少 0.90 万元，下降 10.80% → 1.90, 20.36% (8.33 − 7.43 = 0.90)
    assert lines[476].count("决算数比上年减少 0.90 万元，下降 10.80%") == 1
    lines[476] = lines[476].replace("决算数比上年减少 0.90 万元，下降 10.80%", "决算数比上年减少 1.90 万元，下降 20.36%")
    edited = tmp_path / "qinghe-2024-edited.txt"
    edited.write_text("\n".join(lines), encoding="utf-8")
    k = next(k for k in diff(str(OLD), str(edited)).key_figures if k.name == "三公经费")
    assert k.disagrees is True and "−1.90" in k.why and "0.90" in k.why


# ---------------------------------------------------------------------- tables
def test_changed_cells_of_01_against_hand_computed_values() -> None:
    t01 = next(t for t in _pair().tables if t.kind == "T01")
    got = {(c.new_span.line if c.new_span else None, c.key, c.old, c.new, c.change, c.change_pct) for c in t01.cells}
    assert got == {
        (89, "T01[income.gpb].amount", "512.55", "527.68", "15.13", "2.95"),
        (89, "T01[exp.201].amount", "342.65", "361.78", "19.13", "5.58"),
        (95, "T01[exp.207].amount", "85.50", "85.05", "-0.45", "-0.53"),
        (96, "T01[income.other].amount", "0.00", "1.20", "1.20", None),  # no base: no percentage
        (96, "T01[exp.208].amount", "51.24", "53.58", "2.34", "4.57"),
        (97, "T01[exp.210].amount", "11.61", "12.12", "0.51", "4.39"),
        (107, "T01[exp.221].amount", "21.50", "19.82", "-1.68", "-7.81"),
        (115, "T01[income.total].amount", "512.55", "528.88", "16.33", "3.19"),
        (115, "T01[exp.total].amount", "512.50", "532.35", "19.85", "3.87"),
        (117, "T01[income.carry_begin].amount", "10.57", "10.62", "0.05", "0.47"),
        (117, "T01[exp.carry_end].amount", "10.62", "7.15", "-3.47", "-32.67"),
        (119, "T01[income.grand_total].amount", "523.12", "539.50", "16.38", "3.13"),
        (119, "T01[exp.grand_total].amount", "523.12", "539.50", "16.38", "3.13"),
    }
    assert t01.status == "changed" and not t01.rows_added and not t01.rows_removed


def test_06_cell_and_tables_by_kind() -> None:
    tables = {(t.kind, t.instance): t for t in _pair().tables}
    # 公开07, 08 (empty both years) and 10 (2 vehicles, 1 item of equipment both years) did not change
    assert {k for k, t in tables.items() if t.status == "unchanged"} == {("T07", ""), ("T08", ""), ("T10", "")}
    # line 326: 30299 其他商品和服务支出 4.10 → 4.15
    c = next(c for c in tables[("T06", "")].cells if c.key == "T06[30299].amount")
    assert (c.old, c.new, c.change, c.change_pct) == ("4.10", "4.15", "0.05", "1.22")
    # the three 自评表 are told apart by their project, not by their order
    assert {i for k, i in tables if k == "SE"} == {"意识形态和宣传思想工作经费", "新时代文明实践中心建设经费", "宣传文化发展专项资金"}


def test_a_table_that_vanishes() -> None:
    # the slips file lost its whole 公开07 block (slip S07)
    d = diff(str(OLD), str(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt"))
    assert [(t.kind, t.status) for t in d.tables if t.status in ("added", "removed")] == [("T07", "removed")]


# ---------------------------------------------------------------------- prose
def test_prose_pairs_and_word_changes() -> None:
    prose = _pair().prose
    at = {(p.status, p.new_span.line if p.new_span else p.old_span.line if p.old_span else None): p for p in prose}
    # line 72: 离退休人员 8 → 9 人，…养老保险基金发放养老金的人员 6 → 7 人
    p = at[("numbers", 72)]
    assert p.figures == [("8", "9"), ("6", "7")]
    # line 439: 2023 "其他收入 0.00 万元，占 0.00%，与上年持平。" gave way to a new sentence on 1.20 万元
    assert at[("removed", 439)].old == "其他收入 0.00 万元，占 0.00%，与上年持平。"
    assert at[("new", 439)].new is not None and at[("new", 439)].new.startswith("其他收入 1.20 万元")
    # line 467: only the figures changed (278.65 → 290.18, 8.53 → 11.53, 3.16% → 4.14%)
    assert at[("numbers", 467)].figures == [("278.65", "290.18"), ("8.53", "11.53"), ("3.16%", "4.14%")]
    # years relative to each report: "本部门 2023 年度…" and "本部门 2024 年度…" are the same words
    p451 = at[("numbers", 451)]
    assert all(w.op == "equal" for w in p451.words if "2024" in w.new)


def test_findings_point_at_their_sentence() -> None:
    d = diff(str(OLD), str(TEXT_SLIPS))
    # "…全年国内公务接" / (blank) / "待 11 批, 累计接待 78 人次…": lines 489–491
    carried = next(p for p in d.prose if p.new_span and p.new_span.line == 489 and p.new_span.end_line == 491)
    rules = {f.rule for fp in carried.findings if (f := d.finding(fp))}
    assert "YOY001" in rules and carried.status == "unchanged" and carried.carried


# ---------------------------------------------------------------------- copy-forward slips
def _serious(path: Path, prior: Path | None) -> set[tuple[int, str]]:
    fs = check_document(load_document(str(path)), prior=load_document(str(prior)) if prior else None)
    return {(f.span.line, f.rule) for f in fs if f.severity >= Severity.WARNING}


def _expected(key: str, slips: list[dict] | None = None) -> set[tuple[int, str]]:  # type: ignore[type-arg]
    return {(e["line"], e["rule"]) for s in (slips or MANIFEST["slip"]) for e in s[key]}


def test_carry_slips_file_is_the_clean_file_with_the_manifest_edits() -> None:
    edited = NEW.read_text(encoding="utf-8").split("\n")
    for s in MANIFEST["slip"]:
        assert edited[s["line"] - 1].count(s["clean"]) == 1, s["id"]
        edited[s["line"] - 1] = edited[s["line"] - 1].replace(s["clean"], s["planted"])
        # each slip puts back what the 2023 report says at that line
        assert s["planted"] in OLD.read_text(encoding="utf-8").split("\n")[s["line"] - 1], s["id"]
    assert edited == CARRY.read_text(encoding="utf-8").split("\n")


def test_every_carry_slip_is_found_and_nothing_else() -> None:
    assert _serious(CARRY, None) == _expected("expect")
    assert _serious(CARRY, OLD) == _expected("expect_prior")


def test_diff_finds_every_planted_cross_year_and_copy_forward_slip() -> None:
    """diff reports the same year-to-year findings as check --prior: every YOY expectation of
    both manifests, as a warning or an error."""
    for path, manifest in ((CARRY, MANIFEST), (TEXT_SLIPS, TEXT_MANIFEST)):
        d = diff(str(OLD), str(path))
        got = {(f.span.line, f.rule) for f in d.findings if f.severity >= Severity.WARNING}
        want = {(e["line"], e["rule"]) for s in manifest["slip"] for e in s["expect_prior"] if e["rule"].startswith("YOY")}
        assert want and got == want, path.name


def test_stale_change_statement_and_statistics() -> None:
    fs = check_document(load_document(str(CARRY)), select=["YOY"], prior=load_document(str(OLD)))
    by = {(f.span.line, f.rule): f for f in fs}
    f = by[(569, "YOY001")]
    assert f.stated == "138件" and f.message.startswith("statistics not refreshed")
    f = by[(469, "YOY004")]
    assert f.stated == "减少 2.23万元，下降 5.06%" and "line 469" in f.message


def test_reason_reused_for_a_change_several_times_as_large(tmp_path: Path) -> None:
    # a 2023 report whose 公务用车运行维护费 fell by 0.02 万元 (4.98 + 0.02 = 5.00; 0.02 / 5.00 = 0.40%),
    # reason "车辆维修费用减少", as 2024's for its fall of 0.36 万元: 0.36 / 0.02 = 18 times as large
    lines = OLD.read_text(encoding="utf-8").split("\n")
    assert lines[486].count("决算数比上年减少 0.08 万元，下降 1.58%") == 1
    lines[486] = lines[486].replace("决算数比上年减少 0.08 万元，下降 1.58%", "决算数比上年减少 0.02 万元，下降 0.40%")
    prior = tmp_path / "qinghe-2023-edited.txt"
    prior.write_text("\n".join(lines), encoding="utf-8")
    fs = check_document(load_document(str(NEW)), select=["YOY"], prior=load_document(str(prior)))
    [f] = [f for f in fs if f.severity >= Severity.WARNING]
    assert (f.rule, f.span.line, f.stated) == ("YOY002", 487, "车辆维修费用减少")
    assert "18.0 times as large" in f.message
    # with 2023's own 0.08 (0.36 / 0.08 = 4.5 times) the reuse is only noted
    fs = check_document(load_document(str(NEW)), select=["YOY002"], prior=load_document(str(OLD)))
    assert [f.severity for f in fs if f.stated == "车辆维修费用减少"] == [Severity.INFO]


def test_a_clean_prior_adds_no_error_nor_warning() -> None:
    assert _serious(NEW, OLD) == set()
    d = _pair()
    assert d.count(Severity.ERROR) == 0 and d.count(Severity.WARNING) == 0


# ---------------------------------------------------------------------- which two reports
def _retitled(tmp_path: Path, source: Path, old: str, new: str, name: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    out = tmp_path / name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def test_refusals_and_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = _retitled(tmp_path, OLD, "中共青禾县委宣传部 2023 年度部门决算", "中共青禾县委组织部 2023 年度部门决算",
                      "other-2023.txt")
    assert main(["diff", str(other), str(NEW)]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and "different departments" in err[0] and "--force" in err[0]
    assert main(["diff", str(NEW), str(OLD)]) == 2
    assert "OLD must be the earlier year" in capsys.readouterr().err
    assert main(["diff", "--force", "--format", "json", str(other), str(NEW)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["forced"] and any("different departments" in n for n in out["notes"])
    # check --prior: the same refusal, per file, exit 2; --force checks anyway
    assert main(["check", str(NEW), "--prior", str(other)]) == 2
    err = capsys.readouterr().err
    assert "different departments" in err and "--force checks against it anyway" in err
    assert main(["check", str(OLD), "--prior", str(NEW), "--force", "--select", "YOY"]) == 0
    capsys.readouterr()


def test_a_gap_of_two_years_skips_the_change_checks(tmp_path: Path) -> None:
    older = _retitled(tmp_path, OLD, "中共青禾县委宣传部 2023 年度部门决算", "中共青禾县委宣传部 2022 年度部门决算",
                      "qinghe-2022.txt")
    d = diff(str(older), str(TEXT_SLIPS))
    assert d.error is None and d.gap == 2
    assert d.notes == ["2022 → 2024 is a gap of 2 years: the 比上年 checks are skipped"]
    assert {f.rule for f in d.findings} <= {"YOY001"}  # 471's YOY003 needs the year just before
    assert all(k.disagrees is None for k in d.key_figures)
    a = analyse(str(NEW), Options(select=("YOY",)), str(older))
    assert a.error is None and a.notes == ["2022 → 2024 is a gap of 2 years: the 比上年 checks are skipped"]


def test_prior_dir_pairs_by_identity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    this, last = tmp_path / "2024", tmp_path / "2023"
    this.mkdir()
    last.mkdir()
    (last / "a.txt").write_text(OLD.read_text(encoding="utf-8"), encoding="utf-8")
    (this / "b.txt").write_text(TEXT_SLIPS.read_text(encoding="utf-8"), encoding="utf-8")
    _retitled(tmp_path, NEW, "中共青禾县委宣传部 2024 年度部门决算", "中共青禾县委组织部 2024 年度部门决算",
              "2024/c.txt")
    assert main(["check", str(this), "--prior-dir", str(last), "--select", "YOY", "--format", "json"]) == 1
    captured = capsys.readouterr()
    docs = {Path(x["path"]).name: x for x in json.loads(captured.out)["documents"]}
    assert docs["b.txt"]["prior"]["path"].endswith("a.txt")
    assert {(f["line"], f["rule"]) for f in docs["b.txt"]["findings"] if f["severity"] != "info"} == {
        (e["line"], e["rule"]) for s in TEXT_MANIFEST["slip"] for e in s["expect_prior"] if e["rule"].startswith("YOY")}
    assert docs["c.txt"]["prior"] is None and docs["c.txt"]["findings"] == []
    assert "c.txt: note: unpaired: no 中共青禾县委组织部 2023 决算" in captured.err


# ---------------------------------------------------------------------- output
def test_text_output_fits_80_columns_and_is_plain_when_piped(capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len

    monkeypatch.delenv("COLUMNS", raising=False)
    assert main(["diff", str(OLD), str(TEXT_SLIPS)]) == 1  # YOY003 at 471 is an error
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert max(cell_len(line) for line in out.split("\n")) <= 80
    assert not any(line.endswith(" ") for line in out.split("\n"))
    assert "471: YOY003 error" in out
    # line 72's two figures marked as a plain diff
    assert "[-8-]{+9+}" in out and "[-6-]{+7+}" in out
    assert main(["diff", "--color", "always", str(OLD), str(NEW)]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_json_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--format", "json", str(OLD), str(NEW)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["version"] == 1 and d["error"] is None and d["comparison"] == "year-to-year"
    assert set(d) >= {"old", "new", "notes", "summary", "key_figures", "tables", "prose", "findings"}
    k = next(k for k in d["key_figures"] if k["name"] == "本年收入合计")
    assert (k["old_text"], k["new_text"], k["change"], k["change_pct"]) == ("512.55", "528.88", "16.33", "3.19")
    assert k["statement"]["span"]["line"] == 437 and k["old_value"] == 512.55
    assert d["summary"]["tables_unchanged"] == 3
    assert main(["diff", "--format", "markdown", str(OLD), str(NEW)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# 中共青禾县委宣传部 2023 决算 → 2024 决算")
    assert "| 本年收入合计 | 万元 | 512.55 | 528.88 | +16.33 | +3.19 |" in md


def test_unreadable_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["diff", str(missing), str(NEW)]) == 2
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 1 and err[0].startswith("narrative: OLD ")
