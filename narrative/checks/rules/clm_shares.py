"""CLM004 and CLM005: shares of a whole, each and together.
"""

from __future__ import annotations

from bisect import bisect_left
from fractions import Fraction

from ... import patterns
from ...claims.model import Claim
from ...claims.subjects import match_subject
from ...findings import Severity
from ...rounding import Interval, compare, fmt
from ..base import RND001, Context, checker, declare
from ..claim_support import (
    claim_excerpt,
    claims_in_block,
    claims_of_subject,
    emit_comparison,
    sentence_end,
    sentence_of,
)

CLM004 = declare("CLM004", "share-arithmetic", Severity.ERROR, "prose", """
    A share differs from part ÷ whole.

    What it checks: "占 P%"
    against the claim's amount divided by its whole: the whole the sentence names ("占政府采购支出总额的"), or the
    total the paragraph breaks down (本年收入的具体构成 → 本年收入合计), taken from the prose where stated, else from
    the table.

    A share set to 100% minus the other shares of a complete breakdown (the rounding residue,
    尾差, put on one share so that they add up to 100%) is an RND001 note, not an error: with
    the other shares it is reconciled with the report's own figures.

    Why it matters: shares are computed by hand against a total that may have changed.

    Example: 133.98 / 316.83 = 42.29% (agrees).
    """)
CLM005 = declare("CLM005", "shares-sum", Severity.ERROR, "prose", """
    Shares of one whole stated together do not add up to 100%.

    What it checks:
     the shares stated for the parts of one whole in one paragraph: more than 100% is always wrong; less
    than 100% is wrong when the parts' amounts add up to the whole (the list is complete).

    Why it matters: a share edited alone leaves its siblings inconsistent.

    Example: 42.29% + 57.71% + 0.00% + 0.00% + 0.00% = 100.00%.
    """)

# ---------------------------------------------------------------------- CLM004 / CLM005 (shares)
WHOLE_CONTEXT_RE = r"(?P<w>[\p{Han}()]{2,20}?)(?:的具体构成|构成情况|主要用于|的构成)"


class _LastBefore:
    """Claims kept in list order, asked for "the last of them (in list order) before c"
    (``_before``) by bisection: a report's shares each look for a whole stated before them, and
    a scan of every candidate per share grows with the square of the prose.

    ``_before`` compares offsets inside one block and (line, offset) across blocks (a PDF block
    may run over a page, where the line numbers start again), so the candidates of c's own block
    are scanned, and for the others each prefix by (line, offset) keeps its latest member and
    the latest member of another block than that one's."""

    def __init__(self, members: list[Claim]) -> None:
        self.members = members
        order = sorted(range(len(members)), key=lambda i: _place(members[i]))
        self.places = [_place(members[i]) for i in order]
        self.best: list[tuple[int, int, int]] = []  # per prefix: (latest, its block's id, latest of another block)
        best, block, second = -1, 0, -1
        for i in order:
            b = id(members[i].block)
            if i > best:
                if b != block:
                    second = best
                best, block = i, b
            elif b != block and i > second:
                second = i
            self.best.append((best, block, second))
        self.in_block: dict[int, list[int]] = {}
        for i, x in enumerate(members):
            self.in_block.setdefault(id(x.block), []).append(i)

    def before(self, c: Claim) -> Claim | None:
        found = max((i for i in self.in_block.get(id(c.block), ()) if self.members[i].start < c.start), default=-1)
        n = bisect_left(self.places, _place(c))
        if n:
            best, block, second = self.best[n - 1]
            found = max(found, best if block != id(c.block) else second)
        return self.members[found] if found >= 0 else None


class _Wholes:
    """The wholes of one report's shares, indexed once: amounts by subject and scope, and
    spending totals by scope and section."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.by_subject: dict[tuple[str, str], _LastBefore] = {}
        totals: dict[tuple[str | None, tuple[str, ...]], list[Claim]] = {}
        for x in claims:
            if x.subject_id == "exp.total" and x.kind == "amount" and x.role == "final" and x.period == "year" \
                    and x.value is not None:
                totals.setdefault((x.scope, x.block.section), []).append(x)
        self.totals = {k: _LastBefore(v) for k, v in totals.items()}

    def stated(self, sid: str, scope: str, c: Claim) -> Claim | None:
        """The last final amount of subject ``sid`` in ``scope`` stated before ``c``."""
        if (sid, scope) not in self.by_subject:
            self.by_subject[(sid, scope)] = _LastBefore([
                x for x in claims_of_subject(self.claims, sid) if x.kind == "amount" and x.role == "final"
                and x.scope == scope and x.value is not None])
        return self.by_subject[(sid, scope)].before(c)

    def section_total(self, c: Claim) -> Claim | None:
        """The last spending total of ``c``'s scope and section stated before it."""
        found = self.totals.get((c.scope, c.block.section))
        return found.before(c) if found is not None else None


