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
k² pairs it yields are listed).  Pairs that cannot reach a threshold are not scored at all: a
key too short for a shared passage only against keys short enough to be near-identical, and a
containment only when the shorter key's characters are nearly all in the longer one (one
bitwise test per pair; see ``_key_links``).  300 paragraphs (≈1,000 sentences) take well under 0.1 s.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from . import patterns
from .normalize import fold

NUMBER_RE = patterns.compile(r"\d+(?:[.,]\d+)*")
ENUMERATOR_RE = patterns.compile(r"^\s*(?:[-•·]\s*)?(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[、.](?!\d)"
                              r"|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])\s*")
DROP_RE = patterns.compile(r"[^\p{Han}A-Za-z#]+")


def normalize(text: str) -> str:
    """The comparison key of a sentence: folded, enumerator and punctuation dropped, numbers → ``#``."""
    t = ENUMERATOR_RE.sub("", fold(text))
    t = NUMBER_RE.sub("#", t)
    return DROP_RE.sub("", t)


def numbers_of(text: str) -> tuple[str, ...]:
    """The numbers of a sentence in order, as written (after folding): what ``normalize`` hides."""
    t = ENUMERATOR_RE.sub("", fold(text))
    return tuple(m.group(0) for m in NUMBER_RE.finditer(t))


def key_and_numbers(text: str) -> tuple[str, tuple[str, ...]]:
    """``(normalize(text), numbers_of(text))``, folding and dropping the enumerator once for both."""
    t = ENUMERATOR_RE.sub("", fold(text))
    return DROP_RE.sub("", NUMBER_RE.sub("#", t)), tuple(NUMBER_RE.findall(t))


HAN_RE = patterns.compile(r"\p{Han}")


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))


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


def _char_masks(keys: Sequence[str]) -> list[int]:
    """Each key's set of characters as the bits of an int (one bit per character of all ``keys``)."""
    bit: dict[str, int] = {}
    masks = []
    for k in keys:
        chars = set(k)
        for c in chars.difference(bit):
            bit[c] = 1 << len(bit)
        masks.append(sum(map(bit.__getitem__, chars)))
    return masks


def _key_links(keys: list[str], p: Params) -> Iterator[tuple[str, str, float, str]]:
    """Every pair of similar keys as (shorter key, longer key, score, how), a key with itself
    first ("same", 100); ``keys`` sorted by length (then first place), each distinct.

    Necessary conditions keep rapidfuzz from scoring pairs that cannot be linked (the links are
    those of scoring every pair; only the work differs).  Both scores are 200·m/(a + b) for an
    alignment of a string of length a with one of length b that has m characters in common
    (m ≤ min(a, b)), and m is at most n − u for a key of n characters u of whose distinct
    characters the other key lacks (character sets are compared as int bitmasks, one test a pair):
    - "same" needs ratio ≥ ``same_ratio`` and "shared passage" needs m ≥ ``passage_chars``, which a
      key shorter than that cannot reach: such a key is compared only with keys of at most
      n·(200 − s)/s characters, at cut-off s;
    - a pair whose ratio cannot reach the cut-off, 200·(n − u)/(n + m) below it, is not scored;
    - "contained" aligns the whole shorter key (n characters) with part of the longer (of at least
      m characters), so its score is at most 200·(n − u)/(2n − u): a pair whose u exceeds what
      ``contain_ratio`` allows is never scored."""
    from rapidfuzz import fuzz, process  # imported here: a table-only check never pays for it

    lens = [len(k) for k in keys]
    masks = _char_masks(keys)
    same_cut = min(p.same_ratio, p.passage_ratio)
    for pos, q in enumerate(keys):
        n = lens[pos]
        yield q, q, 100.0, "same"  # the same key: fuzz.ratio 100 (a link only for a key of two places)
        scored: set[int] = set()
        # ratio ≥ passage_ratio needs the longer key to be at most n·(200 − r)/r long
        hi = bisect.bisect_right(lens, n * (200 - p.passage_ratio) / p.passage_ratio)
        cut = same_cut
        if n < p.passage_chars - 0.5:  # no passage of passage_chars in n characters: only "same"
            hi = min(hi, bisect.bisect_right(lens, n * (200 - p.same_ratio) / p.same_ratio + 0.5))
            cut = max(cut, p.same_ratio)
        mq = masks[pos]
        if hi > pos + 1:
            # ratio ≤ 200·(n − u)/(n + m): u distinct characters of q missing from the other key
            near = [k for k in range(pos + 1, hi)
                    if 200 * (n - (mq & ~masks[k]).bit_count()) >= (cut - 0.5) * (n + lens[k])]
            for _, score, i in process.extract(q, [keys[k] for k in near], scorer=fuzz.ratio,
                                               score_cutoff=cut, limit=None) if near else ():
                k = near[i] - pos - 1
                other = keys[pos + 1 + k]
                m = lens[pos + 1 + k]
                if score >= p.same_ratio:
                    yield q, other, score, "same"
                    scored.add(k)
                elif score * (n + m) / 200 >= p.passage_chars:
                    yield q, other, score, "shared passage"
                    scored.add(k)
        if n >= p.contain_min and pos + 1 < len(keys):
            # 200·(n − u)/(2n − u) ≥ c  ⟺  u ≤ n·(200 − 2c)/(200 − c)  (+0.5: never on the wrong side)
            most = n * (200 - 2 * p.contain_ratio) / (200 - p.contain_ratio) + 0.5
            cand = [k for k, mk in enumerate(masks[pos + 1 :]) if (mq & ~mk).bit_count() <= most and k not in scored]
            if not cand:
                continue
            for _, score, i in process.extract(q, [keys[pos + 1 + k] for k in cand], scorer=fuzz.partial_ratio,
                                               score_cutoff=p.contain_ratio, limit=None):
                yield q, keys[pos + 1 + cand[i]], score, "contained"


