"""The words of budget prose that make a number what it is: role words (年初预算数, 决算数),
change and share words, periods, the filler around a subject, and the subject paths
(类)(款)(项).  Kept apart from the extractor so that the vocabulary can be read, and grown, in
one place.
"""

from __future__ import annotations

import regex

from ..model import Block
from ..normalize import squash
from .numbers import Num

SENT_END = regex.compile(r"[。！？!?]")
CLAUSE_PUNCT = ",，;；:：、"
ROLE_WORDS: list[tuple[str, str]] = [
    (r"年初预算(?:数)?(?:为|是)?", "initial_budget"),
    (r"全年预算(?:数)?(?:为|是)?", "full_budget"),
    (r"调整后(?:的)?预算(?:数)?(?:为|是)?", "full_budget"),
    (r"(?:支出)?决算(?:数)?(?:为|是)?", "final"),
    (r"(?:实际)?到位(?:资金)?(?:为|是)?", "received"),
    (r"实际(?:支出|使用)(?:数)?(?:为|是)?", "final"),
    (r"(?:共)?使用", "final"),
    (r"执行数(?:为|是)?", "final"),
    (r"预算(?:数)?(?:为|是)?", "budget"),
]
ROLE_TAIL = regex.compile("(?:" + "|".join(p for p, _ in ROLE_WORDS) + r")\s*$")
CHANGE_TAIL = regex.compile(r"(?P<dir>增加|减少|增长|下降|上升|降低|节约|超支|减少了|增加了)(?:了)?\s*$")
PRIOR_RE = regex.compile(r"比上年|较上年|与上年|同比|比\s*\d{4}\s*年度?|与\s*\d{4}\s*年度?相比|上年度")
COMPLETION_TAIL = regex.compile(r"完成(?P<which>年初|全年|调整后)?(?:的)?预算(?:数)?的?\s*$")
SHARE_TAIL = regex.compile(r"占(?P<whole>[^%]{0,40}?)(?:的)?(?:比重|比例)?(?:为|是)?\s*$")
RATE_TAIL = regex.compile(r"(?P<what>(?:预算|资金|项目)?执行率|资金到位率|到位率)(?:为|是|达到?)?\s*$")
INDICATOR_TAIL = regex.compile(r"(?:满意度|满意率|合格率|达标率|完成率|覆盖率|准确率|及时率|知晓率)(?:为|是|达到?)?\s*$")
SCORE_AVG = regex.compile(r"平均(?:得)?分(?:为|是)?\s*$")
SCORE_TAIL = regex.compile(r"(?:得分|评分|总分|分数)(?:为|是)?\s*$")
RATING_AFTER = regex.compile(r"^\s*(?:项目)?(?:的)?(?:评价结果|评价等级|绩效评级|评级|等级)?(?:为|是)?\s*[\"“”']?(?P<r>优秀|良好|优|良|中|差|合格|不合格)")
RATING_BEFORE = regex.compile(r"(?:评价结果|评价等级|绩效评级|评级|等级)(?:为|是)\s*[\"“”']?(?P<r>优秀|良好|优|良|中|差|合格|不合格)[\"“”']?的项目\s*$")
FLAT_RE = regex.compile(r"(?:与上年|与\s*\d{4}\s*年度?|比上年|较上年)?(?:相比)?(?:基本)?持平")
VS_BUDGET_RE = regex.compile(r"决算数?(?:与|比)?(?P<which>全年|年初|调整后)?预算数?(?P<w>持平|相等|一致)|决算数?(?P<w2>大于|小于|等于|高于|低于|超过)(?P<which2>全年|年初)?预算数?")
YTD_RE = regex.compile(r"截至(?:目前)?\s*(?:第[一二三]季度|前三季度|上半年|\d{1,2}\s*月(?:底|末)?|[一二三四五六七八九十]{1,2}月(?:底|末)?)|截至第[一二三]季度|上半年|前三季度")
FULL_YEAR_RE = regex.compile(r"截至\s*12\s*月(?:底|末)|全年|年度内|本年度")
ZHONG_RE = regex.compile(r"其中")
FILLER_HEAD = regex.compile(
    r"^(?:[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+、|\d+[.、])?"
    r"(?:其中|另外|此外|同时)?[:]?"
    r"(?:本部门|本单位|我部门|我单位|本级|我办|我局|我委|我区|我部)?"
    r"(?:\d{4}年度?|年度)?"
    r"(?:全年|本年度|本年|当年)?"
    r"(?:共计|合计|共|累计|总计|一共)?"
)
FILLER_TAIL = regex.compile(r"(?:为|是|共计|共|达到?|约|累计|总额为|金额为|支出为)$")
CURRENT_SUBJECT_SPAN = 2  # sentences a subject stays current for inheritance


