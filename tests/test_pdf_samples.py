"""The sample PDFs read like their text files.

samples/make_pdfs.py draws each sample report the way an office's Word/WPS export looks
(ruled tables with merged header cells and wrapped labels, landscape pages among portrait
ones, tables running onto a second page with their header repeated, re-flowed prose).
Read through the PDF ingest, each must give what its .txt gives: the same tables with the
same named cells, and the same findings.  Only the locations differ: a PDF finding is at
a line within a page.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import cache

import pytest

from narrative.api import check_document, load_document
from narrative.findings import Finding, Severity
from narrative.model import Document

from .conftest import SAMPLES

NAMES = ["qinghe-xuanchuanbu-2024", "qinghe-xuanchuanbu-2024-slips", "qinghe-xuanchuanbu-2023"]

# Differences that are known and not the PDF's doing; each entry names the fix it waits for.
# When the fix lands the entry no longer matches and the test says so: remove it then.
KNOWN: dict[str, list[tuple[str, str, str]]] = {
    # (rule, excerpt of the text finding, excerpt of the PDF finding), excerpts without whitespace.
}


@cache
def _doc(name: str, fmt: str) -> Document:
    return load_document(str(SAMPLES / f"{name}.{fmt}"))


@cache
def _findings(name: str, fmt: str) -> tuple[Finding, ...]:
    return tuple(check_document(_doc(name, fmt), min_severity=Severity.INFO))


def _tables(doc: Document) -> list[tuple[str | None, dict[str, str]]]:
    return [(t.kind, {str(f.key): f.cell.norm for f in t.facts.values()}) for t in doc.tables]


def _squash(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", "", text)


def _key(f: Finding) -> tuple[str, str, str | None, str | None, str | None]:
    return (f.rule, f.severity.name, f.stated, f.computed, _squash(f.excerpt))


@pytest.mark.parametrize("name", NAMES)
def test_same_table_kinds_in_the_same_order(name: str) -> None:
    assert [k for k, _ in _tables(_doc(name, "pdf"))] == [k for k, _ in _tables(_doc(name, "txt"))]


@pytest.mark.parametrize("name", NAMES)
def test_same_named_cells_in_every_table(name: str) -> None:
    text, pdf = _tables(_doc(name, "txt")), _tables(_doc(name, "pdf"))
    assert len(pdf) == len(text)
    for n, ((kind, want), (_, got)) in enumerate(zip(text, pdf, strict=False)):
        assert want or kind == "TOC", f"table {n} ({kind}) has no facts in the text"
        diff = {k: (want.get(k), got.get(k)) for k in want.keys() | got.keys() if want.get(k) != got.get(k)}
        assert diff == {}, f"table {n} ({kind}): fact: (text, pdf)"


@pytest.mark.parametrize("name", NAMES)
def test_same_findings(name: str) -> None:
    text = Counter(_key(f) for f in _findings(name, "txt"))
    pdf = Counter(_key(f) for f in _findings(name, "pdf"))
    for rule, in_text, in_pdf in KNOWN.get(name, []):
        moved = [k for k in text if k[0] == rule and k[4] == in_text]
        assert moved, f"known difference {rule} {in_text!r} is gone: remove it from KNOWN"
        for k in moved:
            text[k[:4] + (in_pdf,)] += text.pop(k)
    assert sum(text.values()) > 0 or name.endswith("2023")
    assert pdf - text == Counter(), "findings only the PDF gives"
    assert text - pdf == Counter(), "findings only the text gives"


@pytest.mark.parametrize("name", NAMES)
def test_pdf_findings_are_located_on_a_page(name: str) -> None:
    doc = _doc(name, "pdf")
    per_page = Counter(ln.page for ln in doc.lines)
    at = {(ln.page, ln.number): ln for ln in doc.lines}
    assert doc.pages and doc.format == "pdf"
    for f in _findings(name, "pdf"):
        assert f.loc.page is not None and 1 <= f.loc.page <= doc.pages, f
        assert f.loc.line is not None and 1 <= f.loc.line <= per_page[f.loc.page], f
        line = at[(f.loc.page, f.loc.line)]
        assert not line.blank
        if " | " in f.excerpt:  # a table row: the finding points at that very row
            assert " | ".join(c.strip() for c in line.cells if c.strip()) == f.excerpt, f
    for f in _findings(name, "txt"):
        assert f.loc.page is None and f.loc.line is not None


def test_the_planted_slips_are_found_in_the_pdf_too() -> None:
    rules = {f.rule for f in _findings("qinghe-xuanchuanbu-2024-slips", "pdf") if f.severity == Severity.ERROR}
    assert {"TBL001", "TBL002", "TBL004", "XTB001", "PRF001", "CLM001", "CLM009", "CLM013"} <= rules


# ---------------------------------------------------------------------------
# The PDFs are what samples/make_pdfs.py makes, and they have the layout it promises


def test_the_committed_pdfs_are_up_to_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("reportlab")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_pdfs", SAMPLES / "make_pdfs.py")
    assert spec and spec.loader
    make_pdfs = importlib.util.module_from_spec(spec)
    sys.modules["make_pdfs"] = make_pdfs  # its dataclasses look their module up
    try:
        spec.loader.exec_module(make_pdfs)
    finally:
        del sys.modules["make_pdfs"]
    made_with = re.search(rb"/Creator \(([^)]*)\)", (SAMPLES / f"{NAMES[0]}.pdf").read_bytes())
    if made_with is None or made_with.group(1).decode() != make_pdfs.CREATOR:
        pytest.skip(f"the PDFs were made by {made_with and made_with.group(1).decode()}, not {make_pdfs.CREATOR}")
    for name in NAMES:
        out = tmp_path / f"{name}.pdf"
        make_pdfs.make(SAMPLES / f"{name}.txt", out)
        assert out.read_bytes() == (SAMPLES / f"{name}.pdf").read_bytes(), (
            f"{name}.pdf is stale: run python samples/make_pdfs.py"
        )
        assert out.stat().st_size < 300_000


def test_layout_landscape_tables_and_a_table_over_two_pages() -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    doc = _doc("qinghe-xuanchuanbu-2024", "pdf")
    with open(SAMPLES / "qinghe-xuanchuanbu-2024.pdf", "rb") as fh:
        pages = list(PDFPage.create_pages(PDFDocument(PDFParser(fh))))
        boxes = [tuple(round(v) for v in p.mediabox) for p in pages]
        assert {p.rotate for p in pages} == {0}
    assert set(boxes) == {(0, 0, 595, 842), (0, 0, 842, 595)}
    landscape = {k + 1 for k, b in enumerate(boxes) if b == (0, 0, 842, 595)}
    for table in doc.tables:
        wide = table.kind in ("T02", "T04", "T06", "SE")
        assert all((r.line.page in landscape) == wide for r in table.rows), table.kind
    split = {t.kind for t in doc.tables if len({r.line.page for r in t.rows}) > 1}
    assert {"T04", "T06"} <= split
    # Merged and wrapped cells come back whole: a header spanning two rows, a label
    # wrapped in its cell, the 自评表's 绩效指标 spanning the indicator rows.
    texts = {ln.text for ln in doc.lines if ln.is_table_row}
    assert "二十六、抗疫特别国债安排的支出" in {c for t in texts for c in t.split("\t")}
    assert any(t.startswith("绩效指标\t一级指标\t二级指标") for t in texts)
    assert any("\t国有资本经营预算财政拨款" in t for t in texts)
