"""Rules across years: this year's report against last year's (``narrative check --prior FILE``,
``narrative diff``).

Editors start from last year's report.  With that report at hand the slips of copying forward
can be proved rather than suspected: a sentence left as it was although its figures changed (in
the tables, or in the sentences around it), a reason left as it was although the change
reversed or changed its size several times over, a "比上年" statement left as last year's, and
a "比上年" change that last year's own figures do not give.  Sentences are matched on a key
that ignores whitespace, punctuation width and enumerators and writes every year relative to
its report's year ("本部门 2023 年度" in the 2023 report and "本部门 2024 年度" in the 2024
report are the same text), and aligned by ``narrative.compare.aligned``; claims are matched by
subject and funding scope, table cells by their fact key.
"""

from __future__ import annotations

from fractions import Fraction

from ...claims.model import Claim
from ...compare import (
    UNCHANGED,
    YEAR_IN_TEXT_RE,
    Sent,
    SentenceIndex,
    SentencePair,
    aligned,
    comparable,
    fact_interval,
    numbers_in_key,
    sentences,
)
from ...findings import PRIOR, Ref, Severity
from ...model import Document
from ...rounding import fmt
from ..base import Context, checker, declare
from ..reasons import Reason, reasons_of, restates_subject
from ..text_support import date_issues, protected, year_issues
from ..year_support import (
    UNCHANGED_WORDS_RE,
    claims_by_block,
    free_figures,
    nonzero,
    place,
    prior_value,
    steady_amounts,
    updated,
)

YOY001 = declare("YOY001", "carried-over", Severity.WARNING, "years", """
    A sentence carried over word for word from last year's report with its figures or years unchanged.

    What it checks (with ``--prior``): each sentence of this report against the prior year's
    report, years written relative to each report's year.  Three cases:

    * a sentence whose figures are last year's although the table cells they restate changed
      between the two reports;
    * statistics not refreshed: a sentence identical to last year's, figures included, whose
      figures no table confirms (counts of activities, articles, visits …), in a paragraph whose
      other sentences with figures were all updated (and at least one was);
    * a sentence identical to last year's, character for character, holding a year that was last
      year's own or the one after it (so it should have moved on by one).

    Zero figures, counts under ten (units, offices, projects, vehicles often stay the same),
    figures in titles and quotes, figures that restate a table cell (or equal one) which did not
    change, and counts checked against their own list are never "stale"; nor is a sentence that
    says its figure did not change (持平, 保持不变).  Years already
    reported by TXT001/TXT002 are not repeated.  The prior report must be an earlier report of
    the same department and kind.

    Why it matters: these are the sentences the editor did not touch; the report then states last
    year's facts as this year's.

    Example: "全年国内公务接待 11 批, 累计接待 78 人次" in the 2024 report, as in 2023, while the 2024
    公开09 says 9 and 63; "审核把关各类宣传品 138 件" kept from 2023 while the rest of its
    paragraph was updated (稿件 205 → 236 篇).
    """)


YOY002 = declare("YOY002", "reason-carried-over", Severity.WARNING, "years", """
    A reason copied from last year's report for a change that went the other way, or one of a very different size.

    What it checks (with ``--prior``): each "主要原因" reason against the prior report's reason
    for the same subject and the same comparison (last year / budget).  The same words for a
    change of the opposite direction (or a change where last year had none) are a warning; so
    are the same words for a change on last year five times or more as large (or as small) as
    the one they explained last year.  The same words for a change of the same direction and a
    similar size are noted as an info.  The prior report must be the same department's report of
    the year before.

    Why it matters: a reason is a statement of fact about this year's change; copied across a
    reversal, it explains the opposite of what happened, and copied to a change many times
    larger it cannot be the whole explanation.

    Example: 年末结转和结余 fell by 3.47 万元 in 2024, with the reason "部分项目跨年度实施，资金结转下年使用"
    that the 2023 report gave for its increase of 0.05 万元.
    """)


YOY003 = declare("YOY003", "change-vs-prior", Severity.ERROR, "years", """
    A "比上年" change disagrees with last year's report.

    What it checks (with ``--prior``): for every "X 万元，比上年增加/减少 C 万元" (or 持平), last
    year's value implied by it (X ∓ C) against the value last year's report gives for the same
    subject and funding scope (its prose claim, else the same table cell), both as intervals
    of their rounding.  The prior report must be the same department's report of the year before.

    Why it matters: the change is computed by hand against last year's final account; when the
    two disagree, the change (and its percentage) is wrong.

    Example: "商品和服务支出 38.56 万元，比上年减少 4.27 万元" implies 42.83 for 2023, while the
    2023 report states 41.83.
    """)



