"""CLM009: the prose about the self-evaluated projects against their 自评表.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from ... import patterns
from ...claims.model import Claim
from ...findings import Severity
from ...model import Document
from ...rounding import Interval, fmt
from ..base import Context, checker, declare
from ..claim_support import (
    claim_excerpt,
    emit_comparison,
    final_and_budget,
    sentence_end,
)
from ..rating_support import GRADE, rating_scale

if TYPE_CHECKING:
    from ...tables.self_eval import SelfEvaluation

CLM009 = declare("CLM009", "self-evaluation", Severity.ERROR, "prose", """
    A figure about the self-evaluated projects differs from the 自评表.

    What it checks: the number of self-evaluated projects, their money total (Σ 全年预算数 or Σ 全年执行数),
    rating counts, the average score, a named project's score and the rating stated with it, and a project's 执行率
    against the 项目支出绩效自评表 tables of the report.  Ratings follow the scale the report states ("85分（含）以上
    为优…"), else the national one (财预〔2020〕10号: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60); a report stating two
    different scales has its ratings left alone.

    Why it matters: the summary paragraph of 预算绩效 is written before or after the tables and rarely re-read.

    Example: "绩效项目自评平均分为 93 分" while the three 总分 are 90.52, 91.23 and 88 (average 89.92).
    """)

# ---------------------------------------------------------------------- CLM009 (self-evaluations)


@checker("CLM009", "RND001")
def check_self_evaluations(ctx: Context) -> None:

    doc = ctx.doc
    scale = rating_scale(doc)
    ses = [t.extra["self_eval"] for t in doc.tables_of("SE") if t.extra.get("self_eval") and t.extra["self_eval"].total_score]
    claims = ctx.claims
    # Computed once, not once per claim: both grow with the number of 自评表.
    scores = [se.total_score.figure.value for se in ses if se.total_score.figure]
    money_sums: dict[str, tuple[Interval, Fraction]] | None = None
    # per grade, the 自评表 with that grade; and their average: once, not once per claim (both
    # claims and 自评表 grow with the report, and a per-claim pass over the tables was quadratic)
    graded: dict[str, list[SelfEvaluation]] = {}
    if scale is not None:
        for se in ses:
            if se.total_score.figure:
                graded.setdefault(scale.grade(se.total_score.figure.value), []).append(se)
    average: tuple[Interval, Fraction] | None = None
    for c in claims:
        if c.value is None:
            continue
        n = c.value
        if c.kind in ("score", "average") and c.words.get("rating") and scale is not None:
            r = c.words["rating"]
            got_grade = scale.grade(n.figure.value)
            if GRADE.get(r, r) != got_grade:
                lo, hi = scale.band(r)
                ctx.emit(CLM009, f"score {n.display} is not rated '{r}' ({fmt(lo, 0)}–{fmt(hi, 0) if hi else 100})",
                         c.loc_of(), claim_excerpt(c), stated=f"{n.display} {r}", computed=got_grade,
                         explanation=f"rating bands: {scale.describe()}; {n.display} is '{got_grade}'",
                         key=f"{c.subject}:rating", claim=c)
        if not ses:
            continue
        if c.kind == "project_count":
            if int(n.figure.value) != len(ses):
                ctx.emit(CLM009, f"{n.display} self-evaluated projects stated, {len(ses)} 自评表 in the report",
                         c.loc_of(), claim_excerpt(c), stated=n.display, computed=str(len(ses)),
                         explanation="自评表: " + "、".join(se.name for se in ses), key=f"{c.subject}:count", claim=c)
        elif c.kind == "rating_count" and scale is not None:
            r = c.words.get("rating", "")
            got = graded.get(GRADE.get(r, r), [])
            if int(n.figure.value) != len(got):
                ctx.emit(CLM009, f"{n.display} projects rated '{r}' stated, {len(got)} in the 自评表",
                         c.loc_of(), claim_excerpt(c), stated=n.display, computed=str(len(got)),
                         explanation="总分: " + ", ".join(f"{se.name} {se.total_score.norm}" for se in ses)
                         + f"; {scale.describe()}", key=f"{c.subject}:{r}", claim=c)
        elif c.kind == "average" and scores:
            if average is None:
                total = Interval.point(0)
                for se in ses:
                    total = total + se.total_score.interval
                average = (total.scale(Fraction(1, len(ses))), sum(scores, Fraction(0)) / len(scores))
            iv, mid = average
            emit_comparison(ctx, CLM009, c, n, iv, mid, f"average score {n.display}, the 自评表 average "
                      f"{fmt(mid, 2)}", "(" + " + ".join(se.total_score.norm for se in ses) + f") / {len(ses)}",
                      "avg", key=f"{c.subject}:avg")
        elif c.kind == "score":
            from ...claims.subjects import find_project

            for name in [c.words["project"]] if c.words.get("project") else []:
                t = find_project(doc, name)
                if t is None:
                    continue
                se = t.extra["self_eval"]
                if se.total_score is None or se.total_score.figure is None:
                    break  # a 自评表 read without its 总分 (a row that lost its TABs): nothing to compare
                emit_comparison(ctx, CLM009, c, n, se.total_score.interval, se.total_score.figure.value,
                          f"{se.name}: score {n.display}, its 自评表 总分 is {se.total_score.norm}",
                          f"自评表 {se.name} 总分 (line {se.total_row.line.number})", "score",
                          key=f"{se.name}:score", related=[se.total_score.loc])
                break
        elif c.kind == "amount" and n.money and _about_self_evaluation(c):
            if money_sums is None:
                money_sums = _money_sums(ses)
            sums = money_sums
            if not sums:
                continue
            if any(n.wan.intersects(iv) for iv, _ in sums.values()):
                continue
            ctx.emit(CLM009, f"the self-evaluated projects' money {n.display} matches no column of their 自评表",
                     c.loc_of(), claim_excerpt(c), stated=n.display,
                     computed=fmt(sums.get("Σ 全年预算数", next(iter(sums.values())))[1], 2),
                     explanation="; ".join(f"{k} = {fmt(m, 2)} (rounding {fmt(iv.low, 3)}–{fmt(iv.high, 3)})"
                                           for k, (iv, m) in sums.items()), key=f"{c.subject}:money", claim=c)
        elif c.kind == "rate" and (_rate_project(doc, claims, c) or "").startswith("project:"):
            from ...claims.subjects import find_project

            t = find_project(doc, (_rate_project(doc, claims, c) or "")[8:])
            if t is None:
                continue
            se = t.extra["self_eval"]
            fund = next((v for k, v in se.funds.items() if "资金总额" in k), None)
            cell = fund.get("rate") if fund else None
            if cell is None or cell.figure is None or "执行" not in c.words.get("rate", ""):
                continue
            emit_comparison(ctx, CLM009, c, n, cell.interval, cell.figure.value,
                      f"{se.name}: 执行率 {n.display}, its 自评表 says {cell.norm}",
                      f"自评表 {se.name} 执行率 (line {cell.line.number})", "rate", key=f"{se.name}:rate")


def _money_sums(ses: list[SelfEvaluation]) -> dict[str, tuple[Interval, Fraction]]:
    """Σ of each money column of the 自评表' 资金总额 rows (interval, value), for the columns
    every 自评表 fills."""
    sums: dict[str, tuple[Interval, Fraction]] = {}
    for col, label in (("full_budget", "Σ 全年预算数"), ("executed", "Σ 全年执行数"),
                       ("initial_budget", "Σ 年初预算数")):
        iv, mid, ok = Interval.point(0), Fraction(0), True
        for se in ses:
            fund = next((v for k, v in se.funds.items() if "资金总额" in k), None)
            cell = fund.get(col) if fund else None
            if cell is None or cell.figure is None:
                ok = False
                break
            iv, mid = iv + cell.interval, mid + cell.figure.value
        if ok:
            sums[label] = (iv, mid)
    return sums


def _rate_project(doc: Document, claims: list[Claim], c: Claim) -> str | None:
    """The project whose 执行率 a rate claim states: the project of the figure it follows."""
    final, *_ = final_and_budget(doc, claims, c)
    ref = final or c.refs.get("amount")
    return ref.subject_id if ref is not None else None


def _about_self_evaluation(c: Claim) -> bool:

    sent_start = max(c.block.norm.rfind(p, 0, c.start) for p in "。!?！？")
    sentence = c.block.norm[sent_start + 1 : sentence_end(c.block.norm, c.start)]
    return bool(patterns.search(r"自评", sentence) and patterns.search(r"项目", sentence)
                and patterns.fullmatch(r"(?:共)?(?:涉及)?(?:项目)?(?:资金|金额)(?:总额|合计)?", c.subject))
