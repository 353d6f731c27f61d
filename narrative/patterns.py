"""Compiled regular expressions for patterns known only at run time.

``regex.search(pattern_string, text)`` looks the pattern up in regex's own cache on every
call, and that look-up (flags, locale, key building) costs several microseconds: a report
makes tens of thousands of such calls.  Patterns written in the code are compiled once at
module level where they are used; patterns that come from tables or lexicons (lists of
(pattern, key) pairs) go through :func:`compiled`, a plain dictionary look-up after the
first call.
"""

from __future__ import annotations

from functools import cache

import regex


@cache
def compiled(pattern: str) -> regex.Pattern[str]:
    """``regex.compile(pattern)``, once per pattern for the life of the process."""
    return regex.compile(pattern)
