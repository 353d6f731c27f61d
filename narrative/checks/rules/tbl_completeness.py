"""TBL004–TBL006: tables missing from the report, empty tables without the note that says
why, and cells that are not numbers where numbers belong.
"""

from __future__ import annotations

import regex

from ...findings import Severity
from ...model import Loc
from ...normalize import squash
from ...structure import BULLET_RE
from ...tables.recognize import NAMES, kind_from_title
from ...tables.summary_tables import strip_enum
from ..base import Context, checker, declare
from ..relations import excerpt_of

TBL004 = declare("TBL004", "missing-table", Severity.ERROR, "document", """
    A table the report lists or its layout requires is missing.

    What it checks: every table named in the report's own 目录 is present; a report in the
    ten-table 公开01–10表 layout has all ten, a 决算 without 公开NN labels (the Shanghai
    layout) has the nine it requires (公开01–09).

    Why it matters: a missing table hides figures the prose restates; often a table was
    dropped while the 目录 was copied from last year.

    Example: 目录 lists "十、国有资产占用情况表" but no such table follows.
    """)


TBL005 = declare("TBL005", "empty-table-note", Severity.WARNING, "table", """
    A table without data carries no note saying why it is empty.

    What it checks: a table whose cells are all empty or zero (公开07/08 for most
    departments) must say so below it (本表无数据 / 当此表数据为空时… / 没有…收入和支出).

    Why it matters: the publication rules ask for the note; without it a reader cannot
    tell an empty-by-design table from one that lost its data.

    Example: 政府性基金预算财政拨款收入支出决算表 with 合计 0 and no note.
    """)


TBL006 = declare("TBL006", "bad-cell", Severity.ERROR, "table", """
    An amount cell is not a number.

    What it checks: every cell in an amount column is empty, "---" (not applicable) or a
    number ("1,234.56", "0.00").

    Why it matters: a cell like "12..50" or "1O.5" cannot be added up, so every sum
    that includes it is unchecked.

    Example: 基本支出 "115..75".
    """)



@checker("TBL006")
def check_bad_cells(ctx: Context) -> None:
    for table in ctx.doc.tables:
        for cell, problem in table.problems:
            ctx.emit(TBL006, f"{problem}: {cell.norm!r}", cell.loc, excerpt_of(cell), stated=cell.norm,
                     explanation=f"cell {cell.col + 1} of the row is neither empty, '---' nor a number",
                     key=f"{table.kind}:{cell.col}")


EMPTY_NOTE_RE = regex.compile(r"无数据|数据为空|为空表|没有.{0,30}(?:收入|支出|经费|资产)|无.{0,20}(?:收入|支出|经费)|空表")
# Layouts: a report with 公开NN labels prints the ten national tables; a 决算 without
# them (Shanghai) prints nine (no 公开10 国有资产占用情况表).
TEN_TABLES = [f"T{i:02d}" for i in range(1, 11)]


@checker("TBL004", "TBL005")
def check_completeness(ctx: Context) -> None:
    doc = ctx.doc
    present = {t.kind for t in doc.tables if t.kind}
    required: dict[str, Loc | None] = {}
    excerpts: dict[str, str] = {}
    for entry in doc.toc:
        kind = kind_from_title(strip_enum(entry.text))
        if kind and kind != "SE":
            required.setdefault(kind, Loc(entry.line.number, entry.line.page))
            excerpts.setdefault(kind, BULLET_RE.sub("", entry.line.text.strip()))
    if doc.report_kind == "决算":
        labelled = any(t.label for t in doc.tables)
        for kind in TEN_TABLES if labelled else TEN_TABLES[:9]:
            required.setdefault(kind, None)
    first = next((ln for ln in doc.lines if not ln.blank), None)
    for kind, loc in required.items():
        if kind in present:
            continue
        if loc is None:
            loc = Loc(first.number, first.page) if first else Loc(None)
        ctx.emit(
            TBL004,
            f"missing table: {NAMES.get(kind, kind)}",
            loc,
            excerpts.get(kind, NAMES.get(kind, kind)),
            explanation=(
                "listed in the report's 目录 but not found" if kind in excerpts
                else f"required by the {'ten-table 公开01–10' if doc.tables and any(t.label for t in doc.tables) else 'nine-table'} layout"
            ),
            key=kind,
        )
    for table in doc.tables:
        if table.kind in (None, "TOC", "SE") or not table.facts or table.has_data:
            continue
        notes = " ".join(squash(n.norm) for n in table.notes)
        if EMPTY_NOTE_RE.search(notes):
            continue
        line = table.title_line or table.first_line
        ctx.emit(
            TBL005,
            f"{table.title or NAMES.get(table.kind, table.kind)} has no data and no note saying so",
            Loc(line.number, line.page),
            line.text.strip(),
            explanation="all its cells are empty or zero; expected a note such as 本表无数据 or 当此表数据为空时…",
            key=str(table.kind),
        )
