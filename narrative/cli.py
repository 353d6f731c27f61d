"""The ``narrative`` command line: a thin layer over ``narrative.api``.

Commands import only what they need (the claims machinery and jieba load only
for the commands that extract claims; Textual only for ``tui``), because a
batch run over thousands of files starts the program thousands of times.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .diagnostics import ExitCode, warn
from .errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        warn(f"usage error: {message} (see 'narrative {self.prog.split()[-1]} --help')")
        raise SystemExit(ExitCode.INPUT_ERROR)


def _expand(paths: Sequence[str]) -> list[str]:
    """Files as given; directories expand to the .txt and .pdf files below them."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for name in sorted(files):
                    if name.lower().endswith((".txt", ".pdf")):
                        out.append(os.path.join(root, name))
        else:
            out.append(p)
    return out


def _codes(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip().upper() for x in v.split(",") if x.strip())
    return out


def _validate_codes(codes: list[str]) -> None:
    from .checks.registry import iter_rules

    known = [r.code for r in iter_rules()]
    for c in codes:
        if not any(k.startswith(c) for k in known):
            warn(f"usage error: unknown rule code or prefix {c!r} (see 'narrative rules')")
            raise SystemExit(ExitCode.INPUT_ERROR)


def cmd_check(args: argparse.Namespace) -> int:
    from .api import check_file
    from .config import find_pyproject, load_settings
    from .findings import Severity
    from .report import render

    try:
        settings = load_settings(Path(args.config) if args.config else find_pyproject(Path.cwd()))
    except InputError as err:
        warn(str(err))
        return ExitCode.INPUT_ERROR
    select = _codes(args.select) or settings.select
    ignore = _codes(args.ignore) or settings.ignore
    _validate_codes(select + ignore)
    fmt = args.format or settings.format
    if fmt not in ("text", "json", "markdown"):
        warn(f"usage error: unknown format {fmt!r}")
        return ExitCode.INPUT_ERROR
    try:
        min_sev = Severity.parse(args.min_severity or settings.min_severity)
    except KeyError:
        warn(f"usage error: unknown severity {args.min_severity or settings.min_severity!r}")
        return ExitCode.INPUT_ERROR
    files = _expand(args.files)
    if not files:
        warn("usage error: no input files")
        return ExitCode.INPUT_ERROR
    results = []
    for path in files:
        r = check_file(path, select=select, ignore=ignore, min_severity=min_sev, prior_path=args.prior)
        if r.error:
            warn(f"{path}: {r.error}")
        results.append(r)
    sys.stdout.write(render(results, fmt))
    if any(f.severity == Severity.ERROR for r in results for f in r.findings):
        return ExitCode.FINDINGS
    if any(r.error for r in results):
        return ExitCode.INPUT_ERROR
    return ExitCode.OK


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from .checks.registry import iter_rules

    rules = list(iter_rules())
    if args.code:
        rules = [r for r in rules if r.code.startswith(args.code.upper())]
        if not rules:
            warn(f"usage error: unknown rule {args.code!r}")
            return ExitCode.INPUT_ERROR
    if args.format == "json":
        data = [
            {"code": r.code, "name": r.name, "severity": str(r.severity), "scope": r.scope,
             "summary": r.summary(), "documentation": r.documentation()}
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    for r in rules:
        if args.code:
            sys.stdout.write(f"{r.code} {r.name} ({r.severity}, scope: {r.scope})\n\n{r.documentation()}\n\n")
        else:
            sys.stdout.write(f"{r.code:7} {str(r.severity):8} {r.name:22} {r.summary()}\n")
    return ExitCode.OK


class _Documents:
    """Iterate over the documents of the given paths, reporting unreadable files on stderr
    (one line each) and remembering that one was unreadable (exit 2)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = _expand(paths)
        self.status = ExitCode.OK

    def __iter__(self):  # type: ignore[no-untyped-def]
        from .api import load_document

        for path in self.paths:
            try:
                yield path, load_document(path)
            except InputError as err:
                warn(f"{path}: {err}")
                self.status = ExitCode.INPUT_ERROR


def cmd_tables(args: argparse.Namespace) -> int:
    """Show the tables as recognised: kind, title, rows and facts (for reviewers)."""
    from .tables.recognize import NAMES

    docs = _Documents(args.files)
    for path, doc in docs:
        sys.stdout.write(f"{path}: {doc.department or '?'} {doc.year or '?'} {doc.report_kind or '?'}\n")
        for t in doc.tables:
            where = f"line {t.first_line.number}" + (f" page {t.first_line.page}" if t.first_line.page else "")
            sys.stdout.write(
                f"  {t.kind or '?':4} {t.title or NAMES.get(t.kind or '', '(untitled)')} [{where}] "
                f"rows={len(t.body)} facts={len(t.facts)}\n"
            )
            if args.facts:
                for f in t.facts.values():
                    sys.stdout.write(f"      {f.cell.line.number:>5} {f.key} = {f.cell.norm or '(empty)'}  ({f.label})\n")
    return docs.status


def cmd_claims(args: argparse.Namespace) -> int:
    """List every claim of the prose with its bindings, and every skipped number."""
    from .checks.claim_rules import claims_of
    from .report.claims_report import render_claims_json, render_claims_text

    docs = _Documents(args.files)
    for _path, doc in docs:
        cs = claims_of(doc)
        sys.stdout.write(render_claims_json(doc, cs) if args.format == "json" else render_claims_text(doc, cs))
    return docs.status


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="narrative", description="Audit budget-report prose against its own tables.")
    from . import __version__

    p.add_argument("--version", action="version", version=f"narrative {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="check reports and print findings")
    c.add_argument("files", nargs="+", metavar="FILE", help="report files (.txt or .pdf) or directories")
    c.add_argument("--format", choices=["text", "json", "markdown"], default=None)
    c.add_argument("--min-severity", choices=["info", "warning", "error"], default=None,
                   help="lowest severity to report (default: warning; info adds rounding notes)")
    c.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes")
    c.add_argument("--ignore", action="append", metavar="CODES", help="skip these rule codes or prefixes")
    c.add_argument("--prior", metavar="FILE", help="the same department's report for the previous year")
    c.add_argument("--config", metavar="PYPROJECT", help="read [tool.narrative] from this file")
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