def _classes(units: Sequence[Unit], p: Params) -> tuple[dict[str, list[int]], list[str]]:
    """Units by key (keys of ``min_len`` or more), and the keys sorted by length, then first place."""
    classes: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if len(u.key) >= p.min_len:
            classes.setdefault(u.key, []).append(i)
    return classes, sorted(classes, key=lambda k: (len(k), classes[k][0]))


def near_duplicates(units: Sequence[Unit], params: Params | None = None) -> list[Match]:
    """Every near-duplicate pair of units (each pair once, shorter first).

    Units with the same key are one class: every score depends only on the two keys, so
    each pair of distinct keys is scored once and its result given to every pair of units
    that carry them.  The list itself has k² pairs for a passage repeated k times: a check
    uses :func:`duplicate_groups`, which never lists them."""
    p = params or Params()
    classes, keys = _classes(units, p)
    found: dict[tuple[int, int], Match] = {}
    for ka, kb, score, how in _key_links(keys, p):
        if ka == kb and len(classes[ka]) < 2:
            continue
        for i in classes[ka]:
            for j in classes[kb]:
                if i == j:
                    continue
                a, b = (i, j) if i < j else (j, i)
                ua, ub = units[a], units[b]
                if _parallel(ua, ub) or (a, b) in found:
                    continue
                found[(a, b)] = Match(a, b, score, how, ua.key == ub.key and ua.numbers != ub.numbers)
    return sorted(found.values(), key=lambda m: (m.a, m.b))



def _joiner() -> tuple[Callable[[int], int], Callable[[int, int], None]]:
    """Union-find over ints (``find``, ``union``) in which the smaller root wins, so a group is
    named by its first member: paragraphs and sentence units are joined the same way."""
    parent: dict[int, int] = {}

    def find(v: int) -> int:
        parent.setdefault(v, v)
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    def union(v: int, w: int) -> None:
        rv, rw = find(v), find(w)
        if rv != rw:
            parent[max(rv, rw)] = min(rv, rw)

    return find, union

def group(units: Sequence[Unit], matches: Sequence[Match]) -> list[Group]:
    """Union the paragraphs that share a near-duplicate sentence, ordered by first paragraph.

    A passage of several paragraphs repeated elsewhere is one group, not one per paragraph:
    when paragraph a matches b and the next paragraph after a matches the next after b
    (next among the paragraphs compared), the two pairs are joined.  A group may hold a single
    paragraph when a sentence is repeated inside it."""
    find, union = _joiner()

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


# ---------------------------------------------------------------------- groups without pairs
@dataclass
class DupGroup:
    """A group of :func:`group` described without its k² matches: its paragraphs, the units
    that have a match (in the order in which the group's matches, sorted by pair, first name
    them: a, b of the first match, then ...), each one's best match (highest score, the first pair
    (a, b) among equals: the one ``group``'s matches, sorted by pair, would give) and the first
    pair whose numbers differ (None when none does)."""

    paras: list[int]
    units: list[int]
    best: dict[int, Match]
    first_differ: Match | None = None


@dataclass(frozen=True)
class _Atom:
    """Units that no comparison tells apart: the same key, subject tags and numbers."""

    key: str
    tags: frozenset[str]
    numbers: tuple[str, ...]
    members: list[int]  # unit indices, ascending


def _pair_with(u: int, y: list[int]) -> tuple[int, int] | None:
    """The first pair (a < b) of unit ``u`` with a unit of ``y`` (ascending) other than itself."""
    y0 = y[0]
    if y0 < u:
        return (y0, u)
    if y0 > u:
        return (u, y0)
    return (u, y[1]) if len(y) > 1 else None


