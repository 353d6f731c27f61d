"""TXT006: the department's name misspelt, or another department's name left in the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from ... import patterns
from ...findings import Severity
from ...identity import normalise_department
from ...lexicon import load_toml
from ...model import Document
from ...normalize import fold, squash
from ...source import SourceLine
from ..base import Context, checker, declare
from ..text_support import ProseSpan, cell_spans, prose_spans, title_loc

TXT006 = declare("TXT006", "department-name", Severity.WARNING, "document", """
    The department's name is written differently in one place.

    What it checks: every place that writes a name one edit away (a character added, dropped,
    changed or swapped) from the department's name as most often written (the title's), in the
    prose, table headers and 自评表 cells; and table headers ("部门：", 主管部门) that name another
    department.  A name cut short at a cell's end (a PDF column) is not a slip.

    Why it matters: a misspelt or foreign name in a header points to a table or a form copied
    from another report.

    Example: the 自评表's 主管部门 "中共景德镇市珠山区区委办公室" (a doubled 区) while the title
    says 中共景德镇市珠山区委办公室.
    """)



# ---------------------------------------------------------------------- TXT006: department name
@cache
def _strict_slots() -> tuple[str, ...]:
    """Header labels whose value must be the department (or a unit it lists)."""
    d = load_toml("text_checks.toml").get("names", {})
    return tuple(squash(s) for s in d.get("strict", []))


@cache
def _slot_re() -> regex.Pattern[str]:
    """A strict header label and its value ("部门：中共…"), built once."""
    return patterns.compile(rf"\s*(?:{'|'.join(map(regex.escape, _strict_slots()))})\s*:\s*(\S+)")


@dataclass(frozen=True)
class NameUse:
    span: ProseSpan
    start: int
    end: int
    written: str


def _find_all(text: str, part: str) -> Iterator[int]:
    """Where ``part`` starts in ``text``, left to right, not overlapping (as ``regex.finditer``
    of the escaped text finds it, without a pattern look-up per call)."""
    a = text.find(part)
    while a >= 0:
        yield a
        a = text.find(part, a + len(part))


def _name_windows(text: str, name: str) -> Iterator[tuple[int, int, str, int]]:
    """Stretches of ``text`` within one edit of ``name``: (start, end, written, distance).
    Anchored on the name's first and last three characters, so a slip anywhere is found."""
    if name[:3] not in text and name[-3:] not in text:
        return  # no anchor, no window
    from rapidfuzz.distance import OSA

    n = len(name)
    seen: set[tuple[int, int]] = set()
    head, tail = name[:3], name[-3:]
    for a in _find_all(text, head):
        best: tuple[int, int, int] | None = None
        for d in (0, -1, 1, -2, 2):
            b = a + n + d
            if b > len(text) or b <= a:
                continue
            dist = OSA.distance(text[a:b], name, score_cutoff=2)
            if best is None or dist < best[2]:
                best = (a, b, dist)
        if best is not None and (best[0], best[1]) not in seen:
            seen.add((best[0], best[1]))
            yield best[0], best[1], text[best[0] : best[1]], best[2]
    for b in (a + len(tail) for a in _find_all(text, tail)):
        best = None
        for d in (0, -1, 1, -2, 2):
            a = b - n - d
            if a < 0 or a >= b:
                continue
            dist = OSA.distance(text[a:b], name, score_cutoff=2)
            if best is None or dist < best[2]:
                best = (a, b, dist)
        if best is not None and (best[0], best[1]) not in seen:
            seen.add((best[0], best[1]))
            yield best[0], best[1], text[best[0] : best[1]], best[2]


@dataclass
class NameCheck:
    canonical: str | None  # the department's name as most often written
    wrong: list[NameUse]  # places one edit away from it
    foreign: list[NameUse]  # header values naming another unit
    counts: dict[str, int]  # how often each spelling occurs


def department_name_uses(doc: Document) -> NameCheck:
    if not doc.department:
        return NameCheck(None, [], [], {})
    dept = squash(fold(doc.department))
    if len(dept) < 6:
        return NameCheck(dept, [], [], {})
    uses: list[NameUse] = []  # the name as written, exactly or one edit away
    head, tail = dept[:3], dept[-3:]  # every window of _name_windows starts with one or ends with the other

    def holds(text: str) -> bool:
        return head in text or tail in text

    spans = [s for s in prose_spans(doc) if holds(s.text)] + list(cell_spans(doc, rows=holds))
    for span in spans:
        text = span.text
        found: list[tuple[int, int, str, int]] = sorted(_name_windows(text, dept), key=lambda w: (w[3], w[0]))
        taken: list[tuple[int, int]] = []
        for a, b, written, dist in found:
            if dist > 1 or any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            if dist == 1:
                if b >= len(text.rstrip()) and dept.startswith(written):
                    continue  # cut short at the end of a cell or line
                if written[-1] != dept[-1] and b < len(text) and patterns.match(r"\p{Han}", text[b]):
                    continue  # a longer name sharing the beginning (…自然资源管理事务中心, 上海市XX中心)
                if written.startswith(dept) or dept in written:
                    continue
            uses.append(NameUse(span, a, b, written))
    counts: dict[str, int] = {}
    for u in uses:
        counts[u.written] = counts.get(u.written, 0) + 1
    # the name as most often written (the title's when tied): a misspelt title is then the odd one out
    canonical = max(counts, key=lambda k: (counts[k], k == dept)) if counts else dept
    wrong = [u for u in uses if u.written != canonical]
    return NameCheck(canonical, wrong, _foreign_headers(doc, canonical), counts)


