"""The words of budget prose that make a number what it is: role words (年初预算数, 决算数),
change and share words, periods, the filler around a subject, and the subject paths
(类)(款)(项).  Kept apart from the extractor so that the vocabulary can be read, and grown, in
one place.
"""

from __future__ import annotations

from .. import patterns
from ..model import Block
from ..normalize import squash
from .numbers import Num

SENT_END = patterns.compile(r"[。！？!?]")
CLAUSE_PUNCT = ",，;；:：、"
_LAST_CLAUSE_MARK = patterns.compile(r"(?r)[,，;；:：、]")
ROLE_WORDS: list[tuple[str, str]] = [
    (r"年初预算(?:数)?(?:为|是)?", "initial_budget"),
    (r"全年预算(?:数)?(?:为|是)?", "full_budget"),
    (r"调整后(?:的)?预算(?:数)?(?:为|是)?", "full_budget"),
    (r"(?:支出)?决算(?:数)?(?:为|是)?", "final"),
    (r"(?:实际)?到位(?:资金)?(?:为|是)?", "received"),
    (r"实际(?:支出|使用)(?:数)?(?:为|是)?", "final"),
    (r"(?:共)?使用", "final"),
    (r"预算执行数(?:为|是)?", "final"),
    (r"执行数(?:为|是)?", "final"),
    (r"预算安排(?:数)?(?:为|是)?", "budget"),
    (r"总预算(?:数)?(?:为|是)?", "budget"),
    (r"预算(?:数)?(?:为|是)?", "budget"),
]
ROLE_WORD_RES = [(patterns.compile(f"(?:{pattern})\\s*$"), role) for pattern, role in ROLE_WORDS]
ROLE_TAIL = patterns.compile("(?:" + "|".join(p for p, _ in ROLE_WORDS) + r")\s*$")
CHANGE_TAIL = patterns.compile(r"(?P<dir>增加|减少|增长|下降|上升|降低|节约|超支|减少了|增加了)(?:了)?\s*$")
PRIOR_RE = patterns.compile(r"比上年|较上年|与上年|同比|比\s*\d{4}\s*年度?|与\s*\d{4}\s*年度?相比|上年度")
COMPLETION_TAIL = patterns.compile(r"完成(?P<which>年初|全年|调整后)?(?:的)?预算(?:数)?的?\s*$")
SHARE_TAIL = patterns.compile(r"占(?P<whole>[^%]{0,40}?)(?:的)?(?:比重|比例)?(?:为|是)?\s*$")
RATE_TAIL = patterns.compile(r"(?P<what>(?:预算|资金|项目)?执行率|资金到位率|到位率)(?:为|是|达到?)?\s*$")
INDICATOR_TAIL = patterns.compile(r"(?:满意度|满意率|合格率|达标率|完成率|覆盖率|准确率|及时率|知晓率)(?:为|是|达到?)?\s*$")
SCORE_AVG = patterns.compile(r"平均(?:得)?分(?:为|是)?\s*$")
SCORE_TAIL = patterns.compile(r"(?:得分|评分|总分|分数)(?:为|是)?\s*$")
RATING_AFTER = patterns.compile(r"^\s*(?:项目)?(?:的)?(?:评价结果|评价等级|绩效评级|评级|等级)?(?:为|是)?\s*[\"“”']?(?P<r>优秀|良好|优|良|中|差|合格|不合格)")
RATING_BEFORE = patterns.compile(r"(?:评价结果|评价等级|绩效评级|评级|等级)(?:为|是)\s*[\"“”']?(?P<r>优秀|良好|优|良|中|差|合格|不合格)[\"“”']?的项目\s*$")
FLAT_RE = patterns.compile(r"(?:与上年|与\s*\d{4}\s*年度?|比上年|较上年)?(?:相比)?(?:基本)?持平")
VS_BUDGET_RE = patterns.compile(r"决算数?(?:与|比)?(?P<which>全年|年初|调整后)?预算数?(?P<w>持平|相等|一致)|决算数?(?P<w2>大于|小于|等于|高于|低于|超过)(?P<which2>全年|年初)?预算数?")
YTD_RE = patterns.compile(r"截至(?:目前)?\s*(?:第[一二三]季度|前三季度|上半年|\d{1,2}\s*月(?:底|末)?|[一二三四五六七八九十]{1,2}月(?:底|末)?)|截至第[一二三]季度|上半年|前三季度")
FULL_YEAR_RE = patterns.compile(r"截至\s*12\s*月(?:底|末)|全年|年度内|本年度")
ZHONG_RE = patterns.compile(r"其中")
FILLER_HEAD = patterns.compile(
    r"^(?:[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+、|\d+[.、])?"
    r"(?:其中|另外|此外|同时)?[:]?"
    r"(?:本部门|本单位|我部门|我单位|本级|我办|我局|我委|我区|我部)?"
    r"(?:\d{4}年度?|年度)?"
    r"(?:全年|本年度|本年|当年)?"
    r"(?:共计|合计|共|累计|总计|一共)?"
)
FILLER_TAIL = patterns.compile(r"(?:为|是|共计|共|达到?|约|累计|总金额为|总额为|金额为|支出为)$")
_FILLER_ENDS = "为是计共达到约"
CURRENT_SUBJECT_SPAN = 2  # sentences a subject stays current for inheritance


