"""Comparing two reports of one department: which two reports, tables by fact key, prose
by sentence.

The one place where two reports are put side by side.  ``relate`` says whether two reports
can be compared at all (same department, the earlier one first, the same kind, or a 预算
with the 决算 of its year) and what to tell the user about them; ``comparable`` is its
strict form for the year-to-year rules.  Tables are aligned by fact key (table kind,
subject code or row label, column), never by position, so a row inserted above does not
shift every comparison; sentences are aligned by a key with whitespace, punctuation and
enumerators dropped and years made relative to the report's own year, so "2023年…比2022年"
in the 2023 report and "2024年…比2023年" in the 2024 report align; ``aligned`` pairs the
sentences of two reports (same text first, then rapidfuzz on the number-normalised text,
section by section).  Used by the year-to-year rules (YOY), by ``narrative diff`` and the
TUI's year-to-year view (through ``narrative.diff``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import patterns
from .model import Block, Cell, Document, FactKey, ReportIdentity, Span
from .normalize import fold
from .rounding import Interval
from .textsim import ENUMERATOR_RE, normalize

# ---------------------------------------------------------------------- which two reports
YEAR_TO_YEAR = "year-to-year"
BUDGET_OUTCOME = "budget-outcome"


@dataclass(frozen=True)
class Relation:
    """What two reports are to each other, decided once from their identities.

    ``comparison``: "year-to-year" (same kind, OLD earlier) or "budget-outcome" (a 预算 and
    the 决算 of the same year).  ``refusal``: one line saying why they should not be compared
    as given (another department, OLD not the earlier year, kinds that do not go together);
    None when they can.  ``notes``: what the user should know anyway (a gap of several years,
    a department that could not be read).  ``gap``: years from OLD to NEW (None when a year
    is unknown)."""

    comparison: str
    refusal: str | None = None
    notes: tuple[str, ...] = ()
    gap: int | None = None
    same_department: bool | None = None

    @property
    def previous_year(self) -> bool:
        """OLD is NEW's report of the year just before, of the same kind: what the 比上年
        checks need."""
        return self.comparison == YEAR_TO_YEAR and self.gap == 1 and self.refusal is None


def describe_identity(identity: ReportIdentity | None) -> str:
    """"中共青禾县委宣传部 2023 决算" for messages."""
    if identity is None:
        return "an unidentified report"
    name = identity.name or identity.department or "department unknown"
    return f"{name} {identity.year or '?'} {identity.kind or '?'}"


def relate(old: ReportIdentity | None, new: ReportIdentity | None, *, old_name: str = "OLD",
           new_name: str = "NEW") -> Relation:
    """How ``old`` and ``new`` may be compared (see ``Relation``).  Unknown parts (a
    department or year the reading stage could not find) never refuse: they give a note."""
    o = old or ReportIdentity()
    n = new or ReportIdentity()
    notes: list[str] = []
    what = f"{old_name} is {describe_identity(old)}, {new_name} is {describe_identity(new)}"
    same: bool | None = None
    if o.department and n.department:
        same = o.department == n.department
    else:
        missing = [name for name, i in ((old_name, o), (new_name, n)) if not i.department]
        notes.append(f"the department of {' and '.join(missing)} could not be read: compared as given")
    gap = n.year - o.year if o.year is not None and n.year is not None else None
    if gap is None:
        notes.append("the year of a report could not be read: the 比上年 checks are skipped")
    comparison = YEAR_TO_YEAR
    refusal: str | None = None
    if same is False:
        refusal = f"{what}: reports of different departments"
    elif o.unit_level and n.unit_level and o.unit_level != n.unit_level:
        refusal = f"{what}: a {o.unit_level} report against a {n.unit_level} report"
    elif o.kind and n.kind and o.kind != n.kind:
        if o.kind == "预算" and n.kind == "决算" and gap == 0:
            comparison = BUDGET_OUTCOME
            notes.append(f"a 预算 against the 决算 of the same year ({n.year}): budget against outcome; "
                         "the year-to-year checks do not apply")
        else:
            refusal = (f"{what}: a {o.kind} against a {n.kind}; compare reports of one kind, or a 预算 "
                       f"({old_name}) with the 决算 of the same year ({new_name})")
    elif gap is not None and gap <= 0:
        refusal = (f"{what}: {old_name} must be the earlier year" if gap < 0 else f"{what}: both are of {n.year}")
    if refusal is None and comparison == YEAR_TO_YEAR and gap is not None and gap > 1:
        notes.append(f"{o.year} → {n.year} is a gap of {gap} years: the 比上年 checks are skipped")
    return Relation(comparison, refusal, tuple(notes), gap, same)


def comparable(doc: Document, prior: Document | None, *, previous_year: bool, forced: bool = False) -> bool:
    """Is ``prior`` an earlier report of the same department and kind (the year just before,
    when the rule compares "比上年" figures)?  Another department's report, or a later one,
    would turn every sentence into a finding.  ``forced``: the user said the two are one
    department's (``--force``), so a department read differently does not stop the rules."""
    if prior is None or doc.year is None or prior.year is None:
        return False
    if prior.year >= doc.year or (previous_year and prior.year != doc.year - 1):
        return False
    a, b = doc.identity or ReportIdentity(), prior.identity or ReportIdentity()
    if a.kind and b.kind and a.kind != b.kind:
        return False
    if not forced and a.department and b.department and a.department != b.department:
        return False
    return True


