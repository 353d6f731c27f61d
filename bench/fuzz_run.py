"""The long fuzz run of issue 11: thousands of edited reports and damaged PDFs through
``narrative check --format json``, in this process, with counts at the end.

    python bench/fuzz_run.py [--cases 2000] [--pdfs 100] [--seed 11] [--save tests/data/fuzz]

Text cases are 1-4 random edits (tests/fuzzing.py: lines deleted, duplicated, swapped,
a row's TABs removed, a digit changed, junk bytes) of the Jiangxi report; PDF cases are
1-3 byte edits (flips, zeroed runs, truncation) of the sample PDFs.  Prints the number
of cases, the exit codes, tracebacks and other broken promises, rule crashes grouped by
message with one replayable edit list each, and the slowest case.  With --save, the
smallest input of each kind of crash is written there.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import functools
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import narrative.ingest  # noqa: E402
from tests.fuzzing import PDF_OPS, TEXT_OPS, Outcome, edit_pdf, edit_text, random_edits, run_check  # noqa: E402

REPORT = ROOT.parent / "shared" / "reports" / "zhushan-party-office-2024.txt"


def _kind(crash: str) -> str:
    """A crash message without the parts an edit changes (numbers inside quotes stay)."""
    return re.sub(r":\d+\)$", ")", crash)


def _minimal(kind: str, jobs: list[tuple[str, Path, list]], cases: list[tuple[str, list, int]]) -> list:
    """The shortest edit list among the cases of one crash kind, with every edit dropped
    that the crash does not need."""
    _name, edits, n = min(cases, key=lambda c: len(c[1]))
    what, source, _ = jobs[n - 1]
    edit = edit_text if what == "text" else edit_pdf
    suffix = ".txt" if what == "text" else ".pdf"

    def crashes_with(candidate: list) -> bool:
        with tempfile.NamedTemporaryFile(suffix=suffix) as fh:
            fh.write(edit(source.read_bytes(), candidate))
            fh.flush()
            return any(_kind(c) == kind for c in run_check(fh.name).crashes)

    edits = list(edits)
    for e in list(edits):
        if len(edits) > 1 and crashes_with([x for x in edits if x != e]):
            edits.remove(e)
    return edits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=2000, help="edited copies of the text report")
    ap.add_argument("--pdfs", type=int, default=100, help="damaged copies of the sample PDFs")
    ap.add_argument("--report", type=Path, default=REPORT)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per PDF (the reader's default)")
    ap.add_argument("--save", type=Path, help="directory for one reproducer of each kind of crash")
    args = ap.parse_args(argv)
    if args.cases and not args.report.exists():
        print(f"{args.report} is absent (../shared/reports is not beside this checkout)", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    original = narrative.ingest.read_source
    narrative.ingest.read_source = functools.partial(original, timeout=args.timeout)  # type: ignore[assignment]
    jobs: list[tuple[str, Path, list]] = []
    jobs += [("text", args.report, random_edits(rng, TEXT_OPS, rng.randint(1, 4))) for _ in range(args.cases)]
    pdfs = sorted((ROOT / "samples").glob("*.pdf"))
    jobs += [("pdf", rng.choice(pdfs), random_edits(rng, PDF_OPS, rng.randint(1, 3))) for _ in range(args.pdfs)]

    codes: collections.Counter[str] = collections.Counter()
    problems: list[tuple[str, list, list[str]]] = []
    crashes: dict[str, list[tuple[str, list, int]]] = collections.defaultdict(list)
    slowest: tuple[float, str, list] = (0.0, "", [])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="narrative-fuzz-") as tmp:
        for n, (kind, source, edits) in enumerate(jobs, start=1):
            data = (edit_text if kind == "text" else edit_pdf)(source.read_bytes(), edits)
            path = Path(tmp) / f"case{n}{'.txt' if kind == 'text' else '.pdf'}"
            path.write_bytes(data)
            out: Outcome = run_check(str(path))
            path.unlink()
            codes[f"{kind} exit {out.code}"] += 1
            if out.problems:
                problems.append((source.name, edits, out.problems))
            for c in out.crashes:
                crashes[_kind(c)].append((source.name, edits, n))
            if out.seconds > slowest[0]:
                slowest = (out.seconds, source.name, edits)
            if n % 200 == 0:
                print(f"  {n}/{len(jobs)} cases, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    narrative.ingest.read_source = original  # type: ignore[assignment]

    print(f"cases: {args.cases} text ({args.report.name}), {args.pdfs} PDF (samples/*.pdf); seed {args.seed}")
    print(f"total time: {time.perf_counter() - started:.1f} s")
    for key in sorted(codes):
        print(f"  {key}: {codes[key]}")
    tracebacks = sum(1 for _, _, ps in problems if any("exception escaped" in p or "traceback" in p for p in ps))
    print(f"tracebacks: {tracebacks}")
    print(f"other broken promises (exit code, JSON): {len(problems) - tracebacks}")
    for name, edits, ps in problems[:20]:
        print(f"  {name} {edits}: {ps}")
    print(f"rule crashes: {sum(len(v) for v in crashes.values())} cases, {len(crashes)} kinds")
    for kind, cases in sorted(crashes.items(), key=lambda kv: -len(kv[1])):
        name, edits, _ = min(cases, key=lambda c: len(c[1]))
        print(f"  {len(cases):4d}  {kind}")
        print(f"        replay: {name} {_minimal(kind, jobs, cases)}")
    if args.save and crashes:
        # Only the edits are saved: the report under ../shared must not be copied into the project.
        args.save.mkdir(parents=True, exist_ok=True)
        for k, (kind, cases) in enumerate(sorted(crashes.items()), start=1):
            name, edits, _data = min(cases, key=lambda c: len(c[1]))
            (args.save / f"crash-{k}.edits").write_text(f"{name}\t{edits!r}\t{kind}\n", encoding="utf-8")
    print(f"slowest case: {slowest[0]:.2f} s ({slowest[1]} {slowest[2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
