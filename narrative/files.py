"""Which files of a folder are reports: the input formats narrative reads, without the files a
folder of reports holds besides them.  Kept in the library (not the CLI) because the TUI looks
for last year's report beside this year's, and must skip the same files the CLI skips."""

from __future__ import annotations

import os
from collections.abc import Sequence

INPUT_SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".jsp", ".asp", ".aspx", ".php", ".docx", ".xlsx")


def not_a_report(name: str) -> bool:
    """Names a folder of reports holds besides reports: hidden files and folders (``.git``,
    macOS's ``._report.pdf`` shadow files on copied drives) and Office's ``~$report.docx``
    lock files."""
    return name.startswith((".", "~$"))


def is_report_name(name: str) -> bool:
    return name.lower().endswith(INPUT_SUFFIXES) and not not_a_report(name)


def expand(paths: Sequence[str]) -> list[str]:
    """Files as given; directories expand to the report files of every input format below
    them, recursively (sorted; hidden files and folders and Office lock files skipped)."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not not_a_report(d))
                out.extend(os.path.join(root, name) for name in sorted(files) if is_report_name(name))
        else:
            out.append(p)
    return out


def siblings(path: str) -> list[str]:
    """The other report files in ``path``'s own folder (not below it), sorted."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    own = os.path.abspath(path)
    return [p for p in (os.path.join(folder, n) for n in names)
            if p != own and is_report_name(os.path.basename(p)) and os.path.isfile(p)]
