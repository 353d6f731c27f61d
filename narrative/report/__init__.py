"""Reporters: one module per output format, all rendering the same ``Result`` list."""

from __future__ import annotations

from collections.abc import Callable

from ..api import Result

FORMATS = ("text", "json", "markdown")


def render(results: list[Result], fmt: str) -> str:
    renderer: Callable[[list[Result]], str]
    if fmt == "json":
        from .json_report import render_json as renderer
    elif fmt == "markdown":
        from .markdown_report import render_markdown as renderer
    else:
        from .text_report import render_text as renderer
    return renderer(results)
