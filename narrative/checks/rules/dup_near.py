"""DUP003: groups of near-duplicate passages within one report.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from ... import patterns
from ...claims.model import Claim
from ...findings import Severity
from ...model import Block, Document, Loc
from ...structure import DATE_LINE_RE
from ...textsim import Params, Unit, duplicate_groups, han_count, key_and_numbers
from ..base import Context, checker, declare

DUP003 = declare("DUP003", "near-duplicate", Severity.INFO, "prose", """
    Near-duplicate sentences and paragraphs inside one report, grouped.

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
    """)



# ---------------------------------------------------------------------- DUP003
SENTENCE_LIKE_RE = patterns.compile(r"[。!?！？;；]\s*$")
CLAUSE_MARK_RE = patterns.compile(r"[。!?！？;；,，]")
SUBJECT_MARK_RE = patterns.compile(r"([^\s:;,.。、()（）]{2,40}?)\s*[(（]\s*(?:类|款|项)\s*[)）]")
SUBJECT_TAIL_RE = patterns.compile(r"[(（]\s*(?:类|款|项)\s*[)）]")  # how every SUBJECT_MARK_RE match ends


@dataclass(frozen=True)
class Sentence:
    block: Block
    start: int
    end: int

    @cached_property
    def loc(self) -> Loc:
        """Where the sentence is (worked out once: a group's sorting and notes ask several times)."""
        return self.block.loc(self.start, self.end)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end].strip()


def sentence_units(doc: Document, claims: list[Claim]) -> tuple[list[Unit], list[Sentence]]:
    """The sentences DUP003 compares, as similarity units (paragraph = block index).

    A sentence's claim tags are those of the amount claims that start inside it: each block's
    amount claims sorted by start, so a sentence finds its own by bisection instead of a scan
    of every claim of its block (a block of a report's tables holds hundreds)."""
    by_block: dict[int, list[tuple[int, str | None]]] = {}
    for c in claims:
        if c.kind == "amount":
            by_block.setdefault(id(c.block), []).append((c.start, c.subject_id or c.subject))
    units: list[Unit] = []
    sents: list[Sentence] = []
    for bi, b in enumerate(doc.blocks):
        if b.kind == "toc" or DATE_LINE_RE.match(b.norm):
            continue
        if b.kind == "heading" and not SENTENCE_LIKE_RE.search(b.norm):
            continue
        if not CLAUSE_MARK_RE.search(b.norm) and len(b.norm) < 60:
            continue  # a title or a label ("部门评价报告", "主管部门：…")
        bclaims = sorted(by_block.get(id(b), []), key=lambda st: st[0])
        starts = [st[0] for st in bclaims]
        for s in b.sentences:
            text = b.norm[s.start : s.end]
            key, numbers = key_and_numbers(text)
            if len(key) < 12:
                continue
            if len(numbers) >= 3 and han_count(key) < 10 * len(numbers):
                continue  # a data sentence ("2023年当年预算执行数为#万元，2024年预算安排#万元…"): parallel, not copied
            lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
            tags = {tag for _, tag in bclaims[lo:hi]}
            if SUBJECT_TAIL_RE.search(text):  # no "（类）" mark, no match: skip the slow scan
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
    units, sents = sentence_units(doc, ctx.claims)
    for g in duplicate_groups(units, Params()):
        # Sentences on one line keep the order of a set of unit indices filled in the order of
        # g.units (as when the set was filled from the group's pairs): not the order of the text,
        # but that of every finding so far.
        involved = sorted(set(g.units), key=lambda i: _order(sents[i].loc))
        # a place is a paragraph (its sentences that repeat elsewhere); inside a single paragraph, a sentence
        by_place: dict[tuple[int, int], list[int]] = {}
        for i in involved:
            key = (units[i].para, i if len(g.paras) == 1 else -1)
            by_place.setdefault(key, []).append(i)
        places = sorted(by_place.values(), key=lambda us: _order(sents[us[0]].loc))
        anchor = places[0][0]
        where = ", ".join(dict.fromkeys(_where([sents[i].loc for i in us]) for us in places))
        notes = []
        for us in places:
            # the best-scoring match of the place, the first pair in order among equals
            best = max((g.best[i] for i in us), key=lambda m: (m.score, -m.a, -m.b))
            other = best.b if best.a in us else best.a
            notes.append(f"line {_where([sents[i].loc for i in us])}: “{sents[us[0]].text[:60]}” "
                         f"({best.score:.0f}% {best.how} with line {_where([sents[other].loc])})")
        msg = f"near-duplicate text in {len(places)} places: lines {where}"
        d = g.first_differ
        if d is not None:
            msg += (f"; only the numbers differ between lines {_where([sents[d.a].loc])} and "
                    f"{_where([sents[d.b].loc])} ({', '.join(units[d.a].numbers)} vs {', '.join(units[d.b].numbers)})")
        ctx.emit(DUP003, msg, sents[anchor].loc, sents[anchor].text[:200],
                     explanation="; ".join(notes) + " (numbers, punctuation and enumerators ignored)",
                     related=[sents[us[0]].loc for us in places[1:]], key=f"dup:{units[anchor].key[:40]}",
                     severity=Severity.WARNING if d is not None else None)
