"""CLM001 and CLM014: figures restated from the tables, and the subject paths that name their rows.
"""

from __future__ import annotations

from fractions import Fraction

from ... import patterns
from ...claims.subjects import has_public_institutions, subject_by_id
from ...findings import Severity
from ...rounding import Interval, compare, fmt
from ..base import RND001, Context, checker, declare
from ..claim_support import (
    claim_excerpt,
    table_scale,
)

CLM001 = declare("CLM001", "claim-vs-table", Severity.ERROR, "prose", """
    A figure restated in the prose differs from its table cell.

    What it checks:
    every amount and count of the prose that names a subject the tables hold (本年收入合计, 基本支出, 工资福利支出,
    a function class, 三公 items, 机关运行经费, vehicle counts, a project's budget in its 自评表 …) against that
    cell, chosen by subject, funding scope (all funds / 财政拨款 / 一般公共预算) and role (年初预算数 / 全年预算数 /
    决算数).  The claim is bound by its words, never by searching the tables for its value.

    Why it matters: this is the slip the prose most often carries: a figure edited in the table and not in the text.

    Example: "商品和服务支出 18.51 万元" while 公开06 302 prints 16.51.
    """)

# ---------------------------------------------------------------------- CLM001
@checker("CLM001", "RND001")
def check_claims_vs_tables(ctx: Context) -> None:
    for c in ctx.claims:
        if c.kind not in ("amount", "count") or c.binding is None or c.value is None:
            continue
        if c.words.get("evaluated") or c.words.get("target_of"):
            continue  # a 部门评价's projects' money (CLM016), an indicator's target (CLM017)
        if any(f.cell.na for f in c.binding.facts):
            continue
        n = c.value
        table_iv = Interval.point(0)
        mid = Fraction(0)
        for f in c.binding.facts:
            scale = table_scale(f.cell.unit) if n.money else Fraction(1)
            table_iv = table_iv + f.cell.interval.scale(scale)
            mid += (f.cell.figure.value if f.cell.figure else Fraction(0)) * scale
        stated_iv = n.bound
        where = ", ".join(f"{f.key} (line {f.cell.line.number})" for f in c.binding.facts)
        cells = " + ".join(f.cell.norm or "(empty)" for f in c.binding.facts)
        unit = "万元" if n.money else (n.unit or "")
        if n.qualifier:
            if stated_iv.intersects(table_iv):
                continue
            ctx.emit(CLM001, f"{c.subject or c.subject_id}: stated {n.qualifier}{n.display}, table says {cells}",
                     c.loc_of(), claim_excerpt(c), stated=n.display, computed=fmt(mid, n.figure.decimals),
                     explanation=f"{where} = {cells} {unit}; the stated bound {n.qualifier}{n.display} excludes it",
                     related=[f.cell.loc for f in c.binding.facts], key=f"{c.subject_id}:{c.role}", claim=c, facts=c.binding.facts)
            continue
        subject = subject_by_id(c.subject_id) if c.subject_id else None
        if subject is not None and subject.at_most_with_institutions and has_public_institutions(ctx.doc):
            # 机关运行经费 of a department with 事业单位: only a bound, never larger than 公用经费
            if stated_iv.low <= table_iv.high:
                continue
            ctx.emit(CLM001, f"{c.subject}: stated {n.display}, larger than {cells} ({where})", c.loc_of(),
                     claim_excerpt(c), stated=n.display, computed=f"≤ {cells}",
                     explanation=f"the department includes 事业单位, so its 机关运行经费 is part of the 公用经费 "
                     f"{where} = {cells}; it cannot exceed it", related=[f.cell.loc for f in c.binding.facts],
                     key=f"{c.subject_id}:{c.role}", claim=c, facts=c.binding.facts)
            continue
        value_wan = n.wan
        cmp_mid = mid
        d = n.figure.decimals
        scaled_stated = n.figure  # compare in the claim's own unit
        comp = Interval(table_iv.low / n.scale, table_iv.high / n.scale) if n.money else table_iv
        cmp = compare(scaled_stated, comp, cmp_mid / n.scale if n.money else cmp_mid)
        if cmp.exact:
            continue
        shown = fmt(cmp.computed_mid, d)
        explanation = (f"{where} = {cells}" + (f" {c.binding.facts[0].cell.unit or ''}" if n.money else "")
                       + f"; stated {n.display} stands for {fmt(value_wan.low / n.scale, d + 1)}–"
                       f"{fmt(value_wan.high / n.scale, d + 1)}: "
                       + ("differ only within rounding" if cmp.holds else "the table cannot round to the stated figure")
                       + ("; the stated figure is the table's cut, not rounded" if cmp.truncated else ""))
        role = f" ({c.role.replace('_', ' ')})" if c.role and c.role != "final" else ""
        ctx.emit(CLM001 if cmp.violated else RND001,
                 f"{c.subject or c.subject_id}{role}: stated {n.display}, table says {shown}"
                 + ("" if cmp.violated else " (within rounding)") + (" (truncated, not rounded)" if cmp.truncated else ""),
                 c.loc_of(), claim_excerpt(c), stated=n.display, computed=shown,
                 computed_low=fmt(comp.low, d + 1), computed_high=fmt(comp.high, d + 1), explanation=explanation,
                 related=[f.cell.loc for f in c.binding.facts], key=f"{c.subject_id}:{c.role}", claim=c, facts=c.binding.facts,
                 severity=Severity.WARNING if cmp.truncated else None)



# ---------------------------------------------------------------------- CLM014 (subject paths)
CLM014 = declare("CLM014", "subject-path", Severity.WARNING, "prose", """
    A (类)(款)(项) subject path names rows the tables do not have.

    What it checks:
     every "一般公共服务支出（类）财政事务（款）行政运行（项）" of the prose against the function codes
    and names of the report's own 公开05/03/02: the 款 must be under the 类 and the 项 under the 款, with the names
    the tables print.

    Why it matters: a misnamed 款 or an old 项 name (其他国土资源事务支出 for 其他自然资源事务支出 since 2019) is
    copied from an old report; a 项 the tables do not hold makes its figures uncheckable.

    Example: "住房保障支出（类）住房保障支出（款）住房公积金（项）" while the tables print 22102 住房改革支出.
    """)


@checker("CLM014")
def check_subject_paths(ctx: Context) -> None:
    from ...claims.extract import PATH_RE
    from ...claims.subjects import resolve_path

    if not any(t.kind in ("T05", "T03", "T02") and t.extra.get("codes") for t in ctx.doc.tables):
        return  # no code table was recognised: nothing to compare the paths with
    for block in ctx.doc.blocks:
        if any("名词解释" in title for title in block.section):
            continue  # glossary entries are checked by the glossary rule (TXT004), not as figures' subjects
        for m in PATH_RE.finditer(block.norm):
            if "(项)" not in m.group(0) and "(款)" not in m.group(0):
                continue
            r = resolve_path(ctx.doc, m.group(0))
            if r is None:
                continue
            code, _, problems = r
            if not problems:
                continue
            text = block.text[m.start() : m.end()]
            ctx.emit(CLM014, ("; ".join(problems)), block.loc(m.start(), m.end()), patterns.sub(r"\s+", "", text),
                     stated=patterns.sub(r"\s+", "", text), computed=code or "(no row)",
                     explanation="the report's 公开05/03/02 rows under this class are named otherwise"
                     + (f"; figures of this subject were bound to {code}" if code else
                        "; the figures of this subject cannot be checked"),
                     key=m.group(0))
