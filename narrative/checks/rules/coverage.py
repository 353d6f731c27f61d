"""COV001: what could not be checked because a part of the report was not found.

A layout the tool does not understand is the tool's problem, not the report's: when a
table is missing from the file, the claims that restate it go unchecked, and the auditor
must hear it once, with the count, instead of a cascade of errors or a silent pass.
"""

from __future__ import annotations

from collections import Counter

from ... import patterns
from ...findings import Severity
from ...model import Loc
from ...tables.kinds import table_name
from ..base import Context, checker, declare

COV001 = declare("COV001", "unchecked-claims", Severity.INFO, "document", """
    Claims of the prose left unchecked because the table they restate is not in the file.

    What it checks: the claims bound to no cell because the file holds none of the report's
    tables (a 说明 published apart from its tables: a warning, since none of its figures can
    be checked; read both files as one report with ``--as-one``), or because a table they
    name was not found in it (one info per table kind, with the count).

    Why it matters: an unbound claim is a blind spot, not a pass; a report whose figures were
    never compared with a table must not read as clean.

    Example: "this file holds no tables: 48 prose claims could not be checked".
    """)

KIND_RE = patterns.compile(r"\b(T\d\d|F0\d|RUN|PUR|SE)\[")


@checker("COV001")
def check_coverage(ctx: Context) -> None:
    doc = ctx.doc
    unbound = [c for c in ctx.claims if c.binding is None]
    first = next((ln for ln in doc.lines if not ln.blank), None)
    loc = Loc.at(first) if first else Loc(None)
    excerpt = first.text.strip() if first else ""
    ts = doc.table_set
    if ts is not None and not ts.holds_tables:
        money = [c for c in ctx.claims if c.kind == "amount"]
        if money:
            ctx.emit(COV001, f"this file holds no tables: {len(ctx.claims)} prose claims could not be checked "
                     "against them", loc, excerpt, stated=str(len(ctx.claims)), computed="0",
                     explanation=(f"{len(money)} amounts and {len(ctx.claims) - len(money)} other figures of the "
                                  "prose; only their own arithmetic was checked (changes, shares, sums); if the "
                                  "tables are published as a second file, check both as one report (--as-one)"),
                     key="no-tables", severity=Severity.WARNING)
        return
    present = {t.kind for t in doc.tables}
    missing: Counter[str] = Counter()
    for c in unbound:
        m = KIND_RE.search(c.unbound or "")
        if m and m.group(1) not in present:
            missing[m.group(1)] += 1
    for kind, n in sorted(missing.items()):
        name = table_name(kind, doc.report_kind)
        ctx.emit(COV001, f"no {name} recognised: {n} claim(s) restating it unchecked", loc, excerpt,
                 stated=str(n), explanation=f"{n} claim(s) of the prose name cells of the {name} ({kind}), "
                 "which this file does not hold or which was not recognised", key=f"missing:{kind}")
