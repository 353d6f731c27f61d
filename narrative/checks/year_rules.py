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

from dataclasses import dataclass
from fractions import Fraction

import regex

from ..claims.model import Claim
from ..findings import Severity
from ..model import Block, Document, FactKey, Loc
from ..normalize import fold, squash
from ..rounding import Interval, fmt
from ..textsim import ENUMERATOR_RE
from .boilerplate_rules import Reason, reasons_of
from .claim_rules import claims_of
from .registry import Context, Rule, checker, rule
from .text_rules import date_issues, protected, year_issues


@rule
class YOY001(Rule):
    """A sentence carried over word for word from last year's report with its figures or years unchanged.

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
    """

    code = "YOY001"
    name = "carried-over"
    severity = Severity.WARNING
    scope = "years"


@rule
class YOY002(Rule):
    """A reason copied from last year's report for a change that went the other way.

    What it checks (with ``--prior``): each "主要原因" reason against the prior report's reason
    for the same subject and the same comparison (last year / budget).  The same words for a
    change of the opposite direction (or a change where last year had none) are a warning; the
    same words for a change in the same direction are noted as an info.  The prior report must be
    the same department's report of the year before.

    Why it matters: a reason is a statement of fact about this year's change; copied across a
    reversal, it explains the opposite of what happened.

    Example: 年末结转和结余 fell by 3.47 万元 in 2024, with the reason "部分项目跨年度实施，资金结转下年使用"
    that the 2023 report gave for its increase of 0.05 万元.
    """

    code = "YOY002"
    name = "reason-carried-over"
    severity = Severity.WARNING
    scope = "years"


@rule
class YOY003(Rule):
    """A "比上年" change disagrees with last year's report.

    What it checks (with ``--prior``): for every "X 万元，比上年增加/减少 C 万元" (or 持平), last
    year's value implied by it (X ∓ C) against the value last year's report gives for the same
    subject and funding scope (its prose claim, else the same table cell), both as intervals
    of their rounding.  The prior report must be the same department's report of the year before.

    Why it matters: the change is computed by hand against last year's final account; when the
    two disagree, the change (and its percentage) is wrong.

    Example: "商品和服务支出 38.56 万元，比上年减少 4.27 万元" implies 42.83 for 2023, while the
    2023 report states 41.83.
    """

    code = "YOY003"
    name = "change-vs-prior"
    severity = Severity.ERROR
    scope = "years"


# ---------------------------------------------------------------------- which prior report
def comparable(doc: Document, prior: Document | None, *, previous_year: bool) -> bool:
    """Is ``prior`` an earlier report of the same department (the year just before, when the
    rule compares "比上年" figures)?  Another department's report, or a later one, would turn
    every sentence into a finding."""
    if prior is None or doc.year is None or prior.year is None:
        return False
    if prior.year >= doc.year or (previous_year and prior.year != doc.year - 1):
        return False
    if doc.department and prior.department and squash(doc.department) != squash(prior.department):
        return False
    return True


# ---------------------------------------------------------------------- sentence keys
YEAR_IN_TEXT_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?=\s*年)")
NUM_RE = regex.compile(r"\d+(?:[.,]\d+)*")
DROP_RE = regex.compile(r"[\s,，。;；:：、()（）\"“”'‘’!！?？]")


def _relative(text: str, year: int | None) -> str:
    if year is None:
        return text
    return YEAR_IN_TEXT_RE.sub(lambda m: f"Y{int(m.group(1)) - year:+d}", text)


def sentence_key(text: str, year: int | None) -> str:
    """Whitespace and punctuation dropped, enumerator dropped, years relative to ``year``."""
    t = ENUMERATOR_RE.sub("", fold(text))
    return DROP_RE.sub("", _relative(t, year))


def raw_key(text: str) -> str:
    return DROP_RE.sub("", ENUMERATOR_RE.sub("", fold(text)))


def _numbers(key: str) -> list[str]:
    return [m.group(0) for m in NUM_RE.finditer(regex.sub(r"Y[+-]\d+", "", key))]


@dataclass(frozen=True)
class Sent:
    block: Block
    start: int
    end: int
    key: str
    raw: str

    @property
    def loc(self) -> Loc:
        return self.block.loc(self.start, self.end)


def sentences(doc: Document) -> list[Sent]:
    cached = doc.cache.get("yoy:sentences")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out = []
    for b in doc.blocks:
        if b.kind == "toc":
            continue
        for s in b.sentences:
            text = b.norm[s.start : s.end]
            key = sentence_key(text, doc.year)
            if len(regex.findall(r"\p{Han}", key)) < 6:
                continue
            out.append(Sent(b, s.start, s.end, key, raw_key(text)))
    doc.cache["yoy:sentences"] = out
    return out