# ---------------------------------------------------------------------- sentence keys
YEAR_IN_TEXT_RE = patterns.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?=\s*年)")
NUM_RE = patterns.compile(r"\d+(?:[.,]\d+)*")
DROP_RE = patterns.compile(r"[\s,，。;；:：、()（）\"“”'‘’!！?？]")


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


def numbers_in_key(key: str) -> list[str]:
    return [m.group(0) for m in NUM_RE.finditer(patterns.sub(r"Y[+-]\d+", "", key))]


@dataclass(frozen=True)
class Sent:
    """One sentence of the prose with its comparison keys: ``key`` (years relative, figures
    kept), ``raw`` (years as written) and ``shape`` (every number replaced by #: what stays
    when only the figures were updated)."""

    block: Block
    start: int
    end: int
    key: str
    raw: str
    shape: str = ""
    section: str = ""  # the key of the innermost section heading, for alignment

    @property
    def loc(self) -> Span:
        return self.block.loc(self.start, self.end)

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end].strip()

    @property
    def han(self) -> int:
        return len(HAN_RE.findall(self.key))


HAN_RE = patterns.compile(r"\p{Han}")


def prose_units(doc: Document) -> list[Sent]:
    """Every sentence of the prose with two Han characters or more (headings, paragraphs,
    notes; not the 目录), in reading order: what ``narrative diff`` aligns.  Use
    ``doc.derive(prose_units)`` to compute them once per document."""
    out = []
    for b in doc.blocks:
        if b.kind == "toc":
            continue
        section = normalize(b.section[-1]) if b.section else ""
        for s in b.sentences:
            text = b.norm[s.start : s.end]
            key = sentence_key(text, doc.year)
            if len(HAN_RE.findall(key)) < 2:
                continue
            out.append(Sent(b, s.start, s.end, key, raw_key(text), normalize(_relative(text, doc.year)), section))
    return out


def sentences(doc: Document) -> list[Sent]:
    """The sentences of the prose worth comparing word for word (six Han characters or more);
    use ``doc.derive(sentences)`` to compute them once per document."""
    return [s for s in doc.derive(prose_units) if s.han >= 6]


@dataclass(frozen=True)
class SentenceIndex:
    """Last year's sentences by key (years relative) and by raw text (years as written)."""

    by_key: dict[str, Sent]
    by_raw: dict[str, Sent]

    @classmethod
    def of(cls, doc: Document) -> SentenceIndex:
        by_key: dict[str, Sent] = {}
        by_raw: dict[str, Sent] = {}
        for s in doc.derive(sentences):
            by_key.setdefault(s.key, s)
            by_raw.setdefault(s.raw, s)
        return cls(by_key, by_raw)


# ---------------------------------------------------------------------- tables by fact key
def fact_interval(doc: Document, key: FactKey) -> Interval | None:
    """The interval of the cell under ``key`` in ``doc`` (None when absent or not applicable)."""
    f = doc.fact(key.table, key.row, key.col)
    if f is None or f.cell.na:
        return None
    return f.cell.interval


@dataclass(frozen=True)
class FactPair:
    """One fact key in two reports: the old and the new cell (None where the report lacks it)."""

    key: FactKey
    old: Cell | None
    new: Cell | None
    label: str

    @property
    def changed(self) -> bool:
        """True when the two cells cannot be the same figure under rounding."""
        if self.old is None or self.new is None:
            return self.old is not self.new
        if self.old.na or self.new.na:
            return self.old.na != self.new.na
        return not self.old.interval.intersects(self.new.interval)


def fact_pairs(old: Document, new: Document) -> list[FactPair]:
    """Every fact key of either report, aligned by key, in the new report's order (then the
    keys only the old report has)."""
    def index(doc: Document) -> dict[FactKey, tuple[Cell, str]]:
        out: dict[FactKey, tuple[Cell, str]] = {}
        for t in doc.tables:
            for k, f in t.facts.items():
                out.setdefault(k, (f.cell, f.label))
        return out

    a, b = index(old), index(new)
    pairs = [FactPair(k, a[k][0] if k in a else None, cell, label) for k, (cell, label) in b.items()]
    pairs += [FactPair(k, cell, None, label) for k, (cell, label) in a.items() if k not in b]
    return pairs


