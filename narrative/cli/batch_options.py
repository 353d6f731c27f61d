"""The options of ``narrative check`` for runs over many files, and what they decide.

Kept apart from ``check.py`` (which owns the rule options and settings) so that the batch
machinery can grow without touching them: ``add_batch_arguments`` adds the options,
``batch_settings`` validates them once into a ``BatchSettings``.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

FAIL_ON = ("error", "warning", "never")
ENGINES = ("local", "dask")


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def add_batch_arguments(c: argparse.ArgumentParser) -> None:
    g = c.add_argument_group("many files")
    g.add_argument("-j", "--jobs", type=int, metavar="N", default=None,
                   help="worker processes (default: the machine's cores); 1 checks in this process")
    g.add_argument("--files-from", metavar="FILE",
                   help="also check the paths listed in FILE, one a line ('-': standard input)")
    g.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (default: standard output)")
    g.add_argument("--per-report", action="store_true", help="csv: one row per report with its counts")
    g.add_argument("--fail-on", choices=FAIL_ON, default="error",
                   help="exit 1 on findings of this severity or worse (default: error; never: collect only)")
    g.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    g.add_argument("--progress", action="store_true", help="a progress bar on standard error even if not a terminal")
    g.add_argument("--cache", metavar="DIR", help="keep results by file content in DIR; re-runs check changed files only")
    g.add_argument("--engine", choices=ENGINES, default=None, help="local worker processes (default) or a Dask cluster")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler to run on (implies --engine dask; without it a local cluster is started)")


@dataclass
class BatchSettings:
    jobs: int
    engine: str
    scheduler: str | None
    output: str | None
    per_report: bool
    fail_on: str
    progress: bool | None  # None: when standard error is a terminal
    cache: str | None
    listed: list[str] = field(default_factory=list)  # paths read from --files-from


def read_file_list(source: str) -> list[str]:
    """Paths one a line from ``source`` ('-': standard input); blank lines skipped.  Read as
    bytes and decoded as the file system does, so any name a tool wrote comes back as is."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(source).read_bytes()
    except OSError as err:
        raise InputError(f"--files-from {source}: cannot read: {err.strerror or err}") from None
    out = []
    for raw in data.splitlines():
        name = os.fsdecode(raw.rstrip(b"\r"))
        if name.strip():
            out.append(name)
    return out


def batch_settings(args: argparse.Namespace, fmt: str) -> BatchSettings:
    """Validate the batch options; InputError (a usage error) when they do not fit together."""
    from ..report import BINARY_FORMATS

    jobs = default_jobs() if args.jobs is None else args.jobs
    if jobs < 1:
        raise InputError("usage error: --jobs must be 1 or more")
    engine = args.engine or ("dask" if args.scheduler else "local")
    if args.scheduler and engine != "dask":
        raise InputError("usage error: --scheduler is for --engine dask")
    if fmt in BINARY_FORMATS and (not args.output or args.output == "-"):
        raise InputError(f"usage error: --format {fmt} needs --output FILE")
    if args.per_report and fmt != "csv":
        raise InputError("usage error: --per-report is for --format csv")
    if args.quiet and args.progress:
        raise InputError("usage error: --quiet and --progress contradict each other")
    if args.files_from == "-" and "-" in args.files:
        raise InputError("usage error: standard input cannot be both --files-from and a report")
    if args.cache:
        try:
            Path(args.cache).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise InputError(f"--cache {args.cache}: cannot create: {err.strerror or err}") from None
    listed = read_file_list(args.files_from) if args.files_from else []
    progress = False if args.quiet else (True if args.progress else None)
    return BatchSettings(jobs, engine, args.scheduler, args.output, args.per_report, args.fail_on, progress,
                         args.cache, listed)
