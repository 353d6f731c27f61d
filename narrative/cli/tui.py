"""``narrative tui``: the auditor's workbench (Textual, imported only when the command runs,
so that ``narrative check`` never loads it)."""

from __future__ import annotations

import argparse
import os

from ..diagnostics import ExitCode, warn
from .common import expand


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = sub.add_parser("tui", help="review reports in the terminal: findings, the text, verdicts")
    t.add_argument("files", nargs="+", metavar="FILE", help="report files or directories (searched recursively)")
    t.add_argument("--prior", metavar="OLD", action="append",
                   help="the same department's report for the previous year (twice for one published as two "
                        "files: the prose, then the tables)")
    t.add_argument("--baseline", metavar="REVIEW",
                   help="the review file verdicts are kept in (default: narrative-review.json here)")
    t.add_argument("--timeout", type=float, metavar="SECONDS", default=None,
                   help="time limit for reading one file (default 60)")
    t.set_defaults(func=cmd_tui)


def cmd_tui(args: argparse.Namespace) -> int:
    missing = [p for p in args.files if not os.path.exists(p)]
    if missing:
        warn(f"{missing[0]}: no such file or directory")
        return ExitCode.INPUT_ERROR
    for old in args.prior or []:
        if not os.path.isfile(old):
            warn(f"--prior {old}: no such file")
            return ExitCode.INPUT_ERROR
    if args.prior and len(args.prior) > 2:
        warn("usage error: --prior is one report: one file, or its prose and its tables")
        return ExitCode.INPUT_ERROR
    if args.timeout is not None and args.timeout <= 0:
        warn("usage error: --timeout must be a positive number of seconds")
        return ExitCode.INPUT_ERROR
    paths = expand(args.files)
    if not paths:
        warn(f"{args.files[0]}: no report files found")
        return ExitCode.INPUT_ERROR
    several = len(paths) > 1 or any(os.path.isdir(p) for p in args.files)
    from ..api import Options
    from ..tui.app import run  # Textual loads here, never for the other commands

    options = Options(timeout=args.timeout) if args.timeout is not None else Options()
    prior = " + ".join(args.prior) if args.prior else None  # the workbench's name for a report in two files
    return run(paths, prior=prior, baseline=args.baseline, options=options, several=several)
