"""Speed and memory of `narrative check` over many reports (issue 17).

Generates report variants from the samples (text, and PDFs rendered by samples/make_pdfs.py),
each with some figures changed so that their findings differ, then runs the real command line
(`python -m narrative.cli check DIR --format jsonl --output …`, start-up included) and prints:

* files per second with --jobs 1 (in-process) and with --jobs = all cores, and the speed-up;
* the peak memory (VmHWM) of the parent process and of the largest worker, read from /proc
  while the run goes (Linux; elsewhere only the whole tree's peak from os.wait4);
* the parent's peak for a smaller and the full number of files: flat means the same;
* on a directory of `--compare` reports, the wall time of --jobs 2 against --jobs 1 (goal: at
  most 1/1.6 of it), the median of three runs each.

The load average is printed before and after each measurement: the machine is shared.
Prints numbers; asserts nothing.

    python bench/bench_batch.py                          # 200 reports, 4 of them PDF
    python bench/bench_batch.py --files 2000 --pdf 0 --small 200 --compare 30
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TEXTS = ["qinghe-xuanchuanbu-2023.txt", "qinghe-xuanchuanbu-2024.txt", "qinghe-xuanchuanbu-2024-slips.txt",
         "qinghe-xuanchuanbu-2024-text-slips.txt"]
FIGURE = re.compile(r"(?<![\d.])(\d{1,4})\.(\d\d)(?![\d.%])")


def vary(text: str, seed: int, changes: int = 3) -> str:
    """The report with ``changes`` figures moved by a few hundredths (deterministic per seed)."""
    rng = random.Random(seed)
    spots = list(FIGURE.finditer(text))
    out = text
    for m in sorted(rng.sample(spots, min(changes, len(spots))), key=lambda m: -m.start()):
        cents = int(m.group(1)) * 100 + int(m.group(2)) + rng.choice((-3, -2, -1, 1, 2, 3))
        out = out[: m.start()] + f"{max(cents, 0) // 100}.{max(cents, 0) % 100:02d}" + out[m.end():]
    return out


def generate(directory: Path, n: int, pdfs: int) -> None:
    """``n`` reports in ``directory`` (sub-folders of 100, as a region's folders), ``pdfs`` of them PDF."""
    sources = [(SAMPLES / name).read_text(encoding="utf-8") for name in TEXTS]
    make_pdf = None
    if pdfs:
        spec = importlib.util.spec_from_file_location("make_pdfs", SAMPLES / "make_pdfs.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_pdfs"] = module
        spec.loader.exec_module(module)
        make_pdf = module.make
    for k in range(n):
        folder = directory / f"county-{k // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = vary(sources[k % len(sources)], k)
        target = folder / f"report-{k:05d}.txt"
        target.write_text(text, encoding="utf-8")
        if k < pdfs and make_pdf is not None:
            make_pdf(target, target.with_suffix(".pdf"))
            target.unlink()


@dataclass
class Run:
    wall: float
    files: int
    parent_kib: int
    worker_kib: int  # the largest descendant (a worker, a fork server, a PDF reader)
    load_before: float
    load_after: float
    peaks: dict[int, int] = field(default_factory=dict)
    cpu: float = 0.0  # CPU seconds of the whole tree (user + system), from /proc

    @property
    def cores_used(self) -> float:
        """How many cores the run had on average: below the jobs asked, others were busy too."""
        return self.cpu / self.wall

    @property
    def rate(self) -> float:
        return self.files / self.wall


def _hwm(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _cpu(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    out: set[int] = set()
    todo = [root]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def check(directory: Path, jobs: int, files: int) -> Run:
    out = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    cmd = [sys.executable, "-m", "narrative.cli", "check", str(directory), "--jobs", str(jobs), "--format", "jsonl",
           "--output", str(out), "--quiet"]
    load = os.getloadavg()[0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    if Path("/proc").is_dir():
        while proc.poll() is None:
            for pid in {proc.pid, *_descendants(proc.pid)}:
                v = _hwm(pid)
                if v is not None:
                    peaks[pid] = max(peaks.get(pid, 0), v)
                c = _cpu(pid)
                if c is not None:
                    cpu[pid] = c
            time.sleep(0.2)
    else:  # no /proc: only the peak of the whole tree (the largest process), in KiB on Linux
        peaks[proc.pid] = os.wait4(proc.pid, 0)[2].ru_maxrss
    wall = time.perf_counter() - t
    checked = sum(1 for _ in out.open(encoding="utf-8")) - 1
    out.unlink()
    parent = peaks.get(proc.pid, 0)
    worker = max((v for pid, v in peaks.items() if pid != proc.pid), default=0)
    if checked != files:
        print(f"  warning: {checked} results for {files} files", file=sys.stderr)
    return Run(wall, files, parent, worker, load, os.getloadavg()[0], peaks, sum(cpu.values()))


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB" if kib else "n/a"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--files", type=int, default=200, help="reports to check (default 200)")
    p.add_argument("--pdf", type=int, default=4, help="how many of them are PDFs (default 4)")
    p.add_argument("--small", type=int, default=50, help="a smaller run, to see the parent's memory stay flat")
    p.add_argument("--compare", type=int, default=30, help="reports for the --jobs 2 vs --jobs 1 wall time")
    p.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                   else (os.cpu_count() or 1), help="all cores (default: this machine's)")
    args = p.parse_args()
    print(f"cores: {args.jobs}; load average now {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="narrative-bench-") as tmp:
        base = Path(tmp)
        if args.compare:
            cmp_dir = base / "compare"
            generate(cmp_dir, args.compare, 0)
            one, two = [], []
            for _ in range(3):
                one.append(check(cmp_dir, 1, args.compare))
                two.append(check(cmp_dir, 2, args.compare))
            w1 = statistics.median(r.wall for r in one)
            w2 = statistics.median(r.wall for r in two)
            loads = [r.load_before for r in one + two] + [r.load_after for r in one + two]
            for label, runs_ in (("--jobs 1", one), ("--jobs 2", two)):
                print(f"  {label}: " + ", ".join(f"{r.wall:.2f} s" for r in runs_))
            print(f"{args.compare} text reports, start-up included (median of 3): --jobs 1 {w1:.2f} s, "
                  f"--jobs 2 {w2:.2f} s: ratio {w2 / w1:.3f} (goal ≤ {1 / 1.6:.3f}); "
                  f"load average {min(loads):.2f}–{max(loads):.2f}")
        small_dir = base / "small"
        generate(small_dir, args.small, min(args.pdf, args.small))
        full_dir = base / "full"
        t = time.perf_counter()
        generate(full_dir, args.files, args.pdf)
        print(f"generated {args.files} reports ({args.pdf} PDF) in {time.perf_counter() - t:.1f} s")
        runs = {}
        for jobs in (1, args.jobs):
            r = check(full_dir, jobs, args.files)
            runs[jobs] = r
            print(f"--jobs {jobs}: {args.files} files in {r.wall:.1f} s = {r.rate:.2f} files/s "
                  f"({r.cpu:.0f} CPU s, {r.cores_used:.2f} cores on average); parent peak "
                  f"{mib(r.parent_kib)}, largest worker peak {mib(r.worker_kib)}; load {r.load_before:.2f} → "
                  f"{r.load_after:.2f}")
        if args.jobs > 1:
            print(f"speed-up {args.jobs} cores / 1: {runs[args.jobs].rate / runs[1].rate:.2f}× (goal ≥ 1.8× on 2)")
        s = check(small_dir, args.jobs, args.small)
        print(f"parent peak with --jobs {args.jobs}: {mib(s.parent_kib)} for {args.small} files, "
              f"{mib(runs[args.jobs].parent_kib)} for {args.files}: "
              f"growth {(runs[args.jobs].parent_kib - s.parent_kib) / 1024:+.1f} MiB")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
