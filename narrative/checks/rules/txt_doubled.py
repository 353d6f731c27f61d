"""TXT007: doubled characters ("区区委", "号号") that no word of the language excuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from ... import patterns
from ...derived import Store
from ...findings import Severity
from ...lexicon import lexicon_path
from ...model import Document
from ..base import Context, checker, declare
from ..text_support import ProseSpan, prose_spans, sentence_at

TXT007 = declare("TXT007", "doubled-text", Severity.WARNING, "prose", """
    A character or a word is written twice in a row.

    What it checks: a Chinese character doubled ("14号号", "的的") and a word doubled
    ("根据《根据《") in the prose.  Accepted: words of ``lexicons/doubled_ok.txt`` and of
    jieba's dictionary that contain the doubling (常常, 仔仔细细, 不了了之), doublings across a
    word boundary (专业|业务, 学习|习近平, 市|市场), numerals and digits.

    Why it matters: a doubled character is a typing slip the editor did not re-read; in a
    document number it makes the citation wrong.

    Example: "（景珠财字【2025】14号号）".
    """)



# ---------------------------------------------------------------------- TXT007: doubled text
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


@cache
def doubled_ok() -> tuple[str, ...]:
    text = lexicon_path("doubled_ok.txt").read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def _jieba_dict() -> bytes:
    """jieba's bundled dictionary as "word freq tag" lines, read once and only when a doubling
    has to be judged.  Kept as UTF-8 bytes: decoding its 5 MB would cost more than every look-up
    of a report together, and a character's bytes are found only where that character is."""
    from ...claims.segment import jieba_dict_path  # finds the file without importing jieba

    path = jieba_dict_path()
    try:
        return b"\n" + path.read_bytes() if path else b"\n"
    except OSError:
        return b"\n"


# what the dictionary says of a character, kept beside the bytecode (``narrative.derived``):
# reading the 5 MB dictionary and scanning it for a character cost ~50 ms of a cold check
_WORDS = Store("jieba-words")


def _dict_identity() -> tuple[str, int, int] | None:
    from ...claims.segment import jieba_dict_path

    path = jieba_dict_path()
    try:
        st = path.stat() if path else None
    except OSError:
        return None
    return None if st is None else (str(path), st.st_size, st.st_mtime_ns)


@cache
def words_with(ch: str) -> dict[str, int]:
    """The words of jieba's dictionary that start or end with ``ch`` or hold it twice, with
    their frequencies: every word the doubling checks below can ask about (a word ending in
    the first of two characters, a word starting with the second, a word holding the
    doubling itself)."""
    ident = _dict_identity()
    if ident is None:
        return _scan(ch)
    return _WORDS.get((*ident, ch), lambda: _scan(ch))


def _scan(ch: str) -> dict[str, int]:
    d = _jieba_dict()
    c = ch.encode("utf-8")
    out: dict[str, int] = {}
    k = d.find(c)
    while k >= 0:
        a = d.rfind(b"\n", 0, k) + 1
        b = d.find(b" ", k)
        e = d.find(b"\n", k)
        if e < 0:
            e = len(d)
        if 0 <= b < e:
            w = d[a:b].decode("utf-8", "replace")
            if w.startswith(ch) or w.endswith(ch) or w.count(ch) >= 2:
                f = d[b + 1 : e].split(b" ", 1)[0]
                out[w] = int(f) if f.isdigit() else 0
        k = d.find(c, e)
    return out


COMMON = 10  # a dictionary word at least this frequent counts as a word here
SET_PHRASE = 50  # a word containing a doubling must be this frequent to excuse it


@cache
def _words_holding(dbl: str) -> tuple[str, ...]:
    """The words that may excuse the doubling ``dbl``: those of doubled_ok.txt, then those of
    jieba's dictionary at least SET_PHRASE frequent, that contain it (once per doubling)."""
    listed = [w for w in doubled_ok() if dbl in w]
    listed += [w for w, f in words_with(dbl[0]).items() if f >= SET_PHRASE and dbl in w]
    return tuple(listed)


