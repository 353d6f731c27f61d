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
    t.add_argument("--prior", metavar="OLD", help="the same department's report for the previous year")
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
    if args.prior is not None and not os.path.isfile(args.prior):
        warn(f"--prior {args.prior}: no such file")
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
    return run(paths, prior=args.prior, baseline=args.baseline, options=options, several=several)
