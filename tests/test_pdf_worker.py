"""The PDF worker dies with its caller and within its own time limit, in every kind of caller.

The slow input is a real PDF, not a hook: 30 pages that all draw one compressed content
stream of 90,000 one-point glyphs (under every per-page and per-file cap), which pdfminer
needs about 1.5 s a page to interpret.  A file of under a kilobyte keeps a worker busy for
most of a minute, as the randomly damaged PDFs of issue 11 did.

Processes are found through a marker in their environment (/proc), so these tests need Linux.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
import zlib
from pathlib import Path

import pytest

from narrative.errors import InputError
from narrative.ingest import read_source
from narrative.ingest.pdf import read_pdf

from .conftest import ROOT, SAMPLES

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finds processes through /proc")


def slow_pdf(path: Path, pages: int = 30, glyphs_per_page: int = 90_000) -> Path:
    content = zlib.compress(b"BT /F1 1 Tf " + b"(aaaaaaaaaa) Tj " * (glyphs_per_page // 10) + b"ET", 9)
    kids = b" ".join(b"%d 0 R" % (5 + k) for k in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objs += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
        b" /Resources << /Font << /F1 4 0 R >> >> >>"
    ] * pages
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _marked(marker: str) -> dict[int, int]:
    """pid -> parent pid of the live processes whose environment holds ``marker``."""
    found: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as fh:
                if marker.encode() not in fh.read():
                    continue
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":  # a zombie has ended; it only waits to be reaped
            found[int(name)] = int(fields[1])
    return found


def _wait_for(cond, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return bool(cond())


def _start(code: str, marker: str) -> subprocess.Popen[str]:
    env = dict(os.environ, NARRATIVE_TEST_MARK=marker)
    return subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


def _end(proc: subprocess.Popen[str], marker: str) -> None:
    proc.kill()
    proc.communicate(timeout=30)
    for pid in _marked(marker):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_time_limit_that_fires(tmp_path: Path) -> None:
    pdf = slow_pdf(tmp_path / "slow.pdf")
    with pytest.raises(InputError) as err:
        read_source(str(pdf), timeout=1.5)
    assert str(err.value) == "timed out after 1.5 s"


def test_the_worker_dies_when_its_caller_is_killed(tmp_path: Path) -> None:
    pdf = slow_pdf(tmp_path / "slow.pdf")
    marker = uuid.uuid4().hex
    code = f"from narrative.ingest.pdf import read_pdf\nread_pdf({str(pdf)!r}, timeout=600)\n"
    caller = _start(code, marker)
    try:
        # The caller, and (forkserver) the fork server with the worker below it.
        assert _wait_for(lambda: any(pp != caller.pid and pp in _marked(marker) for pp in _marked(marker).values()),
                         60), "no worker started"
        caller.kill()  # what subprocess.run(timeout=...) does
        caller.communicate(timeout=10)
        assert _wait_for(lambda: not _marked(marker), 10), f"left running: {_marked(marker)}"
    finally:
        _end(caller, marker)


_DAEMONIC = """
import multiprocessing, os, sys, time
from narrative.errors import InputError
from narrative.ingest.pdf import read_pdf

def read(args):
    path, timeout = args
    assert multiprocessing.current_process().daemon
    try:
        doc = read_pdf(path, timeout=timeout)
        return "read " + repr(list(doc.notes))
    except InputError as err:
        return str(err)

if __name__ == "__main__":
    with multiprocessing.get_context("fork").Pool(1) as pool:
        print(pool.apply(read, ((sys.argv[1], float(sys.argv[2])),)), flush=True)
