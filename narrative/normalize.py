"""One-for-one character folding.

Reports mix full-width and half-width forms freely ("16.51 万元，" next to
"0.16 万元, "; "（三）" next to "(三)").  Folding every such character to one
form lets one regular expression match both.  The fold never changes the
length of a string, so offsets computed on the folded copy index the original
text directly: that is the whole offset map for a single line.  Paragraphs that
join several lines keep a per-character map of their own (see ``structure``).
"""

from __future__ import annotations

from functools import lru_cache

_PAIRS = {
    "，": ",",
    "％": "%",
    "．": ".",
    "：": ":",
    "；": ";",
    "（": "(",
    "）": ")",
    "　": " ",
    "－": "-",
    "＋": "+",
    "＝": "=",
    "／": "/",
    "≧": "≥",
    "≦": "≤",
    "＞": ">",
    "＜": "<",
    "\u00a0": " ",
}
_TABLE = {ord(k): v for k, v in _PAIRS.items()}
# Full-width digits and Latin letters.
_TABLE.update({0xFF10 + i: chr(0x30 + i) for i in range(10)})
_TABLE.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_TABLE.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return ``text`` with full-width forms folded; ``len`` is unchanged.

    Cached: the same cells, labels and lines are folded many times over in one check
    (and again in the next report of a batch), and ``str.translate`` with a mapping
    costs a dictionary look-up per character."""
    folded = text.translate(_TABLE)
    assert len(folded) == len(text)
    return folded


_SQUASH_DROP = str.maketrans("", "", " \t\r\n\u3000\"“”'‘’「」")


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Folded text without whitespace or quotes: the form in which labels,
    headers and subject names are compared ("“三公”经费" == "三公经费")."""
    return fold(text).translate(_SQUASH_DROP)
