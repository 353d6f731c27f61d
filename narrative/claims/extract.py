"""Claim extraction: from prose blocks to ``Claim``s bound to table cells.

The prose of these reports is formulaic, so a left-to-right reading of each
sentence suffices: every number token is classified by its unit and by the
words just before it ("比上年增加" makes it a change, "占" a share, "完成年初
预算的" a completion rate, "年初预算数" a budget figure), then attached to the
amount it qualifies.  The subject of an amount is the longest lexicon name that
ends the words before it; a figure with no subject words ("决算数 298.59 万元")
inherits the subject of the figure before it in the paragraph.
"""

from __future__ import annotations

from .. import patterns
from ..model import Block, Document
from ..normalize import squash
from .kinds import OtherKinds
from .model import Claim, ClaimSet, TokenRecord
from .numbers import Num, scan
from .subjects import (
    Subject,
    bind_project,
    bind_subject,
    is_budget_report,
    match_subject,
    path_subject,
    row_subject,
    subject_by_id,
)
from .wholes import link_parts
from .words import (
    CHANGE_TAIL,
    CLAUSE_PUNCT,
    CODE_NAME_RE,
    COMPLETION_TAIL,
    CURRENT_SUBJECT_SPAN,
    FLAT_RE,
    INDICATOR_TAIL,
    INTRO_RE,
    ITEM_RE,
    PATH_RE,
    PRIOR_RE,
    RATE_TAIL,
    SHARE_TAIL,
    VS_BUDGET_RE,
    ZHONG_RE,
    budget_total,
    clause_start_of,
    clean,
    has_path,
    is_reason_amount,
    next_start,
    period_at,
    period_marks,
    plain_path,
    prior_year,
    project_name,
    role_of,
    scope_in_words,
    scope_of,
    sentences,
    strip_role,
)

__all__ = ["PATH_RE", "extract_claims"]  # PATH_RE: read by the subject-path rule (CLM014)

