"""The rating scale of a report's 绩效自评: the thresholds it states, else the national ones.

A 项目支出绩效自评 rates a project 优/良/中/差 from its 总分.  The national rule (财预〔2020〕10号,
项目支出绩效评价管理办法) is 优 ≥ 90, 良 80 to under 90, 中 60 to under 80, 差 under 60; a province
or a department may set its own and then states it in the report ("90分（含）以上为优，80分（含）
-90分为良…").  A rating is judged under the scale the report itself states, so a report whose
scale differs from the national one is never flagged for following its own; when the report
states two different scales, nothing is judged (the scale is unknown).

Shared by PRF006 (a rating without its score) and CLM009 (a score and its rating, rating counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .. import patterns
from ..claims.numbers import RATING_THRESHOLD_RE as THRESHOLD_RE
from ..model import Document, Loc

# 优秀/良好/合格/不合格 schemes read as the four grades of the national one.
GRADE = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "合格": "中",
         "差": "差", "较差": "差", "不合格": "差"}
ORDER = ("优", "良", "中", "差")

NATIONAL = {"优": Fraction(90), "良": Fraction(80), "中": Fraction(60)}


@dataclass(frozen=True)
class Scale:
    """Lower bounds of 优, 良 and 中 (差 is everything below 中); ``stated`` says where the report
    gives them (None: the national scale)."""

    lows: dict[str, Fraction]
    stated: Loc | None = None
    text: str = ""

    def grade(self, score: Fraction) -> str:
        for g in ("优", "良", "中"):
            if score >= self.lows[g]:
                return g
        return "差"

    def band(self, grade: str) -> tuple[Fraction, Fraction | None]:
        """[low, high) of a grade (high None for 优)."""
        g = GRADE.get(grade, grade)
        if g == "差":
            return Fraction(0), self.lows["中"]
        i = ORDER.index(g)
        return self.lows[g], (self.lows[ORDER[i - 1]] if i > 0 else None)

    def describe(self) -> str:
        lo = self.lows
        src = f"as the report states: {self.text}" if self.stated is not None else "national thresholds, 财预〔2020〕10号"
        return f"优 ≥ {lo['优']}, 良 {lo['良']}–{lo['优']}, 中 {lo['中']}–{lo['良']}, 差 < {lo['中']} ({src})"


NATIONAL_SCALE = Scale(NATIONAL)


def rating_scale(doc: Document) -> Scale | None:
    """The scale the report states, the national one when it states none, None when it states
    two that differ (or one that cannot be read whole: then nothing is judged)."""
    found: list[tuple[dict[str, Fraction], Loc, str]] = []
    for block in doc.blocks:
        if "为" not in block.norm and "属于" not in block.norm:
            continue  # every threshold names its grade with 为/评为/定为/评定为 or 属于
        ms = list(THRESHOLD_RE.finditer(block.norm))
        if not ms:
            continue
        lows: dict[str, Fraction] = {}
        below: Fraction | None = None
        for m in ms:
            g = GRADE[m.group("g")]
            a = Fraction(m.group("a"))
            b = Fraction(m.group("b")) if m.group("b") else None
            if b is not None:
                lows[g] = min(a, b)
            elif m.group("dir") in ("以上", "及以上"):
                lows[g] = a
            elif g == "差":
                below = a
        if below is not None and "中" not in lows:
            lows["中"] = below
        if not all(g in lows for g in ("优", "良", "中")) or not lows["优"] > lows["良"] > lows["中"]:
            if len(lows) >= 2:
                return None  # a scale the report states but that cannot be read whole
            continue
        text = block.text[ms[0].start() : ms[-1].end()]
        found.append(({g: lows[g] for g in ("优", "良", "中")}, block.loc(ms[0].start(), ms[-1].end()), text))
    if not found:
        return NATIONAL_SCALE
    if any(f[0] != found[0][0] for f in found[1:]):
        return None
    lows, loc, text = found[0]
    return Scale(lows, loc, patterns.sub(r"\s+", "", text))
