"""Inputs that are not regular files: pipes, standard input, FIFOs, devices.

Each is read once (nothing of the first kilobyte lost to a sniffing read) and
within the same 32 MiB limit as a file; an endless stream is refused without
holding more than the limit in memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from narrative.errors import InputError
from narrative.ingest import read_source

from .conftest import ROOT, SAMPLES

SAMPLE = SAMPLES / "qinghe-xuanchuanbu-2024.txt"
SAMPLE_PDF = SAMPLES / "qinghe-xuanchuanbu-2024.pdf"


def _texts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [ln.text for ln in doc.lines]


def _file_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def _python(code: str, **kw) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, cwd=ROOT, **kw)


# The child prints every line it read, then a marker line; the parent compares with the file.
_PRINT_LINES = (
    "import sys\n"
    "from narrative.ingest import read_source\n"
    "doc = read_source(sys.argv[1])\n"
    "sys.stdout.write(doc.format + '\\n' + '\\n'.join(ln.text for ln in doc.lines))\n"
)


def test_the_sample_is_longer_than_a_sniffed_kilobyte() -> None:
    # The old reader lost the first 1 KiB of a pipe; the sample must be longer than that
    # for the tests below to see the loss; its title is on its third line.
    assert SAMPLE.stat().st_size > 4096
    assert _file_lines()[2] == "中共青禾县委宣传部 2024 年度部门决算"


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_standard_input_is_read_once_and_whole(name: str) -> None:
    with open(SAMPLE, "rb") as fh:
        proc = subprocess.run([sys.executable, "-c", _PRINT_LINES, name], stdin=fh, capture_output=True,
                              timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8").split("\n")
    assert out[0] == "text"
    assert out[1:] == _file_lines()


def test_standard_input_from_a_pipe_is_read_once_and_whole() -> None:
    cat = subprocess.Popen(["cat", str(SAMPLE)], stdout=subprocess.PIPE)
    proc = subprocess.run([sys.executable, "-c", _PRINT_LINES, "/dev/stdin"], stdin=cat.stdout,
                          capture_output=True, timeout=120, cwd=ROOT)
    assert cat.stdout is not None
    cat.stdout.close()
    cat.wait(10)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8").split("\n")[1:] == _file_lines()


@pytest.mark.skipif(shutil.which("bash") is None, reason="process substitution needs bash")
def test_process_substitution_path() -> None:
    script = f'"{sys.executable}" -c "$0" <(cat "{SAMPLE}")'
    proc = subprocess.run(["bash", "-c", script, _PRINT_LINES], capture_output=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8").split("\n")[1:] == _file_lines()


def test_a_pipe_by_its_fd_path_in_process() -> None:
    r, w = os.pipe()
    data = SAMPLE.read_bytes()

    def feed() -> None:
        with os.fdopen(w, "wb") as fh:
            fh.write(data)

    t = threading.Thread(target=feed)
    t.start()
    try:
        doc = read_source(f"/dev/fd/{r}")
    finally:
        t.join(30)
        os.close(r)
    assert doc.format == "text"
    assert _texts(doc) == _file_lines()


def test_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    data = SAMPLE.read_bytes()

    def feed() -> None:
        with open(fifo, "wb") as fh:  # blocks until the reader opens it
            fh.write(data)

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    got: dict[str, object] = {}
    # Read in a thread: a reader that opens the FIFO twice waits for a second writer forever.
    reader = threading.Thread(target=lambda: got.setdefault("doc", read_source(str(fifo))), daemon=True)
    reader.start()
    reader.join(30)
    assert "doc" in got, "the FIFO was not read within 30 s"
    assert _texts(got["doc"]) == _file_lines()


def test_dev_zero_is_refused_within_the_limit() -> None:
    # Under a 1 GiB address-space cap: the old reader would have grown without bound
    # (about 24 GB before the kernel stopped it) and died of a MemoryError here.
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from narrative.errors import InputError\n"
        "from narrative.ingest import read_source\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    read_source('/dev/zero')\n"
        "except InputError as err:\n"
        "    print(err)\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    proc = _python(code)
    assert proc.returncode == 0, proc.stderr.decode()
    message, grown_mib = proc.stdout.decode().splitlines()
    assert message == "input too large (more than 32 MiB; limit 32 MiB)"
    assert int(grown_mib) <= 32 + 1 + 8  # the limit, one chunk, some slack for the interpreter


def test_an_endless_pipe_is_refused() -> None:
    yes = subprocess.Popen(["yes", "本年收入合计\t311.56"], stdout=subprocess.PIPE)
    code = (
        "from narrative.errors import InputError\n"
        "from narrative.ingest import read_source\n"
        "try:\n"
        "    read_source('-')\n"
        "except InputError as err:\n"
        "    print(err)\n"
    )
    try:
        proc = _python(code, stdin=yes.stdout)
    finally:
        assert yes.stdout is not None
        yes.stdout.close()
        yes.kill()
        yes.wait(10)
    assert proc.stdout.decode().strip() == "input too large (more than 32 MiB; limit 32 MiB)"


def test_a_regular_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(40 * 1024 * 1024)
    with pytest.raises(InputError, match=r"^file too large \(40 MiB; limit 32 MiB\)$"):
        read_source(str(big))


def test_a_pdf_on_standard_input_is_parsed_and_its_temporary_file_removed(tmp_path: Path) -> None:
    spill = tmp_path / "tmp"
    spill.mkdir()
    env = dict(os.environ, TMPDIR=str(spill))
    with open(SAMPLE_PDF, "rb") as fh:
        proc = subprocess.run([sys.executable, "-c", _PRINT_LINES, "-"], stdin=fh, capture_output=True,
                              timeout=120, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8").split("\n")
    assert out[0] == "pdf"
    assert out[1:] == _texts(read_source(str(SAMPLE_PDF)))
    assert list(spill.iterdir()) == []


def test_the_pdf_read_from_a_pipe_keeps_the_name_it_was_given() -> None:
    r, w = os.pipe()
    data = SAMPLE_PDF.read_bytes()

    def feed() -> None:
        with os.fdopen(w, "wb") as fh:
            fh.write(data)

    t = threading.Thread(target=feed)
    t.start()
    try:
        doc = read_source(f"/dev/fd/{r}")
    finally:
        t.join(30)
        os.close(r)
    assert doc.format == "pdf" and doc.path == f"/dev/fd/{r}"
    assert doc.lines[0].text == "中共青禾县委宣传部 2024 年度部门决算"


def test_narrative_check_reads_standard_input() -> None:
    import json

    with open(SAMPLE, "rb") as fh:
        proc = subprocess.run([sys.executable, "-m", "narrative.cli", "check", "--format", "json", "-"], stdin=fh,
                              capture_output=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    (doc,) = json.loads(proc.stdout)["documents"]
    assert doc["path"] == "-" and doc["error"] is None
    assert doc["department"] == "中共青禾县委宣传部"
