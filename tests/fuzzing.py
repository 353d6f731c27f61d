"""Damaged copies of reports, and one in-process ``narrative check`` per copy.

Shared by the bounded fuzz test (tests/test_fuzz.py, hypothesis, in CI) and the long
run (bench/fuzz_run.py, by hand).  An edit is a small tuple of integers so hypothesis
can shrink it and a crash can be replayed from its description alone.

Text edits are the slips an editor or a copy makes: a line deleted, duplicated or
moved, the TABs of a table row lost, a digit changed, a few junk bytes pasted in.
PDF edits are what storage and transfer do: bytes flipped, a run zeroed, the file cut.

What a run must never show: an exception escaping ``main`` (a traceback), an exit code
other than 0, 1 or 2, stdout that is not JSON when the exit code is 0 or 1.  Rule
crashes ("internal error while checking" today, findings with code NAR001 once a
crashing rule becomes a finding) are collected separately: each is a bug in a rule.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field

# Rule crashes found by fuzzing and not fixed yet (rule code lives in narrative/checks/):
# what the message contains, and a sample with the edits that replay it.  The CI fuzz test
# tolerates these and fails on any other; test_fuzz.py checks that each still replays, so
# an entry goes as soon as its bug is fixed.
KNOWN_CRASHES: list[tuple[str, str, list[tuple[str, int, int]]]] = []

# Crashes the fuzz run found and that were fixed at their cause; each replays in a test.
FIXED_CRASHES: list[tuple[str, list[tuple[str, int, int]]]] = [
    # CLM009 (check_self_evaluations) on a 自评表 read without a total score: the TABs of one of
    # its rows removed, here line 634 (主管部门 …); in the Jiangxi report line 624 did it.
    ("qinghe-xuanchuanbu-2024-slips.txt", [("untab", 1116933, 0)]),
]

TEXT_OPS = ("delete", "duplicate", "swap", "untab", "digit", "junk")
PDF_OPS = ("flip", "zero", "truncate")
Edit = tuple[str, int, int]

_DIGIT = re.compile(rb"[0-9]")


def edit_text(data: bytes, edits: Sequence[Edit]) -> bytes:
    """Apply text edits (op, i, j) to a UTF-8 report; i and j pick places modulo their range."""
    lines = data.split(b"\n")
    for op, i, j in edits:
        n = len(lines)
        if n == 0:
            break
        k = i % n
        if op == "delete":
            del lines[k]
        elif op == "duplicate":
            lines.insert(k, lines[k])
        elif op == "swap":
            m = j % n
            lines[k], lines[m] = lines[m], lines[k]
        elif op == "untab":
            rows = [r for r, ln in enumerate(lines) if b"\t" in ln]
            if rows:
                r = rows[i % len(rows)]
                lines[r] = lines[r].replace(b"\t", b"")
        elif op == "digit":
            text = b"\n".join(lines)
            spots = [m.start() for m in _DIGIT.finditer(text)]
            if spots:
                at = spots[i % len(spots)]
                text = text[:at] + str(j % 10).encode() + text[at + 1 :]
                lines = text.split(b"\n")
        elif op == "junk":
            text = b"\n".join(lines)
            rng = random.Random(j)
            junk = bytes(rng.randrange(256) for _ in range(1 + j % 8))
            at = i % (len(text) + 1)
            lines = (text[:at] + junk + text[at:]).split(b"\n")
        else:
            raise ValueError(op)
    return b"\n".join(lines)


def edit_pdf(data: bytes, edits: Sequence[Edit]) -> bytes:
    """Apply byte edits (op, i, j): flip byte i with mask j, zero j bytes from i, cut at i."""
    buf = bytearray(data)
    for op, i, j in edits:
        if not buf:
            break
        k = i % len(buf)
        if op == "flip":
            buf[k] ^= 1 + j % 255
        elif op == "zero":
            buf[k : k + 1 + j % 64] = bytes(len(buf[k : k + 1 + j % 64]))
        elif op == "truncate":
            del buf[k:]
        else:
            raise ValueError(op)
    return bytes(buf)


def random_edits(rng: random.Random, ops: Sequence[str], count: int) -> list[Edit]:
    return [(rng.choice(list(ops)), rng.randrange(1 << 30), rng.randrange(1 << 16)) for _ in range(count)]


@dataclass
class Outcome:
    """What one ``narrative check --format json`` run did."""

    code: int | None  # None when an exception escaped
    seconds: float
    stdout: str
    stderr: str
    traceback: str | None = None
    crashes: list[str] = field(default_factory=list)  # rule crashes: internal errors, NAR001 findings
    problems: list[str] = field(default_factory=list)  # broken promises: traceback, exit code, JSON

    @property
    def ok(self) -> bool:
        return not self.problems and not self.crashes

    @property
    def new_crashes(self) -> list[str]:
        """Crashes not in KNOWN_CRASHES."""
        return [c for c in self.crashes if not any(k in c for k, _, _ in KNOWN_CRASHES)]


def run_check(path: str, extra_args: Sequence[str] = ()) -> Outcome:
    """Run the CLI in this process on ``path`` and judge what it did."""
    from narrative.cli import main

    out, err = io.StringIO(), io.StringIO()
    tb = None
    code: int | None
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--format", "json", *extra_args, path])
    except SystemExit as exc:  # argparse and friends exit this way; a code is still a code
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:  # noqa: BLE001 - anything escaping main is the finding here
        code, tb = None, traceback.format_exc()
    result = Outcome(code, time.perf_counter() - start, out.getvalue(), err.getvalue(), tb)
    if tb is not None:
        result.problems.append("exception escaped: " + tb.strip().splitlines()[-1])
    elif code not in (0, 1, 2):
        result.problems.append(f"exit code {code}")
    if "Traceback (most recent call last)" in result.stderr:
        result.problems.append("traceback on stderr")
    doc = None
    if code in (0, 1) or (code == 2 and result.stdout.strip()):
        try:
            doc = json.loads(result.stdout)
        except ValueError as exc:
            result.problems.append(f"stdout is not JSON ({exc})")
    for line in result.stderr.splitlines():
        if "internal error" in line:
            result.crashes.append(line.split(": ", 2)[-1] if line.count(": ") >= 2 else line)
    if isinstance(doc, dict):
        for d in doc.get("documents", []):
            for f in d.get("findings", []) or []:
                if f.get("rule") == "NAR001":
                    result.crashes.append(f"NAR001: {f.get('message')}")
    return result