"""


def _daemonic(tmp_path: Path, pdf: Path, timeout: float) -> str:
    script = tmp_path / "daemonic.py"
    script.write_text(_DAEMONIC, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(pdf), str(timeout)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_a_daemonic_caller_keeps_the_time_limit(tmp_path: Path) -> None:
    # A Pool worker may not start multiprocessing children; the reader used to parse
    # in-process there, "without a time limit", for as long as the file took.
    assert _daemonic(tmp_path, slow_pdf(tmp_path / "slow.pdf"), 1.5) == "timed out after 1.5 s"


def test_a_daemonic_caller_reads_a_good_pdf_with_no_note(tmp_path: Path) -> None:
    assert _daemonic(tmp_path, SAMPLES / "qinghe-xuanchuanbu-2024.pdf", 60) == "read []"


def test_the_worker_of_a_daemonic_caller_dies_with_it(tmp_path: Path) -> None:
    pdf = slow_pdf(tmp_path / "slow.pdf")
    marker = uuid.uuid4().hex
    code = (
        "import multiprocessing, os, time\n"
        "from narrative.ingest.pdf import read_pdf\n"
        "ctx = multiprocessing.get_context('fork')\n"
        f"p = ctx.Process(target=read_pdf, args=({str(pdf)!r},), kwargs={{'timeout': 600}}, daemon=True)\n"
        "p.start()\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    top = _start(code, marker)
    try:
        assert top.stdout is not None
        daemon = int(top.stdout.readline())
        assert _wait_for(lambda: daemon in _marked(marker).values(), 60), "no worker started"
        os.kill(daemon, signal.SIGKILL)
        assert _wait_for(lambda: set(_marked(marker)) == {top.pid}, 10), f"left running: {_marked(marker)}"
    finally:
        _end(top, marker)


def test_the_worker_ends_itself_when_its_caller_cannot(tmp_path: Path) -> None:
    pdf = slow_pdf(tmp_path / "slow.pdf")
    marker = uuid.uuid4().hex
    code = (
        "from narrative.errors import InputError\n"
        "from narrative.ingest.pdf import read_pdf\n"
        "try:\n"
        f"    read_pdf({str(pdf)!r}, timeout=1)\n"
        "except InputError as err:\n"
        "    print(err)\n"
    )
    caller = _start(code, marker)

    def workers() -> list[int]:  # below the fork server, itself below the caller
        m = _marked(marker)
        return [pid for pid, pp in m.items() if pp in m and pp != caller.pid]

    try:
        assert _wait_for(lambda: bool(workers()), 60), "no worker started"
        os.kill(caller.pid, signal.SIGSTOP)  # a caller that cannot kill its worker
        gone = _wait_for(lambda: not workers(), 1 + 2 + 10)  # its limit, the grace, slack
        os.kill(caller.pid, signal.SIGCONT)
        assert gone, f"worker still running: {workers()}"
        out, _err = caller.communicate(timeout=30)
        assert out.strip() == "timed out after 1 s"
    finally:
        _end(caller, marker)


def test_read_pdf_returns_its_notes_in_the_document(tmp_path: Path) -> None:
    from .test_pdf_ingest import raw_pdf

    content = (
        b"BT /F1 12 Tf 72 700 Td (Total income 311.56, total expenditure 316.83, balance 9.63.) Tj ET\n"
        b"BT /F2 12 Tf 72 680 Td <01000101> Tj ET"
    )
    path = raw_pdf(tmp_path / "few.pdf", content)
    assert read_pdf(str(path)).notes == ("2 glyphs without a Unicode mapping (shown as \ufffd) on page 1",)
    assert read_source(str(path)).notes == ("2 glyphs without a Unicode mapping (shown as \ufffd) on page 1",)


def test_a_corrupt_pdf_message_holds_no_control_characters() -> None:
    from narrative.ingest.pdf_parse import _corrupt_message

    message = _corrupt_message(ValueError("Non-Ascii85 digit found: \x1b[31m\x07"))
    assert message == "corrupt PDF (ValueError: Non-Ascii85 digit found: \ufffd[31m\ufffd)"


def test_a_viewer_is_told_each_page_as_it_is_read() -> None:
    from narrative import api

    # samples/qinghe-xuanchuanbu-2024-slips-tables.pdf: its page tree says /Count 16
    pages: list[tuple[int, int | None]] = []
    a = api.analyse(str(SAMPLES / "qinghe-xuanchuanbu-2024-slips-tables.pdf"), on_page=lambda n, c: pages.append((n, c)))
    assert a.error is None
    assert pages == [(n, 16) for n in range(1, 17)]


def test_a_broken_page_callback_does_not_stop_the_reading() -> None:
    from narrative import api

    def broken(n: int, count: int | None) -> None:
        raise RuntimeError("a bug in the viewer")

    a = api.analyse(str(SAMPLES / "qinghe-xuanchuanbu-2024-slips-tables.pdf"), on_page=broken)
    b = api.analyse(str(SAMPLES / "qinghe-xuanchuanbu-2024-slips-tables.pdf"))
    assert a.error is None and [f.fingerprint for f in a.findings] == [f.fingerprint for f in b.findings]


def test_a_text_report_and_the_prior_never_call_it() -> None:
    from narrative import api

    pages: list[tuple[int, int | None]] = []
    api.analyse(str(SAMPLES / "qinghe-xuanchuanbu-2024.txt"), prior=str(SAMPLES / "qinghe-xuanchuanbu-2023.pdf"),
                on_page=lambda n, c: pages.append((n, c)))
    assert pages == []


def test_a_subprocess_worker_tells_its_pages_too() -> None:
    # the worker a daemonic caller (a batch worker) or a Textual app (whose captured stderr the
    # fork server cannot pass on) starts: its page lines come on its standard error
    from narrative.ingest.pdf_worker import _run_subprocess

    pages: list[tuple[int, int | None]] = []
    result = _run_subprocess(str(SAMPLES / "qinghe-xuanchuanbu-2024-slips-tables.pdf"), timeout=120, limit=130,
                             max_pages=500, on_page=lambda n, c: pages.append((n, c)))
    assert result["pages"] == 16
    assert pages == [(n, 16) for n in range(1, 17)]  # its page tree says /Count 16
