"""``narrative check`` over many files: the time limit inside pool workers, lists of files,
the progress bar, the summary, and usage errors of the batch options."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from narrative.cli import main
from narrative.cli.common import FORMATS

from .conftest import ROOT
from .test_pdf_worker import slow_pdf

TINY = ROOT / "tests" / "data" / "tiny-report.txt"


def _run(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _jsonl(out: str) -> tuple[dict[str, dict], dict]:  # type: ignore[type-arg]
    lines = [json.loads(x) for x in out.splitlines()]
    return {d["path"]: d for d in lines[:-1]}, lines[-1]["summary"]


def _tiny(tmp_path: Path, n: int) -> list[Path]:
    out = []
    for k in range(n):
        p = tmp_path / f"r{k}.txt"
        p.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
        out.append(p)
    return out


def test_the_pdf_time_limit_holds_inside_pool_workers(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # 30 pages that take pdfminer about 45 s (tests/test_pdf_worker.py); --timeout 1.5 must stop it
    # in the worker process that reads it, and the other files must still be checked.
    slow = slow_pdf(tmp_path / "slow.pdf")
    good = _tiny(tmp_path, 3)
    code, out, err = _run(["check", str(slow), *map(str, good), "--jobs", "2", "--timeout", "1.5",
                           "--format", "jsonl"], capsys)
    docs, summary = _jsonl(out)
    assert docs[str(slow)]["error"] == "timed out after 1.5 s"  # the PDF reader's own limit, not the pool's
    assert all(docs[str(p)]["error"] is None and docs[str(p)]["findings"] for p in good)
    assert summary["failed"] == [{"path": str(slow), "error": "timed out after 1.5 s"}]
    assert f"narrative: {slow}: timed out after 1.5 s" in err
    assert code == 1  # tiny-report's TBL001 errors outrank the unreadable file


def test_files_from_a_list_and_from_standard_input(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    a, b, c = _tiny(tmp_path, 3)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{a}\n\n{tmp_path / 'gone.txt'}\r\n", encoding="utf-8")
    code, out, _ = _run(["check", str(b), "--files-from", str(listing), "--format", "jsonl", "--jobs", "1"], capsys)
    docs, _summary = _jsonl(out)
    assert list(docs) == [str(b), str(a), str(tmp_path / "gone.txt")]  # one job: in the order given
    assert docs[str(tmp_path / "gone.txt")]["error"] == "cannot open: No such file or directory"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(f"{c}\n{tmp_path}\n".encode())))
    code, out, _ = _run(["check", "--files-from", "-", "--format", "jsonl", "--jobs", "2"], capsys)
    paths = [json.loads(x).get("path") for x in out.splitlines()[:-1]]
    # a directory in the list is searched like one on the command line: its .txt files, list.txt too
    # (refused: not a report)
    assert sorted(paths) == sorted(map(str, [c, a, b, c, listing]))
    docs, _summary = _jsonl(out)
    assert docs[str(listing)]["error"].startswith("not a budget report")


def test_a_progress_bar_only_when_asked_or_on_a_terminal(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [str(p) for p in _tiny(tmp_path, 3)]
    _code, _out, err = _run(["check", *files, "--jobs", "1", "--format", "jsonl"], capsys)
    assert err == ""  # standard error is not a terminal here: nothing extra
    _code, _out, err = _run(["check", *files, "--jobs", "1", "--format", "jsonl", "--progress"], capsys)
    assert "checking" in err and "3/3" in err and "0 unreadable" in err
    _code, _out, err = _run(["check", *files, "--jobs", "1", "--format", "jsonl", "-q"], capsys)
    assert err == ""


def test_the_text_summary_names_failed_files_and_top_rules(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [str(p) for p in _tiny(tmp_path, 2)]
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = _run(["check", *files, str(tmp_path / "empty.txt"), "--jobs", "1", "--select", "TBL001"], capsys)
    tail = out.splitlines()[-4:]
    # tiny-report.txt: TBL001 twice (line 18, two columns), in each of the two copies
    assert tail[0].startswith("4 error(s), 0 warning(s), 0 info(s) in 3 file(s)")
    assert tail[1:] == ["top rules: TBL001 ×4", "could not be read:", f"    {tmp_path / 'empty.txt'}: empty file"]


def test_usage_errors_of_the_batch_options(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    [f] = [str(p) for p in _tiny(tmp_path, 1)]
    cases = [
        (["--format", "xlsx"], "usage error: --format xlsx needs --output FILE"),
        (["--format", "xlsx", "--output", "-"], "usage error: --format xlsx needs --output FILE"),
        (["--per-report"], "usage error: --per-report is for --format csv"),
        (["--jobs", "0"], "usage error: --jobs must be 1 or more"),
        (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"], "usage error: --scheduler is for --engine dask"),
        (["--quiet", "--progress"], "usage error: --quiet and --progress contradict each other"),
        (["--files-from", str(tmp_path / "none.txt")],
         f"--files-from {tmp_path / 'none.txt'}: cannot read: No such file or directory"),
        (["--output", str(tmp_path / "no" / "dir" / "out.json")],
         f"--output {tmp_path / 'no' / 'dir' / 'out.json'}: cannot write: No such file or directory"),
    ]
    for extra, message in cases:
        code, out, err = _run(["check", f, *extra], capsys)
        assert (code, err) == (2, f"narrative: {message}\n"), extra
    code, _out, err = _run(["check", "--jobs", "2"], capsys)
    assert (code, err) == (2, "narrative: usage error: no input files\n")


def test_the_parser_offers_every_reporter() -> None:
    from narrative.report import FORMATS as REPORTERS

    assert FORMATS == REPORTERS


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sarif"])
def test_text_formats_go_to_standard_output(tmp_path: Path, fmt: str, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [str(p) for p in _tiny(tmp_path, 2)]
    code, out, err = _run(["check", *files, "--format", fmt, "--jobs", "2", "--select", "TBL001"], capsys)
    assert code == 1 and err == ""
    assert out.count("TBL001") >= 4


def test_the_output_file_is_not_checked_as_a_report(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _tiny(tmp_path, 2)
    out = tmp_path / "region.xlsx"
    for _ in range(2):  # the second run finds region.xlsx in the folder it checks
        assert main(["check", str(tmp_path), "--format", "xlsx", "--output", str(out), "--jobs", "1"]) == 1
        assert capsys.readouterr().err == ""
    import openpyxl

    rows = list(openpyxl.load_workbook(out)["summary"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in rows[:-1]) == [str(tmp_path / "r0.txt"), str(tmp_path / "r1.txt")]


def test_discovery_finds_every_format_and_skips_what_is_not_a_report(tmp_path: Path) -> None:
    from narrative.cli.common import INPUT_SUFFIXES, expand

    names = [f"a/r{k}{suffix.upper() if k % 2 else suffix}" for k, suffix in enumerate(INPUT_SUFFIXES)]
    skipped = ["a/~$r.docx", "a/._r.pdf", ".git/x.txt", "a/notes.md", "a/b/.hidden/r.pdf"]
    for name in [*names, *skipped, "a/b/c/deep.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = [str(Path(p).relative_to(tmp_path)) for p in expand([str(tmp_path)])]
    assert sorted(found) == sorted([*names, "a/b/c/deep.pdf"])
    assert found[-1] == "a/b/c/deep.pdf"  # a folder's files, sorted, then its sub-folders
    assert expand([str(tmp_path / "a/~$r.docx")]) == [str(tmp_path / "a/~$r.docx")]  # named: taken as given
