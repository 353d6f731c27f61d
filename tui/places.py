"""Where a view asks the workbench to go: a line of this report, or of the prior one.

The tables, year-to-year and boilerplate screens dismiss with a ``Place`` (or None); the
workbench scrolls its document pane there.  Kept apart so that the views need nothing else
from the app."""

from __future__ import annotations

from dataclasses import dataclass

REPORT = "report"
PRIOR = "prior"


@dataclass(frozen=True)
class Place:
    line: int
    side: str = REPORT
    page: int | None = None
    column: int | None = None
    file: str | None = None  # the file, in a report read from two (their pages are numbered alike)
