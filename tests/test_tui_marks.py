"""The document pane's highlighting: each claim's status from the findings, at its own code
points (samples/qinghe-xuanchuanbu-2024-slips.txt; the figures are read from the file)."""

from __future__ import annotations

import pytest

from narrative.api import analyse

from .conftest import SAMPLES

pytest.importorskip("textual")

from narrative.tui.marks import CONSISTENT, INCONSISTENT, UNBOUND, LineIndex, build_marks  # noqa: E402

SLIPS = SAMPLES / "qinghe-xuanchuanbu-2024-slips.txt"


@pytest.fixture(scope="module")
def marks_by_text():  # type: ignore[no-untyped-def]
    a = analyse(str(SLIPS))
    index = LineIndex(a)
    out = {}
    for m in build_marks(a, index):
        p = m.pieces[0]
        line = index.lines[p.index]
        out[(line.number, line.text[p.start:p.end])] = m
    return out


def _at(marks, line: int, figure: str):  # type: ignore[no-untyped-def]
    found = [m for (n, text), m in marks.items() if n == line and figure in text]
    assert found, f"no mark with {figure} on line {line}"
    return found[0]


def test_a_restated_figure_that_matches_its_cell_is_consistent(marks_by_text) -> None:  # type: ignore[no-untyped-def]
    # line 455: 决算数 85.05 万元, 完成年初预算的 94.50% (85.05 / 90.00); 公开04 七、文化旅游体育与传媒支出 85.05 (line 219)
    assert _at(marks_by_text, 455, "85.05").status == CONSISTENT


def test_a_budget_figure_no_table_of_a_final_report_holds_is_unbound(marks_by_text) -> None:  # type: ignore[no-untyped-def]
    # line 455: 年初预算数 90.00 万元: a 决算's tables print no 年初预算 column for it
    m = _at(marks_by_text, 455, "90.00")
    assert m.status == UNBOUND and m.claim is not None and m.claim.binding is None


def test_a_planted_slip_is_inconsistent_and_names_its_findings(marks_by_text) -> None:  # type: ignore[no-untyped-def]
    # line 467: 工资福利支出 299.18 where 公开06 301 has 290.18 (slip S24: CLM001 and CLM002)
    m = _at(marks_by_text, 467, "299.18")
    assert m.status == INCONSISTENT
    assert {"CLM001", "CLM002"} <= {f.rule for f in m.findings}
    assert m.pieces[0].start == 0  # the claim starts the line: （一）工资福利支出 …
