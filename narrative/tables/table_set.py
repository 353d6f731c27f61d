"""The table set a report publishes, so that a table is called missing only when this
kind of report publishes it.

The sets are data (lexicons/table_sets.toml): the national ten-table 决算, the
Shanghai nine-table 决算 and 预算, the Jiangsu twelve-table 预算, a university's four
tables.  A report gets the set of its kind (决算 / 预算) that fits the tables it
prints and its 目录 lists best: covering all of them, then leaving out fewest of
its own.  What the report's own 目录 lists is published too.  A prose-only file (a
report published as two files, prose and tables) holds none of its tables, so
none is missing from it.
"""

from __future__ import annotations

from functools import cache

from .. import patterns
from ..lexicon import load_toml
from ..model import Document, Profile, TableSet, TocEntry
from .kinds import AMOUNT_KINDS, kind_from_title


@cache
def profiles() -> tuple[Profile, ...]:
    out = []
    for s in load_toml("table_sets.toml").get("set", []):
        out.append(Profile(s["id"], s["name"], s["kind"], tuple(s["tables"]), s.get("labelled")))
    return tuple(out)


def listed_tables(doc: Document) -> list[tuple[str, TocEntry]]:
    """The 目录 entries that name a table, with the table's kind.  An entry broken over two
    lines ("九、…培训费支" / "出预算表") is read joined."""
    out: list[tuple[str, TocEntry]] = []
    entries = doc.toc
    i = 0
    while i < len(entries):
        e = entries[i]
        text = patterns.sub(r"[.…·\s]+\d*$", "", e.text)
        kind = kind_from_title(text)
        if kind is None and i + 1 < len(entries):
            nxt = entries[i + 1].text
            if not patterns.match(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[(（])", nxt):
                kind = kind_from_title(text + patterns.sub(r"[.…·\s]+\d*$", "", nxt))
                if kind is not None:
                    i += 1
        if kind is not None and kind != "TOC":
            out.append((kind, e))
        i += 1
    return out


def table_set_of(doc: Document) -> TableSet:
    present = tuple(dict.fromkeys(t.kind for t in doc.tables if t.kind and t.kind != "TOC"))
    listed = tuple(listed_tables(doc))
    wanted = {k for k in present if k in AMOUNT_KINDS} | {k for k, _ in listed if k in AMOUNT_KINDS}
    labelled = any(t.label and t.label.startswith("公开") for t in doc.tables)
    best: Profile | None = None
    best_score: tuple[int, int] | None = None
    if wanted:
        for p in profiles():
            if doc.report_kind and p.kind != doc.report_kind:
                continue
            if p.labelled is not None and p.labelled != labelled:
                continue
            score = (len(wanted - set(p.tables)), len(set(p.tables) - wanted))
            if best_score is None or score < best_score:
                best, best_score = p, score
    publishes = list(best.tables) if best else []
    publishes += [k for k, _ in listed if k not in publishes]
    holds = any(k in AMOUNT_KINDS for k in present)
    return TableSet(best, tuple(publishes), listed, present, holds)
