"""Respective lists: "A、B、C分别为 x 万元、y 万元、z 万元，分别占 p%、q%、r%".

Read left to right, the extractor gives the first amount the whole list as its subject
("A、B、C分别"), the others none, and the first share to the last amount (the figure just
before it), the other shares to nothing.  This pass reads the two lists as the sentence means
them: the k-th name is the subject of the k-th amount, and the k-th share is that amount's
share (of the whole named after 分别占, or else of the whole the paragraph breaks down), so that
CLM004 and CLM005 check every share against its own amount.

Precision first: the lists are paired only when they have the same length (names, amounts and,
when given, shares); otherwise the first share of a "分别占" list is taken from the amount the
extractor gave it to (it is not that amount's share alone) and nothing is compared.  An amount whose name is not a subject of the
lexicon keeps its share but stays unbound.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..model import Block, Document
from ..normalize import squash
from .model import Claim, ClaimSet
from .numbers import Num

NAMES_RE = patterns.compile(r"(?P<names>[^,，。;；:：()（）\d]+?)\s*分别(?:为|是)\s*$")
SEP_RE = patterns.compile(r"^\s*(?:、|和|及|,|，)\s*$")
SHARES_LEAD_RE = patterns.compile(r"^\s*[,，]?\s*(?:分别)?占(?P<whole>[^\d,，。;；%]*?)(?:的)?\s*$")


def pair_respective_lists(doc: Document, claim_set: ClaimSet) -> None:
    claims = claim_set.claims
    by_block: dict[int, list[Claim]] = {}
    for c in claims:
        by_block.setdefault(id(c.block), []).append(c)
    removed: dict[str, Claim] = {}
    for members in by_block.values():
        block = members[0].block
        for m in regex.finditer(r"分别(?:为|是)", block.norm):
            _pair(doc, block, m.start(), m.end(), members, removed)
    for c in claims:
        share = c.nums.get("share")
        if share is None or c.value is None or c.words.get("respective") or c.block.norm.find("分别占", c.value.end, share.start) < 0:
            continue
        # "…x 万元，分别占 p%、q%" not paired above: p is not this amount's share alone
        del c.nums["share"]
        c.words.pop("whole", None)
    if not removed:
        return
    claim_set.claims = [c for c in claims if c.id not in removed]
    for rec in claim_set.tokens:
        if rec.claim in removed:
            rec.claim = removed[rec.claim].id


def _pair(doc: Document, block: Block, at: int, after: int, members: list[Claim], removed: dict[str, Claim]) -> None:
    from .subjects import bind_subject, match_subject
    from .words import scope_of

    norm = block.norm
    s0 = max(norm.rfind(p, 0, at) for p in "，,。;；:：") + 1
    nm = NAMES_RE.search(norm[s0:after])
    if nm is None:
        return
    # 、 separates the names ("社会保障和就业支出" is one name); "A、B和C" joins the last two by 和/及
    names = [squash(n) for n in nm.group("names").split("、") if squash(n)]
    # the amounts: consecutive amount claims after 分别为, joined by 、
    ordered = sorted((c for c in members if c.id not in removed), key=lambda c: c.start)
    amounts: list[Claim] = []
    pos = after
    for c in ordered:
        v = c.value if c.kind == "amount" else None
        if v is None or v.start < after:
            continue
        gap = norm[pos : v.start]
        if amounts and not SEP_RE.match(_strip_unit(gap)):
            break
        if not amounts and gap.strip():
            return
        amounts.append(c)
        pos = v.end
    if len(names) == len(amounts) - 1:
        last = regex.split(r"和|及", names[-1], maxsplit=1)
        if len(last) == 2 and all(last):
            names[-1:] = last
    if len(amounts) < 2 or len(amounts) != len(names):
        return
    # the shares, if given: "，分别占…" then percentages joined by 、 (the first one the
    # extractor gave to the last amount, the others percent claims of their own)
    found: list[tuple[Claim, Num]] = []
    last_share = amounts[-1].nums.get("share")
    if last_share is not None and last_share.start >= pos:
        found.append((amounts[-1], last_share))
    found += [(c, c.nums["value"]) for c in ordered if c.kind == "percent" and "value" in c.nums
              and c.nums["value"].start >= pos]
    found.sort(key=lambda x: x[1].start)
    shares: list[tuple[Claim, Num]] = []
    whole = ""
    lead = SHARES_LEAD_RE.match(norm[pos : found[0][1].start]) if found else None
    if lead is not None:
        whole = squash(lead.group("whole") or "")
        p = found[0][1].start
        for c, n in found:
            if shares and not SEP_RE.match(norm[p : n.start].replace("%", "")):
                break
            shares.append((c, n))
            p = n.end
        if len(shares) != len(amounts):
            return
    scope = scope_of(norm[:s0], block)
    for i, (c, name) in enumerate(zip(amounts, names, strict=True)):
        c.subject = name
        subj = match_subject(name)
        if subj is not None and c.binding is None:
            c.subject_id = subj[0].id
            c.scope = subj[0].scope_of_name(name) or scope
            c.binding, c.unbound = bind_subject(doc, subj[0], c.scope, c.role)
        c.words["respective"] = str(i + 1)
        if shares:
            owner, num = shares[i]
            c.nums["share"] = num
            c.words["whole"] = whole
            if owner is not amounts[-1]:
                removed[owner.id] = c


def _strip_unit(gap: str) -> str:
    return regex.sub(r"^\s*万?元", "", gap)
