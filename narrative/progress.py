"""Progress of a long read, for a viewer that wants to show it.

A PDF is read page by page in a worker process; a viewer (the workbench) would show "page 12
of 40" rather than seconds.  The callback is set for the current thread of control by
``api.analyse(..., on_page=...)`` and read where the pages are counted (``ingest.pdf_worker``),
so the layers in between (pipeline, ingest, the format readers) need not pass it along.  A
``ContextVar``: two threads reading two reports each see their own."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

PageCallback = Callable[[int, "int | None"], None]  # (pages read, pages in the file when it says)

ON_PAGE: ContextVar[PageCallback | None] = ContextVar("narrative_on_page", default=None)
