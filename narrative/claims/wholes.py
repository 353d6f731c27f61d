"""Wholes and their parts: which figures after 其中 are parts of which figure before it.

"W，其中：A a、B b、C c" makes A, B and C parts of W, to be added up (CLM007) and to take
their shares of (CLM004).  Position alone is not enough, and a wrong whole is a false alarm:

* **Asides.**  "收入预算 490,808.40 万元（本年预算收入 390,140.45 万元），其中：…" lists the
  parts of 490,808.40; a figure in brackets is a remark on the whole, not the whole.
* **Other classifications.**  "专任教师 3,233 人，其中正高级职称 795 人、副高级职称 1,336 人，
  博士生导师 561 人、硕士生导师 1,738 人": 、 joins the parts of one classification, and a
  ，between two such runs starts another classification of the same whole (a professor can
  be a doctoral supervisor).  Only the first run is a breakdown of the whole.
* **The two sides of an account.**  "收支总预算 557,259.13 万元，其中本年收入预算…，上年结转…；
  本年支出预算…，结转下年…": the income lines add up to the whole, and so do the expenditure
  lines; together they are counted twice.  Only the first side is taken.
* **Things that are not kinds of the whole.**  "102 个本科专业，其中国家级一流本科专业建设点 62 个、
  重庆市一流本科专业建设点 81 个": when a count names what it counts after the number (N 个X),
  a part must be named as a kind of X (its name ends with X's); a 建设点 is a designation that
  a 专业 can hold at two levels, not a kind of 专业.

The scope of a whole passes to its parts: "财政拨款支出预算 230,876.38 万元，…其中教育支出
208,613.34 万元" is a 财政拨款 figure though its own words do not say so.
"""

from __future__ import annotations

from .. import patterns
from ..model import Block
from .model import Claim

# Parts of one whole stated by their own subjects; subject ids of a part and its whole where the
# names alone do not show it (a vehicle kind of 公开10 is a part of the vehicles it holds).
KNOWN_PARENTS = {"assets.vehicle_kind": "assets.vehicles_total"}


def _in_brackets(text: str, start: int, at: int) -> bool:
    """Is position ``at`` inside an unclosed bracket opened after ``start``?"""
    depth = 0
    for ch in text[start:at]:
        if ch in "(（":
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
    return depth > 0


def _side(c: Claim) -> str | None:
    sid = c.subject_id or ""
    if sid.startswith("income."):
        return "income"
    if sid.startswith(("exp.", "class:", "econ.")):
        return "exp"
    return None


def _kind_of(part: Claim, whole: Claim) -> bool:
    """May ``part`` be a part of ``whole`` by what the two count?"""
    if part.kind == "amount":
        return True
    if part.subject_id and KNOWN_PARENTS.get(part.subject_id) == whole.subject_id:
        return True
    noun = whole.words.get("counted_after")
    if not noun:
        return True  # "实有人员 17 人，其中在职 11 人": the noun is before the number
    return part.subject.endswith(noun) or part.subject.endswith(noun[-2:])


def link_parts(block: Block, s0: int, s1: int, sent_claims: list[Claim]) -> list[Claim]:
    """Set ``refs["whole"]`` on the parts after 其中 in the sentence [s0, s1) of ``block``;
    returns the parts whose funding scope came from their whole (their binding must be
    redone).  Only the figures written in this sentence count: a change attached to an
    amount of an earlier paragraph does not bring that amount here."""
    text = block.norm
    figures = sorted({id(c): c for c in sent_claims if c.value is not None and c.kind in ("amount", "count", "list_count")
                      and c.block is block and s0 <= c.value.start < s1}.values(),
                     key=lambda c: c.value.start)  # type: ignore[union-attr]
    rescoped: list[Claim] = []
    for i, w in enumerate(figures):
        wv = w.value
        assert wv is not None
        nxt = figures[i + 1].value.start if i + 1 < len(figures) else len(text)  # type: ignore[union-attr]
        m = patterns.search("其中", text[wv.end : nxt])
        if m is None:
            continue
        zpos = wv.end + m.start()
        whole = w
        if _in_brackets(text, s0, wv.start) and i > 0:
            whole = figures[i - 1]  # "W（本年预算收入 X），其中：" lists the parts of W
        parts = [x for x in figures[i + 1 :] if x.value.start > zpos and x is not whole  # type: ignore[union-attr]
                 and x.value.money == whole.value.money  # type: ignore[union-attr]
                 and (x.value.money or x.value.unit == whole.value.unit)  # type: ignore[union-attr]
                 and x.role == whole.role and x.period == whole.period
                 and not _in_brackets(text, s0, x.value.start)]  # type: ignore[union-attr]
        parts = _first_run(text, parts)
        parts = _one_side(parts)
        parts = [p for p in parts if _kind_of(p, whole)]
        for p in parts:
            p.refs["whole"] = whole
            if (p.kind == "amount" and p.words.get("scope_by") == "section" and p.scope == "all"
                    and whole.scope in ("fiscal", "gpb")):
                p.scope = whole.scope
                rescoped.append(p)
    return rescoped


def _first_run(text: str, parts: list[Claim]) -> list[Claim]:
    """The parts of the first classification: when 、 joins parts and ，/； separates runs of
    them, only the first run (one classification) is a breakdown of the whole."""
    if len(parts) < 2:
        return parts
    seps = [text[a.end : b.value.start] for a, b in zip(parts, parts[1:], strict=False)]  # type: ignore[union-attr]
    joined = ["、" in s and not patterns.search(r"[,，;；]", s) for s in seps]
    if any(joined) and not all(joined):
        out = [parts[0]]
        for p, j in zip(parts[1:], joined, strict=True):
            if not j:
                break
            out.append(p)
        return out
    return parts


def _one_side(parts: list[Claim]) -> list[Claim]:
    """Parts up to where they cross from the income side of the account to the expenditure
    side (or back)."""
    first = next((s for s in map(_side, parts) if s is not None), None)
    if first is None:
        return parts
    out: list[Claim] = []
    for p in parts:
        s = _side(p)
        if s is not None and s != first:
            break
        out.append(p)
    return out
