"""TBL004–TBL006: tables missing from the report, empty tables without the note that says
why, and cells that are not numbers where numbers belong.
"""

from __future__ import annotations

from ... import patterns
from ...findings import Severity
from ...model import Document, Loc
from ...normalize import squash
from ...structure import BULLET_RE
from ...tables.kinds import table_name
from ...tables.recognize import NAMES
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
    departments) must say so below it (本表无数据 / 当此表数据为空时… / 没有…收入和支出), or
    the prose must say that its subject is nil ("本部门无政府性基金预算", "政府性基金支出预算
    支出0万元" in the table's 情况说明).

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


EMPTY_NOTE_RE = patterns.compile(r"无数据|数据为空|为空表|没有.{0,30}(?:收入|支出|经费|资产)|无.{0,20}(?:收入|支出|经费)|空表"
                              r"|无相关收支|不涉及")


# the subjects a table may be empty of, as its title names them; the prose may say so instead
# of a note under the table ("七、政府性基金支出预算表情况说明 … 政府性基金支出预算支出0万元")
EMPTY_SUBJECTS = ("政府性基金", "国有资本经营", "三公")


def _said_empty_in_prose(doc: Document, title: str) -> bool:
    """Does the prose about the table (a section whose heading names its subject, "七、政府性基金
    支出预算表情况说明") say that the subject is nil (无政府性基金预算, …支出0万元)?  A nil figure
    elsewhere (a project's 政府性基金预算支出 0 万元 in a 绩效评价) says nothing of the table."""
    subject = next((s for s in EMPTY_SUBJECTS if s in title), None)
    if subject is None:
        return False
    nil = patterns.compile(rf"(?:无|没有|不涉及)[^。;；]{{0,12}}{subject}"
                        rf"|{subject}[^。;；,，]{{0,24}}?(?<![\d.])0(?:\.0+)?\s*万?元"
                        rf"|{subject}[^。;；]{{0,24}}(?:为零|为空|无数据)")
    return any(b.kind != "heading" and b.section and subject in squash(b.section[-1]) and nil.search(squash(b.norm))
               for b in doc.blocks)


@checker("TBL004", "TBL005")
def check_completeness(ctx: Context) -> None:
    """A table is missing only when this kind of report publishes it (its table set, or its
    own 目录) and this file holds the report's tables: a 预算 is never asked for the 决算
    tables, a university for the national ten, a prose-only file for any."""
    doc = ctx.doc
    ts = doc.table_set
    if ts is not None:
        first = next((ln for ln in doc.lines if not ln.blank), None)
        layout = ts.profile.name if ts.profile is not None else "report"
        for kind in ts.missing:
            entry = ts.listed_entry(kind)
            name = table_name(kind, doc.report_kind)
            if entry is not None:
                loc = Loc.at(entry.line)
                excerpt = BULLET_RE.sub("", entry.line.text.strip())
                why = f"listed in the report's 目录 (line {entry.line.number}) but not found"
            else:
                loc = Loc.at(first) if first else Loc(None)
                excerpt = name
                why = f"every {layout} publishes it, and this file holds the report's other tables"
            ctx.emit(TBL004, f"missing table: {name}", loc, excerpt, explanation=why, key=kind)
    for table in doc.tables:
        if table.kind in (None, "TOC", "SE") or not table.facts or table.has_data:
            continue
        notes = " ".join(squash(n.norm) for n in table.notes)
        if EMPTY_NOTE_RE.search(notes) or _said_empty_in_prose(doc, squash(table.title or "")):
            continue
        line = table.title_line or table.first_line
        ctx.emit(
            TBL005,
            f"{table.title or NAMES.get(table.kind, table.kind)} has no data and no note saying so",
            Loc.at(line),
            line.text.strip(),
            explanation="all its cells are empty or zero; expected a note such as 本表无数据 or 当此表数据为空时…",
            key=str(table.kind),
        )
