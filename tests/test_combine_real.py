"""The real report published as two PDFs: 中共江苏省委办公厅's 部门预算 (2017-2019), the
说明 in one file (…-text.pdf) and the 报表 in another (…-tables.pdf).  Read alone, the
说明 has no table to be checked against; combined, it is one report whose lines name
their file.  Figures typed from the PDFs (page given)."""

from __future__ import annotations

import pytest

from narrative.api import load_document
from narrative.ingest.combine import read_combined
from narrative.pipeline import extract
from narrative.structure import build_document

from .conftest import SHARED, need

MORE = SHARED / "reports" / "more"
# (year, page of the tables PDF holding 收支预算总表, its 收入合计)
CASES = [(2017, 1, "20,849.45"), (2018, 3, "24,458.43"), (2019, 1, "27,664.22")]


@pytest.mark.parametrize(("year", "page", "total"), CASES)
def test_the_two_files_read_as_one_report(year: int, page: int, total: str) -> None:
    text = str(need(MORE / f"jiangsu-shengwei-{year}-budget-text.pdf"))
    tables = str(need(MORE / f"jiangsu-shengwei-{year}-budget-tables.pdf"))
    alone = load_document(text)
    doc = build_document(read_combined([text, tables]))
    assert alone.tables == [] and len(doc.tables) >= 10
    assert (doc.year, doc.report_kind) == (year, "预算")
    first = doc.tables[0]
    assert first.title == "收支预算总表"
    row = next(r for r in first.rows if r.line.text.startswith("收入合计"))
    assert (row.line.file, row.line.page, row.line.cells[1]) == (tables, page, total)
    # The 说明 states the same total (2017: p. 6, "（一）收入预算总计 20849.45 万元").
    stated = total.replace(",", "")
    lines = [ln for ln in doc.lines if stated in ln.text.replace(" ", "") and "收入" in ln.text]
    assert lines and {ln.file for ln in lines} == {text}


def test_combined_the_prose_finds_tables_to_bind_to() -> None:
    text = str(need(MORE / "jiangsu-shengwei-2017-budget-text.pdf"))
    tables = str(need(MORE / "jiangsu-shengwei-2017-budget-tables.pdf"))
    alone = extract(load_document(text))
    both = extract(build_document(read_combined([text, tables])))
    assert len(both.claims) == len(alone.claims) > 0
    assert sum(c.binding is not None for c in alone.claims) == 0
    assert sum(c.binding is not None for c in both.claims) > 0
