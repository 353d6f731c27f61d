"""Rules of the 预算 layouts on the real Jiangsu budgets: silent on the published tables,
and each relation able to fail (a cell pushed out of its rounding interval)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from narrative.ingest import read_source
from narrative.pipeline import check, report_from_source
from narrative.source import SourceDocument, SourceLine

from .conftest import SHARED, need

GAOYUAN = SHARED / "reports" / "more" / "jiangsu-gaoyuan-2018-budget.pdf"


@cache
def _src() -> SourceDocument:
    return read_source(str(need(GAOYUAN)))


def _with_cell(src: SourceDocument, table: str, row: str, col: str, new: str) -> tuple[SourceDocument, tuple]:
    report = report_from_source(src)
    fact = report.doc.fact(table, row, col)
    assert fact is not None
    lines = list(src.lines)
    i = next(k for k, ln in enumerate(lines) if ln is fact.cell.line)
    cells = lines[i].text.split("\t")
    cells[fact.cell.col] = cells[fact.cell.col].replace(fact.cell.norm, new)
    lines[i] = SourceLine(lines[i].number, "\t".join(cells), lines[i].page, lines[i].wraps)
    return replace(src, lines=lines), (lines[i].page, lines[i].number)


def test_published_fiscal_tables_agree() -> None:
    # 2018 p? F05 合计 33,172.15 = T04 支出合计 33,172.15; F06 合计 18,570.82 = F05 基本支出
    assert [f for f in check(report_from_source(_src()), select=["XTB008"]) if f.severity >= 1] == []


@pytest.mark.parametrize(("table", "row", "col", "new"), [
    ("F05", "total", "total", "33,182.15"),  # F05 合计 ≠ T04 支出合计 33,172.15
    ("F06", "total", "amount", "18,570.92"),  # F06 合计 ≠ F05 基本支出 18,570.82
    ("T06", "total", "amount", "19,570.82"),  # 一般公共预算 基本支出 > 财政拨款 基本支出 18,570.82
])
def test_each_relation_can_fail(table: str, row: str, col: str, new: str) -> None:
    src, (page, line) = _with_cell(_src(), table, row, col, new)
    found = [(f.span.page, f.span.line) for f in check(report_from_source(src), select=["XTB008"])
             if f.rule == "XTB008"]
    assert found, (table, new)
