"""``narrative check``: check reports and print findings, streaming one file at a time."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diagnostics import ExitCode, warn
from ..errors import InputError
from . import baseline as review
from .common import codes, expand, validate_codes


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    c = sub.add_parser("check", help="check reports and print findings")
    c.add_argument("files", nargs="+", metavar="FILE", help="report files (.txt or .pdf) or directories")
    c.add_argument("--format", choices=["text", "json", "markdown"], default=None)
    c.add_argument("--min-severity", choices=["info", "warning", "error"], default=None,
                   help="lowest severity to report (default: warning; info adds rounding notes)")
    c.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes")
    c.add_argument("--ignore", action="append", metavar="CODES", help="skip these rule codes or prefixes")
    c.add_argument("--prior", metavar="FILE", help="the same department's report for the previous year")
    c.add_argument("--timeout", type=float, metavar="SECONDS", default=None,
                   help="time limit for reading one file (default 60)")
    c.add_argument("--config", metavar="PYPROJECT", help="read [tool.narrative] from this file")
    c.add_argument("-v", "--verbose", action="store_true", help="say which settings file applies")
    c.add_argument("--as-one", action="store_true",
                   help="the files are one report published in parts (the prose, then the tables)")
    c.add_argument("--no-pairing", action="store_true",
                   help="check a prose-only file and a tables-only file of one report separately "
                        "(by default they are paired by department, year and kind and checked as one)")
    review.add_check_options(c)  # --baseline, --write-baseline, --show-baselined, --reviewer
    c.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from ..api import Options, Severity, analyse, counts, iter_analyse, read_prior
    from ..config import find_pyproject, load_settings
    from ..report import reporter

    try:
        config = Path(args.config) if args.config else find_pyproject(Path.cwd())
        settings = load_settings(config)
        select = codes(args.select)
        ignore = codes(args.ignore)
        if select is not None and not select:
            warn("usage error: --select was given no rule codes (omit it to select every rule)")
            raise SystemExit(ExitCode.INPUT_ERROR)
        select = settings.select if select is None else select
        ignore = settings.ignore if ignore is None else ignore
        validate_codes(select, "select")
        validate_codes(ignore, "ignore")
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    if args.verbose:
        warn(f"settings: {settings.source or 'defaults (no pyproject.toml with [tool.narrative])'}")
    fmt = args.format or settings.format
    if fmt not in ("text", "json", "markdown"):
        warn(f"usage error: unknown format {fmt!r}")
        return ExitCode.INPUT_ERROR
    try:
        min_sev = Severity.parse(args.min_severity or settings.min_severity)
    except KeyError:
        warn(f"usage error: unknown severity {args.min_severity or settings.min_severity!r}")
        return ExitCode.INPUT_ERROR
    if args.timeout is not None and args.timeout <= 0:
        warn("usage error: --timeout must be a positive number of seconds")
        return ExitCode.INPUT_ERROR
    files = expand(args.files)
    if not files:
        warn("usage error: no input files")
        return ExitCode.INPUT_ERROR
    opts = Options(tuple(select), tuple(ignore), min_sev, args.timeout or 60.0)
    status = ExitCode.OK
    prior = None
    if args.prior:
        prior = read_prior(args.prior, opts)
        if prior.error:
            warn(f"prior {args.prior}: {prior.error} (checked without the year-to-year rules)")
            status = ExitCode.INPUT_ERROR
    try:
        baseline = review.for_check(args, opts, prior=prior is not None and not prior.error)
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    rep = reporter(fmt, sys.stdout, config=settings.source)
    rep.start()
    errors = False
    if args.as_one:
        if len(files) < 2:
            warn("usage error: --as-one needs the files of one report (the prose, then the tables)")
            return ExitCode.INPUT_ERROR
        results = iter([analyse(files, opts, prior).result()])
    else:
        results = iter_analyse(files, opts, prior=prior, pair=not args.no_pairing)
    for r in baseline.results(results) if baseline else results:
        if r.error:
            warn(f"{r.path}: {r.error}")
            status = ExitCode.INPUT_ERROR
        for note in r.notes:
            warn(f"{r.path}: note: {note}")
        errors = errors or any(f.severity == Severity.ERROR and counts(r, f) for f in r.findings)
        rep.result(r)
        sys.stdout.flush()
    if baseline and baseline.end(rep):
        status = ExitCode.INPUT_ERROR
    rep.end()
    return ExitCode.FINDINGS if errors else status


