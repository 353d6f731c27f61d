"""Text similarity for boilerplate: number normalisation and near-duplicate grouping.

Editors copy a paragraph and overwrite its figures; the copy that matters is the one
where *only the numbers changed*.  So every comparison runs on a normalised key:
folded, enumerators ("（三）", "(2)", "①") and punctuation dropped, every number
replaced by ``#``.  Two sentences whose keys agree are the same sentence, whatever
their figures; the figures are kept aside to say whether they differ.

Budget prose is written from a template, so many sentences share a long frame and
differ only in their subject ("卫生健康支出（类）年初预算数 # 万元，决算数 # 万元…"
next to "住房保障支出（类）…").  Those are parallel statements, not copies: a pair
whose units carry different subject tags is never a near-duplicate, and a short
pair must be almost identical (95 %) to count.

rapidfuzz is imported on first use, so that a check that selects no text rule never loads it.

Speed: every pair of distinct keys is scored once by rapidfuzz in C++ (``process.extract``),
keys sorted by length so that each query is scored only against the keys whose length
allows the score it needs; no Python loop runs over character pairs.  Sentences with the
same key are scored as one, so a passage repeated k times costs one scoring (only the
k² pairs it yields are listed).  300 paragraphs (≈1,000 sentences) take well under 0.1 s.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from . import patterns
from .normalize import fold

NUMBER_RE = regex.compile(r"\d+(?:[.,]\d+)*")
ENUMERATOR_RE = regex.compile(r"^\s*(?:[-•·]\s*)?(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[、.](?!\d)"
                              r"|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])\s*")
DROP_RE = regex.compile(r"[^\p{Han}A-Za-z#]+")


def normalize(text: str) -> str:
    """The comparison key of a sentence: folded, enumerator and punctuation dropped, numbers → ``#``."""
    t = ENUMERATOR_RE.sub("", fold(text))
    t = NUMBER_RE.sub("#", t)
    return DROP_RE.sub("", t)


def numbers_of(text: str) -> tuple[str, ...]:
    """The numbers of a sentence in order, as written (after folding): what ``normalize`` hides."""
    t = ENUMERATOR_RE.sub("", fold(text))
    return tuple(m.group(0) for m in NUMBER_RE.finditer(t))


def han_count(text: str) -> int:
    return len(patterns.findall(r"\p{Han}", text))


@dataclass(frozen=True)
class Unit:
    """One sentence to compare.  ``para`` identifies its paragraph (groups are made of
    paragraphs); ``tags`` are the subjects it is about (claim subject ids, subject names)."""

    key: str
    numbers: tuple[str, ...]
    para: int
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """A near-duplicate pair: indices into the unit list, a score (0–100) and how it was found."""

    a: int
    b: int
    score: float
    how: str  # "same" | "contained" | "shared passage"
    numbers_differ: bool


@dataclass
class Params:
    """Thresholds of ``near_duplicates`` (all on normalised keys, in characters or percent)."""

    min_len: int = 15  # shortest key compared at all
    same_ratio: float = 95.0  # whole sentences: near-identical
    contain_min: int = 30  # a shorter sentence contained in a longer one ...
    contain_ratio: float = 92.0  # ... this well (rapidfuzz partial_ratio)
    passage_chars: int = 50  # a long passage shared by two longer sentences ...
    passage_ratio: float = 75.0  # ... that are this similar overall


@dataclass
class Group:
    """Paragraphs linked by near-duplicate sentences, and the matches that link them."""

    paras: list[int]
    matches: list[Match] = field(default_factory=list)

    @property
    def numbers_differ(self) -> bool:
        """Two of its places are the same text with different numbers."""
        return any(m.numbers_differ for m in self.matches)


def _parallel(a: Unit, b: Unit) -> bool:
    """Statements about different subjects written from one template are not copies."""
    return bool(a.tags) and bool(b.tags) and a.tags != b.tags


