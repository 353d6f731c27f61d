"""The ``narrative`` command line: a thin layer over ``narrative.api``.

Commands import only what they need (the claims machinery and jieba load only for the
commands that extract claims; Textual only for ``tui``), because a batch run over thousands
of files starts the program thousands of times.  No check logic lives here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .diagnostics import ExitCode, warn
from .errors import InputError

INPUT_SUFFIXES = (".txt", ".pdf")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        words = self.prog.split()
        cmd = " ".join(["narrative", *words[1:]])
        warn(f"usage error: {message} (see '{cmd} --help')")
        raise SystemExit(ExitCode.INPUT_ERROR)


def _expand(paths: Sequence[str]) -> list[str]:
    """Files as given; directories expand to the report files below them (sorted)."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(INPUT_SUFFIXES):
                        out.append(os.path.join(root, name))
        else:
            out.append(p)
    return out


def _codes(values: list[str] | None) -> list[str] | None:
    """Codes from repeated/comma-separated options; None when the option was not given."""
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip().upper() for x in v.split(",") if x.strip())
    return out


def _validate_codes(codes: list[str], option: str) -> None:
    """An unknown code is a usage error, as argparse's own: one line and SystemExit(2)."""
    from .api import rules

    known = [r.code for r in rules()]
    for c in codes:
        if not any(k.startswith(c) for k in known):
            warn(f"usage error: unknown rule code or prefix {c!r} in {option} (see 'narrative rules')")
            raise SystemExit(ExitCode.INPUT_ERROR)


def cmd_check(args: argparse.Namespace) -> int:
    from .api import Options, Severity, iter_analyse, read_prior
    from .config import find_pyproject, load_settings
    from .report import reporter

    try:
        config = Path(args.config) if args.config else find_pyproject(Path.cwd())
        settings = load_settings(config)
        select = _codes(args.select)
        ignore = _codes(args.ignore)
        if select is not None and not select:
            warn("usage error: --select was given no rule codes (omit it to select every rule)")
            raise SystemExit(ExitCode.INPUT_ERROR)
        select = settings.select if select is None else select
        ignore = settings.ignore if ignore is None else ignore
        _validate_codes(select, "select")
        _validate_codes(ignore, "ignore")
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
    files = _expand(args.files)
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
    rep = reporter(fmt, sys.stdout, config=settings.source)
    rep.start()
    errors = False
    for r in iter_analyse(files, opts, prior=prior):
        if r.error:
            warn(f"{r.path}: {r.error}")
            status = ExitCode.INPUT_ERROR
        for note in r.notes:
            warn(f"{r.path}: note: {note}")
        errors = errors or any(f.severity == Severity.ERROR for f in r.findings)
        rep.result(r)
        sys.stdout.flush()
    rep.end()
    return ExitCode.FINDINGS if errors else status


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from .api import rules

    found = rules()
    if args.code:
        found = [r for r in found if r.code.startswith(args.code.upper())]
        if not found:
            warn(f"usage error: unknown rule {args.code!r}")
            return ExitCode.INPUT_ERROR
    if args.format == "json":
        data = [
            {"code": r.code, "name": r.name, "severity": str(r.severity), "scope": r.scope,
             "summary": r.summary(), "documentation": r.documentation()}
            for r in found
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    for r in found:
        if args.code:
            sys.stdout.write(f"{r.code} {r.name} ({r.severity}, scope: {r.scope})\n\n{r.documentation()}\n\n")
        else:
            sys.stdout.write(f"{r.code:7} {str(r.severity):8} {r.name:22} {r.summary()}\n")
    return ExitCode.OK


class _Reports:
    """Read the given reports one by one (no checks), reporting unreadable files on stderr
    (one line each) and remembering that one was unreadable (exit 2)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = _expand(paths)
        self.status = ExitCode.OK

    def __iter__(self) -> Iterator:  # type: ignore[type-arg]
        from .api import read

        for path in self.paths:
            a = read(path)
            if a.error:
                warn(f"{path}: {a.error}")
                self.status = ExitCode.INPUT_ERROR
                continue
            yield a


def cmd_tables(args: argparse.Namespace) -> int:
    """Show the tables as recognised: kind, title, rows and facts (for reviewers)."""
    from .api import table_name

    reports = _Reports(args.files)
    for a in reports:
        doc = a.document
        sys.stdout.write(f"{a.path}: {doc.department or '?'} {doc.year or '?'} {doc.report_kind or '?'}\n")
        for t in doc.tables:
            where = f"line {t.first_line.number}" + (f" page {t.first_line.page}" if t.first_line.page else "")
            sys.stdout.write(
                f"  {t.kind or '?':4} {t.title or table_name(t.kind) or '(untitled)'} [{where}] "
                f"rows={len(t.body)} facts={len(t.facts)}\n"
            )
            if args.facts:
                for f in t.facts.values():
                    sys.stdout.write(f"      {f.cell.line.number:>5} {f.key} = {f.cell.norm or '(empty)'}  ({f.label})\n")
    return reports.status


def cmd_claims(args: argparse.Namespace) -> int:
    """List every claim of the prose with its bindings, and every skipped number."""
    import json

    from .report.claims_report import claims_payload, render_claims_text

    reports = _Reports(args.files)
    payloads = []
    for a in reports:
        if args.format == "json":
            payloads.append(claims_payload(a.document, a.claims))
        else:
            sys.stdout.write(render_claims_text(a.document, a.claims))
    if args.format == "json":
        out = payloads[0] if len(reports.paths) == 1 and payloads else {"version": 1, "documents": payloads}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return reports.status


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="narrative", description="Audit budget-report prose against its own tables.")
    from . import __version__

    p.add_argument("-V", "--version", action="version", version=f"narrative {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

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
    c.set_defaults(func=cmd_check)

    r = sub.add_parser("rules", help="list the rules, or show one rule's documentation")
    r.add_argument("code", nargs="?")
    r.add_argument("--format", choices=["text", "json"], default="text")
    r.set_defaults(func=cmd_rules)

    cl = sub.add_parser("claims", help="list the claims of the prose, bound and unbound")
    cl.add_argument("files", nargs="+", metavar="FILE")
    cl.add_argument("--format", choices=["text", "json"], default="text")
    cl.set_defaults(func=cmd_claims)

    t = sub.add_parser("tables", help="show the tables as recognised")
    t.add_argument("files", nargs="+", metavar="FILE")
    t.add_argument("--facts", action="store_true", help="list every named cell")
    t.set_defaults(func=cmd_tables)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitCode.INPUT_ERROR
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
