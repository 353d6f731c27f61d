"""The sums a table's own layout declares (``Table.compositions``), in every layout.

Table recognition records, for each total, the cells its layout makes it the sum of: the
items enumerated above a 小计/合计 row, the columns a 合计 column spans, a second
classification printed beside the first (功能分类 and 支出用途 each adding up to 当年支出
小计), a 总计 over 合计 and carry-overs.  This module checks each of them: a parent sum
(TBL001), a row across its columns (TBL002, the composition of row "*"), or a balance
(TBL003, a 总计).  Where such a composition exists, the rules written for the national
layout's fixed parts stand aside (``relations.composed``), so one total is never summed
two ways.
"""

from __future__ import annotations

from ...model import Composition, Table
from ...tables.code_tables import column_name
from ..base import RND001, Context, checker, rule_of
from ..relations import check_sum, term


def _rows(table: Table, col: str) -> list[str]:
    return list(dict.fromkeys(k.row for k in table.facts if k.col == col))


def _check(ctx: Context, table: Table, comp: Composition, row: str) -> None:
    total_row, col = comp.total
    rows = table.fact(row, col)
    if rows is None:
        return
    parts = [(r if r != "*" else row, c) for r, c in comp.parts]
    facts = [f for r, c in parts if (f := table.fact(r, c)) is not None]
    if not facts:
        return
    if total_row == "*":
        code, what = "TBL002", " + ".join(column_name(c, table.kind) for _, c in parts)
        name = f"{table.kind} {'' if row == 'total' else row + ' '}{rows.label} {column_name(col, table.kind)}"
    elif comp.basis == "总计":
        code, what = "TBL003", " + ".join(f.label for f in facts)
        name = f"{table.kind} {rows.label}"
    else:
        code, what = "TBL001", f"Σ {comp.basis or 'items'}"
        name = f"{table.kind} {rows.label}" + (f" {column_name(col, table.kind)}" if col != "amount" else "")
    check_sum(ctx, rule_of(code), RND001, term(rows, name), [term(f) for f in facts], what,
              key=f"{table.kind}:{row}:{col}:{comp.basis}")


@checker("TBL001", "TBL002", "TBL003", "RND001")
def check_compositions(ctx: Context) -> None:
    for table in ctx.doc.tables:
        for comp in table.compositions:
            if comp.total[0] == "*":
                for row in _rows(table, comp.total[1]):
                    _check(ctx, table, comp, row)
            else:
                _check(ctx, table, comp, comp.total[0])