def _fact_interval(doc: Document, key: FactKey) -> Interval | None:
    f = doc.fact(key.table, key.row, key.col)
    if f is None or f.cell.na:
        return None
    return f.cell.interval


def _claims_in(doc: Document, s: Sent) -> list[Claim]:
    return [c for c in claims_of(doc).claims if c.block is s.block and s.start <= c.start < s.end]


@checker("YOY001")
def check_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior
    if prior is None or not comparable(doc, prior, previous_year=False):
        return
    assert doc.year is not None and prior.year is not None
    by_key: dict[str, Sent] = {}
    by_raw: dict[str, Sent] = {}
    for s in sentences(prior):
        by_key.setdefault(s.key, s)
        by_raw.setdefault(s.raw, s)
    skip = {(i.span.loc(i.start).line, i.year) for i in year_issues(doc)}
    skip |= {(d.block.first_line.number, d.date[0]) for d in date_issues(doc)}
    for s in sentences(doc):
        old = by_key.get(s.key)
        if old is not None and _numbers(s.key):
            changed = []
            for c in _claims_in(doc, s):
                if c.binding is None or c.value is None:
                    continue
                for f in c.binding.facts:
                    before = _fact_interval(prior, f.key)
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
                         related=[Loc(cf.cell.line.number, cf.cell.line.page) for _, cf, _ in changed],
                         key=f"carry:{s.key[:40]}")
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
                     key=f"carryyear:{s.key[:40]}:{y}")
            break


# ---------------------------------------------------------------------- YOY002
DIR_WORD = {1: "an increase", -1: "a decrease", 0: "no change"}
AGAINST = {"yoy": "on the year before", "budget": "against the budget", None: ""}


@checker("YOY002")
def check_reasons_carried_over(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior
    if prior is None or not comparable(doc, prior, previous_year=True):
        return
    index: dict[tuple[str | None, str | None, str], Reason] = {}
    for r in reasons_of(prior):
        if r.subject_id is not None:
            index.setdefault((r.subject_id, r.kind, r.key), r)
    for r in reasons_of(doc):
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
        f = ctx.emit(YOY002, msg, r.loc, r.block.text.strip()[:200], stated=r.text, computed=old.comparison,
                     explanation=expl, key=f"reasonyoy:{r.subject_id}:{r.key}")
        if not reversed_:
            f.severity = Severity.INFO


# ---------------------------------------------------------------------- YOY003
def _scale(unit: str | None) -> Fraction:
    return {"元": Fraction(1, 10000), "亿元": Fraction(10000)}.get(unit or "", Fraction(1))


def _prior_value(prior: Document, c: Claim) -> tuple[Interval, Fraction, str] | None:
    """Last year's value of the claim's subject: the prior report's own statement of it (same
    subject, scope and role), else the prior report's cells under the same fact keys."""
    for p in claims_of(prior).claims:
        if (p.kind == "amount" and p.value is not None and p.subject_id and p.subject_id == c.subject_id
                and p.scope == c.scope and (p.role or "final") == (c.role or "final") and p.period == "year"
                and p.value.qualifier is None):
            return p.value.wan, p.value.wan_value, f"line {p.loc_of().line} of the {prior.year} report: {p.subject} " \
                f"{p.value.display}"
    if c.binding is None:
        return None
    iv, mid, parts = Interval.point(0), Fraction(0), []
    for f in c.binding.facts:
        pf = prior.fact(f.key.table, f.key.row, f.key.col)
        if pf is None or pf.cell.na:
            return None
        s = _scale(pf.cell.unit)
        iv = iv + pf.cell.interval.scale(s)
        mid += (pf.cell.figure.value if pf.cell.figure else Fraction(0)) * s
        parts.append(f"{pf.key} {pf.cell.norm or '(empty)'} (line {pf.cell.line.number})")
    return iv, mid, f"the {prior.year} report's {' + '.join(parts)}"


@checker("YOY003")
def check_changes_vs_prior(ctx: Context) -> None:
    doc, prior = ctx.doc, ctx.prior
    if prior is None or not comparable(doc, prior, previous_year=True):
        return
    for c in claims_of(doc).claims:
        if c.kind != "amount" or c.value is None or c.period != "year" or c.value.qualifier or not c.value.money:
            continue
        implied = c.implied_prior()
        if implied is None or not c.subject_id:
            continue
        got = _prior_value(prior, c)
        if got is None:
            continue
        iv, mid, source = got
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
                 key=f"prior:{c.subject_id}:{c.scope}")
