"""DUP001 and DUP002: reasons reused for different changes, and reasons whose words point
the other way from the change they explain.
"""

from __future__ import annotations

from ...findings import Severity
from ...textsim import han_count, normalize
from ..base import Context, checker, declare
from ..reasons import Reason, contradiction, reason_words, reasons_of

DUP001 = declare("DUP001", "reason-reused", Severity.WARNING, "prose", """
    One "主要原因" reason is reused word for word to explain changes of different subjects.

    What it checks: the reasons after 主要原因 in the report, normalised (punctuation dropped,
    numbers as #); a reason given for the comparisons of two subjects that do not restate each
    other (not the 收入/支出 totals, not a class and its items, not 商品和服务支出 and 机关运行经费)
    is reported at its later use.  A warning when the two changes went opposite ways (an increase
    of one, a decrease of the other: one cause cannot explain both) and the reason is specific; an
    info otherwise, and always for a generic reason (人员变动, 工作需要 …, ``lexicons/reason_words.toml``,
    or shorter than eight characters).

    Why it matters: the sentence was copied from the line above and its figures overwritten,
    but not its reason: the second change keeps an explanation that belongs to the first.

    Example: "商品和服务支出 38.56 万元，比上年减少 3.27 万元 …，主要原因：人员正常晋级晋档及事业单位绩效
    工资调整" — the reason of the increase of 工资福利支出 on the line above.
    """)


DUP002 = declare("DUP002", "reason-contradicts", Severity.ERROR, "prose", """
    A reason explains a change in the opposite direction.

    What it checks: a reason that holds only words of a decrease (节约, 压减, 缩减, 减少 …) for an
    increase on last year or a spending above budget, or only words of an increase (新增, 人员增加,
    追加 …) for a decrease on last year.  Word lists: ``lexicons/reason_words.toml``; a word after
    未/没有/不 is ignored; a reason with words of both directions, or of none, is never flagged.
    Under-spending is not checked against increase words ("年中追加的资金尚未支付" is a fine reason).

    Why it matters: the reason was copied from a year (or an item) that moved the other way.

    Example: "本年收入合计 528.88 万元，比上年增加 16.33 万元 … 主要原因：落实过紧日子要求，压减会议和培训支出".
    """)



@checker("DUP002")
def check_contradicting_reasons(ctx: Context) -> None:
    for r in ctx.shared(reasons_of):
        got = contradiction(r)
        if got is None:
            continue
        what, words = got
        ctx.emit(DUP002, f"{r.subject or 'change'}: reason '{r.text}' speaks of {'/'.join(words)} for {what}",
                 r.loc, r.excerpt, stated=r.text, computed=r.comparison,
                 explanation=f"{r.subject} {r.comparison} (stated just before, line {r.block.loc(r.start).line}) is "
                 f"{what}; its reason holds only words of the opposite direction ({'、'.join(words)}; "
                 "reason_words.toml)", key=f"contra:{r.subject_id}:{r.key}")


# ---------------------------------------------------------------------- DUP001
def related(a: str | None, b: str | None) -> bool:
    """Do two subjects restate each other (so that one reason may explain both)?"""
    if a is None or b is None or a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if y.startswith(x) and len(y) > len(x) and (y[len(x)] in "._" or y[len(x)].isdigit()):
            return True
    pairs = reason_words().get("reuse", {}).get("related", [])
    return any({a, b} == set(p) for p in pairs)


def generic(key: str) -> bool:
    reuse = reason_words().get("reuse", {})
    names = {normalize(g) for g in reuse.get("generic", [])}
    return key in names or han_count(key) < int(reuse.get("min_specific_chars", 8))


@checker("DUP001")
def check_reused_reasons(ctx: Context) -> None:
    groups: dict[str, list[Reason]] = {}
    for r in ctx.shared(reasons_of):
        if r.subject_id is None or han_count(r.key) < 2:
            continue
        groups.setdefault(r.key, []).append(r)
    for key, rs in groups.items():
        for i, r in enumerate(rs):
            earlier = [e for e in rs[:i] if not related(e.subject_id, r.subject_id)]
            if not earlier or any(e.subject_id == r.subject_id for e in rs[:i]):
                continue  # not reused, or already reported at this subject's first use
            opposite = [e for e in earlier if e.kind == r.kind and e.direction in (1, -1)
                        and r.direction in (1, -1) and e.direction != r.direction]
            first = (opposite or earlier)[0]
            is_generic = generic(key)
            if is_generic:
                why = ": a generic reason, noted only"
            elif opposite:
                why = ": one reason cannot explain an increase of one subject and a decrease of another"
            else:
                why = ": changes in the same direction, noted only"
            ctx.emit(DUP001, f"{r.subject}: reason '{r.text}' is the reason given for {first.subject} at line "
                         f"{first.loc.line}", r.loc, r.excerpt, stated=r.text,
                         computed=first.comparison,
                         explanation="the same reason explains " + "; ".join(
                             f"{e.subject} {e.comparison} (line {e.loc.line})" for e in rs[: i + 1]) + why,
                         related=[e.loc for e in earlier], key=f"reuse:{r.subject_id}:{key}",
                         severity=Severity.INFO if is_generic or not opposite else None)
