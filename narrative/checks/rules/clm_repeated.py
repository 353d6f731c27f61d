"""CLM010 and CLM011: one quantity stated twice, and year-to-date figures above the full year.
"""

from __future__ import annotations

from collections.abc import Callable

from ... import patterns
from ...claims.model import Claim
from ...findings import Severity
from ..base import Context, checker, declare
from ..claim_support import (
    claim_excerpt,
    claims_in_block,
)

CLM010 = declare("CLM010", "stated-twice", Severity.ERROR, "prose", """
    One quantity is stated twice with different values.

    What it checks:
    the same subject (a lexicon subject, or a counted thing named by the same words) for the same period and role,
    stated in two places of the report with values that rounding cannot reconcile.

    Why it matters: one of the two places was not updated.

    Example: "政府采购支出总额 5.18 万元" in one section and 5.81 万元 in another.
    """)
CLM011 = declare("CLM011", "ytd-exceeds-year", Severity.ERROR, "prose", """
    A year-to-date figure is larger than the full-year figure.

    What it checks: a count or amount stated "截至第三季度 / 上半年 / 截至 N 月" against the same thing
    stated for the whole year: the part of a year cannot exceed the year.

    Why it matters: one of them is a typo or a stale figure.

    Example: "截至第三季度…共发文 224 件" while the full year is "共发文 26 件".
    """)

# ---------------------------------------------------------------------- CLM010 / CLM011 (same quantity)
def _key(c: Claim, claims: list[Claim], key_of: Callable[[str], str]) -> tuple[str, ...] | None:
    """The quantity a claim states, for grouping; ``key_of`` is ``subject_key`` (remembered for the
    document: a whole's subject comes back for each of its parts)."""
    if c.value is None or c.kind not in ("amount", "count", "list_count", "score"):
        return None
    if c.kind == "score":
        if c.words.get("project") or len(c.subject) < 4:
            return None  # a project's score is checked against its 自评表 (CLM009)
        return ("score", key_of(c.subject))
    unit = "money" if c.value.money else (c.value.unit or "")
    if c.kind == "amount":
        if not c.subject_id or c.subject_id.startswith(("class:", "project:")) and c.binding is not None:
            return None
        if c.binding is not None:
            return None  # bound figures are compared with their cell (CLM001)
        return ("amount", c.subject_id, c.scope, c.role or "", unit)
    if len(c.subject) < 5 or c.binding is not None:
        return None
    # a part listed after 其中 is a part of its whole: "共有车辆 3 辆，其中：执法执勤用车 3 辆" and
    # "安排购置车辆 0 辆，其中：…执法执勤用车 0 辆" are two different quantities
    head = _head_in_sentence(c, claims)
    frame = key_of(head.subject) if head is not None else ""
    return ("count", frame, key_of(c.subject), unit)


def _head_in_sentence(c: Claim, claims: list[Claim]) -> Claim | None:
    """The whole a part listed after 其中 belongs to, in the same sentence."""
    norm = c.block.norm
    start = max((norm.rfind(p, 0, c.start) for p in "。!?！？"), default=-1) + 1
    zhong = [m.start() + start for m in patterns.finditer("其中", norm[start : c.start])]
    if not zhong:
        return None
    heads = [x for x in claims_in_block(claims, c.block) if x.kind in ("amount", "count")
             and start <= x.start < zhong[-1]]
    return heads[-1] if heads else None


@checker("CLM010", "CLM011")
def check_repeated(ctx: Context) -> None:
    from ...claims.segment import subject_key  # imported here: jieba only when a check needs it

    keys: dict[str, str] = {}

    def key_of(subject: str) -> str:
        if subject not in keys:
            keys[subject] = subject_key(subject)
        return keys[subject]

    seen: dict[tuple[str, ...], list[Claim]] = {}
    all_claims = ctx.claims
    for c in all_claims:
        k = _key(c, all_claims, key_of)
        if k is None:
            continue
        seen.setdefault(k, []).append(c)
    for cs in seen.values():
        years = [c for c in cs if c.period == "year"]
        ytds = [c for c in cs if c.period == "ytd"]
        for y in ytds:
            for full in years:
                if y.value.bound.low > full.value.bound.high:  # type: ignore[union-attr]
                    ctx.emit(CLM011, f"{y.subject}: {y.value.display} year-to-date exceeds the full year's "  # type: ignore[union-attr]
                             f"{full.value.display} (line {full.loc_of().line})", y.loc_of(), claim_excerpt(y),  # type: ignore[union-attr]
                             stated=y.value.display, computed=full.value.display,  # type: ignore[union-attr]
                             explanation=f"a part of the year cannot exceed the whole year: line {full.loc_of().line} "
                             f"says {claim_excerpt(full)}", related=[full.loc_of()], key=f"{y.subject}:ytd", claim=y)
                    break
        first = years[0] if years else None
        for other in years[1:]:
            assert first is not None
            if first.value.bound.intersects(other.value.bound):  # type: ignore[union-attr]
                continue
            ctx.emit(CLM010, f"{other.subject}: {other.value.display} here, {first.value.display} at line "  # type: ignore[union-attr]
                     f"{first.loc_of().line}", other.loc_of(), claim_excerpt(other), stated=other.value.display,  # type: ignore[union-attr]
                     computed=first.value.display,  # type: ignore[union-attr]
                     explanation=f"the same quantity is stated as {first.value.display} at line {first.loc_of().line} "  # type: ignore[union-attr]
                     f"({claim_excerpt(first)})", related=[first.loc_of()], key=f"{other.subject}:twice", claim=other)