def role_of(lead: str) -> str | None:
    for pattern, role in ROLE_WORDS:
        if regex.search(f"(?:{pattern})\\s*$", lead):
            return role
    return None


def strip_role(phrase: str) -> str:
    return ROLE_TAIL.sub("", phrase)


def scope_of(prefix: str, block: Block) -> str:
    if "一般公共预算" in prefix:
        return "gpb"
    if "财政拨款" in prefix and "非财政拨款" not in prefix:
        return "fiscal"
    for title in reversed(block.section):
        t = squash(title)
        if "一般公共预算财政拨款" in t:
            return "gpb"
        if "财政拨款" in t and "非财政拨款" not in t:
            return "fiscal"
        if regex.search(r"收入|支出|决算|预算", t) and regex.match(r"^[一二三四五六七八九十]+、", t):
            return "all"
    return "all"


def period_marks(sentence: str, s0: int) -> list[tuple[int, str]]:
    """Where the sentence switches period: "截至第三季度…" starts a year-to-date stretch,
    "全年…" a full-year one; a figure belongs to the last switch before it."""
    marks = [(s0 + m.start(), "ytd") for m in YTD_RE.finditer(sentence)]
    marks += [(s0 + m.start(), "year") for m in FULL_YEAR_RE.finditer(sentence)]
    return sorted(marks)


def period_at(marks: list[tuple[int, str]], pos: int) -> str:
    period = "year"
    for at, p in marks:
        if at < pos:
            period = p
    return period


def next_start(nums: list[Num], n: Num, default: int) -> int:
    for m in nums:
        if m.start > n.start:
            return m.start
    return default


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, ending at 。！？ (a 。 inside the sentence is its end)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENT_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clean(phrase: str) -> str:
    p = squash(phrase).strip(",;:、.")
    p = FILLER_HEAD.sub("", p)
    prev = None
    while prev != p:
        prev = p
        p = FILLER_TAIL.sub("", p)
    return p


def count_subject(phrase: str, after: str, n: Num) -> str:
    """What a count counts: the noun after "N 个" ("4 个一级指标"), else the words before it."""
    if n.unit in ("个", "项", "家", "名"):
        m = regex.match(r"^\s*([\p{Han}]{2,10}?)(?=[,，;；。:：、(（]|的|$|分别|即|开展|全面|进行)", after)
        if m and not regex.match(r"^(?:项目评价|评价结果)", m.group(1)):
            return m.group(1)
    p = clean(phrase)
    p = regex.sub(r"^(?:截至\S*?[,]|截至目前|截至第[一二三]季度)", "", p)
    p = regex.sub(r"^(?:我区|本区|全区|我办|本办|区委办)", "", p)
    if not p:
        m = regex.match(r"^\s*(?:[\p{Han}]{1,8})", after)
        p = m.group(0).strip() if m else ""
    return p


PATH_RE = regex.compile(r"[\p{Han}]+\(类\)(?:[\p{Han}()]+?\(款\))?(?:[\p{Han}()]+?\(项\))?")
QUOTED_PROJECT_RE = regex.compile(r"[\"“]([^\"“”]{2,40})[\"”]\s*项目")


def project_name(phrase: str) -> str | None:
    m = QUOTED_PROJECT_RE.search(phrase)
    return squash(m.group(1)) if m else None