def role_of(lead: str) -> str | None:
    for pattern, role in ROLE_WORD_RES:
        if pattern.search(lead):
            return role
    return None


def clause_start_of(lead: str) -> int:
    """Where the clause of a figure starts in the words before it: after the last clause
    mark, except the 、 of "收、支总计" and "收入、支出预算总计" (one subject written in two)."""
    end = len(lead)
    while True:  # the last clause mark before ``end``, searched from the right
        m = _LAST_CLAUSE_MARK.search(lead, 0, end)
        if m is None:
            return -1
        i = m.start()
        joined = lead[i] == "、" and (lead[i - 2 : i] == "收入" or lead[i - 1 : i] == "收")
        if not (joined and lead[i + 1 : i + 2] == "支"):
            return i
        end = i


def strip_role(phrase: str) -> str:
    return ROLE_TAIL.sub("", phrase)


# "2023年当年预算执行数为 60.13 万元" in a 2024 预算: a figure of an earlier year, unless the
# year only names what the figure is compared with ("比2023年预算减少…", "与2023年相比").
YEAR_IN_PHRASE = patterns.compile(r"(?<![比较与同])(?P<y>(?:19|20)\d{2})\s*年")
PRIOR_WORDS = patterns.compile(r"(?<![比较与同])(?:上年|上一年|去年)(?:度)?(?:的)?(?:预算执行|执行|决算|预算)数?")


def prior_year(phrase: str, report_year: int | None) -> int | None:
    """The earlier year a figure's own words put it in ("2023年当年预算执行数为"), else None."""
    if report_year is None:
        return None
    for m in YEAR_IN_PHRASE.finditer(phrase):
        y = int(m.group("y"))
        if y < report_year and not patterns.search(r"(?:相比|比较|对比)", phrase[m.end() : m.end() + 6]):
            return y
    if PRIOR_WORDS.search(phrase):
        return report_year - 1
    return None


# Words that make an amount a change given as a reason, not a subject's amount: "主要原因是基本支出
# 增加人员经费 1408.29 万元", "项目经费支出安排减少…租赁费 200 万元".
REASON_RE = patterns.compile(r"原因|主要是|由于|因为")
CHANGE_VERB_RE = patterns.compile(r"增加|减少|压减|下降|增长|上升|降低|节约|新增|调减|调增")


def is_reason_amount(phrase: str) -> bool:
    """An amount whose words are a reason or a change ("…增加人员经费"), not "X 为 N"."""
    p = squash(phrase)
    return bool(REASON_RE.search(p) or CHANGE_VERB_RE.search(p))


# In a 预算, "收入预算 15621.11 万元" / "我校2023年支出预算 557,259.13 万元": the report's total
# income or expenditure budget, named only by 收入 or 支出 after the department's own name.
BUDGET_TOTALS = {"收入": "income.grand_total", "支出": "exp.grand_total", "收支": "income_expenditure.grand_total",
                 "收、支": "income_expenditure.grand_total", "本年收入": "income.total", "本年预算收入": "income.total",
                 "本年预算支出": "exp.total", "本年支出": "exp.total", "当年收入": "income.total", "当年支出": "exp.total"}
SELF_RE = patterns.compile(r"^(?:我校|本校|学校|我院|本院|本部门|我部门|部门|本单位|我单位|单位|本级)")


def budget_total(bare: str, department: str | None) -> tuple[str, int] | None:
    """(subject id, where its name starts) of a bare "收入"/"支出"/"收支" after the department's
    own name, a year and a scope ("我校2023年财政拨款收支"), else None."""
    p = squash(bare)
    if department:
        # the department as written here may be a part of its full name ("省委办公厅" of
        # "中共江苏省委办公厅"): strip the longest such prefix
        d = patterns.sub(r"\(.*?\)", "", squash(department))
        plain = patterns.sub(r"\(.*?\)", "", p)
        k = next((k for k in range(len(plain), 2, -1) if plain[:k] in d), 0)
        if k:
            p = plain[k:]
    p = patterns.sub(r"^(?:\(?[一二三四五六七八九十\d]+[)、.])?(?:其中)?[:]?", "", p)
    p = SELF_RE.sub("", p)
    p = patterns.sub(r"^(?:\d{4}年度?|年度)", "", p)
    p = patterns.sub(r"^(?:部门|单位)", "", p)
    name = patterns.sub(r"^(?:一般公共预算财政拨款|一般公共预算|财政拨款)", "", p)
    sid = BUDGET_TOTALS.get(name)
    return (sid, len(squash(bare)) - len(name)) if sid else None


# "财政拨款支出主要内容如下：" introduces numbered items ("1. “…（项）”25.77万元…") that are all
# 财政拨款 figures; ITEM_RE is the start of such an item.
INTRO_RE = patterns.compile(r"(?:财政拨款|一般公共预算)[^。]{0,30}?如下[:]?\s*$")
ITEM_RE = patterns.compile(r"^\s*(?:\d{1,2}\s*[.、]|[(][一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十]{1,3}、)")


