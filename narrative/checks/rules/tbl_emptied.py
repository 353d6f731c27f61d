"""TBL007: a table left without data while the prose still states its figures.
"""

from __future__ import annotations

from ...claims.model import Claim
from ...claims.subjects import SPEC_RE, subject_by_id
from ...findings import Severity
from ...model import Loc
from ...tables.kinds import table_name
from ..base import Context, checker, declare
from ..claim_support import claim_excerpt

TBL007 = declare("TBL007", "emptied-table", Severity.ERROR, "document", """
    A table holds no data while the prose states non-zero figures that restate it.

    What it checks: a recognised table whose cells are all empty, "---" or zero, and prose
    claims bound to its cells whose stated figures are not zero (not even within rounding).
    One finding per table, at its title, listing the figures; each figure is also compared
    with its cell by CLM001.  A figure the prose states for a subject this table holds, left
    unbound because the emptied table lost its cell (a 合计 row of dashes is no longer read as
    the total), counts too: "财政拨款收入 527.68 万元" while 公开02 is all "—".

    Why it matters: a table whose data was cleared (a spreadsheet pasted without values, a
    template left as it was) while the 说明 was written from the real figures publishes a
    report whose tables say the department had nothing; CLM001 alone would show a scatter of
    differences without the cause.

    Example: 国有资产占用情况表 with every 决算数 blank while section 八 says 共有车辆 2 辆.
    """)


def _would_bind(c: Claim, kind: str) -> bool:
    """A figure left unbound because the emptied table lost the cell it restates: its subject is
    held by this table (a row emptied to dashes is no longer read as, say, the 合计 row), and no
    other table holds it for this report (else it would have been bound there)."""
    subject = subject_by_id(c.subject_id) if c.subject_id else None
    if subject is None or c.period != "year" or not (c.unbound or "").startswith("the report has no cell"):
        return False
    return any(m.group(1) == kind for specs in subject.cells.values() for spec in specs for m in SPEC_RE.finditer(spec))


@checker("TBL007")
def check_emptied_tables(ctx: Context) -> None:
    for table in ctx.doc.tables:
        if table.kind in (None, "TOC", "SE") or not table.facts or table.has_data:
            continue
        cells = {id(f.cell) for f in table.facts.values()}
        stated = [c for c in ctx.claims
                  if c.value is not None and not c.value.figure.interval.contains_zero()
                  and (c.binding is not None and c.binding.facts and all(id(f.cell) in cells for f in c.binding.facts)
                       or c.binding is None and _would_bind(c, table.kind or ""))]
        if not stated:
            continue
        first = stated[0]
        name = table.title or table_name(table.kind or "", ctx.doc.report_kind)
        figures = "; ".join(f"{c.subject} {c.value.display} (line {c.loc_of().line})" for c in stated
                            if c.value is not None)
        ctx.emit(TBL007, f"{name} holds no data, but the prose states {len(stated)} of its figures",
                 Loc.at(table.first_line), table.first_line.text.strip(),
                 stated=first.value.display if first.value else None, computed="(empty)",
                 explanation=f"every cell of the table is empty, a dash or 0; the prose states: {figures}; "
                 f"first at: {claim_excerpt(first)[:80]}",
                 related=[c.loc_of() for c in stated], key=f"empty:{table.kind}")
