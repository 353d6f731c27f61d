"""The reasons a report gives for its changes ("主要原因是…"), what they explain
(which subject, which comparison, which direction) and the direction their own words
point in.  Shared by the boilerplate rules (DUP001, DUP002) and the year-to-year rule
that finds last year's reasons reused (YOY002).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from .. import patterns
from ..claims.model import Claim
from ..lexicon import load_toml
from ..model import Block, Document, Loc
from ..textsim import normalize


# ---------------------------------------------------------------------- reasons
@cache
def reason_words() -> dict[str, Any]:
    return load_toml("reason_words.toml")


REASON_RE = patterns.compile(r"主要原因(?:是|为|在于)?\s*[:：]?\s*")
RESTATE_RE = patterns.compile(
    r"\s*(?:决算数?|支出决算数?|实际支出)?\s*(?:大于|小于|等于|高于|低于|超过|未达到)\s*(?:年初|全年|调整后)?\s*预算数?"
    r"\s*(?:的)?\s*[,，]?\s*(?:主要(?:是|原因是|由于)|原因是|是由于|系)?\s*[:：]?\s*")
END_RE = patterns.compile(r"[。;；!?！？]")


@dataclass(frozen=True)
class Comparison:
    """A comparison stated in the prose: last year ("yoy") or the budget ("budget")."""

    pos: int  # offset in the block of the figure (or of 持平)
    kind: str
    direction: int  # +1, -1, 0
    claim: Claim
    text: str  # "增加 9.72万元", "完成 130.97%"


@dataclass(frozen=True)
class Reason:
    block: Block
    start: int  # span of the reason itself (after any restatement) in the block
    end: int
    text: str  # as written
    key: str  # normalised
    subject_id: str | None
    subject: str
    kind: str | None  # "yoy" | "budget" | None (no comparison found before it)
    direction: int | None
    comparison: str  # how the comparison reads ("增加 9.72万元")
    change: Fraction | None = None  # the size of a change on last year, in 万元 (None: not stated)
    at: int = -1  # offset in the block of the comparison it explains (-1: none found)

    @property
    def loc(self) -> Loc:
        return self.block.loc(self.start, self.end)

    @property
    def excerpt(self) -> str:
        """The sentences from the comparison to the end of the reason, as written: what the
        finding is about and nothing else.  Not the head of the paragraph, so that editing
        another sentence of it, or a reading that breaks the paragraph elsewhere (the same
        report as text and as PDF), leaves the finding's fingerprint alone."""
        t = self.block.norm
        lead = self.at if 0 <= self.at < self.start else self.start
        a = max((m.end() for m in END_RE.finditer(t, 0, lead)), default=0)
        b = self.end + 1 if self.end < len(t) else self.end
        return self.block.text[a:b].strip()


def _completion_direction(pct: Fraction, low: Fraction, high: Fraction) -> int:
    if low > 100:
        return 1
    if high < 100:
        return -1
    return 0


def comparisons(block: Block, claims: list[Claim]) -> list[Comparison]:
    """The comparisons the claims of a block state, in text order."""
    out: list[Comparison] = []
    by_id = {c.id: c for c in claims}
    for c in claims:
        if c.block is not block or c.kind != "amount":
            continue
        comp = c.nums.get("completion")
        budget = by_id.get(c.words.get("inherited", ""))
        if comp is not None:
            iv = comp.figure.interval
            out.append(Comparison(comp.start, "budget", _completion_direction(comp.figure.value, iv.low, iv.high),
                                  c, f"完成 {comp.display}"))
        elif budget is not None and budget.value is not None and c.value is not None and c.role == "final":
            # 决算 against the budget stated just before it: the figures say which way, not the words
            f, b = c.value.wan, budget.value.wan
            d = 1 if f.low > b.high else -1 if f.high < b.low else 0
            at = int(c.words["vs_budget_at"]) if c.words.get("vs_budget_at", "").isdigit() else c.value.end
            out.append(Comparison(min(at, c.value.end), "budget", d, c,
                                  f"预算数 {budget.value.display}，决算数 {c.value.display}"))
        elif c.words.get("vs_budget") in ("大于", "小于", "等于"):
            d = {"大于": 1, "小于": -1, "等于": 0}[c.words["vs_budget"]]
            at = int(c.words.get("vs_budget_at", c.end))
            out.append(Comparison(at, "budget", d, c, f"决算数{c.words['vs_budget']}预算数"))
        ch = c.nums.get("change")
        if ch is not None and c.direction in (1, -1):
            out.append(Comparison(ch.start, "yoy", c.direction, c, f"{c.words.get('change', '')} {ch.display}"))
        elif c.direction == 0:
            k = block.norm.find("持平", c.start, c.end + 60)
            out.append(Comparison(k if k >= 0 else c.end, "yoy", 0, c, "与上年持平"))
    return sorted(out, key=lambda x: x.pos)