class _Extractor(OtherKinds):
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.claims: list[Claim] = []
        self.tokens: list[TokenRecord] = []
        self.counter = 0
        self.phrase_start = 0  # where the words before the current number start
        self.pending: Claim | None = None  # a subject named by a block without figures
        # "财政拨款支出主要内容如下：" before numbered items: the scope of those items
        self.intro: tuple[str, tuple[str, ...]] | None = None
        self.list_scope: str | None = None
        # the tables of a 预算 hold budgets: a figure with no role word is a budget figure there
        self.budget = is_budget_report(doc)
        self.default_role = "budget" if self.budget else "final"

    def new_id(self, block: Block, num: Num | None) -> str:
        """A handle for the claim within this document's analysis ("C12"): front ends look
        claims up by it.  It is never part of a fingerprint (it moves when claims are added
        above)."""
        self.counter += 1
        return f"C{self.counter}"

    def run(self) -> ClaimSet:
        for block in self.doc.blocks:
            if block.kind in ("toc",):
                continue
            self.block(block)
        return ClaimSet(self.claims, self.tokens)

    # ------------------------------------------------------------------ blocks
    def block(self, block: Block) -> None:
        self.list_scope = self.intro[0] if self.intro and self.intro[1] == block.section and ITEM_RE.match(
            block.norm) else None
        if ITEM_RE.match(block.norm) is None:
            m = INTRO_RE.search(block.norm)
            self.intro = (scope_in_words(m.group(0)) or "all", block.section) if m else None
        nums, skipped = scan(block.norm, block.text)
        for s in skipped:
            self.tokens.append(TokenRecord(block, s.start, s.end, s.text, reason=s.reason))
        if not nums:
            self.pending = self._subject_holder(block, block.norm, 0)
            return
        text = block.norm
        spans = sentences(text)
        # the amount claim later figures refer to; a subject named alone in the block just
        # before ("1、一般公共服务支出（类）…（项）。") carries over
        current: Claim | None = self.pending
        self.pending = None
        last_sentence_of_current = -1
        for si, (s0, s1) in enumerate(spans):
            sent_nums = [n for n in nums if s0 <= n.start < s1]
            sentence = text[s0:s1]
            periods = period_marks(sentence, s0)
            if current is not None and si - last_sentence_of_current > CURRENT_SUBJECT_SPAN:
                current = None
            sent_claims: list[Claim] = []
            if not sent_nums:
                holder = self._subject_holder(block, sentence, s0)
                if holder is not None:
                    current, last_sentence_of_current = holder, si
            else:
                # "1.小学教育（2050202），2023年度决算数为7,970.38万元": a subject named by its own
                # first clause, before any figure, is the subject of the figures after it
                head = sentence[: sent_nums[0].start - s0]
                cut = next((i for i, ch in enumerate(head) if ch in CLAUSE_PUNCT), -1)
                holder = self._subject_holder(block, head[:cut], s0) if cut > 0 else None
                if holder is not None:
                    current, last_sentence_of_current = holder, si
            prev_end = s0
            for n in sent_nums:
                lead = text[prev_end : n.start]
                clause_start = clause_start_of(lead)
                raw = lead[clause_start + 1 :]
                phrase = raw.strip()
                self.phrase_start = prev_end + clause_start + 1 + (len(raw) - len(raw.lstrip()))
                ytd = period_at(periods, n.start) == "ytd"
                claim = self.number(block, n, lead, phrase, sentence, s0, current, sent_claims, ytd)
                prev_end = n.end
                if claim is not None and claim.kind == "amount":
                    current = claim
                    last_sentence_of_current = si
                    if claim not in sent_claims:
                        sent_claims.append(claim)
                elif claim is not None:
                    sent_claims.append(claim)
                # "…，与上年持平" right after a figure
                after = text[n.end : next_start(sent_nums, n, s1)]
                if current is not None and claim is current and FLAT_RE.search(after.split("主要原因")[0]):
                    current.direction = 0
                    current.words.setdefault("change", "持平")
            # sentence-level words that refer to the current subject
            if current is not None:
                m = VS_BUDGET_RE.search(sentence)
                if m:
                    word = m.group("w") or m.group("w2")
                    which = m.group("which") or m.group("which2") or ""
                    current.words["vs_budget"] = word
                    current.words["vs_budget_which"] = which
                    current.words["vs_budget_at"] = str(s0 + m.start())
                if not sent_nums and patterns.search(r"决算数?(?:与|比)上年(?:基本)?持平|与上年持平", sentence):
                    current.direction = 0
                    current.words.setdefault("change", "持平")
            self._lists(block, sentence, s0, sent_claims, nums)
            for p in link_parts(block, s0, s1, sent_claims):
                subject = subject_by_id(p.subject_id) if p.subject_id else None
                if subject is not None:
                    p.binding, p.unbound = bind_subject(self.doc, subject, p.scope, p.role)

    def _subject_holder(self, block: Block, sentence: str, s0: int) -> Claim | None:
        """A sentence that only names a subject ("1、一般公共服务支出（类）社会工作事务（款）
        行政运行（项）。") makes it the subject of the figures that follow."""
        m = PATH_RE.search(sentence) or CODE_NAME_RE.search(sentence)
        if not m:
            return None
        subj = path_subject(self.doc, m.group(0)) if m.re is PATH_RE else row_subject(self.doc, m.group(0))
        if subj is None:
            return None
        holder = Claim(f"S@{block.line_at(s0 + m.start()).number}", "subject", block, s0 + m.start(), s0 + m.end())
        holder.subject = squash(m.group(0))
        holder.subject_id = subj[0].id
        holder.scope = self.list_scope or scope_of("", block)
        return holder

    # ------------------------------------------------------------------ numbers
    def number(self, block: Block, n: Num, lead: str, phrase: str, sentence: str, s0: int,
               current: Claim | None, sent_claims: list[Claim], ytd: bool) -> Claim | None:
        lead_tail = lead[-40:]
        rec = TokenRecord(block, n.start, n.end, n.text)
        self.tokens.append(rec)
        if n.percent:
            return self.percent(block, n, lead_tail, phrase, current, rec)
        if n.unit == "分":
            return self.score(block, n, lead_tail, phrase, sentence, rec)
        if n.money:
            m = CHANGE_TAIL.search(lead_tail)
            if m and (PRIOR_RE.search(lead_tail) or PRIOR_RE.search(sentence[: max(0, n.start - s0)]) or current):
                return self.change(block, n, lead_tail, phrase, m.group("dir"), current, rec)
            covered = bool(patterns.search(r"涉及", sentence[: max(0, n.start - s0)]))
            return self.amount(block, n, lead, phrase, current, rec, ytd, covered)
        return self.count(block, n, lead, phrase, sentence, s0, rec, ytd)

    def amount(self, block: Block, n: Num, lead: str, phrase: str, current: Claim | None, rec: TokenRecord,
               ytd: bool, covered: bool = False) -> Claim:
        """An amount and its subject; ``covered``: the sentence says what money something
        "涉及" (an evaluation, a project), so its amounts are not the subjects' own."""
        role = role_of(phrase)
        bare = plain_path(clean(strip_role(phrase)))
        project = project_name(phrase)
        claim = Claim(self.new_id(block, n), "amount", block, (self.phrase_start if phrase else n.start), n.end)
        claim.nums["value"] = n
        claim.role = role or self.default_role
        claim.period = "ytd" if ytd else "year"
        earlier = prior_year(phrase, self.doc.year)
        if earlier is not None:
            claim.period = "prior"
            claim.words["year"] = str(earlier)
        if ZHONG_RE.search(lead[-12:]):
            claim.words["part_of"] = "其中"
        reason = bool(bare) and (is_reason_amount(phrase) or covered)
        subj = None
        if bare and project is None and not reason:
            subj = self.subject_of(bare, claim.role, squash(strip_role(phrase)))
        if project is None and not bare and current is not None and current.subject_id:
            same = self.restated(block, current.subject_id, claim.role or "", claim.period, n)
            if same is not None:
                # "…（项）”25.77万元 … 2024年预算安排25.77万元，比…减少57.14%": one figure said twice
                self.counter -= 1
                rec.claim = same.id
                self.link_prior(same)
                return same
            first = self.same_figure(block, current.subject_id, claim.role or "", claim.period)
            if first is not None:
                # the same figure stated again with another value (a slip CLM001 finds): never
                # a second member of a sum
                claim.refs["restates"] = first
            # "决算数 298.59 万元": the subject of the figure (or heading) before it ("inherited":
            # this year's figure of the subject named before; an earlier year's is only "of" it)
            claim.words["of" if claim.period == "prior" else "inherited"] = current.id
            claim.scope = current.scope
            if current.subject_id.startswith("project:"):
                project = current.subject
            else:
                claim.subject, claim.subject_id = current.subject, current.subject_id
                subject = subject_by_id(current.subject_id)
                if subject is not None:
                    claim.binding, claim.unbound = bind_subject(self.doc, subject, claim.scope, claim.role)
        if project is not None:
            claim.subject = project
            claim.subject_id = f"project:{project}"
            claim.binding, claim.unbound = bind_project(self.doc, project, claim.role)
        elif subj is not None:
            subject, at = subj
            claim.subject = squash(bare)
            claim.subject_id = subject.id
            own = subject.scope_of_name(bare) or scope_in_words(squash(bare)[:at])
            claim.scope = own or self.list_scope or scope_of(squash(bare)[:at], block)
            claim.words["scope_by"] = "words" if own else "list" if self.list_scope else "section"
            claim.binding, claim.unbound = bind_subject(self.doc, subject, claim.scope, claim.role)
        elif claim.subject_id is None:
            claim.subject = squash(bare)
            if covered:
                claim.unbound = "the money something covers (涉及), not the amount of a subject"
            elif reason:
                claim.unbound = "a change given as a reason, not the amount of a subject"
            elif has_path(bare):
                claim.unbound = "the (类)(款)(项) path names no row of the tables"
            else:
                claim.unbound = "subject not in the lexicon" if bare else "no subject"
        self.mark_description(claim)
        if claim.period == "prior":
            # last year's figure: checked through the change stated with it, never against a cell
            claim.binding = None
            claim.unbound = f"a figure of {earlier}: no table of this report holds it"
        else:
            self.link_prior(claim)
        rec.claim = claim.id
        self.claims.append(claim)
        return claim

    def subject_of(self, bare: str, role: str | None, words: str) -> tuple[Subject, int] | None:
        """The subject an amount's own words name: a (类)(款)(项) path, a lexicon name, the
        budget's own total ("…收入预算"), a row named with its code, or a row of the report's
        own code tables named exactly."""
        if has_path(bare):
            # a path that names no row of the tables is not the class it starts with
            return path_subject(self.doc, bare)
        found = match_subject(bare)
        if found is not None:
            return found
        if self.budget and role == "budget":
            total = budget_total(words, self.doc.department)
            subject = subject_by_id(total[0]) if total else None
            if subject is not None and total is not None:
                return subject, max(0, len(bare) - (len(words) - total[1]))
        return row_subject(self.doc, bare)

    def restated(self, block: Block, sid: str, role: str, period: str, n: Num) -> Claim | None:
        """The figure of this paragraph that a bare figure restates word for word: same subject,
        role and period, written the same ("2024年预算安排 25.77 万元" after "…（项）”25.77万元")."""
        c = self.same_figure(block, sid, role, period)
        if c is None or c.value is None or (c.value.text, c.value.unit) != (n.text, n.unit):
            return None
        return c if "pct" not in c.nums and "change" not in c.nums else None

    def same_figure(self, block: Block, sid: str, role: str, period: str) -> Claim | None:
        """The latest figure of this paragraph with this subject, role and period."""
        for c in reversed(self.claims):
            if c.block is not block:
                return None
            if c.kind == "amount" and c.subject_id == sid and c.period == period and c.period != "prior":
                return c if c.role == role else None
        return None

    def link_prior(self, claim: Claim) -> None:
        """"2023年当年预算执行数为 60.13 万元，2024年预算安排 25.77 万元，比2023年预算执行数减少
        57.14%": the earlier year's figure of the same subject, stated just before in the same
        paragraph, is the prior value of this one (CLM002 recomputes the percentage from it)."""
        if claim.subject_id is None or "prior" in claim.nums:
            return
        for c in reversed(self.claims):
            if c.block is not claim.block:
                break
            if c.period == "prior" and c.subject_id == claim.subject_id and c.value is not None:
                if any(x.refs.get("prior") is c for x in self.claims):
                    break  # already the prior of an earlier figure
                claim.nums["prior"] = c.value
                claim.refs["prior"] = c
                break

    def change(self, block: Block, n: Num, lead: str, phrase: str, word: str, current: Claim | None,
               rec: TokenRecord) -> Claim | None:
        # A change with its own subject ("收入支出总计增加 307.82 万元") attaches to the latest
        # amount of that subject (never to another subject's); otherwise to the current amount.
        target = current
        bare = clean(CHANGE_TAIL.sub("", PRIOR_RE.sub("", strip_role(phrase))))
        bare = patterns.sub(r"(?:比|较|与)?上年|相比|同比", "", bare)
        subj = match_subject(bare) if bare else None
        if subj is not None:
            sid = subj[0].id
            same = [c for c in self.claims if c.kind == "amount" and c.subject_id == sid and "change" not in c.nums
                    and c.period != "prior"]
            if same:
                target = same[-1]
            elif current is None or current.subject_id != sid:
                # "其中：教育支出减少 1,505.49 万元" with no 教育支出 amount: not the current's change
                rec.reason = "change of a subject with no amount stated"
                return None
        if target is None or "change" in target.nums or target.period == "prior":
            rec.reason = "change with no amount to attach to"
            return None
        target.nums["change"] = n
        target.direction = 1 if word in ("增加", "增长", "上升", "超支", "增加了") else -1
        target.words["change"] = word
        target.end = max(target.end, n.end) if target.block is block else target.end
        rec.claim = target.id
        return target

    def percent(self, block: Block, n: Num, lead: str, phrase: str, current: Claim | None,
                rec: TokenRecord) -> Claim | None:
        m = CHANGE_TAIL.search(lead)
        if m and current is not None and "pct" not in current.nums and (
            "change" in current.nums or PRIOR_RE.search(lead) or current.direction is not None
        ):
            current.nums["pct"] = n
            current.words["pct"] = m.group("dir")
            if current.direction is None and "prior" in current.nums:
                # "比2023年预算执行数减少 57.14%": the only direction word is the percentage's
                current.direction = 1 if m.group("dir") in ("增加", "增长", "上升", "增加了") else -1
            if current.block is block:
                current.end = max(current.end, n.end)
            rec.claim = current.id
            return current
        m = COMPLETION_TAIL.search(lead)
        if m and current is not None and "completion" not in current.nums:
            current.nums["completion"] = n
            current.words["completion"] = {"年初": "initial_budget", "全年": "full_budget", "调整后": "full_budget"}.get(
                m.group("which") or "", "budget")
            if current.block is block:
                current.end = max(current.end, n.end)
            rec.claim = current.id
            return current
        m = SHARE_TAIL.search(lead)
        if m and "占" in lead[-45:]:
            whole = squash(m.group("whole") or "")
            target = current if current is not None and "share" not in current.nums else None
            if target is not None and current is not None and current.block is block and current.end <= n.start:
                target.nums["share"] = n
                target.words["whole"] = whole
                target.end = max(target.end, n.end)
                rec.claim = target.id
                return target
            claim = Claim(self.new_id(block, n), "percent", block, (self.phrase_start if phrase else n.start), n.end)
            claim.nums["share"] = n
            claim.words["whole"] = whole
            claim.subject = squash(clean(phrase.split("占")[0]))
            claim.unbound = "a share with no amount stated"
            rec.claim = claim.id
            self.claims.append(claim)
            return claim
        m = RATE_TAIL.search(lead)
        claim = Claim(self.new_id(block, n), "rate" if m else "percent", block, (self.phrase_start if phrase else n.start), n.end)
        claim.nums["value"] = n
        claim.subject = squash(clean(phrase))
        if m:
            claim.words["rate"] = m.group("what")
            if current is not None:
                claim.refs["amount"] = current
        if INDICATOR_TAIL.search(lead):
            claim.words["indicator"] = "1"
        claim.unbound = "no table holds this percentage"
        if CHANGE_TAIL.search(lead):
            claim.words["change"] = CHANGE_TAIL.search(lead).group("dir")  # type: ignore[union-attr]
            claim.unbound = "a change percentage with no amounts stated"
        rec.claim = claim.id
        self.claims.append(claim)
        return claim


def extract_claims(doc: Document) -> ClaimSet:
    from .evaluations import bind_evaluated_projects
    from .indicators import bind_indicators, bind_project_scores
    from .respective import pair_respective_lists
    from .targets import bind_indicator_targets

    claim_set = _Extractor(doc).run()
    pair_respective_lists(doc, claim_set)  # "A、B分别为 x、y，分别占 p%、q%": the k-th with the k-th
    bind_indicators(doc, claim_set.claims)  # the 绩效 results that restate a 自评表 indicator
    bind_project_scores(doc, claim_set.claims)  # a named project's score: its 自评表 总分
    bind_evaluated_projects(doc, claim_set.claims)  # what the projects of a 部门评价 spent (CLM016)
    bind_indicator_targets(doc, claim_set.claims)  # a 绩效 target: its indicator's 年度指标值 (CLM017)
    return claim_set