def _inside_word(text: str, i: int, j: int) -> bool:
    """Is the doubling text[i:j] part of a word written here (常常, 仔仔细细, 不了了之, 的的确确)?"""
    dbl = text[i:j]
    for w in _words_holding(dbl):
        k = w.find(dbl)
        while k >= 0:
            a = i - k
            if a >= 0 and text[a : a + len(w)] == w:
                return True
            k = w.find(dbl, k + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """text[i] == text[i+1]: does the first end a word and the second start one (专业|业务)?"""
    ch = text[i]
    known = words_with(ch)
    ends = any(known.get(text[a : i + 1], 0) >= COMMON for a in range(max(0, i - 3), i))
    nxt = text[i + 2] if i + 2 < len(text) else ""
    if not ends or not patterns.match(r"\p{Han}", nxt or " "):
        return False
    return _starts_a_word(ch + nxt)


@cache
def _starts_a_word(prefix: str) -> bool:
    """Does a word of jieba's dictionary start with ``prefix`` (two characters)?  Any word, however
    rare (习近平 is 4 in jieba)."""
    return any(w.startswith(prefix) for w in words_with(prefix[0]))


@dataclass(frozen=True)
class Doubling:
    span: ProseSpan
    start: int
    end: int
    unit: str


HAN_RE = patterns.compile(r"\p{Han}")
DOUBLED_CHAR_RE = patterns.compile(r"(\p{Han})\1")
DOUBLED_WORD_RES = {size: patterns.compile(rf"(?=((?:\p{{Han}}|[《“]){{{size}}})\1)") for size in range(2, 7)}
# Where a doubled word can start: the two characters at a come again 2 to 6 characters on (a
# word of s ≥ 2 characters written twice repeats its first two at lag s).  One pass of the
# standard library's engine over a span, where each DOUBLED_WORD_RES pass costs as much again
# and finds nothing almost everywhere; only these places are tried with DOUBLED_WORD_RES[s].match.
REPEATED_PAIR_RE = re.compile(r"(?=(..).{0,4}\1)", re.S)
# the first character written twice in a row, of any kind: DOUBLED_CHAR_RE finds nothing before it
REPEATED_CHAR_RE = re.compile(r"(.)\1", re.S)


def doublings(doc: Document) -> list[Doubling]:
    out: list[Doubling] = []
    for span in prose_spans(doc, tables=False):
        if span.kind == "toc":
            continue
        t = span.text
        # a word written twice: 根据《根据《
        words: list[tuple[int, int]] = []
        starts = [m.start() for m in REPEATED_PAIR_RE.finditer(t)]
        for size in range(6, 1, -1):
            for m in filter(None, map(DOUBLED_WORD_RES[size].match, repeat(t), starts)):
                a = m.start()
                unit = m.group(1)
                if len(HAN_RE.findall(unit)) < 2 or len(set(unit)) == 1:
                    continue
                if all(ch in CN_NUMERALS for ch in unit if HAN_RE.match(ch)):
                    continue
                if any(a < y and x < a + 2 * size for x, y in words):
                    continue
                if _inside_word(t, a, a + 2 * size):
                    continue
                words.append((a, a + 2 * size))
                out.append(Doubling(span, a, a + 2 * size, unit))
        # a character written twice: 号号, 的的
        first = REPEATED_CHAR_RE.search(t)  # no character twice in a row: nothing to scan
        for m in DOUBLED_CHAR_RE.finditer(t, first.start()) if first else ():
            i = m.start()
            if any(x <= i < y for x, y in words) or t[i] in CN_NUMERALS:
                continue
            if _inside_word(t, i, i + 2) or _boundary(t, i):
                continue
            out.append(Doubling(span, i, i + 2, t[i]))
    return out


@checker("TXT007")
def check_doubled(ctx: Context) -> None:
    for d in doublings(ctx.doc):
        shown = d.span.raw(max(0, d.start - 6), min(len(d.span.text), d.end + 6))
        ctx.emit(TXT007, f"'{d.unit}' written twice: '{d.span.raw(d.start, d.end)}'", d.span.loc(d.start, d.end),
                 sentence_at(d.span, d.start)[:160], stated=d.span.raw(d.start, d.end), computed=d.unit,
                 explanation=f"…{shown}…: '{d.unit}' twice in a row; no word of doubled_ok.txt or of jieba's "
                 "dictionary contains the doubling and it does not fall between two words",
                 key=f"dbl:{d.unit}")
