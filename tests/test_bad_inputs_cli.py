"""Bad inputs through the command line: one line on stderr each, exit 2, no traceback,
and in a batch the other files are still checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from .conftest import SAMPLES


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrative.cli", "check", *args], capture_output=True, text=True,
                          timeout=300)


def _pdf(path: Path, *, encrypt: str | None = None) -> Path:
    c = canvas.Canvas(str(path), encrypt=encrypt)
    c.setFont("Helvetica", 12)
    c.drawString(72, 770, "Total 311.56")
    c.save()
    return path


def _cases(tmp: Path) -> list[tuple[Path, str]]:
    good = _pdf(tmp / "good.pdf").read_bytes()
    (tmp / "cut.pdf").write_bytes(good[: len(good) // 2])
    (tmp / "fake.pdf").write_text("本年收入合计\t311.56\n", encoding="utf-8")
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "gbk-binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp / "utf16.txt").write_bytes("某某局 2024 年度部门决算".encode("utf-16"))
    (tmp / "notes.txt").write_text("shopping list: milk, eggs\n", encoding="utf-8")
    with open(tmp / "huge.txt", "wb") as fh:  # sparse: 40 MiB that take no disk
        fh.truncate(40 * 1024 * 1024)
    return [
        (_pdf(tmp / "locked.pdf", encrypt="secret"), "encrypted PDF; a password is required"),
        (tmp / "cut.pdf", "truncated or corrupt PDF (no %%EOF marker at the end of the file)"),
        (tmp / "fake.pdf", "not a PDF file (no %PDF header)"),
        (tmp / "empty.txt", "empty file"),
        (tmp / "gbk-binary.txt", "binary file, not a text report"),
        (tmp / "utf16.txt", "UTF-16 text is not supported; save the report as UTF-8"),
        (tmp / "notes.txt", "not a budget report: no 决算/预算 title with headings of a report, no budget table and no 目录 of budget tables found"),
        (tmp / "missing.pdf", "cannot open: No such file or directory"),
        (tmp / "huge.txt", "file too large (40 MiB; limit 32 MiB)"),
    ]


def test_each_bad_input_gets_one_line_and_exit_2(tmp_path: Path) -> None:
    for path, message in _cases(tmp_path):
        proc = _cli(str(path))
        assert proc.returncode == 2, (path.name, proc.stderr)
        assert proc.stderr == f"narrative: {path}: {message}\n", path.name
        assert "Traceback" not in proc.stderr


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    cases = _cases(tmp_path)
    clean = SAMPLES / "qinghe-xuanchuanbu-2024.txt"
    proc = _cli(*(str(p) for p, _ in cases[:3]), str(clean), "--format", "json")
    assert proc.returncode == 2  # no error finding in the clean sample, three unreadable files
    assert len(proc.stderr.strip().splitlines()) == 3
    import json

    docs = json.loads(proc.stdout)["documents"]
    assert [d["error"] is None for d in docs] == [False, False, False, True]
    assert docs[3]["department"] == "中共青禾县委宣传部"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_gb_encoded_report_is_read(tmp_path: Path, encoding: str) -> None:
    text = (SAMPLES / "qinghe-xuanchuanbu-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode(encoding))
    proc = _cli(str(path))
    assert proc.returncode == 0, proc.stderr
