"""CLM002, CLM006 and CLM012: 比上年 changes: their arithmetic, their direction words, and the prior-year values they imply.
"""

from __future__ import annotations

from fractions import Fraction

from ...findings import Severity
from ...rounding import Interval, fmt
from ..base import Context, checker, declare
from ..claim_support import (
    claim_excerpt,
    decimals_of,
    emit_comparison,
    final_claim,
)

CLM002 = declare("CLM002", "change-arithmetic", Severity.ERROR, "prose", """
    Value, change and change percentage of one claim disagree.

    What it checks:
     in "X 万元，比上年增加/减少 C 万元，增长/下降 P%", the previous year's value is X − C (or X + C) and P
    must equal C ÷ previous × 100, all figures taken as the intervals their rounding allows.  A change from a zero
    base (a unit set up this year) has no percentage and is never an error; an increase larger than the value
    itself is.

    Why it matters: the percentage is computed by hand and rarely recomputed when a figure changes.

    Example: 9.72 / (16.51 − 9.72) = 143.15%; with rounding 142.87%–143.44%; stated 142.95%: consistent.
    """)

CLM006 = declare("CLM006", "direction-word", Severity.ERROR, "prose", """
    A direction word contradicts the numbers.

    What it checks:
    增加/减少 and 增长/下降 of one claim agree with each other; 持平 has no change; "决算数大于/小于/等于预算数"
    agrees with the sign of 决算 − 预算 of the same subject (equal within rounding for 等于/持平).

    Why it matters: the words are copied from last year's text while the numbers move.

    Example: "全年预算为 52.00 万元，支出决算为 51.32 万元 … 决算数小于全年预算数" (agrees).
    """)

CLM012 = declare("CLM012", "implied-prior", Severity.ERROR, "prose", """
    Prior-year values implied by the 比上年 claims disagree.

    What it checks:
     last year's 年末结转和结余 (this year's value ∓ its change) equals this year's 年初结转和结余; last
    year's 三公经费 equals the sum of the prior values its three parts imply.

    Why it matters: changes are computed against last year's report; when they disagree, one change is wrong.

    Example: 9.63 + 5.26 = 14.89 = this year's 年初结转和结余 (agrees).
    """)

# ---------------------------------------------------------------------- CLM002 / CLM006 (changes)
UP = {"增加", "增长", "上升", "超支", "增加了"}
DOWN = {"减少", "下降", "降低", "节约", "减少了"}


@checker("CLM002", "CLM006", "RND001")
def check_changes(ctx: Context) -> None:
    for c in ctx.claims:
        if c.kind != "amount" or c.value is None:
            continue
        v, ch, pct = c.value, c.nums.get("change"), c.nums.get("pct")
        w1, w2 = c.words.get("change"), c.words.get("pct")
        if w1 in UP | DOWN and w2 in UP | DOWN and ((w1 in UP) != (w2 in UP)):
            ctx.emit(CLM006, f"{c.subject}: '{w1}' and '{w2}' point in opposite directions", c.loc_of("pct"),
                     claim_excerpt(c), stated=f"{w1} … {w2}", explanation="the change amount and its percentage must move "
                     "the same way", key=f"{c.subject}:dir", claim=c)
            continue
        if c.direction == 0 and ch is not None and ch.figure.value != 0:
            ctx.emit(CLM006, f"{c.subject}: '持平' with a change of {ch.display}", c.loc_of("change"), claim_excerpt(c),
                     stated=ch.display, explanation="持平 means no change", key=f"{c.subject}:flat", claim=c)
        if ch is None or c.direction not in (1, -1):
            continue
        prev = v.wan - ch.wan if c.direction == 1 else v.wan + ch.wan
        prev_mid = v.wan_value - ch.wan_value if c.direction == 1 else v.wan_value + ch.wan_value
        if prev.high < 0:
            ctx.emit(CLM002, f"{c.subject}: an increase of {ch.display} is larger than the value {v.display}",
                     c.loc_of("change"), claim_excerpt(c), stated=ch.display, computed=fmt(prev_mid, decimals_of(v, ch)),
                     explanation=f"last year's value would be {v.display} − {ch.display} = "
                     f"{fmt(prev_mid, decimals_of(v, ch))}, below zero", key=f"{c.subject}:neg", claim=c)
            continue
        if pct is None:
            continue
        if prev.low <= 0:
            continue  # zero base: no percentage is defined (a unit set up this year)
        ratio = ch.wan / prev
        if ratio is None:
            continue
        computed = ratio.scale(100)
        mid = ch.wan_value / prev_mid * 100 if prev_mid else Fraction(0)
        op = "−" if c.direction == 1 else "+"
        how = f"{ch.text} / ({v.text} {op} {ch.text}) × 100"
        emit_comparison(ctx, CLM002, c, pct, computed, mid,
                  f"{c.subject}: {w2 or '变动'} {pct.display} does not follow from {v.display} and "
                  f"{w1 or ''} {ch.display}", how, "pct", key=f"{c.subject}:pct")



