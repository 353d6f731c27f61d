"""Fingerprints that a review baseline can trust (issue 12): the same report read from its text,
its PDF, its web page or its Word draft gives every finding the same fingerprint (with and
without a prior report, so the year-to-year findings too); editing another sentence of the
paragraph a finding is in keeps it.

Two causes of moving fingerprints were found and fixed here.  A line ending in a colon
("…完成全年预算的 92.40%，其中：") was the end of a paragraph in the PDF (it stops short of
the margin) but not in the text (it is long), so the reasons after it were quoted with
different text; and the reason rules (YOY002, DUP001, DUP002) quoted the first 200
characters of the paragraph, which an edit of any earlier sentence changed."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from narrative.findings import Finding
from narrative.ingest import read_source
from narrative.pipeline import ReadReport, check, read_report, report_from_source
from narrative.source import SourceLine

from .conftest import REAL_TEXT, SAMPLES, need

SLIPS = "qinghe-xuanchuanbu-2024-slips"
PRIOR = SAMPLES / "qinghe-xuanchuanbu-2023.txt"
SENTENCE = "本段另加的一句说明文字。"


@cache
def _prior() -> ReadReport:
    return read_report(str(PRIOR))


def _prints(path: Path, prior: bool) -> list[str]:
    return sorted(f.fingerprint for f in check(read_report(str(path)), prior=_prior() if prior else None))


@pytest.mark.parametrize("prior", [False, True], ids=["alone", "with-prior"])
@pytest.mark.parametrize("other", [".pdf", ".jsp", ".docx"])
def test_text_and_other_readings_give_the_same_fingerprints(other: str, prior: bool) -> None:
    text = _prints(SAMPLES / f"{SLIPS}.txt", prior)
    assert len(text) >= 48  # the 48 planted slips (samples/README.md) at least
    assert _prints(SAMPLES / f"{SLIPS}{other}", prior) == text


def test_a_line_ending_in_a_colon_goes_on_in_the_pdf() -> None:
    """p19:26 of the PDF ("完成全年预算的 92.40%，其中：", short of the margin) and line 481 of the
    text end the same way; the paragraph goes on into "公务用车购置全年预算数…" in both."""
    for path in (SAMPLES / f"{SLIPS}.txt", SAMPLES / f"{SLIPS}.pdf"):
        doc = read_report(str(path)).doc
        block = next(b for b in doc.blocks if "92.40%，其中：" in b.text)
        assert "公务用车购置全年预算数 0.00 万元" in block.text, path.name


def test_a_reason_finding_quotes_its_sentences_not_the_head_of_the_paragraph() -> None:
    """Line 477 of the slips text: the 三公 total, "…完成全年预算的 86.76%，决算数小于全年预算数的主要
    原因：厉行节约，严控公务接待和公务用车运行支出；…"; its YOY002 quote runs from the comparison to
    the end of the reason, which the first 200 characters of the paragraph cut off ("…严控公务接")."""
    found = [f for f in check(read_report(str(SAMPLES / f"{SLIPS}.txt")), prior=_prior())
             if f.rule == "YOY002" and f.span.line == 477]
    assert found
    for f in found:
        assert f.excerpt.startswith("本部门 2024 年度财政拨款“三公”经费支出全年预算数 9.20 万元")
        assert f.excerpt.endswith("决算数小于全年预算数的主要原因：厉行节约，严控公务接待和公务用车运行支出；")


def _with_a_sentence_before_each_paragraph(path: Path, prior: ReadReport | None) -> tuple[list[Finding], set[str]]:
    """The findings of a report, and the fingerprints after a sentence is added at the head of
    every paragraph of two sentences or more that holds a finding."""
    src = read_source(str(path))
    report = report_from_source(src)
    before = check(report, prior=prior)
    where = {(f.span.page, f.span.line) for f in before if f.span.line is not None}
    heads = {id(b.lines[0]) for b in report.doc.blocks
             if b.kind == "paragraph" and len(b.sentences) > 1
             and any((ln.page, ln.number) in where for ln in b.lines)}
    assert heads, path.name
    lines = []
    for ln in src.lines:
        if id(ln) in heads:
            lead = len(ln.text) - len(ln.text.lstrip())
            ln = SourceLine(ln.number, ln.text[:lead] + SENTENCE + ln.text[lead:], ln.page, ln.wraps)
        lines.append(ln)
    after = check(report_from_source(replace(src, lines=lines)), prior=prior)
    return before, {f.fingerprint for f in after}


@pytest.mark.parametrize("name", [f"{SLIPS}.txt", f"{SLIPS}.pdf"])
def test_editing_another_sentence_of_the_paragraph_keeps_every_fingerprint(name: str) -> None:
    before, after = _with_a_sentence_before_each_paragraph(SAMPLES / name, _prior())
    assert any(f.rule == "YOY002" for f in before)
    assert [(f.rule, f.span.page, f.span.line) for f in before if f.fingerprint not in after] == []


def test_editing_another_sentence_keeps_every_fingerprint_on_the_real_report() -> None:
    before, after = _with_a_sentence_before_each_paragraph(need(REAL_TEXT), None)
    assert [(f.rule, f.span.line) for f in before if f.fingerprint not in after] == []
