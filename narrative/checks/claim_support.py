"""What the claim rules share: the excerpt of a claim, the sentence around it, the budget
figure a 决算 figure is measured against, and the one way a stated figure is compared with
a recomputed interval (an error when rounding cannot reconcile them, an RND001 note when
it only just can).
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from .. import patterns
from ..claims.model import Claim
from ..claims.numbers import Num
from ..findings import Severity
from ..model import Document, Loc
from ..rounding import Interval, compare, fmt
from .base import RND001, Context, Rule


class _ClaimIndex:
    """The claims of a report by paragraph and by subject, each list in report order.

    Many checks ask, for every claim, for the other claims of its paragraph or of its
    subject; a scan of all claims each time made those checks grow with the square of the
    prose."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.count = len(claims)
        self.by_block: dict[int, list[Claim]] = {}
        self.by_subject: dict[str | None, list[Claim]] = {}
        for c in claims:
            self.by_block.setdefault(id(c.block), []).append(c)
            self.by_subject.setdefault(c.subject_id, []).append(c)


_last_index: _ClaimIndex | None = None


def _index(claims: list[Claim]) -> _ClaimIndex:
    """The index of ``claims``, built once per list (the list of the report being checked;
    kept while the same list, of the same length, is asked about)."""
    global _last_index
    ix = _last_index
    if ix is None or ix.claims is not claims or ix.count != len(claims):
        ix = _last_index = _ClaimIndex(claims)
    return ix


def claims_in_block(claims: list[Claim], block: object) -> list[Claim]:
    """The claims of ``claims`` in paragraph ``block``, in order (``x.block is block``)."""
    return _index(claims).by_block.get(id(block), [])


def claims_of_subject(claims: list[Claim], sid: str | None) -> list[Claim]:
    """The claims of ``claims`` whose ``subject_id`` is ``sid``, in order."""
    return _index(claims).by_subject.get(sid, [])


def claim_excerpt(c: Claim) -> str:
    return c.block.text[c.start : c.end].strip()


def decimals_of(*nums: Num | None) -> int:
    ds = [n.figure.decimals for n in nums if n is not None]
    return max(ds) if ds else 2


def emit_comparison(ctx: Context, rule_cls: Rule, c: Claim, stated: Num, computed: Interval, mid: Fraction,
              message: str, how: str, loc_name: str = "", key: str = "", related: list[Loc] | None = None) -> None:
    cmp = compare(stated.figure, computed, mid)
    if cmp.exact:
        return
    d = stated.figure.decimals
    dd = max(d, 2)
    verdict = "consistent only within rounding" if cmp.holds else "inconsistent"
    explanation = (f"{how} = {fmt(mid, dd)}; with rounding {fmt(computed.low, dd)}–{fmt(computed.high, dd)}; "
                   f"stated {stated.display} stands for {fmt(cmp.stated.low, d + 1)}–{fmt(cmp.stated.high, d + 1)}: "
                   f"{verdict}")
    loc = c.block.loc(stated.start, stated.end)
    if cmp.truncated:
        explanation += f"; {stated.display} is the value cut to {d} decimals instead of rounded"
        message += " (truncated, not rounded)"
    if not cmp.violated:
        subject = message.split(":")[0]
        message = f"{subject}: {stated.display} holds only within rounding ({how} = {fmt(mid, dd)})"
    ctx.emit(rule_cls if cmp.violated else RND001, message,
             loc, claim_excerpt(c), stated=stated.display, computed=fmt(mid, d), computed_low=fmt(computed.low, d + 1),
             computed_high=fmt(computed.high, d + 1), explanation=explanation, related=related or [],
             key=key or f"{c.subject}:{loc_name}", claim=c,
             severity=Severity.WARNING if cmp.truncated else None,
             facts=c.binding.facts if c.binding is not None and loc_name in ("", "value") else ())



def table_scale(unit: str | None) -> Fraction:
    return {"元": Fraction(1, 10000), "亿元": Fraction(10000)}.get(unit or "", Fraction(1))



def budget_claim(claims: list[Claim], c: Claim, which: str) -> Claim | None:
    """The budget figure of the same subject stated before ``c`` in its paragraph."""
    roles = {"initial_budget": ["initial_budget"], "full_budget": ["full_budget", "budget"],
             "budget": ["budget", "full_budget", "initial_budget"], "": ["full_budget", "budget", "initial_budget"]}
    wanted = roles.get(which, ["budget"])
    cands = [x for x in claims_in_block(claims, c.block) if x.kind == "amount" and x.start < c.start
             and x.subject_id == c.subject_id and x.role in wanted]
    for role in wanted:
        for x in reversed(cands):
            if x.role == role:
                return x
    return None



def sentence_of(c: Claim, limit: int = 120) -> str:
    """The source sentence around a claim (for findings about lists and repeated facts)."""
    text = c.block.text
    start = max((text.rfind(p, 0, c.start) for p in "。！？!?"), default=-1) + 1
    end = sentence_end(c.block.norm, c.end)
    s = text[start : end + 1].strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


def sentence_end(text: str, pos: int) -> int:
    for i in range(pos, len(text)):
        if text[i] in "。！？!?":
            return i
    return len(text)



def final_claim(claims: Iterable[Claim], sid: str, scope: str | None = None) -> Claim | None:
    for c in claims:
        if c.subject_id == sid and c.kind == "amount" and c.role == "final" and (scope is None or c.scope == scope):
            return c
    return None



# ---------------------------------------------------------------------- rates and balances
BUDGET_ROLES = ("full_budget", "budget", "received", "initial_budget")


def sentence_span(c: Claim) -> tuple[int, int]:
    norm = c.block.norm
    start = max((norm.rfind(p, 0, c.start) for p in "。!?！？"), default=-1) + 1
    return start, sentence_end(norm, c.start)


def same_sentence(claims: list[Claim], c: Claim) -> list[Claim]:
    a, b = sentence_span(c)
    return [x for x in claims_in_block(claims, c.block) if x.kind == "amount" and x.value is not None
            and a <= x.value.start <= b and x is not c]


def final_and_budget(doc: Document, claims: list[Claim], c: Claim
                      ) -> tuple[Claim | None, Interval | None, Fraction | None, str]:
    """The 决算/执行 figure before ``c`` in its sentence and the budget it is measured against:
    a budget figure of the same sentence, else, for a project, its 自评表 全年预算数."""
    near = [x for x in same_sentence(claims, c) if x.start < c.start
            and not patterns.fullmatch(r"(?:结余|超支)(?:资金|金额)?", x.subject)]
    final = next((x for x in reversed(near) if x.role == "final"), None)
    if final is None:
        return None, None, None, ""
    budget = next((x for x in near if x.role in BUDGET_ROLES and x.subject_id == final.subject_id), None)
    if budget is None:
        budget = next((x for x in near if x.role in BUDGET_ROLES), None)
    if budget is not None and budget.value is not None:
        return final, budget.value.wan, budget.value.wan_value, budget.value.display
    if (final.subject_id or "").startswith("project:") and final.binding is not None:
        from ..claims.subjects import bind_project

        b, _ = bind_project(doc, final.subject, "full_budget")
        cell = b.facts[0].cell if b is not None else None
        if cell is not None and cell.figure is not None:
            return final, cell.interval, cell.figure.value, f"{cell.norm}（自评表 全年预算数, line {cell.line.number}）"
    return final, None, None, ""
