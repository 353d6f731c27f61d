"""What the commands share: the one-line usage errors, rule codes from options, and (from
narrative.files) the expansion of directories into report files."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence

from ..diagnostics import ExitCode, warn
from ..files import INPUT_SUFFIXES, expand

# The output formats of narrative.report (a test keeps the two equal; named here so that
# building the parser does not import the reporters and, through them, the analysis API).
FORMATS = ("text", "json", "markdown", "jsonl", "csv", "xlsx", "sarif")

__all__ = ["FORMATS", "INPUT_SUFFIXES", "Parser", "codes", "expand", "validate_codes"]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        words = self.prog.split()
        cmd = " ".join(["narrative", *words[1:]])
        warn(f"usage error: {message} (see '{cmd} --help')")
        raise SystemExit(ExitCode.INPUT_ERROR)


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


