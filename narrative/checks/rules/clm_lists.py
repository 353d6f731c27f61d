"""CLM007, CLM008 and CLM013: parts listed after 其中, counted lists, and class budgets against their total.
"""

from __future__ import annotations

from fractions import Fraction

from ...claims.model import Claim
from ...findings import Severity
from ...rounding import Interval, compare, fmt
from ..base import RND001, Context, checker, declare
from ..claim_support import (
    claim_excerpt,
    decimals_of,
    sentence_of,
)

CLM007 = declare("CLM007", "enumeration-sum", Severity.ERROR, "prose", """
    The parts listed after 其中 do not add up to their whole.

    What it checks:
     "W，其中：A x、B y、C z" in one sentence: the parts (same kind of figure as W) may not exceed W; they
    must equal W when the list is evidently complete (three or more parts, or a part listed at 0).

    Why it matters: a part edited without its total, or a total without its parts.

    Example: 政府采购支出总额 5.18 = 3.59 + 0.00 + 1.59 (agrees).
    """)
CLM008 = declare("CLM008", "list-count", Severity.ERROR, "prose", """
    A stated count differs from the number of items listed.

    What it checks:
     "N 个X，分别是：A，B" / "A、B、C、D 4 个一级指标" / "一级指标下设 A、…。N 个二级指标": N against
    the items listed.

    Why it matters: lists are edited item by item and the count is forgotten.

    Example: "设立 2 个内设机构，分别是：信息督查调研和民声通道股，文秘行政股" (agrees).
    """)

CLM013 = declare("CLM013", "class-budget-total", Severity.ERROR, "prose", """
    The classes' budgets do not add up to the stated total budget.

    What it checks: the 年初预算数 (or 全年预算数, or 决算数) that the prose states for each function class
    (类/款/项) against the total it states for 财政拨款 or 一般公共预算 支出 in the same section.  No table holds
    these budgets, so this is the only check they get.

    Why it matters: a class budget edited without the total (or the reverse).

    Example: 227.98 + 6.94 + 2.82 + 6.07 = 243.81 (agrees).
    """)



# ---------------------------------------------------------------------- CLM007 (enumerations)
@checker("CLM007", "RND001")
def check_enumerations(ctx: Context) -> None:

    claims = ctx.claims
    by_block: dict[int, list[Claim]] = {}
    for c in claims:
        if c.kind in ("amount", "count", "list_count") and c.value is not None:
            by_block.setdefault(id(c.block), []).append(c)
    for cs in by_block.values():
        # which figures after 其中 are parts of which whole is the claims' reading
        # (narrative/claims/wholes.py: asides, other classifications, the two sides); grouped
        # in one pass, in the block's order (a pass per whole was quadratic in a long block)
        parts_of: dict[int, list[Claim]] = {}
        for x in cs:
            whole = x.refs.get("whole")
            if whole is not None:
                parts_of.setdefault(id(whole), []).append(x)
        for w in cs:
            parts = parts_of.get(id(w), [])
            if not parts:
                continue
            total = Interval.point(0)
            mid = Fraction(0)
            for p in parts:
                total = total + p.value.wan  # type: ignore[union-attr]
                mid += p.value.wan_value  # type: ignore[union-attr]
            wv = w.value
            assert wv is not None
            complete = len(parts) >= 3 or any(p.value.figure.value == 0 for p in parts)  # type: ignore[union-attr]
            over = total.low > wv.bound.high
            under = total.high < wv.bound.low
            if len(parts) == 1 or not (over or (under and complete)):
                if complete and len(parts) >= 2 and not (over or under) and fmt(mid, 2) != fmt(wv.wan_value, 2):
                    ctx.emit(RND001, f"{w.subject}: parts add up to {fmt(mid, decimals_of(wv))} (within rounding)",
                             w.loc_of(), claim_excerpt(w), stated=wv.display, computed=fmt(mid / wv.scale, decimals_of(wv)),
                             explanation=" + ".join(p.value.display for p in parts) + f" vs {wv.display}",  # type: ignore[union-attr]
                             key=f"{w.subject}:enum", claim=w)
                continue
            d = decimals_of(wv, *[p.value for p in parts])
            ctx.emit(CLM007, f"{w.subject}: {wv.display} but its parts add up to {fmt(mid / wv.scale, d)}",
                     w.loc_of(), claim_excerpt(w), stated=wv.display, computed=fmt(mid / wv.scale, d),
                     computed_low=fmt(total.low / wv.scale, d + 1), computed_high=fmt(total.high / wv.scale, d + 1),
                     explanation=" + ".join(f"{p.subject} {p.value.display}" for p in parts)  # type: ignore[union-attr]
                     + f" = {fmt(mid / wv.scale, d)}; " + ("the parts exceed the whole" if over else
                                                           "the list is complete (it names every part) but falls short"),
                     related=[p.loc_of() for p in parts], key=f"{w.subject}:enum", claim=w)