YOY004 = declare("YOY004", "change-carried-over", Severity.WARNING, "years", """
    A "比上年" statement identical to last year's.

    What it checks (with ``--prior``): each "比上年增加/减少 C（增长/下降 P%）" of this report
    against the prior report's statement for the same subject, funding scope and role.  The
    same direction with the same change figure (and the same percentage, where both state one)
    is a warning: a change of exactly last year's size, to the cent, is a copied phrase far more
    often than a fact.  持平 and zero changes are not compared, nor a change that last year's own
    figure confirms (this year's value ∓ the change is last year's value: a budget cut by the
    same 10 万元 two years running).  The prior report must be the
    same department's report of the year before.

    Why it matters: the change was left as last year's while the figure before it was updated;
    the arithmetic rules then usually find the change wrong (CLM002, YOY003), and this says why.

    Example: "商品和服务支出 38.56 万元，比上年减少 2.23 万元，下降 5.06%" in the 2024 report:
    "减少 2.23 万元，下降 5.06%" is the 2023 report's change of 商品和服务支出 (line 469).
    """)


def _claims_in(claims: list[Claim], s: Sent) -> list[Claim]:
    return [c for c in claims if c.block is s.block and s.start <= c.start < s.end]


@checker("YOY001")
def check_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=False, forced=ctx.prior_forced):
        return
    assert doc.year is not None and prior.year is not None
    reported: set[str] = set()
    index = prior.derive(SentenceIndex.of)
    by_key, by_raw = index.by_key, index.by_raw
    skip = {(i.span.loc(i.start).line, i.year) for i in doc.derive(year_issues)}
    skip |= {(d.block.first_line.number, d.date[0]) for d in doc.derive(date_issues)}
    for s in doc.derive(sentences):
        old = by_key.get(s.key)
        if old is not None and numbers_in_key(s.key):
            changed = []
            for c in _claims_in(ctx.claims, s):
                if c.binding is None or c.value is None:
                    continue
                for f in c.binding.facts:
                    before = fact_interval(prior, f.key)
                    if before is not None and not before.intersects(f.cell.interval):
                        changed.append((c, f, prior.fact(f.key.table, f.key.row, f.key.col)))
            if changed:
                c, f, pf = changed[0]
                assert c.value is not None and pf is not None
                what = "; ".join(f"{cf.key} {pff.cell.norm} → {cf.cell.norm} ({place(cf.cell.loc)})"
                                 for _, cf, pff in changed if pff)
                ctx.emit(YOY001, f"{c.subject or c.subject_id}: sentence carried over from the {prior.year} report "
                         f"({place(old.loc)}) with last year's figure {c.value.display}",
                         c.loc_of(), s.block.text[s.start : s.end].strip()[:200], stated=c.value.display,
                         computed=f.cell.norm,
                         explanation=f"this sentence is word for word the {prior.year} report's {place(old.loc)}, "
                         f"figures included, but the cells it restates changed: {what}",
                         related=[*(cf.cell.loc for _, cf, _ in changed),
                                  *(Ref(pff.cell.loc, PRIOR, str(pff.key)) for _, _, pff in changed if pff),
                                  Ref(old.loc, PRIOR, "the same sentence last year")],
                         facts=[cf for _, cf, _ in changed], claim=c, key=f"carry:{s.key[:40]}")
                reported.add(s.key)
                continue
        old = by_raw.get(s.raw)
        if old is None:
            continue
        mask = protected(s.block.norm)
        for m in YEAR_IN_TEXT_RE.finditer(s.block.norm, s.start, s.end):
            y = int(m.group(1))
            if y not in (prior.year, prior.year + 1):
                continue
            line = s.block.loc(m.start()).line
            if (line, y) in skip or any((ln, y) in skip for ln in (s.loc.line, s.loc.end_line)):
                continue
            inside = " (in a title or document number)" if mask[m.start()] else ""
            ctx.emit(YOY001, f"sentence carried over from the {prior.year} report ({place(old.loc)}) with its "
                     f"year {y} unchanged{inside}", s.block.loc(m.start(), m.end()),
                     s.block.text[s.start : s.end].strip()[:200], stated=str(y),
                     computed=str(y + doc.year - prior.year),
                     explanation=f"the sentence is identical to {place(old.loc)} of the {prior.year} report; there "
                     f"{y} was {'that report’s own year' if y == prior.year else 'the year after it'}, so in the "
                     f"{doc.year} report it should read {y + doc.year - prior.year}",
                     related=[Ref(old.loc, PRIOR, "the same sentence last year")],
                     key=f"carryyear:{s.key[:40]}:{y}")
            reported.add(s.key)
            break
    _stale_statistics(ctx, prior, reported)


