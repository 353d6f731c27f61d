"""Rules across years: this year's report against last year's (``narrative check --prior FILE``).

Editors start from last year's report.  With that report at hand three slips can be
proved rather than suspected: a sentence left as it was although its figures changed, a
reason left as it was although the change reversed, and a "比上年" change that last year's
own figures do not give.  Sentences are matched on a key that ignores whitespace,
punctuation width and enumerators and writes every year relative to its report's year
("本部门 2023 年度" in the 2023 report and "本部门 2024 年度" in the 2024 report are the same
text); claims are matched by subject and funding scope, table cells by their fact key.
"""

from __future__ import annotations

from fractions import Fraction

from ...claims.model import Claim
from ...compare import YEAR_IN_TEXT_RE, Sent, SentenceIndex, comparable, fact_interval, numbers_in_key, sentences
from ...findings import PRIOR, Ref, Severity
from ...model import Document
from ...rounding import Interval, fmt
from ..base import Context, checker, declare
from ..reasons import Reason, reasons_of
from ..text_support import date_issues, protected, year_issues

YOY001 = declare("YOY001", "carried-over", Severity.WARNING, "years", """
    A sentence carried over word for word from last year's report with its figures or years unchanged.

    What it checks (with ``--prior``): each sentence of this report against the prior year's
    report, years written relative to each report's year.  A sentence whose figures are last
    year's although the table cells they restate changed between the two reports; and a sentence
    identical to last year's, character for character, holding a year that was last year's own or
    the one after it (so it should have moved on by one).  Years already reported by TXT001/TXT002
    are not repeated.  The prior report must be an earlier report of the same department.

    Why it matters: these are the sentences the editor did not touch; the report then states last
    year's facts as this year's.

    Example: "全年国内公务接待 11 批, 累计接待 78 人次" in the 2024 report, as in 2023, while the 2024
    公开09 says 9 and 63.
    """)


