"""Compiled regular expressions for patterns known only at run time.

``regex.search(pattern_string, text)`` looks the pattern up in regex's own cache on every
call, and that look-up (flags, locale, key building) costs several microseconds: a report
makes tens of thousands of such calls.  Patterns written in the code are compiled once at
module level where they are used; patterns that come from tables or lexicons (lists of
(pattern, key) pairs) go through :func:`compiled`, a plain dictionary look-up after the
first call.

Every pattern, written in the code or not, is compiled through :func:`compile`: ``regex``
parses a pattern in pure Python (about 0.2 ms each, some 80 ms for the ~360 patterns of a
check), while a compiled pattern is stored and loaded whole (``regex`` pickles its compiled
code), so the compiled forms are kept beside the bytecode (``narrative.derived``) and a new
process loads them in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import regex

from .derived import Store

_STORE = Store(f"patterns-regex{regex.__version__}")


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - regex.compile's name, on purpose
    """``regex.compile(pattern, flags)``, the compiled form kept between processes."""
    return _STORE.get((pattern, flags), lambda: regex.compile(pattern, flags))


@cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """``compile(pattern)``, once per pattern for the life of the process."""
    return compile(pattern)


# The module-level functions of ``regex`` for a pattern string, through ``compiled``: the
# same results, without regex's per-call cache look-up (and its cache of 500 patterns,
# which a check overflows).  Only the positional forms the project uses.
def search(pattern: str, string: str) -> regex.Match[str] | None:
    return compiled(pattern).search(string)


def match(pattern: str, string: str) -> regex.Match[str] | None:
    return compiled(pattern).match(string)


def fullmatch(pattern: str, string: str) -> regex.Match[str] | None:
    return compiled(pattern).fullmatch(string)


def finditer(pattern: str, string: str) -> Iterator[regex.Match[str]]:
    return compiled(pattern).finditer(string)


def findall(pattern: str, string: str) -> list[Any]:
    return compiled(pattern).findall(string)


def sub(pattern: str, repl: str | Callable[[regex.Match[str]], str], string: str, count: int = 0) -> str:
    return compiled(pattern).sub(repl, string, count)


def split(pattern: str, string: str, maxsplit: int = 0) -> list[str | Any]:
    return compiled(pattern).split(string, maxsplit)
