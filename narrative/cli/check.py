"""``narrative check``: check reports and print findings, streaming one file at a time.

The options for many files (jobs, engines, output files, the cache, the progress bar) and
the loop over the results live in ``batch_options`` and ``batch_run``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..diagnostics import ExitCode, warn
from ..errors import InputError
from . import baseline as review
from .batch_options import add_batch_arguments, batch_settings
from .common import FORMATS, codes, expand, validate_codes


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    c = sub.add_parser("check", help="check reports and print findings")
    c.add_argument("files", nargs="*", metavar="FILE",
                   help="report files (text, PDF, web page, .docx, .xlsx) or directories (searched recursively)")
    c.add_argument("--format", choices=FORMATS, default=None)
    c.add_argument("--min-severity", choices=["info", "warning", "error"], default=None,
                   help="lowest severity to report (default: warning; info adds rounding notes)")
    c.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes")
    c.add_argument("--ignore", action="append", metavar="CODES", help="skip these rule codes or prefixes")
    c.add_argument("--prior", metavar="FILE", action="append",
                   help="the same department's report for the previous year (twice for one published as two "
                        "files: the prose, then the tables)")
    c.add_argument("--prior-dir", metavar="DIR",
                   help="last year's reports: each report is checked against its department's, found by identity")
    c.add_argument("--force", action="store_true",
                   help="check against --prior even when it seems another department's or not the year before")
    c.add_argument("--timeout", type=float, metavar="SECONDS", default=None,
                   help="time limit for reading one file (default 60)")
    c.add_argument("--config", metavar="PYPROJECT", help="read [tool.narrative] from this file")
    c.add_argument("-v", "--verbose", action="store_true", help="say which settings file applies")
    c.add_argument("--as-one", action="store_true",
                   help="the files are one report published in parts (the prose, then the tables)")
    c.add_argument("--no-pairing", action="store_true",
                   help="check a prose-only file and a tables-only file of one report separately "
                        "(by default they are paired by department, year and kind and checked as one)")
    add_batch_arguments(c)
    review.add_check_options(c)  # --baseline, --write-baseline, --show-baselined, --reviewer
    c.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from ..api import Options, Severity, prior_dir
    from ..config import find_pyproject, load_settings
    from .batch_run import run_batch

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
    if fmt not in FORMATS:
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
    try:
        batch = batch_settings(args, fmt)
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    files = expand(args.files) + expand(batch.listed)
    if not files:
        warn("usage error: no input files")
        return ExitCode.INPUT_ERROR
    opts = Options(tuple(select), tuple(ignore), min_sev, args.timeout or 60.0, force=args.force)
    if args.prior and args.prior_dir:
        warn("usage error: give --prior FILE or --prior-dir DIR, not both")
        return ExitCode.INPUT_ERROR
    if args.as_one and len(files) < 2:
        warn("usage error: --as-one needs the files of one report (the prose, then the tables)")
        return ExitCode.INPUT_ERROR
    prior: Any = None
    if args.prior:
        prior = args.prior[0] if len(args.prior) == 1 else tuple(args.prior)
    if args.prior and len(args.prior) > 2:
        warn("usage error: --prior is one report: one file, or its prose and its tables")
        return ExitCode.INPUT_ERROR
    if args.prior_dir:
        prior = prior_dir(expand([args.prior_dir]), opts)
        for path, why in prior.errors.items():
            warn(f"prior {path}: {why} (not paired)")
    try:
        baseline = review.for_check(args, opts, prior=bool(args.prior or args.prior_dir))
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    return run_batch(files, opts, prior, fmt, settings.source, batch,
                     as_one=args.as_one, pair=not args.no_pairing, baseline=baseline)
