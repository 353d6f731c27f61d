"""Rules on boilerplate inside one report: reasons reused, reasons that contradict their change,
near-duplicate sentences and paragraphs.

A "主要原因：…" reason explains the comparison stated just before it: a change on last year
("比上年增加 9.72 万元") or a gap to the budget ("完成年初预算的 130.97%").  The direction of
that comparison is taken from its figures (增加/减少 with an amount, a completion rate above or
below 100 %), never from words the reason repeats ("决算数大于年初预算数，主要是…"): those words
are CLM006's business.  The reasons are computed once per document and shared with the
year-on-year rules (YOY002).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

import regex

from ..claims.model import Claim
from ..findings import Severity
from ..lexicon import load_toml
from ..model import Block, Document, Loc
from ..structure import DATE_LINE_RE
from ..textsim import Params, Unit, group, han_count, near_duplicates, normalize, numbers_of
from .claim_rules import claims_of
from .registry import Context, Rule, checker, rule


@rule
class DUP001(Rule):
    """One "主要原因" reason is reused word for word to explain changes of different subjects.

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
    """

    code = "DUP001"
    name = "reason-reused"
    severity = Severity.WARNING
    scope = "prose"


@rule
class DUP002(Rule):
    """A reason explains a change in the opposite direction.

    What it checks: a reason that holds only words of a decrease (节约, 压减, 缩减, 减少 …) for an
    increase on last year or a spending above budget, or only words of an increase (新增, 人员增加,
    追加 …) for a decrease on last year.  Word lists: ``lexicons/reason_words.toml``; a word after
    未/没有/不 is ignored; a reason with words of both directions, or of none, is never flagged.
    Under-spending is not checked against increase words ("年中追加的资金尚未支付" is a fine reason).

    Why it matters: the reason was copied from a year (or an item) that moved the other way.

    Example: "本年收入合计 528.88 万元，比上年增加 16.33 万元 … 主要原因：落实过紧日子要求，压减会议和培训支出".
    """

    code = "DUP002"
    name = "reason-contradicts"
    severity = Severity.ERROR
    scope = "prose"


@rule
class DUP003(Rule):
    """Near-duplicate sentences and paragraphs inside one report, grouped.

    What it checks: every sentence of the prose against every other, with numbers replaced by #
    and punctuation and enumerators dropped (so "only the numbers changed" is the same text):
    near-identical sentences (95 %), a sentence of 30+ characters contained in another (92 %), or
    two long sentences sharing a passage of 50+ characters.  Not compared: parallel statements
    about different subjects written from one template (their claims or （类/款/项） names differ),
    and data sentences that are mostly figures ("2025年预算执行数为#万元，2026年预算安排#万元…").
    The paragraphs linked by such sentences form one group (a repeated run of paragraphs is one
    group), reported once, at its first place, with every place and its similarity.  An info; a
    warning when two places are the same text with different numbers.

    Why it matters: repeated passages are boilerplate; the same sentence with other numbers in
    two places means one of them was not updated.

    Example: the passage "以高度的政治责任感，认真履行“三服务”工作职能，扎实做好新时代“三服务”工作 …"
    of the real report at lines 524, 777–779, 885 and 961 (one info); the 主要结论 of a 2024 report
    pasted into its 部门评价报告 with "2023年以来" for "2024年以来" (a warning).
    """

    code = "DUP003"
    name = "near-duplicate"
    severity = Severity.INFO
    scope = "prose"


# ---------------------------------------------------------------------- reasons
@cache
def reason_words() -> dict[str, Any]:
    return load_toml("reason_words.toml")


REASON_RE = regex.compile(r"主要原因(?:是|为|在于)?\s*[:：]?\s*")
RESTATE_RE = regex.compile(
    r"\s*(?:决算数?|支出决算数?|实际支出)?\s*(?:大于|小于|等于|高于|低于|超过|未达到)\s*(?:年初|全年|调整后)?\s*预算数?"
    r"\s*(?:的)?\s*[,，]?\s*(?:主要(?:是|原因是|由于)|原因是|是由于|系)?\s*[:：]?\s*")
END_RE = regex.compile(r"[。;；!?！？]")


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

    @property
    def loc(self) -> Loc:
        return self.block.loc(self.start, self.end)


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


def reasons_of(doc: Document) -> list[Reason]:
    """Every "主要原因" reason of the prose, with the comparison it explains (cached per document)."""
    cached = doc.cache.get("dup:reasons")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    claims = claims_of(doc).claims
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
                comparison=comp.text if comp else ""))
    doc.cache["dup:reasons"] = out
    return out


def _words(kind: str) -> list[str]:
    return list(reason_words().get("direction", {}).get(kind, []))


def direction_words(text: str) -> tuple[list[str], list[str]]:
    """(increase words, decrease words) of a reason; a word negated by 未/没有/不 … is left out."""
    negators = _words("negators")
    found: dict[str, list[str]] = {"increase": [], "decrease": []}
    taken: list[tuple[int, int]] = []
    words = [(w, k) for k in ("increase", "decrease") for w in _words(k)]
    for w, k in sorted(words, key=lambda x: -len(x[0])):
        for m in regex.finditer(regex.escape(w), text):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            lead = text[max(0, a - 2) : a]
            if any(lead.endswith(n) or lead[:-1].endswith(n) for n in negators):
                continue
            found[k].append(w)
    return found["increase"], found["decrease"]


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


@checker("DUP002")
def check_contradicting_reasons(ctx: Context) -> None:
    for r in reasons_of(ctx.doc):
        got = contradiction(r)
        if got is None:
            continue
        what, words = got
        ctx.emit(DUP002, f"{r.subject or 'change'}: reason '{r.text}' speaks of {'/'.join(words)} for {what}",
                 r.loc, r.block.text.strip()[:200], stated=r.text, computed=r.comparison,
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
    for r in reasons_of(ctx.doc):
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
            f = ctx.emit(DUP001, f"{r.subject}: reason '{r.text}' is the reason given for {first.subject} at line "
                         f"{first.loc.line}", r.loc, r.block.text.strip()[:200], stated=r.text,
                         computed=first.comparison,
                         explanation="the same reason explains " + "; ".join(
                             f"{e.subject} {e.comparison} (line {e.loc.line})" for e in rs[: i + 1]) + why,
                         related=[e.loc for e in earlier], key=f"reuse:{r.subject_id}:{key}")
            if is_generic or not opposite:
                f.severity = Severity.INFO


# ---------------------------------------------------------------------- DUP003
SENTENCE_LIKE_RE = regex.compile(r"[。!?！？;；]\s*$")
SUBJECT_MARK_RE = regex.compile(r"([^\s:;,.。、()（）]{2,40}?)\s*[(（]\s*(?:类|款|项)\s*[)）]")


@dataclass(frozen=True)
class Sentence:
    block: Block
    start: int
    end: int

    @property
    def loc(self) -> Loc:
        return self.block.loc(self.start, self.end)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end].strip()


def sentence_units(doc: Document) -> tuple[list[Unit], list[Sentence]]:
    """The sentences DUP003 compares, as similarity units (paragraph = block index)."""
    claims = claims_of(doc).claims
    by_block: dict[int, list[Claim]] = {}
    for c in claims:
        by_block.setdefault(id(c.block), []).append(c)
    units: list[Unit] = []
    sents: list[Sentence] = []
    for bi, b in enumerate(doc.blocks):
        if b.kind == "toc" or DATE_LINE_RE.match(b.norm):
            continue
        if b.kind == "heading" and not SENTENCE_LIKE_RE.search(b.norm):
            continue
        if not regex.search(r"[。!?！？;；,，]", b.norm) and len(b.norm) < 60:
            continue  # a title or a label ("部门评价报告", "主管部门：…")
        bclaims = by_block.get(id(b), [])
        for s in b.sentences:
            text = b.norm[s.start : s.end]
            key = normalize(text)
            if len(key) < 12:
                continue
            numbers = numbers_of(text)
            if len(numbers) >= 3 and han_count(key) < 10 * len(numbers):
                continue  # a data sentence ("2023年当年预算执行数为#万元，2024年预算安排#万元…"): parallel, not copied
            tags = {c.subject_id or c.subject for c in bclaims if s.start <= c.start < s.end and c.kind == "amount"}
            tags |= {m.group(1) for m in SUBJECT_MARK_RE.finditer(text)}
            units.append(Unit(key, numbers, bi, frozenset(t for t in tags if t)))
            sents.append(Sentence(b, s.start, s.end))
    return units, sents


def _where(locs: list[Loc]) -> str:
    """"524", "777–779", or "p18:4–6" for a PDF: the lines a place covers."""
    first, last = locs[0], locs[-1]
    end = last.end_line if last.end_line is not None else last.line
    page = f"p{first.page}:" if first.page else ""
    if (last.end_page or last.page) != first.page and first.page:
        return f"{page}{first.line}–p{last.end_page or last.page}:{end}"
    return f"{page}{first.line}" if end == first.line else f"{page}{first.line}–{end}"


def _order(loc: Loc) -> tuple[int, int]:
    return (loc.page or 0, loc.line or 0)


@checker("DUP003")
def check_near_duplicates(ctx: Context) -> None:
    doc = ctx.doc
    units, sents = sentence_units(doc)
    matches = near_duplicates(units, Params())
    for g in group(units, matches):
        involved = sorted({i for m in g.matches for i in (m.a, m.b)}, key=lambda i: _order(sents[i].loc))
        # a place is a paragraph (its sentences that repeat elsewhere); inside a single paragraph, a sentence
        by_place: dict[tuple[int, int], list[int]] = {}
        for i in involved:
            key = (units[i].para, i if len(g.paras) == 1 else -1)
            by_place.setdefault(key, []).append(i)
        places = sorted(by_place.values(), key=lambda us: _order(sents[us[0]].loc))
        anchor = places[0][0]
        where = ", ".join(dict.fromkeys(_where([sents[i].loc for i in us]) for us in places))
        differ = [m for m in g.matches if m.numbers_differ]
        notes = []
        for us in places:
            best = max((m for m in g.matches if m.a in us or m.b in us), key=lambda m: m.score)
            other = best.b if best.a in us else best.a
            notes.append(f"line {_where([sents[i].loc for i in us])}: “{sents[us[0]].text[:60]}” "
                         f"({best.score:.0f}% {best.how} with line {_where([sents[other].loc])})")
        msg = f"near-duplicate text in {len(places)} places: lines {where}"
        if differ:
            d = differ[0]
            msg += (f"; only the numbers differ between lines {_where([sents[d.a].loc])} and "
                    f"{_where([sents[d.b].loc])} ({', '.join(units[d.a].numbers)} vs {', '.join(units[d.b].numbers)})")
        f = ctx.emit(DUP003, msg, sents[anchor].loc, sents[anchor].text[:200],
                     explanation="; ".join(notes) + " (numbers, punctuation and enumerators ignored)",
                     related=[sents[us[0]].loc for us in places[1:]], key=f"dup:{units[anchor].key[:40]}")
        if differ:
            f.severity = Severity.WARNING