def duplicate_groups(units: Sequence[Unit], params: Params | None = None) -> list[DupGroup]:
    """What :func:`group` of :func:`near_duplicates` gives, in time linear in the number of units
    for a passage repeated k times (not k²): units that no comparison tells apart are one atom,
    atoms are linked once per similar pair of keys, and a group's paragraphs, best matches and
    first differing pair are worked out per atom and its members.

    The joining of runs of paragraphs (``group``: a matches b and the paragraph after a matches
    the one after b) is decided without listing paragraph pairs: paragraph b is a partner of a
    (b ≠ a) when an atom of b is linked to an atom of a, so a run exists when some b, other than
    a and the paragraph after a, holds an atom linked to a and its next paragraph an atom linked
    to the paragraph after a; b = a itself counts when both paragraphs repeat a sentence inside."""
    p = params or Params()
    classes, keys = _classes(units, p)
    atoms_of: dict[str, list[_Atom]] = {}
    for k in keys:
        by_id: dict[tuple[frozenset[str], tuple[str, ...]], list[int]] = {}
        for i in classes[k]:
            by_id.setdefault((units[i].tags, units[i].numbers), []).append(i)
        atoms_of[k] = [_Atom(k, t, n, m) for (t, n), m in by_id.items()]
    # atom links: (x, y, score, how), x ≠ y or an atom of two units or more with itself
    links: list[tuple[_Atom, _Atom, float, str]] = []
    for ka, kb, score, how in _key_links(keys, p):
        xs, ys = atoms_of[ka], atoms_of[kb]
        for ix, x in enumerate(xs):
            for iy, y in enumerate(ys):
                if ka == kb and (iy < ix or (x is y and len(x.members) < 2)):
                    continue
                if x.tags and y.tags and x.tags != y.tags:
                    continue  # parallel statements
                links.append((x, y, score, how))
    para_of = [u.para for u in units]

    find, union = _joiner()

    best: dict[int, Match] = {}
    first_pair: dict[int, tuple[int, int]] = {}  # unit → its first pair

    def offer(u: int, pair: tuple[int, int] | None, score: float, how: str) -> None:
        if pair is None:
            return
        if u not in first_pair or pair < first_pair[u]:
            first_pair[u] = pair
        cur = best.get(u)
        if cur is None or score > cur.score or (score == cur.score and pair < (cur.a, cur.b)):
            best[u] = Match(pair[0], pair[1], score, how, False)

    linked: dict[int, set[int]] = {}  # paragraph → ids of the atoms linked to one of its atoms
    atoms_in: dict[int, set[int]] = {}  # paragraph → ids of its linked atoms
    inside: set[int] = set()  # paragraphs with two linked units of their own
    differ: list[Match] = []
    for x, y, score, how in links:
        first = para_of[x.members[0]]
        for u in x.members:
            union(first, para_of[u])
            offer(u, _pair_with(u, y.members), score, how)
            linked.setdefault(para_of[u], set()).add(id(y))
            atoms_in.setdefault(para_of[u], set()).add(id(x))
        if y is x:
            seen: set[int] = set()
            for u in x.members:
                if para_of[u] in seen:
                    inside.add(para_of[u])
                seen.add(para_of[u])
            continue
        for v in y.members:
            union(first, para_of[v])
            offer(v, _pair_with(v, x.members), score, how)
            linked.setdefault(para_of[v], set()).add(id(x))
            atoms_in.setdefault(para_of[v], set()).add(id(y))
        inside.update({para_of[u] for u in x.members} & {para_of[v] for v in y.members})
        if x.key == y.key and x.numbers != y.numbers:
            a, b = sorted((x.members[0], y.members[0]))
            differ.append(Match(a, b, score, how, True))
    # runs of paragraphs: index (atom of b, atom of the paragraph after b) → up to 3 such b
    order = sorted(set(para_of))
    nxt = {q: r for q, r in zip(order, order[1:], strict=False)}
    runs: dict[tuple[int, int], list[int]] = {}
    for b, atoms in atoms_in.items():
        nb = nxt.get(b)
        for ya in atoms:
            for za in atoms_in.get(nb, ()) if nb is not None else ():
                w = runs.setdefault((ya, za), [])
                if len(w) < 3:
                    w.append(b)
    for a in linked:
        na = nxt.get(a)
        if na is None or na not in linked:
            continue
        if a in inside and na in inside:
            union(a, na)
            continue
        if any(b not in (a, na) for ya in linked[a] for za in linked[na] for b in runs.get((ya, za), ())):
            union(a, na)
    groups: dict[int, DupGroup] = {}
    for u in sorted(best, key=lambda u: (first_pair[u], first_pair[u][0] != u)):
        g = groups.setdefault(find(para_of[u]), DupGroup([], [], {}))
        g.units.append(u)
        g.best[u] = best[u]
    for g in groups.values():
        g.paras = sorted({para_of[u] for u in g.units})
    for d in differ:
        g = groups[find(para_of[d.a])]
        if g.first_differ is None or (d.a, d.b) < (g.first_differ.a, g.first_differ.b):
            g.first_differ = d
    return sorted(groups.values(), key=lambda g: g.paras[0])
