"""Mutation test on the real report: every prose figure bound to a table cell, pushed beyond
its rounding interval, must raise an error at its own line.  A binding that turned every
wrong figure into "unbound" (binding by value) would fail here."""

from __future__ import annotations

import bisect
from fractions import Fraction
from pathlib import Path

from narrative.api import check_file
from narrative.findings import Severity
from narrative.pipeline import extract as claims_of
from narrative.rounding import fmt


def _position(block, offset: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    i = bisect.bisect_right(block.starts, offset) - 1
    return block.lines[i].number, block.cols[i] + offset - block.starts[i]


def test_pushing_each_bound_figure_out_of_its_interval_raises_an_error(real_doc, real_text: Path,
                                                                       tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = real_text.read_text(encoding="utf-8").split("\n")
    targets = []
    for c in claims_of(real_doc).claims:
        if c.binding is None or c.value is None or c.value.qualifier or c.kind not in ("amount", "count"):
            continue
        if any(f.cell.na for f in c.binding.facts):
            continue
        line, col = _position(c.block, c.value.start)
        targets.append((line, col, c.value.text, c.value.figure.decimals, c.value.figure.value))
    assert len(targets) >= 60
    missed = []
    for line, col, text, decimals, value in targets:
        src = lines[line - 1]
        assert src[col : col + len(text)] == text, (line, text)
        mutated = fmt(value * Fraction(3, 2) + 3, decimals)
        copy = list(lines)
        copy[line - 1] = src[:col] + mutated + src[col + len(text) :]
        path = tmp_path / "mutant.txt"
        path.write_text("\n".join(copy), encoding="utf-8")
        r = check_file(str(path), min_severity=Severity.ERROR)
        if not any(f.loc.line == line for f in r.findings):
            missed.append((line, text, mutated))
    assert missed == []
