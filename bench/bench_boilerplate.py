"""Speed of the boilerplate and text rules (DUP/TXT/YOY) on a long report.

Goal (issue 4): grouping the near-duplicate sentences of a 300-paragraph report takes
< 0.5 s.  The report is built from the real one (or any report given) by repeating its
prose paragraphs with their numbers perturbed until there are 300 of them, so the grouping
has many true near-duplicates ("only the numbers changed") to find, as well as the
template-parallel sentences it must leave alone.  Prints numbers; asserts nothing.

    python bench/bench_boilerplate.py [REPORT.txt]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "reports" / "zhushan-party-office-2024.txt"
FALLBACK = ROOT / "samples" / "qinghe-xuanchuanbu-2024.txt"


def build_long_report(source: Path, paragraphs: int = 300, seed: int = 4) -> str:
    """The source report with its prose paragraphs repeated (numbers perturbed) until the
    document holds ``paragraphs`` prose paragraphs; tables and headings are kept once."""
    from narrative.api import load_document

    rnd = random.Random(seed)
    lines = source.read_text(encoding="utf-8").split("\n")
    have = sum(1 for b in load_document(str(source)).blocks if b.kind in ("paragraph", "note"))
    prose = [ln for ln in lines if len(ln) > 30 and "\t" not in ln and regex.search(r"。\s*$", ln)]
    extra: list[str] = []
    while have + len(extra) // 2 < paragraphs:
        ln = rnd.choice(prose)
        ln = regex.sub(r"\d+\.\d+", lambda m: f"{float(m.group(0)) * rnd.uniform(0.5, 1.5):.2f}", ln)
        extra += ["", ln]
    return "\n".join(lines + ["", "第六部分 附录（基准测试用重复段落）", ""] + extra) + "\n"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else (DEFAULT if DEFAULT.exists() else FALLBACK)
    text = build_long_report(source)
    from narrative.api import check_document as run_checks
    from narrative.api import load_document
    from narrative.checks.rules.dup_near import sentence_units
    from narrative.pipeline import extract
    from narrative.textsim import group, near_duplicates

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-report.txt"
        target = 300
        while True:  # some repeated lines become headings: add until 300 prose paragraphs
            path.write_text(text, encoding="utf-8")
            doc = load_document(str(path))
            paras = sum(1 for b in doc.blocks if b.kind in ("paragraph", "note"))
            if paras >= 300:
                break
            target += 300 - paras
            text = build_long_report(source, target)
        units, _ = sentence_units(doc, extract(doc).claims)
        run_checks(doc, select=["DUP", "TXT"])  # warm: lexicons, jieba's dictionary, claims
        grouping, rules = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            matches = near_duplicates(units)
            groups = group(units, matches)
            t1 = time.perf_counter()
            run_checks(doc, select=["DUP", "TXT"])
            t2 = time.perf_counter()
            grouping.append(t1 - t0)
            rules.append(t2 - t1)
        print(f"{source.name} → {paras} prose paragraphs, {len(units)} sentences compared")
        print(f"  near-duplicate grouping: {statistics.median(grouping) * 1000:7.1f} ms median "
              f"({len(matches)} pairs, {len(groups)} groups; goal < 500 ms)")
        print(f"  all DUP + TXT rules:     {statistics.median(rules) * 1000:7.1f} ms median (claims included)")
        real = load_document(str(source))
        t0 = time.perf_counter()
        run_checks(real, select=["DUP", "TXT", "YOY"])
        print(f"  {source.name} alone, DUP + TXT + YOY rules cold in-process (claims included): "
              f"{(time.perf_counter() - t0) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