# ---------------------------------------------------------------------- sentences aligned
UNCHANGED, NUMBERS, REWRITTEN, NEW, REMOVED = "unchanged", "numbers", "rewritten", "new", "removed"
GAP_CUTOFF = 60.0  # similarity (rapidfuzz ratio of the number-normalised texts) between two anchors
MOVED_CUTOFF = 85.0  # similarity of a sentence found elsewhere (moved to another section)
SECTION_BONUS = 3.0  # preferred: the candidate under a heading of the same text


@dataclass(frozen=True)
class SentencePair:
    """A sentence of NEW and the sentence of OLD it continues (either None: new, removed).

    ``status``: unchanged (the same words and figures, years relative), numbers (the same
    words, other figures), rewritten (similar enough to be the same sentence edited), new,
    removed.  ``score``: similarity of the number-normalised texts (0–100)."""

    old: Sent | None
    new: Sent | None
    status: str
    score: float


def _status(o: Sent, n: Sent) -> str:
    if o.key == n.key:
        return UNCHANGED
    if o.shape == n.shape:
        return NUMBERS
    return REWRITTEN


@dataclass
class _Matcher:
    old: list[Sent]
    new: list[Sent]
    pairs: dict[int, tuple[int, float]] = field(default_factory=dict)  # new index → (old index, score)

    def fill(self, olds: list[int], news: list[int], cutoff: float) -> None:
        """Pair sentences of ``news`` with sentences of ``olds``, best pairs first."""
        from rapidfuzz import fuzz, process

        if not olds or not news:
            return
        choices = [self.old[i].shape for i in olds]
        found: list[tuple[float, int, int]] = []
        for j in news:
            q = self.new[j]
            for _, score, k in process.extract(q.shape, choices, scorer=fuzz.ratio,
                                               score_cutoff=cutoff - SECTION_BONUS, limit=None):
                o = self.old[olds[k]]
                bonus = SECTION_BONUS if o.section and o.section == q.section else 0.0
                if score + bonus >= cutoff:
                    found.append((score + bonus, j, olds[k]))
        taken: set[int] = set()
        for score, j, i in sorted(found, key=lambda x: (-x[0], x[1], x[2])):
            if j in self.pairs or i in taken:
                continue
            self.pairs[j] = (i, min(score, 100.0))
            taken.add(i)


def align(old: list[Sent], new: list[Sent]) -> list[SentencePair]:
    """Pair the sentences of two reports, in NEW's reading order with OLD's removed sentences
    where they stood.  Sentences of the same shape are anchors (in order, as a text diff
    would pair lines); between two anchors the remaining sentences are paired by
    similarity (section by section, since headings are sentences too, hence anchors); what
    is still unpaired is paired anywhere at a higher similarity (a moved sentence)."""
    import difflib  # only when two reports are compared

    m = _Matcher(old, new)
    sm = difflib.SequenceMatcher(None, [s.shape for s in old], [s.shape for s in new], autojunk=False)
    blocks = sm.get_matching_blocks()
    for b in blocks:
        for k in range(b.size):
            m.pairs[b.b + k] = (b.a + k, 100.0)
    pa = pb = 0
    for b in blocks:
        m.fill(list(range(pa, b.a)), list(range(pb, b.b)), GAP_CUTOFF)
        pa, pb = b.a + b.size, b.b + b.size
    used = {i for i, _ in m.pairs.values()}
    m.fill([i for i in range(len(old)) if i not in used], [j for j in range(len(new)) if j not in m.pairs],
           MOVED_CUTOFF)
    used = {i for i, _ in m.pairs.values()}
    out: list[SentencePair] = []
    emitted = 0  # OLD sentences before this index that are unpaired have been emitted as removed
    for j, n in enumerate(new):
        hit = m.pairs.get(j)
        if hit is None:
            out.append(SentencePair(None, n, NEW, 0.0))
            continue
        i, score = hit
        while emitted < i:
            if emitted not in used:
                out.append(SentencePair(old[emitted], None, REMOVED, 0.0))
            emitted += 1
        emitted = max(emitted, i + 1)
        out.append(SentencePair(old[i], n, _status(old[i], n), score))
    out += [SentencePair(old[i], None, REMOVED, 0.0) for i in range(emitted, len(old)) if i not in used]
    return out


def _aligner(old: Document) -> Callable[[Document], list[SentencePair]]:
    return lambda new: align(old.derive(prose_units), new.derive(prose_units))


def aligned(old: Document, new: Document) -> list[SentencePair]:
    """``align`` of the two documents' prose, computed once per pair of documents (cached on
    NEW, keyed by OLD), so the year-to-year rules and ``narrative diff`` share it."""
    return new.derive(old.derive(_aligner))