def _whole(ctx: Context, wholes: _Wholes, c: Claim) -> tuple[Fraction, Interval, str] | None:
    """(value, interval, description) of the whole a share is taken of."""
    name = c.words.get("whole", "")
    if not name:
        m = None
        for m in patterns.finditer(WHOLE_CONTEXT_RE, c.block.norm[: c.start]):  # noqa: B007 - the last match
            pass
        if m is not None:
            name = m.group("w")
    if not name:
        # the head of the enumeration: the amount before 其中 in this paragraph
        head = _head_of(wholes.claims, c)
        if head is not None and head.value is not None:
            return head.value.wan_value, head.value.wan, f"{head.subject} {head.value.display}"
        return _section_total(wholes, c)
    subj = match_subject(name)
    if subj is None:
        return None
    sid = subj[0].id
    # the whole's scope comes from its own words ("占本年支出合计的": all funds)
    scope = subj[0].scope_of_name(name) or ("gpb" if "一般公共预算" in name else
                                           "fiscal" if "财政拨款" in name else "all")
    x = wholes.stated(sid, scope, c)
    if x is not None:
        return x.value.wan_value, x.value.wan, f"{name} {x.value.display} (line {x.loc_of().line})"  # type: ignore[union-attr]
    from ...claims.subjects import bind_subject

    b, _ = bind_subject(ctx.doc, subj[0], scope, "final")
    if b is None:
        return None
    iv = Interval.point(0)
    mid = Fraction(0)
    for f in b.facts:
        iv = iv + f.cell.interval
        mid += f.cell.figure.value if f.cell.figure else 0
    return mid, iv, f"{name} {b.text} ({b.spec}, line {b.facts[0].cell.line.number})"


def _section_total(wholes: _Wholes, c: Claim) -> tuple[Fraction, Interval, str] | None:
    """"（一）一般公共服务支出（类）…决算数 360.58 万元，占 67.89%": a class's share with no whole
    named is its share of the spending total the section states before it, in the same scope
    (财政拨款本年支出 决算数 531.15), the total the classes of the section break down."""
    if not (c.subject_id or "").startswith("class:"):
        return None
    x = wholes.section_total(c)
    if x is None:
        return None
    at = x.loc_of()
    where = f"p{at.page}:{at.line}" if at.page is not None else f"line {at.line}"
    return x.value.wan_value, x.value.wan, f"{x.subject} {x.value.display} ({where})"  # type: ignore[union-attr]


def _line(c: Claim) -> int:
    """The line of a claim's figure, kept on the claim: ``_before`` asks for it for every
    pair of a subject's claims, and a place in the source costs two bisections."""
    line: int | None = c.__dict__.get("_line")
    if line is None:
        line = c.__dict__["_line"] = c.loc_of().line or 0
    return line


def _place(c: Claim) -> tuple[int, int]:
    return (_line(c), c.start)


def _before(a: Claim, b: Claim) -> bool:
    return _place(a) < _place(b) if a.block is not b.block else a.start < b.start


def _head_of(claims: list[Claim], c: Claim) -> Claim | None:
    if c.refs.get("whole") is not None:
        return c.refs["whole"]  # the whole the claims' reading gives a part after 其中

    zhong = [m.start() for m in patterns.finditer("其中", c.block.norm[: c.start])]
    if not zhong:
        return None
    at = zhong[-1]
    heads = [x for x in claims_in_block(claims, c.block) if x.kind in ("amount", "count") and x.start < at and x is not c]
    return heads[-1] if heads else None


def _balanced(members: list[tuple[Claim, Fraction, Interval]], mids: dict[int, tuple[Interval, Fraction]]) -> Claim | None:
    """The one share of a complete breakdown that was set to 100% minus the others (the
    rounding residue, 尾差, put on one share so that they add up to 100%: 59.35% + 40.01% +
    0.64% where 0.634% rounds to 0.63), or None.  It holds when the parts' amounts make up
    the whole, the stated shares add up to exactly 100, every other share is right under
    rounding, and this one is off by no more than the others' rounding can carry."""
    if len(members) < 2:
        return None
    shares = [m[0].nums["share"].figure for m in members]
    if sum((f.value for f in shares), Fraction(0)) != 100:
        return None
    parts = Interval.point(0)
    for c, _, _ in members:
        parts = parts + c.value.wan  # type: ignore[union-attr]
    if not parts.intersects(members[0][2]):
        return None
    off = [m[0] for m, f in zip(members, shares, strict=True)
           if compare(f, *mids[id(m[0])]).violated]
    if len(off) != 1:
        return None
    k = off[0]
    f = k.nums["share"].figure
    carry = sum((x.half_unit for x in shares if x is not f), Fraction(0))
    return k if abs(f.value - mids[id(k)][1]) <= carry else None


