"""The sample reports read the same as their text in every format people hold them in.

samples/make_formats.py writes each sample as a web page (.html, a GB2312-declared .jsp
with JSP directives left in, a .php template), a Word draft (.docx), a Word prose file
with an Excel workbook of the tables, and a prose PDF with a tables PDF.  Read through
narrative, each must give what its .txt gives: the same tables with the same named
cells (every fact), and the same findings (rule, severity, stated, computed, excerpt);
only the locations differ.

``report_difference`` holds the whole comparison, so that it moves in one piece when
the API that loads and checks documents changes.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from narrative.api import check_document, load_document
from narrative.findings import Finding, Severity
from narrative.ingest import read_source
from narrative.ingest.combine import read_combined
from narrative.model import Document
from narrative.structure import build_document

from .conftest import SAMPLES

NAMES = ["qinghe-xuanchuanbu-2024", "qinghe-xuanchuanbu-2024-slips", "qinghe-xuanchuanbu-2023"]
PAGE = {"qinghe-xuanchuanbu-2024": ".html", "qinghe-xuanchuanbu-2024-slips": ".jsp", "qinghe-xuanchuanbu-2023": ".php"}
FORMATS = ["page", "docx", "docx+xlsx", "pdf+pdf"]


def files(name: str, fmt: str) -> list[Path]:
    return {
        "page": [SAMPLES / f"{name}{PAGE[name]}"],
        "docx": [SAMPLES / f"{name}.docx"],
        "docx+xlsx": [SAMPLES / f"{name}-prose.docx", SAMPLES / f"{name}-tables.xlsx"],
        "pdf+pdf": [SAMPLES / f"{name}-prose.pdf", SAMPLES / f"{name}-tables.pdf"],
    }[fmt]


@cache
def _doc(name: str, fmt: str) -> Document:
    if fmt == "txt":
        return load_document(str(SAMPLES / f"{name}.txt"))
    paths = files(name, fmt)
    if len(paths) == 1:
        return load_document(str(paths[0]))
    return build_document(read_combined([str(p) for p in paths]))


@cache
def _findings(name: str, fmt: str) -> tuple[Finding, ...]:
    return tuple(check_document(_doc(name, fmt), min_severity=Severity.INFO))


# ---------------------------------------------------------------------------
# The comparison


def _facts(doc: Document) -> list[tuple[str | None, dict[str, str]]]:
    # A report in two files has the 附件's 目录 (in the prose) before the tables.
    tables = [t for t in doc.tables if t.kind != "TOC"] + [t for t in doc.tables if t.kind == "TOC"]
    return [(t.kind, {str(f.key): f.cell.norm for f in t.facts.values()}) for t in tables]


def _key(f: Finding) -> tuple[str, str, str | None, str | None, str | None]:
    return (f.rule, f.severity.name, f.stated, f.computed, re.sub(r"\s+", "", f.excerpt or ""))


def report_difference(text: Document, other: Document, text_findings: list[Finding],
                      other_findings: list[Finding]) -> list[str]:
    """Everything in which ``other`` says something else than ``text``: table kinds,
    facts (table, key, text cell, other cell), findings only one of them gives.
    Locations are not compared.  Empty when the two read the same."""
    out: list[str] = []
    want, got = _facts(text), _facts(other)
    if [k for k, _ in want] != [k for k, _ in got]:
        out.append(f"tables: {[k for k, _ in want]} != {[k for k, _ in got]}")
    for n, ((kind, a), (_, b)) in enumerate(zip(want, got, strict=False)):
        if not a and kind != "TOC":
            out.append(f"table {n} ({kind}) has no facts in the text")
        out += [f"table {n} ({kind}) {k}: {a.get(k)!r} != {b.get(k)!r}" for k in sorted(a.keys() | b.keys())
                if a.get(k) != b.get(k)]
    ta, tb = Counter(map(_key, text_findings)), Counter(map(_key, other_findings))
    out += [f"only in the text: {k}" for k in (ta - tb)]
    out += [f"only in the other: {k}" for k in (tb - ta)]
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_same_facts_and_findings_as_the_text(name: str, fmt: str) -> None:
    diff = report_difference(_doc(name, "txt"), _doc(name, fmt), list(_findings(name, "txt")),
                             list(_findings(name, fmt)))
    assert diff == []


def test_the_comparison_sees_a_changed_cell_and_a_missing_finding() -> None:
    # The helper must be able to fail: the slips file against the clean file.
    clean, slips = "qinghe-xuanchuanbu-2024", "qinghe-xuanchuanbu-2024-slips"
    diff = report_difference(_doc(clean, "txt"), _doc(slips, "docx"), list(_findings(clean, "txt")),
                             list(_findings(slips, "docx")))
    # S01: 公开03 2080505 24.96 → 26.96 (text line 188); S20: 9 批 → 7 批 (CLM001).
    assert any("T03[2080505].total: '24.96' != '26.96'" in d for d in diff)
    assert any(d.startswith("only in the other: ('CLM001'") for d in diff)


def test_the_planted_slips_are_found_in_every_format() -> None:
    for fmt in FORMATS:
        rules = {f.rule for f in _findings("qinghe-xuanchuanbu-2024-slips", fmt) if f.severity == Severity.ERROR}
        assert {"TBL001", "TBL002", "TBL004", "XTB001", "PRF001", "CLM001", "CLM009", "CLM013"} <= rules, fmt


# ---------------------------------------------------------------------------
# Locations


def test_docx_findings_point_at_a_paragraph_or_table_row_of_the_draft() -> None:
    doc = _doc("qinghe-xuanchuanbu-2024-slips", "docx")
    by_number: dict[int, list[str]] = {}
    for ln in doc.lines:
        by_number.setdefault(ln.number, []).append(ln.text)
    assert doc.format == "docx" and all(ln.page is None for ln in doc.lines)
    numbers = [ln.number for ln in doc.lines]
    assert numbers == sorted(numbers)  # body items in document order
    for f in _findings("qinghe-xuanchuanbu-2024-slips", "docx"):
        assert f.loc.page is None and f.loc.line in by_number, f
        assert any(t.strip() for t in by_number[f.loc.line]), f
        if " | " in f.excerpt:  # a table row: the finding points at that very row
            assert any(" | ".join(c.strip() for c in t.split("\t") if c.strip()) == f.excerpt
                       for t in by_number[f.loc.line]), f


def test_workbook_lines_carry_their_sheet_and_row() -> None:
    src = read_source(str(SAMPLES / "qinghe-xuanchuanbu-2024-tables.xlsx"))
    sheets = {ln.page: ln.sheet for ln in src.lines}
    assert sheets == {k + 1: f"公开{k + 1:02d}表" for k in range(10)} | {11: "绩效自评表"}
    # 公开01表: title in row 1, 公开01表 in row 2, 部门/年度/单位 in row 3 (one line each),
    # three header rows, then 一、一般公共预算财政拨款收入 … 527.68 in row 7.
    first = [(ln.number, ln.text) for ln in src.lines if ln.page == 1][:8]
    assert first[:5] == [(1, "收入支出决算总表"), (2, "公开01表"), (3, "部门：中共青禾县委宣传部"), (3, "2024年度"),
                         (3, "金额单位：万元")]
    assert first[5] == (4, "收入\t\t\t支出\t\t")
    row7 = next(ln for ln in src.lines if ln.page == 1 and ln.number == 7)
    assert row7.cells[:3] == ["一、一般公共预算财政拨款收入", "1", "527.68"]


def test_a_report_in_two_files_names_the_file_of_each_line() -> None:
    prose, tables = files("qinghe-xuanchuanbu-2024-slips", "pdf+pdf")
    doc = _doc("qinghe-xuanchuanbu-2024-slips", "pdf+pdf")
    assert {ln.file for ln in doc.lines} == {str(prose), str(tables)}
    kinds = {t.kind: {r.line.file for r in t.rows} for t in doc.tables}
    assert kinds["T01"] == {str(tables)} and kinds["TOC"] == {str(prose)}
    # S20 (国内公务接待 9 批 → 7 批) is a claim of the prose file; S01 a cell of the tables file.
    at = {(ln.file, ln.page, ln.number): ln for ln in doc.lines}
    found = {f.rule: f for f in _findings("qinghe-xuanchuanbu-2024-slips", "pdf+pdf") if "7 批" in f.excerpt}
    assert "CLM001" in found
    line = next(ln for key, ln in at.items() if key[1:] == (found["CLM001"].loc.page, found["CLM001"].loc.line)
                and "7 批" in ln.text.replace("7批", "7 批"))
    assert line.file == str(prose)


# ---------------------------------------------------------------------------
# The fixtures are what samples/make_formats.py makes


def _make_formats():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_formats", SAMPLES / "make_formats.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_formats"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_formats"]
    return module


def test_the_committed_fixtures_are_up_to_date(tmp_path: Path) -> None:
    """Web pages byte for byte; Word, Excel and PDF files as narrative reads them (their
    bytes depend on the library versions that wrote them, their content does not)."""
    make_formats = _make_formats()
    for name in NAMES:
        for fresh in make_formats.make(name, tmp_path):
            committed = SAMPLES / fresh.name
            assert committed.exists(), f"{fresh.name} is missing: run python samples/make_formats.py"
            assert fresh.stat().st_size < 150_000
            if fresh.suffix in (".html", ".jsp", ".php") or fresh.read_bytes() == committed.read_bytes():
                assert fresh.read_bytes() == committed.read_bytes(), f"{fresh.name} is stale"
                continue
            old, new = read_source(str(committed)), read_source(str(fresh))
            assert [ln.text for ln in new.lines] == [ln.text for ln in old.lines], f"{fresh.name} is stale"