YOY002 = declare("YOY002", "reason-carried-over", Severity.WARNING, "years", """
    A reason copied from last year's report for a change that went the other way.

    What it checks (with ``--prior``): each "主要原因" reason against the prior report's reason
    for the same subject and the same comparison (last year / budget).  The same words for a
    change of the opposite direction (or a change where last year had none) are a warning; the
    same words for a change in the same direction are noted as an info.  The prior report must be
    the same department's report of the year before.

    Why it matters: a reason is a statement of fact about this year's change; copied across a
    reversal, it explains the opposite of what happened.

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



def _claims_in(claims: list[Claim], s: Sent) -> list[Claim]:
    return [c for c in claims if c.block is s.block and s.start <= c.start < s.end]


@checker("YOY001")
def check_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=False):
        return
    assert doc.year is not None and prior.year is not None
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
                what = "; ".join(f"{cf.key} {pff.cell.norm} → {cf.cell.norm} (line {cf.cell.line.number})"
                                 for _, cf, pff in changed if pff)
                ctx.emit(YOY001, f"{c.subject or c.subject_id}: sentence carried over from the {prior.year} report "
                         f"(line {old.loc.line}) with last year's figure {c.value.display}",
                         c.loc_of(), s.block.text[s.start : s.end].strip()[:200], stated=c.value.display,
                         computed=f.cell.norm,
                         explanation=f"this sentence is word for word the {prior.year} report's line {old.loc.line}, "
                         f"figures included, but the cells it restates changed: {what}",
                         related=[*(cf.cell.loc for _, cf, _ in changed),
                                  *(Ref(pff.cell.loc, PRIOR, str(pff.key)) for _, _, pff in changed if pff),
                                  Ref(old.loc, PRIOR, "the same sentence last year")],
                         facts=[cf for _, cf, _ in changed], claim=c, key=f"carry:{s.key[:40]}")
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
            ctx.emit(YOY001, f"sentence carried over from the {prior.year} report (line {old.loc.line}) with its "
                     f"year {y} unchanged{inside}", s.block.loc(m.start(), m.end()),
                     s.block.text[s.start : s.end].strip()[:200], stated=str(y),
                     computed=str(y + doc.year - prior.year),
                     explanation=f"the sentence is identical to line {old.loc.line} of the {prior.year} report; there "
                     f"{y} was {'that report’s own year' if y == prior.year else 'the year after it'}, so in the "
                     f"{doc.year} report it should read {y + doc.year - prior.year}",
                     related=[Ref(old.loc, PRIOR, "the same sentence last year")],
                     key=f"carryyear:{s.key[:40]}:{y}")
            break


# ---------------------------------------------------------------------- YOY002
DIR_WORD = {1: "an increase", -1: "a decrease", 0: "no change"}
AGAINST = {"yoy": "on the year before", "budget": "against the budget", None: ""}


@checker("YOY002")
def check_reasons_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=True):
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
        msg = (f"{r.subject}: reason '{r.text}' is the {prior.year} report's (line {old.loc.line}) for "
               f"{was} {AGAINST[old.kind]}".rstrip())
        expl = (f"{prior.year}: {old.subject} {old.comparison} against {comp}, reason '{old.text}' (line "
                f"{old.loc.line}); {doc.year}: {r.comparison}, the same reason")
        if reversed_:
            msg += f", now given for {DIR_WORD[r.direction]}"  # type: ignore[index]
            expl += ": the change went the other way, so the reason cannot be the same"
        else:
            expl += ": carried over unchanged (the same direction; noted only)"
        ctx.emit(YOY002, msg, r.loc, r.excerpt, stated=r.text, computed=old.comparison,
                 explanation=expl, related=[Ref(old.loc, PRIOR, "last year's reason")],
                 key=f"reasonyoy:{r.subject_id}:{r.key}", severity=None if reversed_ else Severity.INFO)


# ---------------------------------------------------------------------- YOY003
def _scale(unit: str | None) -> Fraction:
    return {"元": Fraction(1, 10000), "亿元": Fraction(10000)}.get(unit or "", Fraction(1))


def _prior_value(prior: Document, prior_claims: list[Claim], c: Claim
                 ) -> tuple[Interval, Fraction, str, list[Ref]] | None:
    """Last year's value of the claim's subject: the prior report's own statement of it (same
    subject, scope and role), else the prior report's cells under the same fact keys."""
    for p in prior_claims:
        if (p.kind == "amount" and p.value is not None and p.subject_id and p.subject_id == c.subject_id
                and p.scope == c.scope and (p.role or "final") == (c.role or "final") and p.period == "year"
                and p.value.qualifier is None):
            return (p.value.wan, p.value.wan_value,
                    f"line {p.loc_of().line} of the {prior.year} report: {p.subject} {p.value.display}",
                    [Ref(p.loc_of(), PRIOR, "last year's statement")])
    if c.binding is None:
        return None
    iv, mid, parts, refs = Interval.point(0), Fraction(0), [], []
    for f in c.binding.facts:
        pf = prior.fact(f.key.table, f.key.row, f.key.col)
        if pf is None or pf.cell.na:
            return None
        s = _scale(pf.cell.unit)
        iv = iv + pf.cell.interval.scale(s)
        mid += (pf.cell.figure.value if pf.cell.figure else Fraction(0)) * s
        parts.append(f"{pf.key} {pf.cell.norm or '(empty)'} (line {pf.cell.line.number})")
        refs.append(Ref(pf.cell.loc, PRIOR, str(pf.key)))
    return iv, mid, f"the {prior.year} report's {' + '.join(parts)}", refs


@checker("YOY003")
def check_changes_vs_prior(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior_doc
    if prior is None or not comparable(doc, prior, previous_year=True):
        return
    for c in ctx.claims:
        if c.kind != "amount" or c.value is None or c.period != "year" or c.value.qualifier or not c.value.money:
            continue
        implied = c.implied_prior()
        if implied is None or not c.subject_id:
            continue
        got = _prior_value(prior, ctx.prior_claims, c)
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
