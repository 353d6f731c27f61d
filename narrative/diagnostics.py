"""Exit codes and the one place that writes messages to stderr.

stdout carries data (findings, JSON); stderr carries messages about files that
could not be read and about usage.  Exit codes: 0 clean, 1 when any
error-severity finding is reported, else 2 when any file could not be read or
the command line was wrong.
"""

from __future__ import annotations

import sys
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    INPUT_ERROR = 2


def warn(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"narrative: {message}", file=sys.stderr)
