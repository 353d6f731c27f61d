"""Linter-style text: ``path:line:col: CODE severity message``, then the figures and the working.

On a terminal (or with ``COLUMNS`` set), the lines of working (``how:``, ``text:``) are
wrapped to its width, measured in terminal cells so CJK text wraps right; piped output keeps
one line per item, for grep.
"""

from __future__ import annotations

import os
import shutil
from typing import TextIO

from ..api import FileResult
from .common import Reporter, baseline_tail, figures_line, verdict_line, where

INDENT = "    "


def _cells(ch: str) -> int:
    import unicodedata

    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def wrap(text: str, width: int, indent: str = INDENT) -> list[str]:
    """Break ``text`` into lines of at most ``width`` terminal cells, continuation lines
    indented by two more spaces; never breaks inside an ASCII word.  ``width`` 0: one line."""
    if width <= 0:
        return [indent + text]
    out: list[str] = []
    line, used = indent, len(indent)
    cont = indent + "  "
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and not text[i].isspace():
            while j < len(text) and text[j].isascii() and not text[j].isspace():
                j += 1
        piece = text[i:j]
        w = sum(_cells(c) for c in piece)
        if used + w > width and line.strip():
            out.append(line.rstrip())
            line, used = cont, len(cont)
            if piece.isspace():
                i = j
                continue
        line += piece
        used += w
        i = j
    if line.strip():
        out.append(line.rstrip())
    return out


def terminal_width(out: TextIO) -> int:
    if os.environ.get("COLUMNS", "").isdigit():
        return max(40, int(os.environ["COLUMNS"]))
    try:
        if out.isatty():
            return max(40, shutil.get_terminal_size().columns)
    except (AttributeError, ValueError, OSError):
        pass
    return 0  # not a terminal: no wrapping


class TextReporter(Reporter):
    def __init__(self, out: TextIO) -> None:
        super().__init__(out)
        self.width = terminal_width(out)

    def write_result(self, r: FileResult) -> None:
        if r.error:
            return  # reported on stderr by the CLI
        lines: list[str] = []
        review = r.baseline
        for f in r.findings:
            lines.append(f"{where(r.path, f.span)}: {f.rule} {f.severity} {f.message}")
            entry = review.verdict(f) if review is not None else None
            if entry is not None:
                lines.extend(wrap(verdict_line(entry), self.width))
            fl = figures_line(f)
            if fl:
                lines.extend(wrap(fl, self.width))
            if f.explanation:
                lines.extend(wrap(f"how: {f.explanation}", self.width))
            lines.extend(wrap(f"text: {f.excerpt}", self.width))
        if review is not None and review.show:
            for e in review.stale:
                lines.append(f"{r.path}: stale baseline entry {e.fingerprint} {e.rule} ({e.verdict}): matches no finding")
                lines.extend(wrap(f"text: {e.excerpt}", self.width))
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def end(self) -> None:
        c = self.summary
        tail = f"{c.errors} error(s), {c.warnings} warning(s), {c.infos} info(s) in {c.files} file(s)"
        if c.claims:
            tail += f"; {c.claims} prose claim(s), {c.unbound_claims} not bound to a table cell"
        if c.unreadable:
            tail += f"; {c.unreadable} file(s) could not be read"
        tail += baseline_tail(c, self.show_baselined)
        lines = [tail]
        if c.files > 1 and c.rules:
            lines.append("top rules: " + ", ".join(f"{rule} ×{n}" for rule, n in c.top_rules()))
        if c.files > 1 and c.failed:
            lines.append("could not be read:")
            lines.extend(f"    {path}: {reason}" for path, reason in c.failed)
        self.out.write("\n".join(lines) + "\n")
