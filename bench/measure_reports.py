"""Per-report census of what narrative recognises and what the table rules say.

    python bench/measure_reports.py [FILE ...] [--json OUT]

With no FILE, every report in ../shared/reports (the Jiangxi text, real/, more/) is read.
For each file it prints: identity (department, year, kind, unit level), tables recognised
(count and kinds), facts, and the number of TBL004 ("missing table") and other TBL/XTB
errors that ``check`` raises, plus the claims checked and unchecked.  It is the before/after
measure for issue 9's "reading half"; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from narrative.api import analyse  # noqa: E402
from narrative.findings import Severity  # noqa: E402

SHARED = ROOT.parent / "shared" / "reports"


def default_files() -> list[Path]:
    out = [SHARED / "zhushan-party-office-2024.txt"]
    out += sorted((SHARED / "real").glob("*.pdf"))
    out += sorted((SHARED / "more").glob("*.pdf"))
    return [p for p in out if p.exists()]


def census(path: Path) -> dict:
    a = analyse(str(path))
    if a.error or a.document is None:
        return {"file": path.name, "error": a.error}
    doc, findings = a.document, a.findings
    errors = Counter(f.rule for f in findings if f.severity == Severity.ERROR)
    warnings = Counter(f.rule for f in findings if f.severity == Severity.WARNING)
    ident = getattr(doc, "identity", None)
    counts = a.claim_counts
    kinds = [t.kind or "?" for t in doc.tables]
    return {
        "file": path.name,
        "identity": (
            [ident.department, ident.year, ident.kind, ident.unit_level] if ident is not None
            else [doc.department, doc.year, doc.report_kind, None]
        ),
        "tables": len([k for k in kinds if k not in ("?", "TOC")]),
        "unknown": kinds.count("?"),
        "kinds": " ".join(kinds),
        "facts": sum(len(t.facts) for t in doc.tables),
        "TBL004": errors.get("TBL004", 0),
        "table_errors": sum(n for r, n in errors.items() if r.startswith(("TBL", "XTB")) and r != "TBL004"),
        "errors": sum(errors.values()),
        "by_rule": dict(sorted(errors.items())),
        "warnings": dict(sorted(warnings.items())),
        "claims": (counts["total"], counts["bound"]) if counts else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.files] or default_files()
    rows = [census(p) for p in paths]
    for r in rows:
        if "error" in r:
            print(f"{r['file']}: ERROR {r['error']}")
            continue
        print(f"{r['file']}: {r['identity']}")
        print(f"   tables={r['tables']} unknown={r['unknown']} facts={r['facts']} TBL004={r['TBL004']} "
              f"table_errors={r['table_errors']} errors={r['errors']} claims={r['claims']}")
        print(f"   kinds: {r['kinds']}")
        print(f"   errors: {r['by_rule']}  warnings: {r['warnings']}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
