"""``narrative diff OLD NEW``: what changed from last year's report to this year's.

Key figures with the report's own 比上年 statements, every changed table cell (tables aligned by
kind and fact key), the prose sentence by sentence with the words that changed, and the
copy-forward findings ``check --prior`` gives.  Reports of different departments, or OLD not
the earlier year, are refused in one line (exit 2) unless ``--force``.  Exit 1 when a
year-to-year finding is an error, 2 when a file cannot be read or the two cannot be compared.
"""

from __future__ import annotations

import argparse
import sys

from ..diagnostics import ExitCode, warn


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = sub.add_parser("diff", help="compare a report with last year's (key figures, tables, prose, copy-forward slips)")
    d.add_argument("old", metavar="OLD", help="last year's report (or the 预算 of the year, against its 决算)")
    d.add_argument("new", metavar="NEW", help="this year's report")
    d.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    d.add_argument("--force", action="store_true",
                   help="compare even when the reports seem to be of different departments or years")
    d.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour the text output (default: on a terminal)")
    d.add_argument("--timeout", type=float, metavar="SECONDS", default=None,
                   help="time limit for reading one file (default 60)")
    d.set_defaults(func=cmd_diff)


def cmd_diff(args: argparse.Namespace) -> int:
    from ..api import Options, Severity, diff
    from ..report.diff_report import render_json, render_markdown, render_text

    if args.timeout is not None and args.timeout <= 0:
        warn("usage error: --timeout must be a positive number of seconds")
        return ExitCode.INPUT_ERROR
    d = diff(args.old, args.new, Options(timeout=args.timeout or 60.0, force=args.force))
    if d.error:
        warn(d.error)
        return ExitCode.INPUT_ERROR
    if args.format == "json":
        sys.stdout.write(render_json(d))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(d))
    else:
        color = {"always": True, "never": False}.get(args.color)
        render_text(d, sys.stdout, color=color)
    return ExitCode.FINDINGS if d.count(Severity.ERROR) else ExitCode.OK