def reasons_of(doc: Document, claims: list[Claim]) -> list[Reason]:
    """Every "主要原因" reason of the prose, with the comparison it explains (rules get it
    through ``Context.shared`` so it is computed once per report)."""
    by_block: dict[int, list[Claim]] = {}
    for c in claims:
        by_block.setdefault(id(c.block), []).append(c)
    out: list[Reason] = []
    for b in doc.blocks:
        if "主要原因" not in b.norm:
            continue
        bclaims = by_block.get(id(b), [])
        comps = comparisons(b, bclaims)
        for m in REASON_RE.finditer(b.norm):
            start = m.end()
            e = END_RE.search(b.norm, start)
            end = e.start() if e else len(b.norm)
            rs = RESTATE_RE.match(b.norm, start)
            if rs and rs.end() > start:
                start = rs.end()
            body = b.norm[start:end].strip()
            if not body:
                continue
            before = [x for x in comps if x.pos < m.start()]
            comp = before[-1] if before else None
            earlier = [c for c in bclaims if c.start < m.start() and c.kind == "amount"]
            subject_claim = comp.claim if comp else (max(earlier, key=lambda c: c.start) if earlier else None)
            out.append(Reason(
                block=b, start=start, end=end, text=b.text[start:end].strip(), key=normalize(body),
                subject_id=subject_claim.subject_id if subject_claim else None,
                subject=subject_claim.subject if subject_claim else "",
                kind=comp.kind if comp else None, direction=comp.direction if comp else None,
                comparison=comp.text if comp else "", at=comp.pos if comp else -1,
                change=_change_of(comp)))
    return out


def _change_of(comp: Comparison | None) -> Fraction | None:
    """The size (万元) of the change on last year a reason explains; 0 for 持平."""
    if comp is None or comp.kind != "yoy":
        return None
    if comp.direction == 0:
        return Fraction(0)
    ch = comp.claim.nums.get("change")
    return abs(ch.wan_value) if ch is not None and ch.money else None


def _words(kind: str) -> list[str]:
    return list(reason_words().get("direction", {}).get(kind, []))


def _find_all(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, not overlapping, left to right (``regex.finditer`` of
    the escaped word, without a pattern look-up per call)."""
    if not word:
        return [m.start() for m in patterns.finditer("", text)]
    out, a = [], text.find(word)
    while a >= 0:
        out.append(a)
        a = text.find(word, a + len(word))
    return out


def direction_words(text: str) -> tuple[list[str], list[str]]:
    """(increase words, decrease words) of a reason; a word negated by 未/没有/不 … is left out."""
    negators = _words("negators")
    found: dict[str, list[str]] = {"increase": [], "decrease": []}
    taken: list[tuple[int, int]] = []
    words = [(w, k) for k in ("increase", "decrease") for w in _words(k)]
    for w, k in sorted(words, key=lambda x: -len(x[0])):
        for a in _find_all(text, w):
            b = a + len(w)
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            lead = text[max(0, a - 2) : a]
            if any(lead.endswith(n) or lead[:-1].endswith(n) for n in negators):
                continue
            found[k].append(w)
    return found["increase"], found["decrease"]


_NOISE = patterns.compile(r"[\s\p{P}（）()款项类]|的|支出|经费|预算|安排")


def restates_subject(r: Reason) -> bool:
    """A reason that only names its own subject and a direction ("机关事业单位职业年金缴费支出
    增加" for that subject's increase) explains nothing: it holds for any change of that
    direction, so it carried over is no slip of size."""
    rest = r.text
    for w in sorted(_words("increase") + _words("decrease"), key=len, reverse=True):
        rest = rest.replace(w, "")
    rest = _NOISE.sub("", rest)
    return len(rest) >= 2 and rest in _NOISE.sub("", r.subject or "")


def contradiction(r: Reason) -> tuple[str, list[str]] | None:
    """Why a reason contradicts its comparison: (the direction it should explain, the words)."""
    if r.direction not in (1, -1) or r.kind is None:
        return None
    if any(w in r.text for w in _words("concessive")):
        return None  # "新增1辆…，但车型不同": the reason weighs both ways
    inc, dec = direction_words(r.text)
    if r.direction == 1 and dec and not inc:
        return ("an increase" if r.kind == "yoy" else "spending above budget"), dec
    if r.direction == -1 and inc and not dec and r.kind == "yoy":
        return "a decrease", inc
    return None