def _stale_statistics(ctx: Context, prior: Document, reported: set[str]) -> None:
    """YOY001's second case: a sentence of statistics kept word for word while every other
    sentence with figures in its paragraph was updated.  A sentence that says its figure did
    not change (持平, 保持不变) is meant to read as last year's."""
    pairs = [p for p in aligned(prior, ctx.doc) if p.new is not None]
    steady = steady_amounts(ctx.doc, prior)
    block_claims = ctx.shared(claims_by_block)
    by_block: dict[int, list[SentencePair]] = {}
    for p in pairs:
        assert p.new is not None
        by_block.setdefault(id(p.new.block), []).append(p)
    for p in pairs:
        s, old = p.new, p.old
        assert s is not None
        if p.status != UNCHANGED or old is None or s.key in reported or s.han < 6:
            continue
        if UNCHANGED_WORDS_RE.search(s.block.norm, s.start, s.end):
            continue
        figures = free_figures(s, block_claims.get(id(s.block), []), steady)
        if not figures:
            continue
        others = [q for q in by_block[id(s.block)] if q is not p and q.new is not None and numbers_in_key(q.new.key)]
        refreshed = [q for q in others if updated(q)]
        if not refreshed or any(q.status == UNCHANGED and nonzero(q.new.key) for q in others if q.new):
            continue
        b = s.block
        first = figures[0]
        shown = ", ".join(n.display for n in figures)
        changes = "; ".join(f"{' '.join(numbers_in_key(q.old.key)[:4])} → {' '.join(numbers_in_key(q.new.key)[:4])}"
                            for q in refreshed[:3] if q.old and q.new)
        ctx.emit(YOY001, f"statistics not refreshed: sentence carried over from the {prior.year} report ("
                 f"{place(old.loc)}) with its figures {shown}, while the rest of its paragraph was updated",
                 b.loc(s.start + first.start, s.start + first.end), s.text[:200], stated=shown,
                 explanation=f"this sentence is word for word {place(old.loc)} of the {prior.year} report, figures "
                 f"included, and no table confirms them; the other sentences of the paragraph with figures were "
                 f"updated ({changes}), this one was not",
                 related=[Ref(old.loc, PRIOR, "the same sentence last year"),
                          *(q.new.loc for q in refreshed[:3] if q.new)],
                 key=f"stale:{s.key[:40]}")


# ---------------------------------------------------------------------- YOY002
DIR_WORD = {1: "an increase", -1: "a decrease", 0: "no change"}
AGAINST = {"yoy": "on the year before", "budget": "against the budget", None: ""}


@checker("YOY002")
def check_reasons_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=True, forced=ctx.prior_forced):
        return
    index: dict[tuple[str | None, str | None, str], Reason] = {}
    for r in ctx.shared(reasons_of, prior=True):
        if r.subject_id is not None:
            index.setdefault((r.subject_id, r.kind, r.key), r)
    for r in ctx.shared(reasons_of):
        if r.subject_id is None or len(r.key) < 4:
            continue
        old = index.get((r.subject_id, r.kind, r.key))
        if old is None:
            continue
        comp = "last year" if r.kind == "yoy" else "the budget"
        reversed_ = r.direction is not None and old.direction is not None and r.direction != old.direction
        was = DIR_WORD.get(old.direction, "a change") if old.direction is not None else "a change"
        msg = (f"{r.subject}: reason '{r.text}' is the {prior.year} report's ({place(old.loc)}) for "
               f"{was} {AGAINST[old.kind]}".rstrip())
        expl = (f"{prior.year}: {old.subject} {old.comparison} against {comp}, reason '{old.text}' ("
                f"{place(old.loc)}); {doc.year}: {r.comparison}, the same reason")
        tautology = restates_subject(r)
        times = _times(old.change, r.change) if not reversed_ and r.kind == "yoy" and not tautology else None
        if reversed_:
            msg += f", now given for {DIR_WORD[r.direction]}"  # type: ignore[index]
            expl += ": the change went the other way, so the reason cannot be the same"
        elif times is not None:
            assert old.change is not None and r.change is not None
            bigger = r.change > old.change
            msg += f", now given for a change {fmt(times, 1)} times {'as large' if bigger else 'smaller'}"
            expl += (f": {fmt(r.change, 2)} against {fmt(old.change, 2)} 万元, "
                     f"{fmt(times, 1)} times {'larger' if bigger else 'smaller'}; a reason that explained last "
                     f"year's change cannot be the whole reason for one of another size")
        elif tautology:
            expl += (": the reason only names its own subject's change, true of any change that way "
                     "(noted only)")
        else:
            expl += ": carried over unchanged (the same direction and a similar size; noted only)"
        serious = reversed_ or times is not None
        ctx.emit(YOY002, msg, r.loc, r.excerpt, stated=r.text, computed=old.comparison,
                 explanation=expl, related=[Ref(old.loc, PRIOR, "last year's reason")],
                 key=f"reasonyoy:{r.subject_id}:{r.key}", severity=None if serious else Severity.INFO)


