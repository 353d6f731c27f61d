"""A bounded fuzz run in CI: damaged copies of the sample reports through ``narrative check``.

40 examples in all (30 text, 10 PDF), derandomized so that CI sees the same cases on every
run; bench/fuzz_run.py runs thousands by hand.  Each example must keep the promises of
tests/fuzzing.py: no traceback, exit code 0, 1 or 2, JSON on stdout, and no rule crash
other than those of KNOWN_CRASHES (found, not fixed yet).  A failing example shrinks to a
short list of edits that replays it (edit_text/edit_pdf).
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import SAMPLES
from .fuzzing import FIXED_CRASHES, PDF_OPS, TEXT_OPS, edit_pdf, edit_text, run_check

TEXTS = sorted(SAMPLES.glob("*.txt"))
PDFS = sorted(SAMPLES.glob("*.pdf"))
PDF_TIMEOUT = 15.0  # a damaged sample PDF that takes longer is reported as timed out (exit 2)

FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


def _edits(ops: tuple[str, ...], most: int) -> st.SearchStrategy[list[tuple[str, int, int]]]:
    # hypothesis favours small and boundary integers; spread them over the whole file
    # (a multiplicative hash) so edits do not all land on its first lines or bytes.
    place = st.integers(0, 1 << 30).map(lambda v: (v * 2654435761) % (1 << 30))
    edit = st.tuples(st.sampled_from(ops), place, st.integers(0, 1 << 16))
    return st.lists(edit, min_size=1, max_size=most)


@contextlib.contextmanager
def _case(data: bytes, suffix: str) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="narrative-fuzz-") as d:
        path = Path(d) / f"case{suffix}"
        path.write_bytes(data)
        yield str(path)


def _judge(path: str, what: str, extra: tuple[str, ...] = ()) -> None:
    out = run_check(path, extra)
    assert not out.problems, f"{what}: {out.problems}\n{out.traceback or out.stderr}"
    assert not out.new_crashes, f"{what}: rule crash {out.new_crashes}"


def test_the_edits_change_what_they_say() -> None:
    text = b"a\tb\n12\nc"
    assert edit_text(text, [("delete", 0, 0)]) == b"12\nc"
    assert edit_text(text, [("duplicate", 1, 0)]) == b"a\tb\n12\n12\nc"
    assert edit_text(text, [("swap", 0, 2)]) == b"c\n12\na\tb"
    assert edit_text(text, [("untab", 5, 0)]) == b"ab\n12\nc"
    assert edit_text(text, [("digit", 1, 7)]) == b"a\tb\n17\nc"
    assert edit_pdf(b"%PDF-1.7", [("flip", 0, 0)]) == b"$PDF-1.7"
    assert edit_pdf(b"%PDF-1.7", [("zero", 1, 2)]) == b"%\x00\x00\x00-1.7"
    assert edit_pdf(b"%PDF-1.7", [("truncate", 4, 0)]) == b"%PDF"


@settings(FUZZ, max_examples=30)
@given(sample=st.sampled_from(TEXTS), edits=_edits(TEXT_OPS, 4))
def test_edited_text_reports(sample: Path, edits: list[tuple[str, int, int]]) -> None:
    with _case(edit_text(sample.read_bytes(), edits), ".txt") as path:
        _judge(path, f"{sample.name} {edits}")


@settings(FUZZ, max_examples=10)
@given(sample=st.sampled_from(PDFS), edits=_edits(PDF_OPS, 3))
def test_damaged_pdfs(sample: Path, edits: list[tuple[str, int, int]]) -> None:
    with _case(edit_pdf(sample.read_bytes(), edits), ".pdf") as path:
        _judge(path, f"{sample.name} {edits}", ("--timeout", str(PDF_TIMEOUT)))


def test_the_crashes_found_by_fuzzing_stay_fixed(tmp_path: Path) -> None:
    assert FIXED_CRASHES
    for sample, edits in FIXED_CRASHES:
        path = tmp_path / sample
        path.write_bytes(edit_text((SAMPLES / sample).read_bytes(), edits))
        out = run_check(str(path))
        assert not out.problems, (sample, edits, out.problems)
        assert out.crashes == [], (sample, edits, out.crashes)
