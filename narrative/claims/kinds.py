"""Claims other than amounts: scores and averages of the 自评表, ratings, counts of
people, units and projects, and the lists a count announces.  A mixin of the extractor
(``narrative/claims/extract.py``), which reads the sentence and hands each number here.
"""

from __future__ import annotations

from .. import patterns
from ..model import Block, Document
from ..normalize import squash
from .lists import announces_list, list_after, list_before, list_declared
from .model import Claim, TokenRecord
from .numbers import Num
from .subjects import bind_count
from .words import (
    RATING_AFTER,
    RATING_BEFORE,
    SCORE_AVG,
    ZHONG_RE,
    clean,
    count_subject,
    describes,
    noun_after,
)


class OtherKinds:
    """Scores, counts and lists (the extractor provides ``doc``, ``claims``, ``new_id`` and
    ``phrase_start``)."""

    doc: Document
    claims: list[Claim]
    phrase_start: int

    def new_id(self, block: Block, num: Num | None) -> str:
        raise NotImplementedError

    @staticmethod
    def mark_description(claim: Claim) -> None:
        """A figure of the parts that describe the department and names no subject of the
        tables ("现有专任教师3,233人", "学校科研经费总量达到36.9亿元") is a description, not a
        restatement: it is still read (its lists and parts are checked) but is no blind spot."""
        if claim.binding is None and claim.subject_id is None and describes(claim.block.section):
            claim.words["describes"] = "1"
            claim.unbound = "describes the department: not a figure of its tables"

    def score(self, block: Block, n: Num, lead: str, phrase: str, sentence: str, rec: TokenRecord) -> Claim:
        kind = "average" if SCORE_AVG.search(lead) else "score"
        claim = Claim(self.new_id(block, n), kind, block, (self.phrase_start if phrase else n.start), n.end)
        claim.nums["value"] = n
        claim.subject = squash(clean(phrase))
        after = block.norm[n.end : n.end + 30]
        m = patterns.search(r"(?:评价等级|等级|评级|评价结果)(?:为|是)\s*[\"“”']?(?P<r>优秀|良好|优|良|中|差|合格|不合格)", after)
        if m:
            claim.words["rating"] = m.group("r")
        claim.words["sentence"] = sentence
        names = patterns.findall(r"[\"“]([^\"“”]{2,40})[\"”]", lead)
        if names:
            claim.words["project"] = names[-1]
        claim.unbound = "scores are checked against the 自评表 by project name"
        rec.claim = claim.id
        self.claims.append(claim)
        return claim

    def count(self, block: Block, n: Num, lead: str, phrase: str, sentence: str, s0: int, rec: TokenRecord,
              ytd: bool) -> Claim:
        after = block.norm[n.end : n.end + 24]
        m = RATING_AFTER.match(after)
        claim = Claim(self.new_id(block, n), "count", block, (self.phrase_start if phrase else n.start), n.end)
        claim.nums["value"] = n
        claim.period = "ytd" if ytd else "year"
        mb = RATING_BEFORE.search(lead[-30:])
        if (m and n.unit == "个") or (mb and n.unit == "个"):
            claim.kind = "rating_count"
            claim.words["rating"] = (m or mb).group("r")  # type: ignore[union-attr]
            claim.unbound = "checked against the 自评表 ratings"
        elif n.unit == "个" and patterns.search(r"项目", phrase + after[:3]) and patterns.search(r"自评", sentence):
            claim.kind = "project_count"
            claim.unbound = "checked against the number of 自评表"
        if ZHONG_RE.search(lead[-12:]):
            claim.words["part_of"] = "其中"
        claim.subject = count_subject(phrase, after, n)
        noun = noun_after(after, n)
        if noun is not None:
            claim.words["counted_after"] = noun
        if claim.kind == "count":
            before = block.norm[s0 : n.start]
            cid, binding = bind_count(self.doc, before[-60:], n.unit or "", clean(phrase), noun)
            claim.subject_id = cid
            claim.binding = binding
            if binding is None:
                claim.unbound = "no table holds this count" if cid is None else "the report has no such cell"
        self.mark_description(claim)
        rec.claim = claim.id
        self.claims.append(claim)
        return claim

    def _lists(self, block: Block, sentence: str, s0: int, sent_claims: list[Claim], nums: list[Num]) -> None:
        """Attach the items of a list to the count that announces it."""
        for c in sent_claims:
            if c.kind not in ("count", "project_count") or not announces_list(c):
                continue
            n = c.value
            assert n is not None
            rel_start, rel_end = n.start - s0, n.end - s0
            after = sentence[rel_end:]
            before = sentence[:rel_start]
            items, partial = list_before(before, "counted_after" in c.words)
            if partial and len(items) < int(n.figure.value):
                continue  # "A、B等 5 个": may name only some of the five
            items = items or list_after(after) or list_declared(block.norm[: n.start], c.subject)
            if items:
                c.items = items
                c.kind = "list_count" if c.kind == "count" else c.kind