SIZE_FACTOR = 5  # a change this many times larger or smaller than last year's is "of another size"


def _times(before: Fraction | None, now: Fraction | None) -> Fraction | None:
    """How many times larger or smaller ``now`` is than ``before``, when it is SIZE_FACTOR
    times or more (None otherwise, or when either is unknown or zero)."""
    if not before or not now:
        return None
    ratio = max(now / before, before / now)
    return ratio if ratio >= SIZE_FACTOR else None


# ---------------------------------------------------------------------- YOY003
@checker("YOY003")
def check_changes_vs_prior(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=True, forced=ctx.prior_forced):
        return
    for c in ctx.claims:
        if c.kind != "amount" or c.value is None or c.period != "year" or c.value.qualifier or not c.value.money:
            continue
        implied = c.implied_prior()
        if implied is None or not c.subject_id:
            continue
        got = prior_value(prior, ctx.prior_claims, c)
        if got is None:
            continue
        iv, mid, source, refs = got
        if implied[0].intersects(iv):
            continue
        ch = c.nums.get("change")
        v = c.value
        d = max(v.figure.decimals, ch.figure.decimals if ch else 0, 2)
        if ch is not None:
            op = "−" if c.direction == 1 else "+"
            how = f"{v.text} {op} {ch.text} = {fmt(implied[1], d)}"
            stated = f"{c.words.get('change', '')} {ch.display}"
            should = f"; with last year's figure the change is {fmt(abs(v.wan_value - mid), d)}"
        else:
            how = f"持平 means last year was {v.text}"
            stated = "持平"
            should = f"; the change is {fmt(v.wan_value - mid, d)}"
        ctx.emit(YOY003, f"{c.subject}: {stated} implies {fmt(implied[1], d)} for {prior.year}, the {prior.year} "
                 f"report says {fmt(mid, d)}", c.loc_of("change"), c.block.text[c.start : c.end].strip(),
                 stated=stated, computed=fmt(mid, d),
                 explanation=f"{how} (rounding {fmt(implied[0].low, d + 1)}–{fmt(implied[0].high, d + 1)}); "
                 f"{source} (rounding {fmt(iv.low, d + 1)}–{fmt(iv.high, d + 1)}){should}",
                 related=refs, claim=c, key=f"prior:{c.subject_id}:{c.scope}")


# ---------------------------------------------------------------------- YOY004
def _change_words(c: Claim) -> tuple[int | None, str, str] | None:
    ch = c.nums.get("change")
    if ch is None or c.direction not in (1, -1) or ch.figure.value == 0:
        return None
    pct = c.nums.get("pct")
    return c.direction, ch.text, pct.text if pct is not None else ""


@checker("YOY004")
def check_change_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=True, forced=ctx.prior_forced):
        return
    index: dict[tuple[str, str, str], list[Claim]] = {}
    for p in ctx.prior_claims:
        if p.kind == "amount" and p.subject_id and p.period == "year" and _change_words(p):
            index.setdefault((p.subject_id, p.scope, p.role or "final"), []).append(p)
    for c in ctx.claims:
        words = _change_words(c)
        if c.kind != "amount" or not c.subject_id or c.period != "year" or words is None:
            continue
        for p in index.get((c.subject_id, c.scope, c.role or "final"), []):
            pw = _change_words(p)
            if pw is None or pw[:2] != words[:2] or (pw[2] and words[2] and pw[2] != words[2]):
                continue
            implied, before = c.implied_prior(), prior_value(prior, ctx.prior_claims, c)
            if implied is not None and before is not None and implied[0].intersects(before[0]):
                break  # last year's figure confirms it: the same change two years running
            ch = c.nums["change"]
            said = f"{c.words.get('change', '')} {ch.display}" + (f"，{c.words.get('pct', '')} {words[2]}%"
                                                                  if words[2] else "")
            ctx.emit(YOY004, f"{c.subject}: '比上年{said.strip()}' is the {prior.year} report's change of the same "
                     f"subject ({place(p.loc_of('change'))})", c.loc_of("change"), c.text.strip()[:200],
                     stated=said.strip(),
                     explanation=f"{prior.year} report, {place(p.loc_of('change'))}: {p.text.strip()[:120]}; "
                     f"{doc.year}: {c.text.strip()[:120]}. The change (and its percentage) is word for word last "
                     f"year's while the figure it follows was updated ({p.value.display if p.value else '?'} → "
                     f"{c.value.display if c.value else '?'})",
                     related=[Ref(p.loc_of("change"), PRIOR, "last year's statement")], claim=c,
                     key=f"changeyoy:{c.subject_id}:{c.scope}")
            break
