"""Binding the prose's 绩效 results to the 项目支出绩效自评表's indicators.

A report's 绩效 paragraphs restate the 实际完成值 of its indicators ("开展抓好档案数字化项目建设
1批次", "群众满意度达到 95%") in words close to the indicator's 三级指标 name.  A count or a
percentage that names no table subject is bound to an indicator's 实际完成值 only when the
match is unmistakable: the indicator's name (at least four characters) stands almost
verbatim in the clause before the figure (rapidfuzz partial ratio ≥ 90), no other indicator
comes close (the runner-up scores below 80), the units agree (a percentage with a percentage
indicator; a count whose unit the indicator's 年度指标值 writes: 批, 场, 篇 …), and the clause
states a result, not the target (目标, 计划, 指标值 … leave it unbound).  Anything less stays
unbound and is counted, never guessed.

Counts so bound are compared by CLM001 like any restated figure; percentages by CLM015.
"""

from __future__ import annotations

from .. import patterns
from ..model import Document, Fact, FactKey
from ..normalize import squash
from ..tables.self_eval import Indicator
from .model import Binding, Claim

MIN_NAME = 4
SURE = 90
RUNNER_UP = 80
TARGET_WORDS = patterns.compile(r"目标|计划|指标值|预期|力争|确保.{0,6}(?:不低于|不少于)")
PUNCT = patterns.compile(r"[\p{P}\p{S}\s\d]+")


def _key(text: str) -> str:
    return PUNCT.sub("", squash(text))


def _clause(c: Claim) -> str:
    """The words of the clause before the figure (from the last 。；! or the line's start)."""
    n = c.value
    assert n is not None
    text = c.block.norm
    start = max(text.rfind(p, 0, n.start) for p in "。;!?")
    return text[start + 1 : n.start]


def _units_agree(c: Claim, target: str, actual_unit: str | None) -> bool:
    n = c.value
    assert n is not None
    if n.percent or n.figure.percent:
        return actual_unit == "%" or "%" in target
    unit = (n.unit or "").strip()
    return bool(unit) and not n.money and unit[0] in target


def indicator_candidates(doc: Document) -> list[tuple[str, str, Indicator]]:
    """(table's project name, indicator key, Indicator) for every indicator with a numeric 实际完成值."""
    out: list[tuple[str, str, Indicator]] = []
    for t in doc.tables_of("SE"):
        se = t.extra.get("self_eval")
        if se is None:
            continue
        for ind in se.indicators:
            cell = ind.actual
            if cell is None or cell.figure is None or len(_key(ind.name)) < MIN_NAME:
                continue
            out.append((se.name, _key(ind.name), ind))
    return out


def bind_indicators(doc: Document, claims: list[Claim]) -> None:
    """Bind unbound counts and percentages of the prose to an indicator's 实际完成值 (see the
    module's docstring for when a match is sure enough)."""
    cands = indicator_candidates(doc)
    if not cands:
        return
    from rapidfuzz import fuzz, process

    # Candidates by key: a report whose tables repeat an indicator name scores that name once.
    # Equal keys score alike, so only the first candidate of a key can be the best and a
    # second one makes the runner-up as good as the best.
    of_key: dict[str, list[int]] = {}
    for i, (_, k, _) in enumerate(cands):
        of_key.setdefault(k, []).append(i)
    keys = list(of_key)
    for c in claims:
        if c.kind not in ("count", "percent", "rate") or c.binding is not None or c.value is None:
            continue
        if c.period != "year" or "share" in c.nums or "change" in c.words:
            continue
        clause = _clause(c)
        if TARGET_WORDS.search(clause):
            continue
        text = _key(clause)
        if len(text) < MIN_NAME:
            continue
        # Scored in C (partial_ratio is symmetric); only the keys that reach RUNNER_UP can
        # decide (a longer key's score is weighed by 0.9 after); the first candidate in table
        # order wins among equal best scores.
        scored = sorted((score if len(k) <= len(text) else score * 0.9, of_key[k][0], len(of_key[k]))
                        for k, score, _ in process.extract(text, keys, scorer=fuzz.partial_ratio,
                                                           score_cutoff=RUNNER_UP, limit=None))
        if not scored:
            continue
        scored.sort(key=lambda x: -x[0])  # stable: candidate order among equal scores
        best, first, copies = scored[0]
        name, _, ind = cands[first]
        second = best if copies > 1 else scored[1][0] if len(scored) > 1 else 0
        if best < SURE or second >= RUNNER_UP:
            continue
        if ind.actual is None or not _units_agree(c, ind.target, ind.actual.unit):
            continue
        cell = ind.actual
        key = FactKey("SE", f"indicator:{name}:{ind.name}", "actual")
        c.binding = Binding([Fact(key, cell, ind.name)], f"SE[{name}].{ind.name}.实际完成值")
        c.subject_id = c.subject_id or f"indicator:{name}"
        c.words["indicator"] = ind.name
        c.words["target"] = ind.target
        c.unbound = None


def bind_project_scores(doc: Document, claims: list[Claim]) -> None:
    """Bind a score stated for a project named in quotes ("对“2024年度党委办公经费”项目…自评得分
    90.52分") to that project's 自评表 总分, when the name finds its 自评表 (``find_project``: the
    same fuzzy match CLM009 compares it by).  CLM009 compares it; this only records which cell
    the figure restates, so that it no longer counts as unbound."""
    from .subjects import find_project

    for c in claims:
        if c.kind != "score" or c.binding is not None or not c.words.get("project"):
            continue
        t = find_project(doc, c.words["project"])
        if t is None:
            continue
        fact = t.facts.get(FactKey("SE", "total", "score"))
        if fact is None or fact.cell.figure is None:
            continue
        c.binding = Binding([fact], f"SE[{t.extra['self_eval'].name}].总分")
        c.unbound = None
