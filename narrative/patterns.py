"""Compiled regular expressions for patterns known only at run time.

``regex.search(pattern_string, text)`` looks the pattern up in regex's own cache on every
call, and that look-up (flags, locale, key building) costs several microseconds: a report
makes tens of thousands of such calls.  Patterns written in the code are compiled once at
module level where they are used; patterns that come from tables or lexicons (lists of
(pattern, key) pairs) go through :func:`compiled`, a plain dictionary look-up after the
first call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import regex


@cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """``regex.compile(pattern)``, once per pattern for the life of the process."""
    return regex.compile(pattern)


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
