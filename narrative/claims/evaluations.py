"""The money of the projects a 部门评价 covers: "组织对 1 个项目开展了部门评价，为：X。涉及一般公共预算
支出 154.4 万元" (the Jiangxi template) states what project X spent.

The figure is read as a "covered" amount (涉及: the money something covers), which names no
subject of the tables; here, when the paragraph lists the evaluated projects and every name finds
its 项目支出绩效自评表 (``find_project``), it is bound to their 全年执行数 and marked
``words["evaluated"]`` with the names.  CLM016 compares it (a 全年预算数 is accepted too: 涉及 can
name the money granted); CLM001 leaves it alone.  Only the first figure after 涉及 is the
projects' (一般公共预算支出); 政府性基金 and 国有资本 figures stay unbound.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..model import Document, Fact, FactKey
from .model import Binding, Claim

EVALUATED_RE = patterns.compile(
    r"对\s*(?P<n>\d+)\s*个项目开展了?部门(?:绩效)?评价[,，]?\s*(?:分别)?(?:为|是)\s*[:：]?\s*(?P<names>[^。；;]+)[。；;]\s*$")


def bind_evaluated_projects(doc: Document, claims: list[Claim]) -> None:
    from .subjects import find_project

    for c in claims:
        if c.kind != "amount" or c.binding is not None or c.value is None or not c.value.money:
            continue
        norm = c.block.norm
        s0 = max(norm.rfind(p, 0, c.start) for p in "。；;") + 1
        if not regex.fullmatch(r"\s*涉及(?:一般公共预算)?(?:财政拨款)?(?:支出|资金)?\s*", norm[s0 : c.value.start]):
            continue
        m = EVALUATED_RE.search(norm[:s0])
        if m is None:
            continue
        names = [n.strip(" “”\"") for n in regex.split(r"[、,，]", m.group("names")) if n.strip(" “”\"")]
        if len(names) != int(m.group("n")):
            continue  # the count and the list disagree (CLM008's): which projects is unsure
        tables = [find_project(doc, n) for n in names]
        if any(t is None for t in tables) or len({id(t) for t in tables}) != len(tables):
            continue
        facts: list[Fact] = []
        for t in tables:
            se = t.extra["self_eval"]  # type: ignore[union-attr]
            label = se.fund_total_label
            f = t.facts.get(FactKey("SE", f"fund:{label}", "executed")) if label else None  # type: ignore[union-attr]
            if f is None or f.cell.figure is None:
                break
            facts.append(f)
        else:
            c.binding = Binding(facts, " + ".join(f"SE[{t.extra['self_eval'].name}].executed" for t in tables))  # type: ignore[union-attr]
            c.unbound = None
            c.words["evaluated"] = "、".join(names)
            if len(names) == 1:
                c.subject_id = f"project:{names[0]}"
