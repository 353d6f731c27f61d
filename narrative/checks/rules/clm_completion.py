"""CLM003: completion and execution rates, and the 结余/超支 a 决算 figure leaves against its budget.
"""

from __future__ import annotations

from ... import patterns
from ...findings import Severity
from ...rounding import Interval, fmt
from ..base import Context, checker, declare, rule_of
from ..claim_support import (
    budget_claim,
    claim_excerpt,
    decimals_of,
    emit_comparison,
    final_and_budget,
)

CLM003 = declare("CLM003", "completion-arithmetic", Severity.ERROR, "prose", """
    A completion rate differs from 决算 ÷ 预算.

    What it checks:
    "完成年初预算的 Z%" against 决算数 ÷ 年初预算数 of the same sentence ("全年预算" likewise); a rate against a
    budget of 0 does not exist.

    Why it matters: completion rates are the headline of 预决算差异 paragraphs.

    Example: 298.59 / 227.98 = 130.97% (agrees).
    """)

@checker("CLM003", "CLM006", "RND001")
def check_completion(ctx: Context) -> None:
    claims = ctx.claims
    for c in claims:
        if c.kind != "amount" or c.value is None or c.subject_id is None:
            continue
        comp = c.nums.get("completion")
        if comp is not None:
            which = c.words.get("completion", "budget")
            b = budget_claim(claims, c, which)
            if b is not None and b.value is not None:
                f, bud = c.value, b.value
                if bud.wan.contains_zero() and bud.figure.value == 0:
                    other = budget_claim(claims, c, "full_budget" if which == "initial_budget" else "initial_budget")
                    hint = ""
                    if other is not None and other.value is not None and other is not b and not other.value.wan.contains_zero():
                        alt = f.wan_value / other.value.wan_value * 100
                        hint = (f"; {f.text} / {other.value.text} = {fmt(alt, comp.figure.decimals)}% is the rate "
                                f"against the {(other.role or '').replace('_', ' ')}")
                    ctx.emit(CLM003, f"{c.subject}: completion {comp.display} of a budget of {bud.display}",
                             c.loc_of("completion"), claim_excerpt(c), stated=comp.display, computed="undefined",
                             explanation=f"{(b.role or '').replace('_', ' ')} is {bud.display}: no completion rate exists{hint}",
                             key=f"{c.subject}:completion", claim=c)
                else:
                    ratio = f.wan / bud.wan
                    if ratio is not None:
                        mid = f.wan_value / bud.wan_value * 100
                        emit_comparison(ctx, CLM003, c, comp, ratio.scale(100), mid,
                                  f"{c.subject}: completion {comp.display} does not follow from {f.display} / "
                                  f"{bud.display}", f"{f.text} / {bud.text} × 100", "completion",
                                  key=f"{c.subject}:completion")
        word = c.words.get("vs_budget")
        if word:
            b = budget_claim(claims, c, {"全年": "full_budget", "年初": "initial_budget"}.get(
                c.words.get("vs_budget_which", ""), ""))
            if b is None or b.value is None:
                continue
            diff = c.value.wan - b.value.wan
            ok = {
                "大于": diff.high > 0, "高于": diff.high > 0, "超过": diff.high > 0,
                "小于": diff.low < 0, "低于": diff.low < 0,
                "等于": diff.contains_zero(), "持平": diff.contains_zero(), "相等": diff.contains_zero(),
                "一致": diff.contains_zero(),
            }.get(word, True)
            if not ok:
                at = int(c.words.get("vs_budget_at", str(c.start)))
                ctx.emit(rule_of("CLM006"), f"{c.subject}: '决算数{word}预算数' but 决算 {c.value.display} vs 预算 {b.value.display}",
                         c.block.loc(at, at + 6), claim_excerpt(c), stated=word,
                         computed=fmt(c.value.wan_value - b.value.wan_value, decimals_of(c.value, b.value)),
                         explanation=f"决算 − 预算 = {c.value.text} − {b.value.text} = "
                         f"{fmt(c.value.wan_value - b.value.wan_value, decimals_of(c.value, b.value))}",
                         key=f"{c.subject}:vsbudget", claim=c)



@checker("CLM003", "CLM006", "RND001")
def check_rates_and_balances(ctx: Context) -> None:
    """执行率 = 执行数 / 预算数 stated in one sentence; 结余 = 预算 − 决算 and 超支 = 决算 − 预算."""
    claims = ctx.claims
    for c in claims:
        if c.kind == "rate" and c.value is not None and "执行率" in c.words.get("rate", ""):
            final, biv, bmid, bdesc = final_and_budget(ctx.doc, claims, c)
            if final is None or biv is None or bmid is None or final.value is None or bmid == 0:
                continue
            ratio = final.value.wan / biv
            if ratio is None:
                continue
            emit_comparison(ctx, CLM003, c, c.value, ratio.scale(100), final.value.wan_value / bmid * 100,
                      f"{c.subject or '执行率'}: {c.value.display} does not follow from {final.value.display} / {bdesc}",
                      f"{final.value.text} / {bdesc.split('（')[0]} × 100", "rate", key=f"{c.subject}:rate")
        if c.kind != "amount" or c.value is None:
            continue
        m = patterns.fullmatch(r"(结余|超支)(?:资金|金额)?", c.subject)
        if not m:
            continue
        final, biv, bmid, bdesc = final_and_budget(ctx.doc, claims, c)
        if final is None or biv is None or bmid is None or final.value is None:
            continue
        word = m.group(1)
        diff = biv - final.value.wan if word == "结余" else final.value.wan - biv
        mid = bmid - final.value.wan_value if word == "结余" else final.value.wan_value - bmid
        how = (f"{bdesc.split('（')[0]} − {final.value.text}" if word == "结余" else
               f"{final.value.text} − {bdesc.split('（')[0]}")
        if diff.high < 0:
            ctx.emit(rule_of("CLM006"), f"'{word}' but {final.value.display} vs budget {bdesc}", c.loc_of(), claim_excerpt(c),
                     stated=f"{word} {c.value.display}", computed=fmt(mid, 2),
                     explanation=f"{how} = {fmt(mid, 2)}: the sign contradicts '{word}'", key=f"{c.subject}:sign", claim=c)
            continue
        emit_comparison(ctx, rule_of("CLM006"), c, c.value, Interval(diff.low / c.value.scale, diff.high / c.value.scale),
                  mid / c.value.scale, f"{word} {c.value.display} does not follow from {final.value.display} "
                  f"and its budget {bdesc}", how, "balance", key=f"{c.subject}:balance")
