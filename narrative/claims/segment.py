"""Word segmentation with jieba, using only the project's domain dictionary.

jieba's full default dictionary costs about 0.8 s to load; the domain
dictionary (``lexicons/jieba_dict.txt`` plus the subject names of
``subjects.toml``) loads in about a millisecond and, with jieba's HMM for the
words it does not hold, segments these reports well enough for what we use it
for: reducing "我区重点精简类共发文" and "全年重点精简类共发文" to the same key
("重点精简类 发文") so two statements of one quantity can be compared.
Numbers and bracketed names never go through jieba (it splits "1,234.56" and
cannot hold "因公出国（境）费"): they are matched by regular expressions.

Two costs of jieba are avoided here:

* **Its dictionary cache.**  ``Tokenizer.initialize`` keeps the parsed
  dictionary in a cache file and trusts it while the file is newer than the
  dictionary.  Under one fixed file name that let a second installation use
  the first one's edited dictionary, and an unwritable cache directory made
  jieba print a traceback.  Parsing our 38-line dictionary takes about 0.2 ms,
  no more than reading a cache, so there is no cache: the prefix dictionary is
  built in memory (``gen_pfdict``), nothing is written anywhere, and what is
  segmented always follows the dictionary of this installation.
* **pkg_resources.**  ``jieba._compat`` tries ``import pkg_resources`` (about
  0.1 s, most of jieba's import time) only to open its own bundled files, and
  falls back to a plain ``open`` next to its ``__file__`` when that import
  fails.  :func:`import_jieba` makes the import fail for that moment by the
  documented means (a ``None`` entry in ``sys.modules``), so jieba takes its
  fallback.  jieba itself is imported only when the first phrase is segmented.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import threading
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from ..lexicon import lexicon_path, load_toml

_IMPORT_LOCK = threading.Lock()


def import_jieba() -> ModuleType:
    """``import jieba`` without importing ``pkg_resources`` on its behalf."""
    with _IMPORT_LOCK:
        if "jieba" in sys.modules:
            return sys.modules["jieba"]
        blocked = "pkg_resources" not in sys.modules
        if blocked:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            if blocked and sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
        return jieba


def jieba_dict_path() -> Path | None:
    """jieba's bundled dictionary (dict.txt), found without importing jieba; None when
    jieba is not installed as a directory."""
    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def subject_words() -> list[str]:
    """Subject names of ``subjects.toml`` that jieba can hold as words (no brackets)."""
    return [
        name
        for entry in load_toml("subjects.toml").get("subject", [])
        for name in entry.get("names", [])
        if "(" not in name and "（" not in name
    ]


@cache
def tokenizer() -> Any:
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    path = lexicon_path("jieba_dict.txt")
    tk = jieba.Tokenizer(dictionary=str(path))
    with open(path, "rb") as fh:
        tk.FREQ, tk.total = tk.gen_pfdict(fh)
    tk.initialized = True  # built here: jieba's initialize() would read or write a cache file
    for name in subject_words():
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
