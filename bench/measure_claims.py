"""Claims census: per report, claims total and bound, and the CLM errors ``check`` raises.

    python bench/measure_claims.py [--json OUT] [--cache DIR] [--show] [FILE ...]

With no FILE, every report in ../shared/reports is read (the Jiangxi text, real/, more/); the
Jiangsu 省委办公厅 prose and tables PDFs of one year are read together as one report
(``read_combined``), as they are published.  ``--cache DIR`` keeps each built document in a
pickle so that a second run (after a change to the claims code) reads no PDF again; delete
the directory after a change to reading or tables.  ``--show`` prints every CLM error.  It
is the before/after measure of issue 9's "claims half"; it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from narrative.findings import Severity  # noqa: E402
from narrative.pipeline import ReadReport, check, extract  # noqa: E402

SHARED = ROOT.parent / "shared" / "reports"


def default_reports() -> list[list[Path]]:
    out: list[list[Path]] = [[SHARED / "zhushan-party-office-2024.txt"]]
    out += [[p] for p in sorted((SHARED / "real").glob("*.pdf"))]
    for p in sorted((SHARED / "more").glob("*.pdf")):
        if p.name.endswith("-tables.pdf"):
            continue
        if p.name.endswith("-text.pdf"):
            out.append([p, p.with_name(p.name.replace("-text.pdf", "-tables.pdf"))])
        else:
            out.append([p])
    return [r for r in out if all(p.exists() for p in r)]


def load(paths: list[Path], cache: Path | None):  # type: ignore[no-untyped-def]
    from narrative.ingest import read_source
    from narrative.ingest.combine import read_combined
    from narrative.structure import build_document

    key = hashlib.sha1("|".join(str(p) for p in paths).encode()).hexdigest()[:16]
    if cache is not None and (cache / key).exists():
        return pickle.loads((cache / key).read_bytes())
    src = read_combined([str(p) for p in paths]) if len(paths) > 1 else read_source(str(paths[0]))
    doc = build_document(src)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / key).write_bytes(pickle.dumps(doc))
    return doc


def census(paths: list[Path], cache: Path | None) -> dict:
    doc = load(paths, cache)
    claims = extract(doc)
    findings = check(ReadReport(str(paths[0]), doc, claims))
    clm = [f for f in findings if f.rule.startswith("CLM") and f.severity == Severity.ERROR]
    return {
        "file": " + ".join(p.name for p in paths),
        "claims": len(claims.claims),
        "bound": sum(c.binding is not None for c in claims.claims),
        "describes": sum(bool(c.words.get("describes")) for c in claims.claims),
        "prior": sum(c.period == "prior" for c in claims.claims),
        "clm_errors": len(clm),
        "by_rule": dict(sorted(Counter(f.rule for f in clm).items())),
        "errors": [
            {"rule": f.rule, "page": f.span.page, "line": f.span.line, "message": f.message,
             "excerpt": f.excerpt}
            for f in clm
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--json", metavar="OUT")
    ap.add_argument("--cache", metavar="DIR")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    reports = [[Path(p)] for p in args.files] or default_reports()
    cache = Path(args.cache) if args.cache else None
    rows = [census(r, cache) for r in reports]
    total = Counter[str]()
    for r in rows:
        print(f"{r['file'][:60]:<60} claims {r['claims']:>4} bound {r['bound']:>4} describes {r['describes']:>3} "
              f"prior {r['prior']:>3}  CLM errors {r['clm_errors']:>3} {r['by_rule']}")
        total.update({"claims": r["claims"], "bound": r["bound"], "clm": r["clm_errors"], "describes": r["describes"],
                      "prior": r["prior"]})
        if args.show:
            for e in r["errors"]:
                print(f"    {e['rule']} p{e['page']}:{e['line']} {e['message']}")
    print(f"{'total':<60} claims {total['claims']:>4} bound {total['bound']:>4} describes {total['describes']:>3} "
          f"prior {total['prior']:>3}  CLM errors {total['clm']:>3}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