# ---------------------------------------------------------------------- CLM008 (list counts)
@checker("CLM008")
def check_list_counts(ctx: Context) -> None:
    for c in ctx.claims:
        if not c.items or c.value is None or c.value.qualifier:
            continue
        n = int(c.value.figure.value)
        if n != len(c.items):
            ctx.emit(CLM008, f"{c.value.display}{c.subject} but {len(c.items)} listed", c.loc_of(), sentence_of(c),
                     stated=c.value.display, computed=str(len(c.items)),
                     explanation=f"listed: {'、'.join(c.items)} ({len(c.items)} items)", key=f"{c.subject}:list", claim=c)



# ---------------------------------------------------------------------- CLM013 (class budgets)
@checker("CLM013", "RND001")
def check_class_budgets(ctx: Context) -> None:
    claims = [c for c in ctx.claims if c.kind == "amount" and c.value is not None]
    for i, total in enumerate(claims):
        if total.subject_id != "exp.total" or total.scope not in ("fiscal", "gpb"):
            continue
        section = total.block.section
        members: list[Claim] = []
        unresolved: list[Claim] = []
        for c in claims[i + 1 :]:
            if c.subject_id == "exp.total":
                break
            if c.block.section[: len(section)] != section:
                break
            if c.refs.get("restates") is not None:
                continue  # the same figure stated again (with another value: CLM001's)
            if c.role == total.role and c.subject_id is None and not c.words.get("part_of"):
                unresolved.append(c)
            if (c.subject_id or "").startswith("class:") and c.role == total.role \
                    and all(m.subject_id != c.subject_id for m in members):
                members.append(c)  # a class stated twice (a list, then a paragraph each) counts once
        if not members or unresolved:
            continue  # a figure whose subject could not be resolved: the sum would be incomplete
        # the most general subjects stated: a 款 or 项 stands for its part of the 类 where the 类
        # itself is not stated ("住房改革支出 7,243.45" beside 教育支出, 科学技术支出)
        codes = {c.subject_id[6:] for c in members}  # type: ignore[index]
        members = [c for c in members
                   if not any(k != c.subject_id[6:] and c.subject_id[6:].startswith(k) for k in codes)]  # type: ignore[index]
        if len(members) < 2:
            continue
        iv, mid = Interval.point(0), Fraction(0)
        for c in members:
            iv, mid = iv + c.value.wan, mid + c.value.wan_value  # type: ignore[union-attr]
        v = total.value
        assert v is not None
        cmp = compare(v.figure, Interval(iv.low / v.scale, iv.high / v.scale), mid / v.scale)
        if cmp.exact:
            continue
        d = v.figure.decimals
        role = (total.role or "final").replace("_", " ")
        ctx.emit(CLM013 if cmp.violated else RND001,
                 f"{total.subject} {role} {v.display} but the classes add up to {fmt(mid, d)}"
                 + ("" if cmp.violated else " (within rounding)"),
                 total.loc_of(), claim_excerpt(total), stated=v.display, computed=fmt(mid, d),
                 computed_low=fmt(iv.low, d + 1), computed_high=fmt(iv.high, d + 1),
                 explanation=" + ".join(f"{c.value.text}" for c in members) + f" = {fmt(mid, d)} ("  # type: ignore[union-attr]
                 + ", ".join(f"{c.subject} line {c.loc_of().line}" for c in members) + ")",
                 related=[c.loc_of() for c in members], key=f"{total.subject}:{role}:classes", claim=total)
