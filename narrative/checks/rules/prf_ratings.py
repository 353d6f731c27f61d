"""PRF006: a rating (优/良/中/差) that does not follow from its 自评表's 总分.
"""

from __future__ import annotations

import regex

from ... import patterns
from ...claims.subjects import find_project
from ...findings import Severity
from ...model import Block, Document, Loc, Table
from ...rounding import fmt
from ...tables.self_eval import SelfEvaluation
from ..base import Context, checker, declare
from ..rating_support import GRADE, Scale, rating_scale

PRF006 = declare("PRF006", "rating-not-from-score", Severity.ERROR, "document", """
    A rating (优/良/中/差) that does not follow from its 自评表's 总分.

    What it checks: the rating a 项目支出绩效自评表 prints beside its 总分 (a 评价等级 / 自评等级 cell),
    and a rating the prose gives a named project without stating its score ("组织对 1 个项目开展了部门
    评价，为：X。…评价等级为“良”"), against the grade of that table's 总分.  The scale is the one the
    report states ("90分（含）以上为优，80分（含）-90分为良，60分（含）-80分为中，60分以下为差"),
    else the national one (财预〔2020〕10号: 优 ≥ 90, 良 80 to under 90, 中 60 to under 80, 差 under 60);
    a report stating two different scales is not judged.  A prose rating stated with its score
    ("得分 86.00 分，评价等级为“良”") is CLM009's, which judges it on the same scale; so are the
    rating counts ("1 个项目评价结果为“优”").  A prose rating is bound only when exactly one
    自评表 project is named where it is said (its sentence, else its paragraph); ratings of the
    department as a whole (部门整体, 整体自评) have no 自评表 and are left alone.

    Why it matters: the rating is what readers remember; a rating left from a draft or copied from
    another project contradicts the score the table computes.

    Example: 总分 95.50 while the paragraph on the same project says 评价等级为“良” (95.50 is 优).
    """)

RATING_RE = patterns.compile(r"(?:评价|自评|绩效)?(?:等级|结果|评级)(?:为|是|[:：])\s*[“\"'‘「]?(?P<g>优秀|良好|中等|不合格|较差|合格|优|良|中|差)(?![\p{Han}])")
CELL_LABEL_RE = patterns.compile(r"^(?:自评|评价|绩效)?(?:等级|评级|评价结果|自评结果)$")
CELL_RATING_RE = patterns.compile(r"^(?:(?:自评|评价|绩效)?(?:等级|评级|结果)[:：])?\s*[“\"]?(?P<g>优秀|良好|中等|不合格|较差|合格|优|良|中|差)[”\"]?$")
SCORE_RE = patterns.compile(r"\d+(?:\.\d+)?\s*分")
WHOLE_RE = patterns.compile(r"部门整体|整体自评|整体支出|整体绩效")
LIST_RE = patterns.compile(r"(?:分别)?为[:：](?P<names>[^。；;]+)")


@checker("PRF006")
def check_ratings(ctx: Context) -> None:
    scale = rating_scale(ctx.doc)
    if scale is None:
        return
    for table in ctx.doc.tables_of("SE"):
        se: SelfEvaluation | None = table.extra.get("self_eval")
        if se is not None and se.total_score is not None and se.total_score.figure is not None:
            _table_rating(ctx, scale, table, se)
    for block in ctx.doc.blocks:
        for m in RATING_RE.finditer(block.norm):
            _prose_rating(ctx, scale, block, m)


def _table_rating(ctx: Context, scale: Scale, table: Table, se: SelfEvaluation) -> None:
    assert se.total_score is not None and se.total_score.figure is not None
    score = se.total_score.figure.value
    for row in table.rows:
        texts = [patterns.sub(r"\s+", "", c.norm) for c in row.cells]
        for i, t in enumerate(texts):
            m = CELL_RATING_RE.match(t)
            if m is None or not (":" in t or "：" in t or any(CELL_LABEL_RE.match(x) for x in texts[:i])):
                continue
            g = GRADE[m.group("g")]
            if g == scale.grade(score):
                continue
            cell = row.cells[i]
            ctx.emit(PRF006, f"{se.name or '项目'}: rated '{m.group('g')}' but its 总分 {se.total_score.norm} is "
                     f"'{scale.grade(score)}'", Loc.at(cell.line), t, stated=m.group("g"), computed=scale.grade(score),
                     explanation=f"总分 {se.total_score.norm} (line {se.total_score.line.number}); {scale.describe()}",
                     related=[se.total_score.loc], key=f"SE:{se.name}:rating")


def _prose_rating(ctx: Context, scale: Scale, block: Block, m: regex.Match[str]) -> None:
    norm = block.norm
    s0 = max(norm.rfind(p, 0, m.start()) for p in "。!?！？;；") + 1
    clause0 = max(norm.rfind(p, 0, m.start()) for p in "。!?！？;；，,") + 1
    sentence = norm[s0 : m.start()]
    if WHOLE_RE.search(sentence) or SCORE_RE.search(norm[clause0 : m.start()]) or SCORE_RE.search(sentence):
        return  # the department as a whole, or a rating stated with its score (CLM009)
    # the project named in the rating's own clause, else in its sentence, else listed in its paragraph
    table = (_one_project(ctx.doc, norm[clause0 : m.start()]) or _one_project(ctx.doc, norm[s0 : m.start()])
             or _one_project(ctx.doc, norm[: m.start()], listed=True))
    if table is None:
        return
    se: SelfEvaluation = table.extra["self_eval"]
    if se.total_score is None or se.total_score.figure is None:
        return
    g = GRADE[m.group("g")]
    want = scale.grade(se.total_score.figure.value)
    if g == want:
        return
    lo, hi = scale.band(want)
    ctx.emit(PRF006, f"{se.name}: rated '{m.group('g')}', but its 自评表 总分 {se.total_score.norm} is '{want}'",
             block.loc(m.start("g"), m.end("g")), block.text[s0 : m.end() + (norm[m.end() : m.end() + 1] in "”\"'’」")].strip(),
             stated=m.group("g"), computed=want,
             explanation=f"自评表 {se.name} 总分 {se.total_score.norm} (line {se.total_score.line.number}) lies in "
             f"{fmt(lo, 0)}–{fmt(hi, 0) if hi is not None else 100}; {scale.describe()}",
             related=[se.total_score.loc], key=f"prose:{se.name}:rating")


def _one_project(doc: Document, text: str, listed: bool = False) -> Table | None:
    """The one 自评表 project the text names: quoted names (“X”), or with ``listed`` the names a
    paragraph lists after 为：/分别为：; None when none or several are named."""
    names = patterns.findall(r"[“\"]([^”\"]{3,40})[”\"]", text)
    if listed:
        lm = None
        for lm in LIST_RE.finditer(text):  # noqa: B007 - the last list before the rating
            pass
        if lm is not None:
            names += [n for n in patterns.split(r"[、,，]", lm.group("names")) if n.strip()]
    found = {id(t): t for t in (find_project(doc, n.strip()) for n in names) if t is not None}
    return next(iter(found.values())) if len(found) == 1 else None
