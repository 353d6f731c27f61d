"""What the commands share: the one-line usage errors, the expansion of directories into
report files, rule codes from options."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Sequence

from ..diagnostics import ExitCode, warn

# The output formats of narrative.report (a test keeps the two equal; named here so that
# building the parser does not import the reporters and, through them, the analysis API).
FORMATS = ("text", "json", "markdown", "jsonl", "csv", "xlsx", "sarif")
INPUT_SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".jsp", ".asp", ".aspx", ".php", ".docx", ".xlsx")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        words = self.prog.split()
        cmd = " ".join(["narrative", *words[1:]])
        warn(f"usage error: {message} (see '{cmd} --help')")
        raise SystemExit(ExitCode.INPUT_ERROR)


def _not_a_report(name: str) -> bool:
    """Names a folder of reports holds besides reports: hidden files and folders (``.git``,
    macOS's ``._report.pdf`` shadow files on copied drives) and Office's ``~$report.docx``
    lock files."""
    return name.startswith((".", "~$"))


def expand(paths: Sequence[str]) -> list[str]:
    """Files as given; directories expand to the report files of every input format below
    them, recursively (sorted; hidden files and folders and Office lock files skipped)."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not _not_a_report(d))
                for name in sorted(files):
                    if name.lower().endswith(INPUT_SUFFIXES) and not _not_a_report(name):
                        out.append(os.path.join(root, name))
        else:
            out.append(p)
    return out


def codes(values: list[str] | None) -> list[str] | None:
    """Codes from repeated/comma-separated options; None when the option was not given."""
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip().upper() for x in v.split(",") if x.strip())
    return out


def validate_codes(codes: list[str], option: str) -> None:
    """An unknown code is a usage error, as argparse's own: one line and SystemExit(2)."""
    from ..api import rules

    known = [r.code for r in rules()]
    for c in codes:
        if not any(k.startswith(c) for k in known):
            warn(f"usage error: unknown rule code or prefix {c!r} in {option} (see 'narrative rules')")
            raise SystemExit(ExitCode.INPUT_ERROR)


class Reports:
    """Read the given reports one by one (no checks), reporting unreadable files on stderr
    (one line each) and remembering that one was unreadable (exit 2)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = expand(paths)
        self.status = ExitCode.OK

    def __iter__(self) -> Iterator:  # type: ignore[type-arg]
        from ..api import read

        for path in self.paths:
            a = read(path)
            if a.error:
                warn(f"{path}: {a.error}")
                self.status = ExitCode.INPUT_ERROR
                continue
            yield a


