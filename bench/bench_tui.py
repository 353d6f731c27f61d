"""How soon the workbench shows a report's findings (the TUI issue: a text report in under a
second; a 40-page PDF with progress shown while it is read).

Runs the app headless (Textual's run_test, 160×48) on each file given (default: the slips
sample, and the Jiangxi text and a Shanghai PDF of ../shared/reports when present), from the
start of the app to the findings on screen, app start-up included, three times each; prints
the median and the load average (the machine is shared).  Prints numbers; asserts nothing.

    python bench/bench_tui.py [FILE...]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "reports"
DEFAULT = [ROOT / "samples" / "qinghe-xuanchuanbu-2024-slips.txt", SHARED / "zhushan-party-office-2024.txt",
           SHARED / "real" / "putuo-caizhengju-2024-final.pdf"]


async def _open(path: str) -> float:
    from narrative.tui.app import NarrativeApp

    start = time.monotonic()
    app = NarrativeApp([path])
    async with app.run_test(size=(160, 48)) as pilot:
        while app.analysis is None:
            await asyncio.sleep(0.01)
        await pilot.pause()
        return time.monotonic() - start


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or [p for p in DEFAULT if p.exists()]
    print(f"load average {os.getloadavg()[0]:.2f}")
    for f in files:
        times = [asyncio.run(_open(str(f))) for _ in range(3)]
        print(f"{f.name}: findings on screen after {statistics.median(times):.2f}s (median of 3: "
              + ", ".join(f"{t:.2f}" for t in times) + ")")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
