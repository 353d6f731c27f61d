"""Which report is this: department, year, 决算 or 预算, 部门 or 单位 — read once.

Every later stage (pairing by year, ``--prior``, review baselines, the report list,
batch output) needs the same answer, so it is read here, once, from whatever the
file shows, strongest first:

* labelled fields: "预算主管部门：…", "预算单位：…", "部门：…", "部门名称：…",
  "编制部门：…", "编制单位：…" (title page or table preambles; counted, so one
  field cut by a line break is outvoted by the others);
* the title: the first lines up to one naming 决算 or 预算
  ("2017年度江苏省高级人民法院部门预算公开", "西南大学 / 2023年度部门决算");
* headings and running titles naming the report ("第三部分 江苏省高级人民法院2017年度
  部门预算情况说明"), table titles ("一、2017年度江苏省高级人民法院部门收支预算总表",
  "2017年政府采购预算表"): these carry a report whose title page is an image.

A title that names only a region ("上海市普陀区2023年区级部门预算", "江苏省2018年度")
gives the year and kind but not the department.  The department is normalised
(``normalise_department``) so that the same office's reports of different years, and
the prose and tables files of one report, give the same string.

``report_signs`` (after table recognition) says whether the file shows any sign of
being a budget report at all, and why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import patterns
from .model import ReportIdentity
from .normalize import fold, squash

if TYPE_CHECKING:
    from .model import Document, Table
    from .source import SourceLine

FIELD_RE = patterns.compile(
    r"^\s*(?P<f>预算主管部门|预算单位|部\s*门(?:\s*名\s*称)?|编制部门|编制单位|单位名称)\s*[:：]\s*(?P<v>\S.*?)\s*$"
)
YEAR_KIND_RE = patterns.compile(
    r"(?P<pre>.*?)(?P<year>(?:19|20)\d{2})\s*年\s*度?(?P<post>.*?)(?P<level>部门|单位)?(?P<kind>决算|预算)"
)
# Names made only of administrative divisions: "上海市普陀区", "江苏省" (no department in them).
REGION_RE = patterns.compile(r"^(?:\p{Han}{1,7}?(?:省|自治区|市|州|盟|地区|区|县|旗)){1,3}(?:区级|市级|省级|县级)?$")
LEVEL_WORDS_RE = patterns.compile(r"^(?:区级|市级|省级|县级|本级)|(?:部门|单位|本级|区级|市级|省级)$")
SENTENCE_MARK_RE = patterns.compile(r"[，。；;]")
LEVEL_HEADING_RE = patterns.compile(r"(部门|单位)(?:主要职能|主要职责|概况|机构设置)")
PARTY_SHORT_RE = patterns.compile(r"^(?:\p{Han}{1,7}?(?:省|自治区|市|州|地区|盟|区|县|旗)){1,3}委(?!员会)\p{Han}+")
N = "一二三四五六七八九十"
HEADING_WORDS_RE = patterns.compile(rf"第[{N}]+部分|^[{N}]+[、.]|^[(（][{N}]+[)）]")
# Headings of a budget report's own parts.
REPORT_HEADING_RE = patterns.compile(
    r"(?:部门|单位)(?:预算|决算)(?:编制)?(?:情况)?说明|(?:预算|决算)(?:报表|情况)说明|(?:收支|收入|支出)(?:预算|决算)"
    r"(?:总表)?(?:情况)?说明|(?:部门|单位)概况|(?:部门|单位)主要职(?:能|责)|名词解释|(?:预算|决算)公开|"
    r"三公经费(?:预算|决算|支出)?(?:情况)?说明|(?:部门|单位)(?:预算|决算)表|"
    # the numbered parts of the national template: "第三部分 情况说明", "第一部分 概况"
    r"第[一二三四五六七八九十]部分\S{0,12}?(?:情况说明|概况|名词解释)"
)
# Where a table title's subject begins: "2017年度江苏省高级人民法院|部门收支预算总表".
TABLE_WORDS_RE = patterns.compile(
    r"部门|单位(?!预算|决算)|收支|收入|支出|财政拨款|一般公共|政府性基金|国有资本|三公|机关运行|政府采购"
)
VOCABULARY = ("财政拨款收入", "一般公共预算", "政府性基金", "基本支出", "项目支出", "三公经费", "机关运行经费",
              "政府采购", "年初结转和结余", "结转下年", "人员经费", "公用经费")


def normalise_department(name: str) -> str:
    """The department's name in one spelling for comparison and pairing.

    Folded, without spaces, quotes or a leading enumerator; "(本级)" dropped;
    "中国共产党…委员会" shortened to "中共…委" and a party organ written without 中共
    ("江苏省委办公厅") given it, so "中国共产党江苏省委员会办公厅", "江苏省委办公厅" and
    "中共江苏省委办公厅" are one department."""
    t = squash(name)
    t = patterns.sub(r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.])", "", t)
    t = patterns.sub(r"[(（]本级[)）]$|本级$", "", t)
    t = t.replace("中国共产党", "中共")
    if t.startswith("中共"):
        t = patterns.sub(r"(?<=(?:省|自治区|市|州|地区|盟|区|县|旗))委员会", "委", t)
    elif PARTY_SHORT_RE.match(t):
        t = "中共" + t
    return t


def _name_from(pre: str, post: str) -> str | None:
    """The department in a "PRE 2024 年度 POST 部门决算" line: PRE unless it is only a
    region, else POST stripped of level words."""
    for cand in (pre, post):
        c = LEVEL_WORDS_RE.sub("", squash(cand).strip(":：,，、"))
        c = HEADING_WORDS_RE.sub("", c)
        c = patterns.sub(r"^(?:第[一二三四五六七八九十]+部分)", "", c)
        c = LEVEL_WORDS_RE.sub("", c)
        if len(c) >= 3 and not REGION_RE.match(c) and patterns.fullmatch(r"[\p{Han}A-Za-z()（）]+", c):
            return c
    return None


@dataclass
class _Votes:
    names: Counter[str] = field(default_factory=Counter)
    written: dict[str, Counter[str]] = field(default_factory=dict)
    years: Counter[int] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)
    evidence: list[str] = field(default_factory=list)

    def name(self, raw: str, weight: int, where: str) -> None:
        norm = normalise_department(raw)
        if len(norm) < 3 or REGION_RE.match(norm):
            return
        self.names[norm] += weight
        self.written.setdefault(norm, Counter())[squash(raw)] += weight
        self.evidence.append(f"department {squash(raw)} ({where})")


def _where(line: SourceLine) -> str:
    return f"p{line.page}:{line.number}" if line.page else f"line {line.number}"


def _title_lines(lines: list[SourceLine]) -> list[SourceLine]:
    """The first non-blank lines up to one naming 决算 or 预算 (at most four)."""
    out: list[SourceLine] = []
    for ln in lines[:40]:
        if ln.blank:
            continue
        t = ln.norm.strip()
        if ln.is_table_row or patterns.match(r"^\s*目\s*录\s*$", t):
            break
        if len(t) > 40 or patterns.search(r"[，,。；;！？]", t):
            break  # a sentence ("…审议了2023年度部门决算…") is not a title
        out.append(ln)
        if "决算" in t or "预算" in t:
            return out
        if len(out) >= 4:
            break
    return []


def read_identity(lines: list[SourceLine], tables: list[Table]) -> ReportIdentity:
    """Department, year, kind and unit level of a report, from fields, title, headings and
    table titles (see the module docstring)."""
    v = _Votes()
    title = _title_lines(lines)
    title_text = " ".join(ln.norm.strip() for ln in title)
    if title:
        m = YEAR_KIND_RE.search(squash(title_text))
        if m:
            # the title names the report: what it says outweighs any count of other lines
            v.years[int(m.group("year"))] += 1000
            v.kinds[m.group("kind")] += 1000
            if m.group("level"):
                v.levels[m.group("level")] += 1000
            name = _name_from(m.group("pre"), m.group("post"))
            if name:
                v.name(name, 1000, f"title {_where(title[0])}")
            v.evidence.append(f"title {_where(title[0])}: {squash(title_text)}")
    for ln in lines:
        if ln.blank:
            continue
        text = ln.norm.strip()
        if ln.is_table_row:
            continue
        fm = FIELD_RE.match(text)
        if fm:
            value = patterns.split(r"\s{2,}|\t|单位\s*[:：]", fm.group("v"))[0]
            v.name(value, 4, _where(ln))
            f = squash(fm.group("f"))
            if f == "预算单位":
                v.levels["单位"] += 3
            elif f == "预算主管部门":
                v.levels["部门"] += 3
            elif f in ("部门", "部门名称", "编制部门"):
                v.levels["部门"] += 1
            elif f in ("编制单位", "单位名称"):
                v.levels["单位"] += 1
            continue
        if len(text) > 60 or SENTENCE_MARK_RE.search(text):
            continue
        sq = squash(text)
        # (each pattern needs its words: most lines are not searched at all)
        m = YEAR_KIND_RE.search(sq) if ("决算" in sq or "预算" in sq) else None
        if m and (HEADING_WORDS_RE.search(squash(text)) or patterns.search(r"(?:说明|表|公开|报表)$", squash(text))):
            v.years[int(m.group("year"))] += 1
            v.kinds[m.group("kind")] += 1
            if m.group("level"):
                v.levels[m.group("level")] += 1
            post = TABLE_WORDS_RE.split(m.group("post"))[0]  # "…人民法院部门收支(预算总表)"
            name = _name_from(m.group("pre"), post)
            if name:
                v.name(name, 1, _where(ln))
        lm = LEVEL_HEADING_RE.search(sq) if ("部门" in sq or "单位" in sq) else None
        if lm and len(text) <= 30:
            v.levels[lm.group(1)] += 1
    for t in tables:
        for ln in t.preamble:
            m = patterns.search(r"((?:19|20)\d{2})\s*年", ln.norm)
            if m and patterns.search(r"表\s*$|年度?\s*[)）]?\s*$", ln.norm.strip()):
                v.years[int(m.group(1))] += 1
            if patterns.search(r"决算\S*表\s*$", squash(ln.norm)):
                v.kinds["决算"] += 1
            elif patterns.search(r"预算\S*表\s*$", squash(ln.norm)):
                v.kinds["预算"] += 1
    department = _best_name(v)
    written = v.written[department].most_common(1)[0][0] if department else None
    return ReportIdentity(
        department=department,
        name=written,
        year=v.years.most_common(1)[0][0] if v.years else None,
        kind=v.kinds.most_common(1)[0][0] if v.kinds else None,
        unit_level=v.levels.most_common(1)[0][0] if v.levels else None,
        evidence=tuple(v.evidence[:12]),
    )


def _best_name(v: _Votes) -> str | None:
    """The most supported name; a name contained in a better-supported longer one
    ("省委办公厅" in "中共江苏省委办公厅") adds its votes to it."""
    if not v.names:
        return None
    scores = Counter(v.names)
    for short in list(scores):
        for long in sorted(v.names, key=len, reverse=True):
            if short != long and short in long and v.names[long] > v.names[short]:
                scores[long] += v.names[short]  # a short form of a better-supported name
                break
    best = max(scores, key=lambda n: (scores[n], len(n)))
    return best


def report_signs(doc: Document) -> tuple[tuple[str, ...], frozenset[str]]:
    """(signs that the file is a budget report, what it holds: "prose" / "tables").

    Strong signs, each enough alone: a recognised budget table with figures; a 目录 that
    lists two or more budget tables.  Weaker ones (three needed, or two with a title
    naming the year and 决算/预算): that title; headings of a report's parts (情况说明,
    部门概况, 名词解释 …, up to two); the budget vocabulary (at least five of
    财政拨款收入, 基本支出, 项目支出, 三公经费 …).  A news article that mentions 决算 once
    shows one weak sign at most."""
    from .tables.kinds import AMOUNT_KINDS
    from .tables.table_set import listed_tables

    strong: list[str] = []
    weak: list[str] = []
    held = [t for t in doc.tables if t.kind in AMOUNT_KINDS and t.facts]
    tables = [t for t in held if any(f.cell.figure is not None for f in t.facts.values())]
    if tables:
        kinds = " ".join(dict.fromkeys(t.kind or "" for t in tables))
        strong.append(f"{len(tables)} budget table(s) recognised ({kinds})")
    listed = {k for k, _ in listed_tables(doc) if k in AMOUNT_KINDS}
    if len(listed) >= 2:
        strong.append(f"目录 lists {len(listed)} budget tables")
    title = _title_lines(doc.lines)
    if title and YEAR_KIND_RE.search(squash(" ".join(ln.norm for ln in title))):
        weak.append(f"title '{squash(' '.join(ln.norm.strip() for ln in title))}'")
    heads = []
    for b in doc.blocks:
        if b.kind == "heading" or (len(b.norm) <= 40 and not patterns.search(r"[，。；]", b.norm)):
            m = REPORT_HEADING_RE.search(squash(b.norm))
            if m and m.group(0) not in heads:
                heads.append(m.group(0))
    if heads:
        weak.append("headings " + ", ".join(heads[:4]))
        if len(heads) >= 3:
            weak.append("report parts")
    prose = "".join(b.norm for b in doc.blocks if b.kind == "paragraph")
    words = [w for w in VOCABULARY if w in squash(prose)]
    if len(words) >= 5:
        weak.append(f"budget vocabulary ({len(words)} terms)")
    enough = bool(strong) or len(weak) >= 3 or (len(weak) == 2 and weak[0].startswith("title"))
    signs = tuple(strong + weak) if enough else ()
    holds = set()
    if sum(1 for b in doc.blocks if b.kind == "paragraph" and len(b.norm) >= 30) >= 3:
        holds.add("prose")
    if held:
        holds.add("tables")
    return signs, frozenset(holds)


def describe(identity: ReportIdentity | None) -> str:
    """"西南大学 2023 部门决算" for report lists and headers."""
    if identity is None:
        return "?"
    dept = identity.name or identity.department or "?"
    year = identity.year or "?"
    kind = f"{identity.unit_level or ''}{identity.kind or '?'}"
    return fold(f"{dept} {year} {kind}")