UNITS_RE = patterns.compile(r"即\s*([^。]+)")


def _listed_units(doc: Document) -> list[str]:
    """Units the report says it covers ("…单位共 2 个，即 A（本级）、B")."""
    out: list[str] = []
    for b in doc.blocks[:80]:
        if "单位" in b.norm and "即" in b.norm:
            m = UNITS_RE.search(b.norm)
            if m:
                for part in patterns.split(r"[、,，;；]", m.group(1)):
                    p = squash(patterns.sub(r"\(本级\)|（本级）", "", part))
                    if len(p) >= 4:
                        out.append(p)
    return out


def _wrapped_rest(after: list[SourceLine]) -> str:
    """The rest of a header value wrapped in its cell: a bare fragment of a few characters on a
    line of its own below ("部门：中国共产党江苏省委员会办" / "单位：万元" / "公厅"), or ""."""
    for ln in after[:3]:
        t = squash(ln.norm)
        if patterns.fullmatch(r"\p{Han}{1,6}", t) and "表" not in t:
            return t
    return ""


def _foreign_headers(doc: Document, canonical: str) -> list[NameUse]:
    """Strict header slots ("部门：", 主管部门) naming a unit that is not the department."""
    from rapidfuzz.distance import OSA

    strict = _strict_slots()
    slot = _slot_re()
    units = [canonical, *_listed_units(doc)]
    out: list[NameUse] = []

    def ok(value: str) -> bool:
        v = squash(patterns.sub(r"\(本级\)|（本级）", "", value))
        if not v or len(v) < 4:
            return True
        for u in units:
            if v == u or u.startswith(v) or v.startswith(u) or OSA.distance(v, u, score_cutoff=2) <= 1:
                return True
            if normalise_department(v) == normalise_department(u):  # 中共江苏省委办公厅 = 江苏省委办公厅
                return True
        return False

    for t in doc.tables:
        for k, ln in enumerate(t.preamble):
            m = slot.match(ln.norm)
            if m and not ok(m.group(1) + _wrapped_rest(t.preamble[k + 1 :])):
                span = ProseSpan(ln.norm, "preamble", line=ln, table=t)
                out.append(NameUse(span, m.start(1), m.end(1), m.group(1)))
        for row in t.rows:
            cells = row.line.norm.split("\t")
            for i, c in enumerate(cells):
                if squash(c) in strict and squash(c) != "部门":
                    value = next((x for x in cells[i + 1 :] if x.strip()), "")
                    if value and not ok(value):
                        col = sum(len(x) + 1 for x in cells[: cells.index(value, i + 1)])
                        span = ProseSpan(value, "cell", line=row.line, col=col, table=t)
                        out.append(NameUse(span, 0, len(value), value.strip()))
    for b in doc.blocks:
        m = patterns.match(r"\s*主管部门\s*:\s*(\S+)", b.norm)
        if m and not ok(m.group(1)):
            out.append(NameUse(ProseSpan(b.norm, b.kind, block=b), m.start(1), m.end(1), m.group(1)))
    return out


@checker("TXT006")
def check_department_name(ctx: Context) -> None:
    doc = ctx.doc
    check = department_name_uses(doc)
    canonical = check.canonical
    if canonical is None:
        return
    title = title_loc(doc)
    total = sum(check.counts.values())
    for v in check.wrong:
        ctx.emit(TXT006, f"department name written {v.written}; the report calls itself {canonical}",
                 v.span.loc(v.start, v.end), v.span.raw(v.start, v.end), stated=v.written, computed=canonical,
                 explanation=f"one character differs from {canonical}, the spelling of "
                 f"{check.counts.get(canonical, 0)} of the {total} places that write the name in full; "
                 f"the title (line {title.line if title else '?'}) reads {doc.department}",
                 related=[title] if title else [], key=f"name:{v.written}")
    for v in check.foreign:
        ctx.emit(TXT006, f"header names {v.written}, not the department {canonical}",
                 v.span.loc(v.start, v.end), v.span.raw(v.start, v.end) or v.written, stated=v.written,
                 computed=canonical,
                 explanation=f"a table or form header must name the department of the report ({canonical}, title "
                 f"line {title.line if title else '?'}) or one of the units it lists; {v.written} is neither: the "
                 "table was probably copied from another report", related=[title] if title else [],
                 key=f"foreign:{v.written}")
