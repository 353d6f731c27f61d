"""The prose of two reports side by side: sentence pairs classed, and the words that changed.

``narrative.compare.aligned`` pairs the sentences; this module says what changed inside a
pair, word by word.  Words are jieba tokens (the domain dictionary of
``narrative.claims.segment``); numbers are whole tokens ("1,234.56", "3.19%"), never split,
and are marked as figures so a viewer can show which figures moved; a year is compared
relative to its report's year, so "2023年" in the 2023 report and "2024年" in the 2024
report are the same word.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache

from . import patterns
from .compare import NEW, NUMBERS, REMOVED, REWRITTEN, UNCHANGED, SentencePair, numbers_in_key
from .model import Span

TOKEN_RE = patterns.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?)|(?P<han>\p{Han}+)|(?P<space>\s+)|(?P<other>.)"
)
YEAR_TOKEN_RE = patterns.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class WordChange:
    """A run of tokens: ``op`` equal / insert / delete / replace, the old and the new text of
    the run (one of them empty for insert and delete), ``figure`` when the run holds a number
    (other than a year)."""

    op: str
    old: str
    new: str
    figure: bool = False


@dataclass
class SentenceChange:
    """One sentence of either report and what became of it (see ``compare.SentencePair``).

    ``carried``: unchanged with figures in it (the sentences a copy-forward slip hides in);
    ``findings``: the fingerprints of the year-to-year findings located in this sentence."""

    status: str  # unchanged | numbers | rewritten | new | removed
    section: str
    old: str | None
    new: str | None
    old_span: Span | None
    new_span: Span | None
    score: float
    words: list[WordChange] = field(default_factory=list)
    carried: bool = False
    findings: list[str] = field(default_factory=list)

    @property
    def figures(self) -> list[tuple[str, str]]:
        """The figures that changed, (old, new) (either empty for a figure added or dropped)."""
        return [(w.old, w.new) for w in self.words if w.figure and w.op != "equal"]


@lru_cache(maxsize=4096)
def _tokens(text: str, year: int | None) -> list[tuple[str, str, bool]]:
    """(as written, comparison key, is a figure) for each token; years relative to ``year``.
    jieba runs without its HMM: a word the dictionary lacks falls apart into characters,
    which a diff shows as well, at a third of the cost."""
    from .claims.segment import tokenizer

    out: list[tuple[str, str, bool]] = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup
        t = m.group(0)
        if kind == "space":  # kept with the token before it, for display; never compared
            if out:
                out[-1] = (out[-1][0] + t, out[-1][1], out[-1][2])
            continue
        if kind == "num":
            after = text[m.end() : m.end() + 3].lstrip()
            if year is not None and YEAR_TOKEN_RE.fullmatch(t) and after.startswith("年"):
                out.append((t, f"Y{int(t) - year:+d}", False))
            else:
                out.append((t, t.replace(",", ""), True))
        elif kind == "han":
            out.extend((w, w, False) for w in tokenizer().lcut(t, HMM=False) if w.strip())
        else:
            out.append((t, t, False))
    return out


def word_changes(old: str, new: str, old_year: int | None, new_year: int | None) -> list[WordChange]:
    """The word-level difference of two sentences (runs of equal and changed tokens)."""
    a, b = _tokens(old, old_year), _tokens(new, new_year)
    sm = difflib.SequenceMatcher(None, [k for _, k, _ in a], [k for _, k, _ in b], autojunk=False)
    out: list[WordChange] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        ta, tb = a[i1:i2], b[j1:j2]
        fig = any(f for _, _, f in ta) or any(f for _, _, f in tb)
        old_text, new_text = "".join(t for t, _, _ in ta), "".join(t for t, _, _ in tb)
        if op == "equal":
            out.append(WordChange(op, old_text, new_text))
            continue
        # the space after a changed run is not part of the change
        tail = new_text[len(new_text.rstrip()):] if new_text else old_text[len(old_text.rstrip()):]
        out.append(WordChange(op, old_text.rstrip(), new_text.rstrip(), fig))
        if tail:
            out.append(WordChange("equal", tail, tail))
    return out


def sentence_changes(pairs: list[SentencePair], old_year: int | None, new_year: int | None) -> list[SentenceChange]:
    """Every aligned pair as a ``SentenceChange``, word changes filled for the edited ones."""
    out: list[SentenceChange] = []
    for p in pairs:
        o, n = p.old, p.new
        s = n or o
        assert s is not None
        sc = SentenceChange(p.status, " / ".join(s.block.section), o.text if o else None, n.text if n else None,
                            o.loc if o else None, n.loc if n else None, round(p.score, 1))
        if p.status in (NUMBERS, REWRITTEN) and o is not None and n is not None:
            sc.words = word_changes(o.text, n.text, old_year, new_year)
        elif p.status == UNCHANGED and n is not None:
            sc.carried = bool(numbers_in_key(n.key))
        out.append(sc)
    return out


__all__ = ["NEW", "NUMBERS", "REMOVED", "REWRITTEN", "UNCHANGED", "SentenceChange", "WordChange",
           "sentence_changes", "word_changes"]