# ---------------------------------------------------------------------- CLM012 (implied priors)


@checker("CLM012")
def check_implied_priors(ctx: Context) -> None:
    claims = [c for c in ctx.claims if c.kind == "amount"]
    for scope in ("all", "fiscal"):
        end = final_claim([c for c in claims if c.nums.get("change") or c.direction == 0], "exp.carry_end", scope)
        begin = final_claim(claims, "income.carry_begin", scope)
        if end is not None and begin is not None and begin.value is not None:
            p = end.implied_prior()
            if p is not None and not p[0].intersects(begin.value.wan):
                ctx.emit(CLM012, f"last year's 年末结转和结余 implied by line {end.loc_of().line} is {fmt(p[1], 2)}, "
                         f"this year's 年初结转和结余 is {begin.value.display}", end.loc_of("change"), claim_excerpt(end),
                         stated=end.nums["change"].display if "change" in end.nums else "持平",
                         computed=fmt(p[1], 2), explanation=f"{end.value.display} ∓ change = {fmt(p[1], 2)} should "  # type: ignore[union-attr]
                         f"equal {begin.value.display} (line {begin.loc_of().line})", related=[begin.loc_of()],
                         key=f"carry:{scope}", claim=end)
    total = final_claim([c for c in claims if c.nums.get("change") or c.direction == 0], "three_public.total")
    if total is None:
        return
    tp = total.implied_prior()
    parts: list[tuple[Interval, Fraction]] = []
    for sid in ("three_public.abroad", "three_public.reception"):
        c = final_claim([x for x in claims if x.nums.get("change") or x.direction == 0], sid)
        p = c.implied_prior() if c else None
        if p is None:
            return
        parts.append(p)
    veh = final_claim([x for x in claims if x.nums.get("change") or x.direction == 0], "three_public.vehicle")
    if veh is not None:
        p = veh.implied_prior()
        if p is None:
            return
        parts.append(p)
    else:
        for sid in ("three_public.vehicle_purchase", "three_public.vehicle_operation"):
            c = final_claim([x for x in claims if x.nums.get("change") or x.direction == 0], sid)
            p = c.implied_prior() if c else None
            if p is None:
                return
            parts.append(p)
    if tp is None:
        return
    s_iv, s_mid = Interval.point(0), Fraction(0)
    for iv, m in parts:
        s_iv, s_mid = s_iv + iv, s_mid + m
    if not tp[0].intersects(s_iv):
        ctx.emit(CLM012, f"last year's 三公经费 implied by this line is {fmt(tp[1], 2)}, its parts imply {fmt(s_mid, 2)}",
                 total.loc_of("change"), claim_excerpt(total), stated=fmt(tp[1], 2), computed=fmt(s_mid, 2),
                 explanation="prior = value ∓ change for 三公 and for 因公出国(境)费, 公务用车购置及运行维护费, 公务接待费; "
                 f"{fmt(tp[1], 2)} vs {fmt(s_mid, 2)}", key="three_public:prior", claim=total)