# Headings of the parts that describe the department (its duties, units, staff, a university's
# subjects, teachers and students): their figures are description, not restatements of a table.
DESCRIPTIVE_RE = patterns.compile(r"概况|基本情况|简介|主要职能|职能|职责|机构设置|单位构成|所属单位|主要工作任务|工作任务及目标")


def describes(section: tuple[str, ...]) -> bool:
    return any(DESCRIPTIVE_RE.search(squash(t)) for t in section)


def scope_in_words(prefix: str) -> str | None:
    """The funding scope the words before a subject name give ("一般公共预算…", "财政拨款…")."""
    if "一般公共预算" in prefix:
        return "gpb"
    if "财政拨款" in prefix and "非财政拨款" not in prefix:
        return "fiscal"
    return None


def scope_of(prefix: str, block: Block) -> str:
    """The scope of a subject: its own words first, then the innermost heading that says."""
    own = scope_in_words(prefix)
    if own is not None:
        return own
    for title in reversed(block.section):
        t = squash(title)
        if "一般公共预算财政拨款" in t:
            return "gpb"
        if "财政拨款" in t and "非财政拨款" not in t:
            return "fiscal"
        if patterns.search(r"收入|支出|决算|预算", t) and patterns.match(r"^[一二三四五六七八九十]+、", t):
            return "all"
    return "all"


def period_marks(sentence: str, s0: int) -> list[tuple[int, str]]:
    """Where the sentence switches period: "截至第三季度…" starts a year-to-date stretch,
    "全年…" a full-year one; a figure belongs to the last switch before it."""
    marks: list[tuple[int, str]] = []
    # (each pattern needs one of its words: most sentences are not searched)
    if "截至" in sentence or "上半年" in sentence or "前三季度" in sentence:
        marks += [(s0 + m.start(), "ytd") for m in YTD_RE.finditer(sentence)]
    if "截至" in sentence or "全年" in sentence or "年度内" in sentence or "本年度" in sentence:
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
        if spans and not patterns.search(r"[\p{Han}\d]", text[start : m.end()]):
            spans[-1] = (spans[-1][0], m.end())  # "支出。。2025年": a doubled 。 is no sentence
        else:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clean(phrase: str) -> str:
    p = squash(phrase).strip(",;:、.")
    p = FILLER_HEAD.sub("", p)
    # every filler word ends in one of these: a phrase that does not is left as it is
    while p[-1:] in _FILLER_ENDS and p:
        prev, p = p, FILLER_TAIL.sub("", p)
        if p == prev:
            break
    return p


def noun_after(after: str, n: Num) -> str | None:
    """The noun a count names after its number ("4 个一级指标", "102个本科专业"), if any."""
    if n.unit in ("个", "项", "家", "名"):
        m = patterns.match(r"^\s*([\p{Han}]{2,10}?)(?=[,，;；。:：、(（]|的|$|分别|即|开展|全面|进行)", after)
        if m and not patterns.match(r"^(?:项目评价|评价结果)", m.group(1)):
            return m.group(1)
    return None


def count_subject(phrase: str, after: str, n: Num) -> str:
    """What a count counts: the noun after "N 个" ("4 个一级指标"), else the words before it."""
    noun = noun_after(after, n)
    if noun is not None:
        return noun
    p = clean(phrase)
    p = patterns.sub(r"^(?:截至\S*?[,]|截至目前|截至第[一二三]季度)", "", p)
    p = patterns.sub(r"^(?:我区|本区|全区|我办|本办|区委办)", "", p)
    if not p:
        m = patterns.match(r"^\s*(?:[\p{Han}]{1,8})", after)
        p = m.group(0).strip() if m else ""
    return p


PATH_RE = patterns.compile(r"[\p{Han}]+\(类\)(?:[\p{Han}()]+?\(款\))?(?:[\p{Han}()]+?\(项\))?")
# A path that starts at the 款 ("法院（款）行政运行（项）支出", Jiangsu): the class is the section's.
KUAN_PATH_RE = patterns.compile(r"[\p{Han}]+?\(款\)(?:[\p{Han}()]+?\(项\))?")
# A subject named with its code: "小学教育（2050202）".
CODE_NAME_RE = patterns.compile(r"(?P<name>[\p{Han}]{2,30})\((?P<code>\d{3}|\d{5}|\d{7})\)")


def plain_path(phrase: str) -> str:
    """"公共安全支出(204类)司法(06款)行政运行(01项)" → "公共安全支出(类)司法(款)行政运行(项)"."""
    return patterns.sub(r"\(\s*\d{2,3}\s*(类|款|项)\s*\)", r"(\1)", phrase)


def has_path(phrase: str) -> bool:
    return bool(PATH_RE.search(phrase) or KUAN_PATH_RE.search(phrase))
QUOTED_PROJECT_RE = patterns.compile(r"[\"“]([^\"“”]{2,40})[\"”]\s*项目")


def project_name(phrase: str) -> str | None:
    m = QUOTED_PROJECT_RE.search(phrase)
    return squash(m.group(1)) if m else None