def near_duplicates(units: Sequence[Unit], params: Params | None = None) -> list[Match]:
    """Every near-duplicate pair of units (each pair once, shorter first).

    Units with the same key are one class: every score depends only on the two keys, so
    each pair of distinct keys is scored once and its result given to every pair of units
    that carry them (a report that repeats a passage k times costs the scoring of one copy,
    not of k² pairs)."""
    from rapidfuzz import fuzz, process  # imported here: a table-only check never pays for it

    p = params or Params()
    classes: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if len(u.key) >= p.min_len:
            classes.setdefault(u.key, []).append(i)
    keys = sorted(classes, key=lambda k: (len(k), classes[k][0]))
    lens = [len(k) for k in keys]
    found: dict[tuple[int, int], Match] = {}

    def add(ka: str, kb: str, score: float, how: str) -> None:
        for i in classes[ka]:
            for j in classes[kb]:
                if i == j:
                    continue
                a, b = (i, j) if i < j else (j, i)
                ua, ub = units[a], units[b]
                if _parallel(ua, ub) or (a, b) in found:
                    continue
                found[(a, b)] = Match(a, b, score, how, ua.key == ub.key and ua.numbers != ub.numbers)

    for pos, q in enumerate(keys):
        n = lens[pos]
        if len(classes[q]) > 1:
            add(q, q, 100.0, "same")  # the same key: fuzz.ratio 100
        scored: set[int] = set()
        # ratio ≥ passage_ratio needs the longer key to be at most n·(200 − r)/r long
        hi = bisect.bisect_right(lens, n * (200 - p.passage_ratio) / p.passage_ratio)
        if hi > pos + 1:
            for _, score, k in process.extract(q, keys[pos + 1 : hi], scorer=fuzz.ratio,
                                               score_cutoff=min(p.same_ratio, p.passage_ratio), limit=None):
                other = keys[pos + 1 + k]
                m = lens[pos + 1 + k]
                if score >= p.same_ratio:
                    add(q, other, score, "same")
                    scored.add(k)
                elif score * (n + m) / 200 >= p.passage_chars:
                    add(q, other, score, "shared passage")
                    scored.add(k)
        if n >= p.contain_min and pos + 1 < len(keys):
            for _, score, k in process.extract(q, keys[pos + 1 :], scorer=fuzz.partial_ratio,
                                               score_cutoff=p.contain_ratio, limit=None):
                if k not in scored:
                    add(q, keys[pos + 1 + k], score, "contained")
    return sorted(found.values(), key=lambda m: (m.a, m.b))


def group(units: Sequence[Unit], matches: Sequence[Match]) -> list[Group]:
    """Union the paragraphs that share a near-duplicate sentence, ordered by first paragraph.

    A passage of several paragraphs repeated elsewhere is one group, not one per paragraph:
    when paragraph a matches b and the next paragraph after a matches the next after b
    (next among the paragraphs compared), the two pairs are joined.  A group may hold a single
    paragraph when a sentence is repeated inside it."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    order = sorted({u.para for u in units})
    nxt = {p: q for p, q in zip(order, order[1:], strict=False)}
    para_of = [u.para for u in units]
    direct = {(para_of[m.a], para_of[m.b]) for m in matches}  # paragraph pairs: each once, however many matches
    pairs = direct | {(b, a) for a, b in direct}
    for a, b in direct:
        union(a, b)
    for a, b in pairs:
        na, nb = nxt.get(a), nxt.get(b)
        if na is not None and nb is not None and na != b and (na, nb) in pairs:
            union(a, na)
    root_of = {p: find(p) for pair in direct for p in pair}
    by_root: dict[int, Group] = {}
    for m in matches:
        by_root.setdefault(root_of[para_of[m.a]], Group([])).matches.append(m)
    paras: dict[int, set[int]] = {}  # a group's paragraphs as a set: membership in one step, not a scan
    for a, b in direct:
        paras.setdefault(root_of[a], set()).update((a, b))
    for root, g in by_root.items():
        g.paras = sorted(paras[root])
    return sorted(by_root.values(), key=lambda g: g.paras[0])
