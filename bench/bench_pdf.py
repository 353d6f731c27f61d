"""Time narrative's PDF ingest against pdfminer.six's own ``extract_pages``.

    python bench/bench_pdf.py [PDF ...] [--repeat 3]

With no PDF given, the real reports in ../shared/reports/real are timed.  For each
file it prints milliseconds per page for

* ``extract_pages``: pdfminer.six with its default layout analysis (LAParams()),
  i.e. what any pdfminer-based reader pays at least;
* ``read_pdf``: narrative's ingest end to end (worker process start, pdfminer
  interpretation without layout analysis, table rebuilding, page assembly);

and the ratio read_pdf / extract_pages.  The goal is a ratio of at most 1.5 (our
rebuilding adds at most 50% on top of extract_pages).  The best of ``--repeat``
runs is reported, so a cold cache does not count.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pdfminer.high_level import extract_pages  # noqa: E402

from narrative.ingest.pdf import read_pdf  # noqa: E402

REAL = ROOT.parent / "shared" / "reports" / "real"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.pdf] or sorted(REAL.glob("*.pdf"))
    if not paths:
        print(f"no PDF given and {REAL} holds none", file=sys.stderr)
        return 2
    read_pdf(str(paths[0]))  # start the fork server once, as a long-running CLI would
    print(f"{'file':48s} {'pages':>5s} {'extract_pages':>14s} {'read_pdf':>10s} {'ratio':>6s}")
    tot_a = tot_b = 0.0
    tot_pages = 0
    for path in paths:
        pages = sum(1 for _ in extract_pages(str(path)))
        a = _best(lambda p=path: sum(1 for _ in extract_pages(str(p))), args.repeat)
        b = _best(lambda p=path: read_pdf(str(p)), args.repeat)
        tot_a += a
        tot_b += b
        tot_pages += pages
        print(
            f"{path.name[:48]:48s} {pages:5d} {a * 1000 / pages:11.1f} ms {b * 1000 / pages:7.1f} ms {b / a:6.2f}"
        )
    print(
        f"{'all':48s} {tot_pages:5d} {tot_a * 1000 / tot_pages:11.1f} ms "
        f"{tot_b * 1000 / tot_pages:7.1f} ms {tot_b / tot_a:6.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
