"""Binding the prose's 绩效 targets to the 年度指标值 of the 自评表 indicator they restate.

A report states targets as well as results: "阶段性目标：…全年开展理论宣讲场次不少于 120 场",
"绩效目标为群众满意度不低于 95%".  The reading of results (``indicators.py``) leaves a clause
with a target word (目标, 计划, 指标值 …) alone; here such a figure is bound to the indicator whose
三级指标 name stands almost verbatim in the words just before it (the part of the clause after
its last comma or colon), with the same confidence rules: the name has at least four
characters, it scores ≥ 90 (rapidfuzz partial ratio) and no other indicator reaches 80, the
units agree, and the indicator's 年度指标值 holds a number ("≥110场", "≥98%", "=154.4 万元").
The binding is recorded (``words["target_of"]``, the 年度指标值 cell) and CLM017 compares the
figures; anything less stays unbound and is counted.
"""

from __future__ import annotations

from .. import patterns
from ..model import Document, Fact, FactKey
from .indicators import MIN_NAME, RUNNER_UP, SURE, TARGET_WORDS, _key, _units_agree, indicator_candidates
from .model import Binding, Claim

TARGET_NUMBER = patterns.compile(r"\d+(?:\.\d+)?")


def bind_indicator_targets(doc: Document, claims: list[Claim]) -> None:
    cands = [(name, k, ind) for name, k, ind in indicator_candidates(doc) if TARGET_NUMBER.search(ind.target)]
    if not cands:
        return
    from rapidfuzz import fuzz

    for c in claims:
        if c.kind not in ("count", "percent", "rate") or c.binding is not None or c.value is None:
            continue
        if c.period != "year" or "share" in c.nums or "change" in c.words:
            continue
        n = c.value
        text = c.block.norm
        s0 = max(text.rfind(p, 0, n.start) for p in "。;!?；") + 1
        if not TARGET_WORDS.search(text[s0 : n.start]):
            continue
        near = _key(text[max(text.rfind(p, s0, n.start) for p in ",，:：、") + 1 : n.start])
        if len(near) < MIN_NAME:
            continue
        scored = sorted(((fuzz.partial_ratio(k, near) if len(k) <= len(near) else fuzz.partial_ratio(near, k) * 0.9,
                          name, ind) for name, k, ind in cands), key=lambda x: -x[0])
        best, name, ind = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0
        if best < SURE or second >= RUNNER_UP:
            continue
        if not _units_agree(c, ind.target, "%" if "%" in ind.target else None):
            continue
        cell = next((x for x in ind.row.cells if x.norm == ind.target), None)
        if cell is None:
            continue
        key = FactKey("SE", f"indicator:{name}:{ind.name}", "target")
        c.binding = Binding([Fact(key, cell, ind.name)], f"SE[{name}].{ind.name}.年度指标值")
        c.unbound = None
        c.subject_id = c.subject_id or f"indicator:{name}"
        c.words["target_of"] = ind.name
        c.words["target"] = ind.target
        c.words.pop("describes", None)
