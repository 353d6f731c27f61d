"""Number tokens in prose: every number, with its unit and qualifier, or a reason to skip it.

Numbers are found by regular expression on the folded text (jieba would split
"1,234.56" and cannot hold "台（套）").  A number is either a quantity (money,
percentage, count, score) or something that only looks like one: a year, a
date, a document number (〔2022〕5号), an enumerator ("(1)", "1."), a
threshold inside a subject name ("单价 100 万元（含）以上设备").  ``claims``
lists both kinds, so a reviewer sees what was checked and what was not.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from .. import patterns
from ..rounding import Figure, Interval

MONEY_UNITS = {"万元": Fraction(1), "元": Fraction(1, 10000), "亿元": Fraction(10000), "万": Fraction(1)}
COUNT_UNITS = [
    "台(套)", "辆(台)", "人次", "批次", "场次", "篇次", "户次", "个", "人", "批", "辆", "台", "套", "件", "篇", "次", "项", "份", "家", "卷",
    "期", "起", "条", "场", "名", "户", "所", "座", "处", "本", "册", "部", "个百分点",
]
# Units that count whole things (people, units, vehicles, documents, times): a whole number
# of them is exact, not rounded.  "个百分点" measures a difference of percentages: not a count.
EXACT_UNITS = frozenset(u for u in COUNT_UNITS if u != "个百分点")
UNIT_RE = "|".join(regex.escape(u) for u in sorted([*MONEY_UNITS, *COUNT_UNITS, "%", "分"], key=len, reverse=True))
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
PRE_QUALIFIERS = ["不低于", "不少于", "不超过", "不高于", "超过", "大于", "小于", "高于", "低于", "至少", "约", "近",
                  "逾", "≥", "≤", ">", "<", "="]
PRE_Q_RE = "|".join(regex.escape(q) for q in PRE_QUALIFIERS)

NUM_RE = patterns.compile(
    rf"(?P<pre>(?:{PRE_Q_RE})\s*)?"
    r"(?<![\d.])(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d])"
    rf"\s*(?P<more>余|多)?\s*(?P<unit>{UNIT_RE})?"
    r"(?P<post>\s*(?:以上|以下|左右))?"
)
CN_COUNT_RE = patterns.compile(
    r"(?<![第一二两三四五六七八九十])(?P<num>[一二两三四五六七八九十]{1,3})(?P<unit>个|批|项|次|家|名|件|篇|辆)"
)
# Chinese numerals that are part of names, not quantities.
CN_STOP = ("三公", "三服务", "一次性", "三严五整", "二十大", "三中全会", "一批次")

# A document number (赣财绩〔2022〕5号, 景珠财字【2025】14号) with its issuer and its year (group 1).
DOCNO_RE = patterns.compile(r"\p{Han}{0,6}[〔【\[(（]\s*((?:19|20)\d{2})\s*[〕】\])）]\s*\d+\s*号")
DATE_RE = patterns.compile(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月(?:底|末|份)")
YEAR_RE = patterns.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)(?=\s*(?:年|年度|-|—|～|~))")
ENUM_RE = patterns.compile(r"(?:^|[。;；:：\s])\s*(?:[(]\s*\d{1,2}\s*[)]|\d{1,2}\s*[.、](?!\d))")
ORDINAL_RE = patterns.compile(r"第\s*\d+")
NAME_THRESHOLD_RE = patterns.compile(r"单价\s*\d+(?:\.\d+)?\s*万元\s*(?:\(含\))?\s*以上")
LEVEL_RE = patterns.compile(r"\d+\s*级")
# A rating scale ("90分（含）以上为优，80分（含）-90分为良，60分以下为差"): thresholds, not scores.
RATING_GRADE = r"(?:优秀|良好|中等|不合格|较差|合格|优|良|中|差)"
RATING_THRESHOLD_RE = patterns.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s*分?\s*(?:\(含\))?\s*"
    r"(?:(?P<dir>及以上|以上|以下|以内)|(?:[-—－~～至到]\s*(?P<b>\d+(?:\.\d+)?)\s*分?\s*(?:\(含\))?\s*(?:以下|以内)?))"
    r"\s*(?:的)?\s*(?:为|评为|定为|属于|评定为)\s*[“\"'‘]?(?P<g>" + RATING_GRADE + r")")
# "公共安全支出（204类）司法（06款）行政运行（01项）": the codes of a subject path
PATH_CODE_RE = patterns.compile(r"[(（]\s*\d{2,3}\s*[类款项]\s*[)）]")


@dataclass(frozen=True)
class Num:
    """A number as written in prose, positioned in its block's folded text."""

    start: int
    end: int
    figure: Figure
    unit: str | None
    qualifier: str | None = None  # 约 / 余 / ≥ / 大于 … : the figure is a bound, not a point
    chinese: bool = False

    @property
    def text(self) -> str:
        return self.figure.text

    @property
    def money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def scale(self) -> Fraction:
        return MONEY_UNITS.get(self.unit or "", Fraction(1))

    @property
    def wan(self) -> Interval:
        """Interval in 万元 for money, or in the figure's own unit otherwise."""
        # Kept on the instance (frozen, but with a __dict__): checks ask for it again and
        # again, and interval products of Fractions are slow.
        iv: Interval | None = self.__dict__.get("_wan")
        if iv is None:
            scale = self.scale
            iv = self.figure.interval
            if scale != 1:
                iv = iv.scale(scale)
            self.__dict__["_wan"] = iv
        return iv

    @property
    def wan_value(self) -> Fraction:
        return self.figure.value * self.scale

    @property
    def bound(self) -> Interval:
        """The interval a qualified figure allows: "约 50" ±10%, "230 余" ≥ 230, "≥98%" ≥ 98."""
        iv = self.wan
        q = self.qualifier
        big = Fraction(10) ** 12
        if q in ("余", "多", "以上", "超过", "大于", "高于", "逾", ">", "≥", "不低于", "不少于", "至少"):
            return Interval(iv.low, big)
        if q in ("以下", "小于", "低于", "<", "≤", "不超过", "不高于"):
            return Interval(-big, iv.high)
        if q in ("约", "近", "左右"):
            v = self.wan_value
            return Interval(v - abs(v) / 10, v + abs(v) / 10)
        return iv

    @property
    def display(self) -> str:
        return f"{self.text}{self.unit or ''}"


