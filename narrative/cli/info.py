"""``narrative rules``, ``tables`` and ``claims``: what the tool knows and what it read."""

from __future__ import annotations

import argparse
import sys

from ..diagnostics import ExitCode, warn
from .common import Reports


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    from ..api import rules

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


def cmd_tables(args: argparse.Namespace) -> int:
    """Show the tables as recognised: kind, title, rows and facts (for reviewers)."""
    from ..api import table_name

    reports = Reports(args.files)
    for a in reports:
        doc = a.document
        sys.stdout.write(f"{a.path}: {doc.department or '?'} {doc.year or '?'} {doc.report_kind or '?'}\n")
        for t in doc.tables:
            where = f"line {t.first_line.number}" + (f" page {t.first_line.page}" if t.first_line.page else "")
            sys.stdout.write(
                f"  {t.kind or '?':4} {t.title or table_name(t.kind, doc.report_kind)} [{where}] "
                f"rows={len(t.body)} facts={len(t.facts)}\n"
            )
            if args.facts:
                for f in t.facts.values():
                    sys.stdout.write(f"      {f.cell.line.number:>5} {f.key} = {f.cell.norm or '(empty)'}  ({f.label})\n")
    return reports.status


def cmd_claims(args: argparse.Namespace) -> int:
    """List every claim of the prose with its bindings, and every skipped number."""
    import json

    from ..report.claims_report import claims_payload, render_claims_text

    reports = Reports(args.files)
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


