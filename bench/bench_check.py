"""Speed of `narrative check` on text reports: cold (a fresh process, as a batch
script runs it) and warm (extraction and checks in a running process).

Goals (issue 3): a cold check of one text report under 1 s; claim extraction on
the real report's prose under 50 ms warm.  Prints numbers; asserts nothing.

    python bench/bench_check.py [REPORT.txt ...]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT.parent / "shared" / "reports" / "zhushan-party-office-2024.txt",
           ROOT / "samples" / "qinghe-xuanchuanbu-2024.txt"]


def cold(path: Path, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "narrative.cli", "check", str(path), "--format", "json"],
                       capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return times


def warm(path: Path, runs: int = 20) -> dict[str, float]:
    from narrative.pipeline import ReadReport, check, extract, read_document

    doc, _ = read_document(str(path))
    check(ReadReport(str(path), doc, extract(doc)))  # load everything once (jieba, lexicons)
    load, extracting, checks = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc, _ = read_document(str(path))
        t1 = time.perf_counter()
        claims = extract(doc)
        t2 = time.perf_counter()
        check(ReadReport(str(path), doc, claims))
        t3 = time.perf_counter()
        load.append(t1 - t0)
        extracting.append(t2 - t1)
        checks.append(t3 - t2)
    return {"ingest+model": statistics.median(load), "claim extraction": statistics.median(extracting),
            "all checks": statistics.median(checks)}


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.exists()]
    for p in paths:
        c = cold(p)
        print(f"{p.name}: cold `narrative check`: median {statistics.median(c) * 1000:.0f} ms, "
              f"max {max(c) * 1000:.0f} ms over {len(c)} runs (goal < 1000 ms)")
        for k, v in warm(p).items():
            print(f"{p.name}: warm {k}: {v * 1000:.1f} ms")
    print("claim extraction goal (real report, warm): < 50 ms")


if __name__ == "__main__":
    main()