@dataclass(frozen=True)
class Skipped:
    start: int
    end: int
    text: str
    reason: str


def _cn_value(s: str) -> int | None:
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_DIGITS.get(a, 1) if a else 1
        ones = CN_DIGITS.get(b, 0) if b else 0
        return tens * 10 + ones
    if len(s) == 1:
        return CN_DIGITS.get(s)
    return None


DIGIT_RE = patterns.compile(r"\d")
DIGITS_RE = patterns.compile(r"\d+")
# Digits grouped by a comma: the only place where "，" and "," read differently (NUM_RE).
GROUPED_RE = patterns.compile(r"\d,\d{3}")


def _with_chinese_commas(norm: str, original: str) -> str:
    """``norm`` with a "，" wherever ``original`` has one (the fold made it ",")."""
    if len(norm) != len(original):
        raise ValueError("the folded text and the original differ in length")
    parts = original.split("，")
    out: list[str] = []
    pos = 0
    for part in parts:
        out.append(norm[pos : pos + len(part)])
        pos += len(part) + 1
    return "，".join(out)


def scan(norm: str, original: str | None = None) -> tuple[list[Num], list[Skipped]]:
    """All number tokens of a folded text: quantities and skipped look-alikes.

    ``original`` (same length) tells a thousands separator "1,234" from a Chinese
    comma between two numbers "3757件，6599件": only an ASCII comma groups digits.
    """
    if original is not None and "，" in original and GROUPED_RE.search(norm):
        norm = _with_chinese_commas(norm, original)
    nums: list[Num] = []
    skipped: list[Skipped] = []
    covered: list[tuple[int, int, str]] = []
    # Every pattern below but CN_COUNT_RE needs a digit, and most need a word of their own
    # ("号", "月", …): a block without it cannot match and is not searched (a third of the
    # blocks of a report are headings and sentences without digits).  The order is the
    # order in which a number's reason is looked up.
    digits = DIGIT_RE.search(norm) is not None
    if digits:
        if "号" in norm:
            covered += [(m.start(), m.end(), "document number") for m in DOCNO_RE.finditer(norm)]
        if "月" in norm:
            covered += [(m.start(), m.end(), "date") for m in DATE_RE.finditer(norm)]
        if "单价" in norm:
            covered += [(m.start(), m.end(), "threshold in a subject name") for m in NAME_THRESHOLD_RE.finditer(norm)]
        if "为" in norm or "属于" in norm:
            covered += [(m.start(), m.end(), "threshold of a rating scale") for m in RATING_THRESHOLD_RE.finditer(norm)]
        if "第" in norm:
            covered += [(m.start(), m.end(), "ordinal") for m in ORDINAL_RE.finditer(norm)]
        if "级" in norm:
            covered += [(m.start(), m.end(), "level (级)") for m in LEVEL_RE.finditer(norm)]
        if "类" in norm or "款" in norm or "项" in norm:
            covered += [(m.start(), m.end(), "code in a subject path") for m in PATH_CODE_RE.finditer(norm)]
        covered += [(m.start(), m.end(), "year") for m in YEAR_RE.finditer(norm)]
        for m in ENUM_RE.finditer(norm):
            d = DIGITS_RE.search(norm, m.start(), m.end())
            if d:
                covered.append((d.start(), d.end(), "enumerator"))

    for m in NUM_RE.finditer(norm) if digits else ():
        a, b = m.span("num")
        num, unit, pre, more, post = m.group("num", "unit", "pre", "more", "post")
        why = None
        for s, e, r in covered:  # the first pattern that covers the number gives the reason
            if s <= a and b <= e:
                why = r
                break
        if why:
            skipped.append(Skipped(a, b, num, why))
            continue
        # ``parse_number`` for what NUM_RE's group holds (digits, commas, one point)
        whole, _, frac = num.replace(",", "").partition(".")
        decimals = len(frac)
        value = Fraction(int(whole + frac), 10**decimals) if decimals else Fraction(int(whole))
        qualifier = (pre or "").strip() or more or ((post or "").strip() or None)
        if unit is None:
            # a bare number: "100 %" split oddly, a score without 分, or a code
            skipped.append(Skipped(a, b, num, "number without a unit"))
            continue
        if unit == "万" and patterns.match(r"(?:余|多)?(?![余多元])\p{Han}", norm[m.end("unit") :]):
            # "5万余人", "187万平方米": ten thousands of people or of square metres, not money
            skipped.append(Skipped(a, b, num, "a number in 万 of something that is not money"))
            continue
        end = m.end("unit")
        fig = Figure(text=num, value=value, decimals=decimals, percent=unit == "%",
                     exact=decimals == 0 and unit in EXACT_UNITS)
        nums.append(Num(a, end, fig, unit, qualifier))
    in_order = True  # NUM_RE finds its numbers left to right; a Chinese count may fall between
    for m in CN_COUNT_RE.finditer(norm):
        ctx = norm[max(0, m.start() - 2) : m.end() + 2]
        if any(stop in ctx for stop in CN_STOP):
            continue
        if norm[max(0, m.start() - 1) : m.start()] in ("“", "\"", "‘", "'", "「", "《"):
            continue  # “八个本领”, “五个一”: a name, not a count
        v = _cn_value(m.group("num"))
        if v is None:
            continue
        a = m.start("num")
        if any(n.start <= a < n.end for n in nums):
            continue
        fig = Figure(text=m.group("num"), value=Fraction(v), decimals=0, exact=True)
        nums.append(Num(a, m.end("unit"), fig, m.group("unit"), None, chinese=True))
        in_order = False
    if not in_order:
        nums.sort(key=lambda n: n.start)
    return nums, skipped
