"""Speed of `narrative diff` (issue 13).  Prints numbers; asserts nothing.

Goals: a warm diff of two text reports of the Jiangxi report's size under 200 ms; a diff of
two PDFs within 1.2× the time of reading them.

* text: ../shared/reports/zhushan-party-office-2024.txt (≈900 lines) against an edited copy
  made here (years moved back one, every fifth figure of the prose and tables changed, two
  sentences reworded), written to a temporary directory.  "warm": both reports already read in
  a running process (the workbench's case), ``diff_reports`` timed; also reading + diff.
* PDF: the 万里街道 2024 and 2025 budgets (../shared/reports/real/): reading both
  (``read_report`` each) against ``narrative.api.diff`` (reading + diff), medians.

    python bench/bench_diff.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT.parent / "shared" / "reports"
TEXT = REPORTS / "zhushan-party-office-2024.txt"
PDFS = (REPORTS / "real" / "putuo-wanli-jiedao-2024-budget.pdf", REPORTS / "real" / "putuo-wanli-jiedao-2025-budget.pdf")


def edited_copy(src: Path, out: Path) -> None:
    """Last year's version of ``src``, as an editor would have left it: years one less, every
    fifth figure different, two sentences worded otherwise."""
    text = src.read_text(encoding="utf-8")
    text = regex.sub(r"(?<!\d)20(2[0-9])(?=\s*年)", lambda m: f"20{int(m.group(1)) - 1}", text)
    count = 0

    def bump(m: regex.Match[str]) -> str:
        nonlocal count
        count += 1
        if count % 5:
            return m.group(0)
        digits = m.group(0)
        last = str((int(digits[-1]) + 3) % 10)
        return digits[:-1] + last

    text = regex.sub(r"(?<![\d.])\d+\.\d{2}(?!\d)", bump, text)
    text = text.replace("主要原因", "主要是因为", 2)
    out.write_text(text, encoding="utf-8")


def text_bench(runs: int = 7) -> None:
    from narrative.diff import diff_reports
    from narrative.pipeline import read_report

    with tempfile.TemporaryDirectory(prefix="bench-diff-") as d:
        old = Path(d) / "zhushan-2023-edited.txt"
        edited_copy(TEXT, old)
        a, b = read_report(str(old)), read_report(str(TEXT))
        first = time.perf_counter()
        res = diff_reports(a, b)
        first = time.perf_counter() - first
        assert res.error is None, res.error
        warm, total, reading = [], [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            a, b = read_report(str(old)), read_report(str(TEXT))  # fresh documents: nothing cached on them
            t1 = time.perf_counter()
            res = diff_reports(a, b)
            t2 = time.perf_counter()
            reading.append(t1 - t0)
            warm.append(t2 - t1)
            total.append(t2 - t0)
        s = res.summary
        lines = len(TEXT.read_text(encoding="utf-8").split("\n"))
        print(f"text: {TEXT.name} ({lines} lines) against an edited copy: {s['cells_changed']} cells changed, "
              f"{s['sentences_numbers']} sentences with figures changed, {s['sentences_rewritten']} rewritten")
        print(f"  first diff in the process (jieba, rapidfuzz loaded): {first * 1000:7.1f} ms")
        print(f"  warm diff, both reports already read (median of {runs}): {statistics.median(warm) * 1000:7.1f} ms"
              f"   (goal < 200 ms)")
        print(f"  reading both reports:                  {statistics.median(reading) * 1000:7.1f} ms")
        print(f"  reading + diff:                        {statistics.median(total) * 1000:7.1f} ms")


def pdf_bench(runs: int = 3) -> None:
    from narrative.api import diff
    from narrative.pipeline import read_report

    reading, diffing = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        for p in PDFS:
            read_report(str(p))
        t1 = time.perf_counter()
        res = diff(str(PDFS[0]), str(PDFS[1]))
        t2 = time.perf_counter()
        assert res.error is None, res.error
        reading.append(t1 - t0)
        diffing.append(t2 - t1)
    r, dd = statistics.median(reading), statistics.median(diffing)
    print(f"PDF: {PDFS[0].name} against {PDFS[1].name}")
    print(f"  reading both:     {r:6.2f} s")
    print(f"  narrative diff:   {dd:6.2f} s   = {dd / r:4.2f} × reading   (goal ≤ 1.20)")


def main() -> int:
    if not TEXT.exists():
        print(f"{TEXT} is absent (../shared/reports is not beside this checkout)", file=sys.stderr)
        return 2
    text_bench()
    if all(p.exists() for p in PDFS):
        pdf_bench()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
