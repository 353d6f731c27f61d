"""Word segmentation with jieba, using only the project's domain dictionary.

jieba's full default dictionary costs about 0.8 s to load; the domain
dictionary (``lexicons/jieba_dict.txt`` plus the subject names of
``subjects.toml``) loads in about a millisecond and, with jieba's HMM for the
words it does not hold, segments these reports well enough for what we use it
for: reducing "我区重点精简类共发文" and "全年重点精简类共发文" to the same key
("重点精简类 发文") so two statements of one quantity can be compared.
Numbers and bracketed names never go through jieba (it splits "1,234.56" and
cannot hold "因公出国（境）费"): they are matched by regular expressions.
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import cache

from ..lexicon import lexicon_path, load_toml


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "narrative")
    try:
        os.makedirs(path, exist_ok=True)
        if os.access(path, os.W_OK):
            return path
    except OSError:
        pass
    return tempfile.gettempdir()


@cache
def tokenizer():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer(dictionary=str(lexicon_path("jieba_dict.txt")))
    tk.tmp_dir = _cache_dir()
    tk.cache_file = "narrative.jieba.cache"
    tk.initialize()
    for entry in load_toml("subjects.toml").get("subject", []):
        for name in entry.get("names", []):
            if "(" not in name and "（" not in name:
                tk.add_word(name, 20)
    return tk


@cache
def stopwords() -> frozenset[str]:
    text = lexicon_path("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def words(text: str) -> list[str]:
    return [w for w in tokenizer().lcut(text) if w.strip()]


def subject_key(text: str) -> str:
    """What a phrase talks about, without the words that only frame it."""
    stop = stopwords()
    return " ".join(w for w in words(text) if w not in stop)
