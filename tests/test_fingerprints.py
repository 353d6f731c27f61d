"""Fingerprints never move (issue 8): inserting blank lines and a paragraph at the top and
between two prose paragraphs keeps every finding's fingerprint, on every sample and every
real report (for a PDF, the lines are inserted into its extracted source); distinct findings
never share one; changing the figure a finding is about changes its fingerprint."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from narrative.findings import Finding
from narrative.ingest import read_source
from narrative.pipeline import check, report_from_source
from narrative.source import SourceDocument, SourceLine

from .conftest import REAL_PDF_DIR, REAL_TEXT, SAMPLES, SHARED

PARAGRAPH = "本说明为插入的段落，用于检验发现项的标识在文字移动后保持不变。"

REPORTS = sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.pdf"))
REAL = [REAL_TEXT, *sorted(REAL_PDF_DIR.glob("*.pdf")), *sorted((SHARED / "reports" / "more").glob("*.pdf"))]


@cache
def _source(path: Path) -> SourceDocument:
    return read_source(str(path))


def _findings(src: SourceDocument) -> list[Finding]:
    return check(report_from_source(src))


def _renumber(lines: list[SourceLine]) -> list[SourceLine]:
    """Line numbers as an ingest gives them: 1-based, per page for a PDF."""
    out: list[SourceLine] = []
    counters: dict[int | None, int] = {}
    for ln in lines:
        counters[ln.page] = counters.get(ln.page, 0) + 1
        out.append(SourceLine(counters[ln.page], ln.text, ln.page, ln.wraps))
    return out


def _between_paragraphs(src: SourceDocument) -> int | None:
    """The index just after a paragraph followed by another paragraph (as the document model
    splits them), from the middle of the report on, else from its start; None for a report
    without two prose paragraphs (a tables-only file)."""
    blocks = report_from_source(src).doc.blocks
    index = {id(ln): i for i, ln in enumerate(src.lines)}
    for lo in (len(blocks) // 3, 0):
        for a, b in zip(blocks[lo:], blocks[lo + 1 :], strict=False):
            if a.kind == "paragraph" and b.kind == "paragraph" and a.section == b.section:
                return index[id(a.lines[-1])] + 1
    return None


def _moved(src: SourceDocument) -> SourceDocument:
    lines = list(src.lines)
    at = _between_paragraphs(src)
    if at is not None:
        page = lines[at - 1].page
        lines[at:at] = [SourceLine(0, "", page), SourceLine(0, PARAGRAPH, page), SourceLine(0, "", page)]
    first = lines[0].page
    lines[0:0] = [SourceLine(0, "", first), SourceLine(0, "", first)]
    if at is None:  # no prose to insert between: the paragraph goes at the top
        lines[2:2] = [SourceLine(0, PARAGRAPH, first), SourceLine(0, "", first)]
    return replace(src, lines=_renumber(lines))


def _check_stable(path: Path) -> None:
    src = _source(path)
    before = _findings(src)
    after = _findings(_moved(src))
    prints = [f.fingerprint for f in before]
    assert len(set(prints)) == len(prints), [
        (f.rule, f.span.line, f.excerpt[:40]) for f in before if prints.count(f.fingerprint) > 1
    ]
    assert sorted(prints) == sorted(f.fingerprint for f in after), (
        {(f.rule, f.span.page, f.span.line) for f in before if f.fingerprint not in {g.fingerprint for g in after}}
    )


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_sample_fingerprints_survive_inserted_text(path: Path) -> None:
    _check_stable(path)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_report_fingerprints_survive_inserted_text(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/reports is not beside this checkout)")
    _check_stable(path)


def test_changing_the_figure_changes_the_fingerprint() -> None:
    """Slip S1 of the sample (line 18 of …-slips.txt per its manifest): a 公开01 total; its
    TBL finding's fingerprint changes when the figure it is about changes."""
    src = _source(SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt")
    before = {f.fingerprint: f for f in _findings(src)}
    changed = [f for f in before.values() if f.stated and f.span.line is not None and f.rule.startswith(("TBL", "CLM"))]
    assert len(changed) >= 20
    for f in changed[:20]:
        lines = list(src.lines)
        i = next(k for k, ln in enumerate(lines) if ln.number == f.span.line and ln.page == f.span.page)
        text = lines[i].text
        assert f.span.column is not None and f.span.end_column is not None
        figure = text[f.span.column - 1 : f.span.end_column - 1]
        digit = next((k for k, ch in enumerate(figure) if ch.isdigit() and ch != "9"), None)
        if digit is None:
            continue
        pos = f.span.column - 1 + digit
        lines[i] = SourceLine(lines[i].number, text[:pos] + str(int(text[pos]) + 1) + text[pos + 1 :], lines[i].page)
        after = {g.fingerprint for g in _findings(replace(src, lines=lines))}
        assert f.fingerprint not in after, (f.rule, f.span.line, figure)
