"""Errors that end the reading of one input file.

An ``InputError`` carries a one-line message meant for the user ("cannot read
X: encrypted PDF"); the CLI prints it, marks the file as unreadable (exit 2)
and goes on with the next file.  Nothing else should escape to the user as a
traceback.
"""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read as a report; ``str(err)`` is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message.replace("\n", " "))