@checker("CLM004", "CLM005", "RND001")
def check_shares(ctx: Context) -> None:
    claims = ctx.claims
    wholes = _Wholes(claims)
    groups: dict[tuple[int, str], list[tuple[Claim, Fraction, Interval]]] = {}
    computed: list[tuple[Claim, Interval, Fraction, str]] = []
    for c in claims:
        share = c.nums.get("share")
        if c.kind != "amount" or share is None or c.value is None:
            continue
        whole = _whole(ctx, wholes, c)
        if whole is None:
            continue
        wmid, wiv, desc = whole
        if wiv.contains_zero() and wmid == 0:
            continue
        ratio = c.value.wan / wiv
        if ratio is None:
            continue
        mid = c.value.wan_value / wmid * 100
        computed.append((c, ratio.scale(100), mid, desc))
        groups.setdefault((id(c.block), desc), []).append((c, wmid, wiv))
    mids = {id(c): (iv, mid) for c, iv, mid, _ in computed}
    balanced = {id(k): members for members in groups.values() if (k := _balanced(members, mids)) is not None}
    for c, iv, mid, desc in computed:
        share = c.nums["share"]
        how = f"{c.value.text} / {desc.split(' (')[0]} × 100"  # type: ignore[union-attr]
        if id(c) in balanced:
            others = [m[0].nums["share"].display for m in balanced[id(c)] if m[0] is not c]
            ctx.emit(RND001, f"{c.subject}: {share.display} balances the shares to 100% ({how} = {fmt(mid, 3)})",
                     c.block.loc(share.start, share.end), claim_excerpt(c), stated=share.display,
                     computed=fmt(mid, share.figure.decimals), explanation=f"{how} = {fmt(mid, 3)}; the parts make up "
                     f"the whole and 100% − {' − '.join(others)} = {share.display}: the rounding residue (尾差) is put "
                     "on this share so that the shares add up to 100%", key=f"{c.subject}:share", claim=c)
            continue
        emit_comparison(ctx, CLM004, c, share, iv, mid,
                  f"{c.subject}: share {share.display} does not follow from {c.value.display} of {desc}",  # type: ignore[union-attr]
                  how, "share", key=f"{c.subject}:share")
    _share_only_groups(ctx, claims)
    for (_, desc), members in groups.items():
        if len(members) < 2:
            continue
        total = Interval.point(0)
        parts = Interval.point(0)
        for c, _, _ in members:
            total = total + c.nums["share"].figure.interval
            parts = parts + c.value.wan  # type: ignore[union-attr]
        wiv = members[0][2]
        over = total.low > 100
        under_complete = total.high < 100 and parts.intersects(wiv)
        if over or under_complete:
            c = members[-1][0]
            s = sum((m[0].nums["share"].figure.value for m in members), Fraction(0))
            ctx.emit(CLM005, f"shares of {desc.split(' (')[0]} add up to {fmt(s, 2)}%", c.loc_of("share"),
                     claim_excerpt(c), stated=f"{fmt(s, 2)}%", computed="100.00",
                     explanation=" + ".join(m[0].nums["share"].display for m in members)
                     + f" = {fmt(s, 2)}% (with rounding {fmt(total.low, 3)}–{fmt(total.high, 3)})"
                     + ("" if over else "; the parts' amounts add up to the whole, so the list is complete"),
                     key=f"{desc.split(' (')[0]}:shares", claim=c)


def _share_only_groups(ctx: Context, claims: list[Claim]) -> None:
    """Shares stated without amounts ("决策指标占 20%，过程指标占 20%…"): several shares of
    one whole in one sentence can never add up to more than 100%."""
    groups: dict[tuple[int, int, str], list[Claim]] = {}
    for c in claims:
        if c.kind != "percent" or "share" not in c.nums:
            continue
        end = sentence_end(c.block.norm, c.start)
        groups.setdefault((id(c.block), end, c.words.get("whole", "")), []).append(c)
    for members in groups.values():
        if len(members) < 2:
            continue
        total = Interval.point(0)
        for c in members:
            total = total + c.nums["share"].figure.interval
        if total.low <= 100:
            continue
        s = sum((c.nums["share"].figure.value for c in members), Fraction(0))
        last = members[-1]
        ctx.emit(CLM005, f"shares stated together add up to {fmt(s, 2)}%", last.loc_of("share"), sentence_of(last),
                 stated=f"{fmt(s, 2)}%", computed="100",
                 explanation=" + ".join(f"{c.subject} {c.nums['share'].display}" for c in members)
                 + f" = {fmt(s, 2)}%: parts of one whole cannot exceed 100%", key=f"{last.subject}:shares", claim=last)
