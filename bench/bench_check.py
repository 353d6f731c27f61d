"""Speed of `narrative check` on a text report: cold (a fresh process, as a batch script
runs it), warm (a second report checked in the same process) and the growth with the
length of the prose.

Goals (issue 16, on the Jiangxi text report): cold ≤ 0.4 s (median of 10 processes),
warm ≤ 100 ms (median of 50 in one process), and the prose repeated 64 times at most
4.5× the time of 16 times (linear is 4×).  The k× report is the real one with its
情况说明 (from "第三部分" up to "第四部分 名词解释") repeated k times in a row, so that
claims, shares, completion rates and near-duplicate sentences all grow with k.  Prints
numbers; asserts nothing.  The machine is shared: every figure is a median, and each is
given twice, as CPU time (user + system of the process: what the check costs, nearly
independent of other work on the machine) and as wall time (what a user waits, which on a
loaded machine includes waiting for a core).

    python bench/bench_check.py [REPORT.txt] [--cold 10] [--warm 50] [--scale 1,4,16,64]
    python bench/bench_check.py --by-checker [--times 16]   # CPU per stage and per checker
    python bench/bench_check.py --profile [--times 64]      # cProfile, top 30 by cumulative time

``--by-checker`` and ``--profile`` show where the time goes (on the report with its prose
repeated ``--times`` times, 1 by default) and skip the other measurements.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reports" / "zhushan-party-office-2024.txt"
FALLBACK = ROOT / "samples" / "qinghe-xuanchuanbu-2024.txt"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cold(path: Path, runs: int, bytecode: bool = True) -> tuple[list[float], list[float]]:
    """A whole `narrative check` process, start-up included: (CPU times, wall times).

    With ``bytecode`` the processes may cache compiled modules (in a temporary
    PYTHONPYCACHEPREFIX, written by one untimed run first), as an installed program does;
    an environment with PYTHONDONTWRITEBYTECODE set otherwise compiles every module of the
    project from source in every process."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
        cmd = [sys.executable, "-m", "narrative.cli", "check", str(path), "--format", "json"]
        subprocess.run(cmd, capture_output=True, check=False, env=env)
        cpu, wall = [], []
        for _ in range(runs):
            c, t = _children_cpu(), time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False, env=env)
            wall.append(time.perf_counter() - t)
            cpu.append(_children_cpu() - c)
    return cpu, wall


def timed_analyse(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """``analyse`` (read, model, claims, every check) in this process, after one run that loads
    the tokenizer, the lexicons and the rules: (CPU times, wall times)."""
    from narrative.api import analyse

    analyse(str(path))
    cpu, wall = [], []
    for _ in range(runs):
        c, t = time.process_time(), time.perf_counter()
        analyse(str(path))
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return cpu, wall


def by_checker(path: Path, runs: int) -> None:
    """CPU per stage (read and model, claims, checks) and per checker, medians of ``runs``
    after one warm-up run: which rule or stage a change of speed comes from."""
    from narrative import pipeline
    from narrative.api import analyse
    from narrative.checks import base
    from narrative.checks.runner import load_rules

    load_rules()
    times: dict[str, list[float]] = {}

    def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                times.setdefault(name, []).append(time.process_time() - t)
        return run

    saved = list(base.CHECKERS), pipeline.read_document, pipeline.extract, pipeline.check
    base.CHECKERS[:] = [base.CheckerEntry(timed(e.name, e.func), e.codes) for e in saved[0]]
    pipeline.read_document = timed("[read and model]", pipeline.read_document)  # type: ignore[assignment]
    pipeline.extract = timed("[claims]", pipeline.extract)  # type: ignore[assignment]
    pipeline.check = timed("[checks]", pipeline.check)  # type: ignore[assignment]
    try:
        analyse(str(path))
        times.clear()
        for _ in range(runs):
            analyse(str(path))
    finally:
        base.CHECKERS[:] = saved[0]
        pipeline.read_document, pipeline.extract, pipeline.check = saved[1:]
    codes = {e.name: ",".join(c for c in e.codes if c != "RND001") for e in saved[0]}
    med = {name: statistics.median(ts) for name, ts in times.items()}
    for name in sorted(med, key=lambda n: -med[n]):
        if med[name] >= 0.0005 or name.startswith("["):
            print(f"  {med[name] * 1000:8.1f} ms  {name} {codes.get(name, '')}")


def profile(path: Path, top: int = 30) -> None:
    """cProfile of one warm ``analyse``, the ``top`` functions by cumulative time."""
    import cProfile
    import pstats

    from narrative.api import analyse

    analyse(str(path))
    prof = cProfile.Profile()
    prof.enable()
    analyse(str(path))
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)


def ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms"


def scaled(source: Path, k: int) -> str:
    """The report with its 情况说明 repeated k times (the whole report when it has no such part)."""
    lines = source.read_text(encoding="utf-8").split("\n")
    starts = [i for i, ln in enumerate(lines) if ln.startswith("第三部分")]
    ends = [i for i, ln in enumerate(lines) if ln.startswith("第四部分")]
    start = starts[-1] if starts else 0
    end = next((e for e in ends if e > start), len(lines))
    return "\n".join(lines[:end] + lines[start:end] * (k - 1) + lines[end:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("report", nargs="?", type=Path, default=DEFAULT if DEFAULT.exists() else FALLBACK)
    ap.add_argument("--cold", type=int, default=10, help="processes for the cold median")
    ap.add_argument("--warm", type=int, default=50, help="runs for the warm median")
    ap.add_argument("--scale", default="1,4,16,64", help="prose multiples")
    ap.add_argument("--scale-runs", type=int, default=3, help="runs per multiple (median)")
    ap.add_argument("--by-checker", action="store_true", help="CPU per stage and per checker, then stop")
    ap.add_argument("--profile", action="store_true", help="cProfile top 30 of one warm run, then stop")
    ap.add_argument("--times", type=int, default=1, help="prose multiple for --by-checker / --profile")
    args = ap.parse_args()
    path: Path = args.report
    if args.by_checker or args.profile:
        with tempfile.TemporaryDirectory() as tmp:
            p = path
            if args.times != 1:
                p = Path(tmp) / f"x{args.times}-{path.name}"
                p.write_text(scaled(path, args.times), encoding="utf-8")
            print(f"{p.name}:")
            if args.by_checker:
                by_checker(p, max(1, args.scale_runs))
            if args.profile:
                profile(p)
        return
    if args.cold:
        c, w = cold(path, args.cold)
        print(f"{path.name}: cold `narrative check` ({len(c)} processes): CPU {ms(c)}, wall {ms(w)} "
              f"(goal ≤ 400 ms)")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            c, w = cold(path, args.cold, bytecode=False)
            print(f"  without bytecode (PYTHONDONTWRITEBYTECODE is set here): CPU {ms(c)}, wall {ms(w)}")
    if args.warm:
        c, w = timed_analyse(path, args.warm)
        print(f"{path.name}: warm check in one process ({len(c)} runs): CPU {ms(c)}, wall {ms(w)} "
              f"(goal ≤ 100 ms)")
    multiples = [int(k) for k in args.scale.split(",") if k]
    if multiples:
        medians: dict[int, float] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for k in multiples:
                p = Path(tmp) / f"x{k}-{path.name}"
                p.write_text(scaled(path, k), encoding="utf-8")
                c, w = timed_analyse(p, args.scale_runs)
                medians[k] = statistics.median(c)
                base = medians[multiples[0]]
                print(f"  {k:>3}× the prose: CPU {ms(c):>9} ({medians[k] / base:5.1f}× of {multiples[0]}×), "
                      f"wall {ms(w):>9}")
        if 16 in medians and 64 in medians:
            print(f"  64× / 16× (CPU) = {medians[64] / medians[16]:.2f} (goal ≤ 4.5; linear is 4)")


if __name__ == "__main__":
    main()
