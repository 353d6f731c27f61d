"""What the year-to-year rules share (YOY001–YOY004 in ``rules/yoy.py``): last year's value of a
subject, the figures of a sentence that only last year's text vouches for, and how a place in a
PDF is named in a message.  Beside ``base`` so that rule modules never import each other."""

from __future__ import annotations

from fractions import Fraction

from .. import patterns
from ..claims.model import Claim
from ..claims.numbers import Num, scan
from ..compare import NUMBERS, REWRITTEN, Sent, SentencePair, numbers_in_key
from ..findings import PRIOR, Ref
from ..model import Document, Span
from ..rounding import Interval, fmt
from .text_support import protected


def place(span: Span) -> str:
    """"line 471" in a text, "p23:8" in a PDF (a line number alone is ambiguous there)."""
    return f"p{span.page}:{span.line}" if span.page else f"line {span.line}"


def free_figures(s: Sent, claims: list[Claim], steady: set[str] | None = None) -> list[Num]:
    """The figures of a sentence that nothing but last year's text can vouch for: non-zero
    quantities, outside titles and quotes, that restate no table cell (bound by a claim, or
    an amount equal to a cell that did not change between the reports: ``steady``) and count
    no list of their own."""
    b = s.block
    vouched = {n.start for c in claims if c.block is b and s.start <= c.start < s.end
               and (c.binding is not None or c.kind == "list_count") for n in c.nums.values()}
    nums, _ = scan(b.norm[s.start : s.end], b.text[s.start : s.end])
    nums = [n for n in nums if (n.money or n.percent or n.figure.value >= SMALL_COUNT) and n.figure.value != 0
            and s.start + n.start not in vouched
            and not (steady and n.money and fmt(n.wan_value, n.figure.decimals) in steady)]
    if not nums:
        return []
    mask = protected(b.norm)
    return [n for n in nums if not mask[s.start + n.start]]


def claims_by_block(doc: Document, claims: list[Claim]) -> dict[int, list[Claim]]:
    """The claims of each block (by the block's id)."""
    out: dict[int, list[Claim]] = {}
    for c in claims:
        out.setdefault(id(c.block), []).append(c)
    return out


SMALL_COUNT = 10  # fewer units, offices, projects or vehicles than this often stay the same for years


def nonzero(key: str) -> bool:
    return any(patterns.sub(r"[0.,]", "", n) for n in numbers_in_key(key))


def updated(p: SentencePair) -> bool:
    return (p.status in (NUMBERS, REWRITTEN) and p.old is not None and p.new is not None
            and numbers_in_key(p.old.key) != numbers_in_key(p.new.key))


UNCHANGED_WORDS_RE = patterns.compile(r"持平|不变|未变|相同|一致")
AMOUNT_SCALE = {"元": Fraction(1, 10000), "千元": Fraction(1, 10), "万元": Fraction(1), "亿元": Fraction(10000)}


def steady_amounts(doc: Document, prior: Document) -> set[str]:
    """The amounts (万元, written with 0, 1 and 2 decimals) of the cells that hold the same value
    in both reports: a sentence restating one of them is confirmed by the tables."""
    out: set[str] = set()
    for t in doc.tables:
        k = AMOUNT_SCALE.get(t.unit or "")
        if k is None:
            continue
        for key, f in t.facts.items():
            pf = prior.fact(key.table, key.row, key.col)
            if f.cell.figure is None or pf is None or pf.cell.figure is None or f.cell.figure.value != pf.cell.figure.value:
                continue
            v = f.cell.figure.value * k
            out.update(fmt(v, d) for d in (0, 1, 2))
    return out


def _unit_scale(unit: str | None) -> Fraction:
    return {"元": Fraction(1, 10000), "亿元": Fraction(10000)}.get(unit or "", Fraction(1))


def prior_value(prior: Document, prior_claims: list[Claim], c: Claim
                 ) -> tuple[Interval, Fraction, str, list[Ref]] | None:
    """Last year's value of the claim's subject: the prior report's own statement of it (same
    subject, scope and role), else the prior report's cells under the same fact keys."""
    for p in prior_claims:
        if (p.kind == "amount" and p.value is not None and p.subject_id and p.subject_id == c.subject_id
                and p.scope == c.scope and (p.role or "final") == (c.role or "final") and p.period == "year"
                and p.value.qualifier is None):
            return (p.value.wan, p.value.wan_value,
                    f"{place(p.loc_of())} of the {prior.year} report: {p.subject} {p.value.display}",
                    [Ref(p.loc_of(), PRIOR, "last year's statement")])
    if c.binding is None:
        return None
    iv, mid, parts, refs = Interval.point(0), Fraction(0), [], []
    for f in c.binding.facts:
        pf = prior.fact(f.key.table, f.key.row, f.key.col)
        if pf is None or pf.cell.na:
            return None
        s = _unit_scale(pf.cell.unit)
        iv = iv + pf.cell.interval.scale(s)
        mid += (pf.cell.figure.value if pf.cell.figure else Fraction(0)) * s
        parts.append(f"{pf.key} {pf.cell.norm or '(empty)'} ({place(pf.cell.loc)})")
        refs.append(Ref(pf.cell.loc, PRIOR, str(pf.key)))
    return iv, mid, f"the {prior.year} report's {' + '.join(parts)}", refs


