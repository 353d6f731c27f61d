"""How the views write a place: "l.467" in a text report, "p12:5" in a PDF (whose lines are
numbered within their page, so a line alone says nothing), "l.46–60" for several lines."""

from __future__ import annotations

from narrative.api import Span


def where(span: Span | None) -> str:
    if span is None or span.line is None:
        return "?"
    end = span.end_line if span.end_line is not None else span.line
    end_page = span.end_page if span.end_page is not None else span.page
    if span.page:
        if end_page != span.page:
            return f"p{span.page}:{span.line}–p{end_page}:{end}"
        return f"p{span.page}:{span.line}" + (f"–{end}" if end != span.line else "")
    return f"l.{span.line}" + (f"–{end}" if end != span.line else "")
