"""Review baselines on the command line: ``check --baseline / --write-baseline`` and
``narrative baseline show | set | prune | stats``.

The first run records every finding as accepted (``--write-baseline FILE``); every later run
reads the file (``--baseline FILE``) and shows only what is new, plus what a reviewer
confirmed.  ``check`` calls ``add_check_options`` and ``for_check`` and nothing else, so its
own code stays about checking.  Every change to the file is a library call
(``narrative.api``), the same calls the TUI makes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import ExitCode, warn
from ..errors import InputError


# ---------------------------------------------------------------------- narrative check …
def add_check_options(c: argparse.ArgumentParser) -> None:
    c.add_argument("--baseline", metavar="FILE",
                   help="review file: hide the findings it accepts or marks false alarm, show confirmed ones")
    c.add_argument("--write-baseline", metavar="FILE",
                   help="record every finding not yet in FILE as accepted (keeps every verdict), then check with it")
    c.add_argument("--show-baselined", action="store_true",
                   help="with a baseline: show every finding with its verdict, and the stale entries")
    c.add_argument("--reviewer", metavar="NAME", help="who records the verdicts (default: the login name)")


class CheckBaseline:
    """A baseline applied to a ``check`` run: ``results`` wraps the stream of results,
    ``end`` puts the stale count into the summary and says whether writing failed."""

    def __init__(self, args: argparse.Namespace, options: Any, prior: bool) -> None:
        from ..api import BaselineSession, RunScope, load_baseline

        self.path: str = args.write_baseline or args.baseline
        self.write = bool(args.write_baseline)
        self.reviewer: str | None = args.reviewer
        # read (and refuse a corrupt or newer file) before anything is checked
        baseline = load_baseline(self.path, must_exist=not self.write)
        self.session = BaselineSession(baseline, show=args.show_baselined, scope=RunScope.of(options, prior=prior))
        self.status = ExitCode.OK

    def results(self, results: Iterable[Any]) -> Iterator[Any]:
        if not self.write:
            yield from (self.session.apply(r) for r in results)
            return
        from ..api import report_key, write_baseline

        todo = list(results)  # small per-file results: the file is written once, at the end
        for r in todo:
            if not r.error and report_key(r) is None:
                warn(f"{r.path}: not recorded in {self.path}: no identity read, and not a file whose content "
                     "can be hashed")
        try:
            self.session.baseline, added = write_baseline(self.path, todo, who=self.reviewer)
            warn(f"{self.path}: {added} new finding(s) recorded as accepted ({len(self.session.baseline)} in all)")
        except InputError as err:
            warn(str(err))
            self.status = ExitCode.INPUT_ERROR
        yield from (self.session.apply(r) for r in todo)

    def end(self, reporter: Any) -> int:
        reporter.summary.stale_baseline_entries = self.session.stale()
        return int(self.status)


def for_check(args: argparse.Namespace, options: Any, *, prior: bool) -> CheckBaseline | None:
    """The baseline of a ``check`` run, or None without ``--baseline``/``--write-baseline``.
    Raises InputError (one line) for a missing, corrupt or newer review file, and for options
    that do not go together."""
    if args.baseline and args.write_baseline and args.baseline != args.write_baseline:
        raise InputError("usage error: --baseline and --write-baseline name two files (--write-baseline FILE "
                         "also checks with FILE)")
    if not (args.baseline or args.write_baseline):
        if args.show_baselined:
            raise InputError("usage error: --show-baselined needs --baseline FILE")
        return None
    return CheckBaseline(args, options, prior)


# ---------------------------------------------------------------------- narrative baseline …
def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    b = sub.add_parser("baseline", help="review files: show, set, prune verdicts; false alarms per rule")
    bs = b.add_subparsers(dest="baseline_command", parser_class=type(b))
    b.set_defaults(func=lambda args: _usage(b))

    s = bs.add_parser("show", help="list the verdicts of a review file")
    s.add_argument("file", metavar="FILE")
    s.add_argument("reports", nargs="*", metavar="REPORT",
                   help="reports to match: their entries that match no finding are marked stale")
    s.add_argument("--prior", metavar="FILE", help="the previous year's report (to judge year-to-year entries)")
    s.set_defaults(func=cmd_show)

    st = bs.add_parser("set", help="give a finding a verdict (for scripts; the TUI does the same)")
    st.add_argument("file", metavar="FILE")
    st.add_argument("fingerprint", metavar="FINGERPRINT", help="as in the JSON output or 'baseline show'")
    st.add_argument("verdict", metavar="VERDICT", help="accepted | false-alarm | confirmed")
    st.add_argument("--note", metavar="TEXT", help="why (kept as it is when not given)")
    st.add_argument("--reviewer", metavar="NAME", help="who (default: the login name)")
    st.add_argument("--report", metavar="KEY", help="the report, when the fingerprint is in several")
    st.set_defaults(func=cmd_set)

    p = bs.add_parser("prune", help="remove the entries that match no finding of the given reports")
    p.add_argument("file", metavar="FILE")
    p.add_argument("reports", nargs="+", metavar="REPORT")
    p.add_argument("--prior", metavar="FILE", help="the previous year's report (else year-to-year entries stay)")
    p.set_defaults(func=cmd_prune)

    t = bs.add_parser("stats", help="verdicts per rule over review files, most false alarms first")
    t.add_argument("files", nargs="+", metavar="FILE")
    t.set_defaults(func=cmd_stats)


def _usage(p: argparse.ArgumentParser) -> int:
    warn("usage error: say what to do: narrative baseline show|set|prune|stats (see 'narrative baseline --help')")
    return ExitCode.INPUT_ERROR


def _analysed(paths: list[str], prior_path: str | None) -> tuple[list[Any], Any, int]:
    """Every finding of ``paths`` (all rules, every severity), the scope they judge, and the
    exit status (2 when a report or the prior could not be read)."""
    from ..api import Options, RunScope, Severity, iter_analyse, read_prior
    from .common import expand

    opts = Options(min_severity=Severity.INFO)
    status: int = ExitCode.OK
    prior = None
    if prior_path:
        prior = read_prior(prior_path, opts)
        if prior.error:
            warn(f"prior {prior_path}: {prior.error} (year-to-year entries are left alone)")
            status, prior = ExitCode.INPUT_ERROR, None
    results = []
    for r in iter_analyse(expand(paths), opts, prior=prior):
        if r.error:
            warn(f"{r.path}: {r.error} (its entries are left alone)")
            status = ExitCode.INPUT_ERROR
        results.append(r)
    return results, RunScope.of(opts, prior=prior is not None), status


def cmd_show(args: argparse.Namespace) -> int:
    from ..api import BaselineSession, load_baseline

    try:
        b = load_baseline(args.file, must_exist=True)
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    stale: dict[str, set[str]] = {}
    status: int = ExitCode.OK
    if args.reports:
        results, scope, status = _analysed(args.reports, args.prior)
        session = BaselineSession(b, scope=scope)
        for r in results:
            out = session.apply(r)
            if out.baseline is not None and out.baseline.key is not None:
                stale.setdefault(out.baseline.key, set()).update(e.fingerprint for e in out.baseline.stale)
    w = sys.stdout.write
    for key in b.keys():
        entries = b.entries(key)
        w(f"{key}: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}\n")
        for e in entries:
            mark = " STALE" if e.fingerprint in stale.get(key, ()) else ""
            who = ", ".join(x for x in (e.who, e.when) if x)
            w(f"  {e.fingerprint} {e.verdict:11} {e.rule:7}{mark} ({who}) {e.excerpt[:60]}\n")
            if e.note:
                w(f"      note: {e.note}\n")
    n = sum(len(s) for s in stale.values())
    if args.reports:
        w(f"{len(b)} entries in {len(b.keys())} report(s); {n} stale baseline entr{'y' if n == 1 else 'ies'}\n")
    else:
        w(f"{len(b)} entries in {len(b.keys())} report(s)\n")
    return status


def cmd_set(args: argparse.Namespace) -> int:
    from ..api import set_verdict

    try:
        _, e = set_verdict(args.file, args.report, args.fingerprint, args.verdict, note=args.note, who=args.reviewer)
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    sys.stdout.write(f"{e.fingerprint} {e.rule}: {e.verdict} ({e.who}, {e.when})\n")
    return ExitCode.OK


def cmd_prune(args: argparse.Namespace) -> int:
    from ..api import load_baseline, prune_baseline

    try:
        load_baseline(args.file, must_exist=True)  # refuse a bad file before reading the reports
        results, scope, status = _analysed(args.reports, args.prior)
        _, removed = prune_baseline(args.file, [r for r in results if not r.error], scope=scope)
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    sys.stdout.write(f"{args.file}: removed {removed} stale baseline entr{'y' if removed == 1 else 'ies'}\n")
    return status


def cmd_stats(args: argparse.Namespace) -> int:
    from ..api import baseline_stats

    try:
        stats = baseline_stats(args.files)
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    w = sys.stdout.write
    w(f"{'rule':7} {'false-alarm':>11} {'confirmed':>9} {'accepted':>8} {'total':>5}  share\n")
    for s in stats:
        w(f"{s.rule:7} {s.false_alarms:>11} {s.confirmed:>9} {s.accepted:>8} {s.total:>5}  "
          f"{s.false_alarm_share:.0%}\n")
    return ExitCode.OK
