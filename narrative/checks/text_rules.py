"""Rules on the words of a report: stale years and dates, obsolete terms, glossary drift,
template residue, the department's name and doubled characters.

Editors copy last year's report and overwrite it; what they forget is text, not figures.
Every rule here is lexical (regular expressions, word lists in ``lexicons/``, jieba's
dictionary, rapidfuzz edit distances) and checks a word only where its context fixes
what it must be: a year is checked where it must be the report's year (or the year
before), never inside a title in 《》 or a document number; a subject name is checked
against the report's own tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from ..findings import Severity
from ..lexicon import lexicon_path, load_toml
from ..model import Block, Document, Loc, Table
from ..normalize import fold, squash
from ..source import SourceLine
from ..claims.numbers import DOCNO_RE
from ..structure import DATE_LINE_RE, PART_RE
from .registry import Context, Rule, checker, rule


# ---------------------------------------------------------------------- rules
@rule
class TXT001(Rule):
    """A year that must be the report's year (or the year before) is another one.

    What it checks: years in contexts that fix them.  The report's own year: "本部门 2023 年度
    收入总计…", "2023 年度部门决算表", "纳入2023年度部门预算范围", "截止 2023 年 12 月 31 日",
    a table's "2023 年度" line, in a 2024 report.  The year before: "比 2022 年度增加",
    "与 2022 年相比", "上年结转和结余：填列 2022 年全部结转和结余", "2022年上年结余资金".
    Years inside 《》 or quotes (titles, project names) and document numbers (〔2025〕) are
    never checked, nor years whose context does not say which year they must be.

    Why it matters: the report was copied from last year's and the year was not overwritten;
    every figure of that sentence is then suspect too.

    Example: "本部门 2023 年度政府采购支出总额 26.85 万元" in the 2024 report (title, line 3):
    2023 should be 2024.
    """

    code = "TXT001"
    name = "stale-year"
    severity = Severity.ERROR
    scope = "prose"


@rule
class TXT002(Rule):
    """A report or evaluation is dated before the period it covers, or before a document it cites.

    What it checks: a date standing on its own line (the signature date of the report or of an
    attached 部门评价报告) in a 决算 of year Y must fall after Y has ended, and it cannot precede
    a document cited in the same part whose number carries a later year (景珠财字【2025】14号 was
    issued in 2025).

    Why it matters: the date was copied from an older report; a date before the end of the
    year cannot belong to a full-year final account.

    Example: the 2024 部门评价报告 dated "2024 年 3 月 17 日" (line 742) evaluates all of 2024 and
    cites 景珠财字【2025】14号 (line 767).
    """

    code = "TXT002"
    name = "date-before-period"
    severity = Severity.ERROR
    scope = "prose"


@rule
class TXT003(Rule):
    """An obsolete name of a function subject, renamed before the report's year.

    What it checks: old names of 支出功能分类 subjects from ``lexicons/subject_renames.toml``
    (医疗卫生与计划生育支出 → 卫生健康支出 from 2019, 行政事业单位离退休 → 行政事业单位养老支出 …)
    used in a report of that year or later: marked as a subject ("…（类）"), as a table label,
    or, for long names that no current name contains, anywhere in the prose.  Renames whose
    year is unknown are not used.

    Why it matters: the sentence was copied from a report older than the rename; the table
    of the same report prints the new name, so the two disagree.

    Example: "医疗卫生与计划生育支出（类）行政事业单位医疗（款）…" in the 2024 名词解释 while 公开02
    prints 210 卫生健康支出.
    """

    code = "TXT003"
    name = "obsolete-term"
    severity = Severity.WARNING
    scope = "prose"


@rule
class TXT004(Rule):
    """A 名词解释 entry explains a subject that no table of the report contains.

    What it checks: entries of the 名词解释 written "X（类）Y（款）Z（项）：…" are resolved level by
    level against the subject rows of the report's code tables (公开02/03/05/07/08), by name or,
    for renamed subjects, by code; an entry whose 类, 款 or 项 is not among the rows under its
    parent is reported with the rows the tables do hold there.

    Why it matters: the glossary was carried over from a year (or a department) with other
    subjects; it explains spending the report does not have and omits the one it has.

    Example: "住房保障支出（类）住房改革支出（款）购房补贴（项）" while the tables hold only
    2210201 住房公积金 under 22102.
    """

    code = "TXT004"
    name = "glossary-drift"
    severity = Severity.WARNING
    scope = "prose"


@rule
class TXT005(Rule):
    """Text left over from the official template: placeholders, instructions, unchosen alternatives.

    What it checks: the phrases of ``lexicons/template_phrases.toml`` marked ``flag = true``
    (XX / XXX placeholders, "增加（减少）", "大于（小于）", "仍保留该表格式", "（如持平作持平表述）",
    "主要原因是。" …), matched with spaces and line breaks removed; and a note saying a table
    has no data ("故本表无数据") under a table that has data.

    Why it matters: template text tells the reader the report was not finished; an unchosen
    "增加（减少）" leaves the direction of a change unsaid.

    Example: "主要原因：XXXXXXXX。" after a change, or "下降（增长）27.78%".
    """

    code = "TXT005"
    name = "template-residue"
    severity = Severity.WARNING
    scope = "prose"


@rule
class TXT006(Rule):
    """The department's name is written differently in one place.

    What it checks: every place that writes a name one edit away (a character added, dropped,
    changed or swapped) from the department's name as most often written (the title's), in the
    prose, table headers and 自评表 cells; and table headers ("部门：", 主管部门) that name another
    department.  A name cut short at a cell's end (a PDF column) is not a slip.

    Why it matters: a misspelt or foreign name in a header points to a table or a form copied
    from another report.

    Example: the 自评表's 主管部门 "中共景德镇市珠山区区委办公室" (a doubled 区) while the title
    says 中共景德镇市珠山区委办公室.
    """

    code = "TXT006"
    name = "department-name"
    severity = Severity.WARNING
    scope = "document"


@rule
class TXT007(Rule):
    """A character or a word is written twice in a row.

    What it checks: a Chinese character doubled ("14号号", "的的") and a word doubled
    ("根据《根据《") in the prose.  Accepted: words of ``lexicons/doubled_ok.txt`` and of
    jieba's dictionary that contain the doubling (常常, 仔仔细细, 不了了之), doublings across a
    word boundary (专业|业务, 学习|习近平, 市|市场), numerals and digits.

    Why it matters: a doubled character is a typing slip the editor did not re-read; in a
    document number it makes the citation wrong.

    Example: "（景珠财字【2025】14号号）".
    """

    code = "TXT007"
    name = "doubled-text"
    severity = Severity.WARNING
    scope = "prose"


# ---------------------------------------------------------------------- prose units
@dataclass
class Span:
    """A stretch of text with its map back to source lines: a block, or one line of a
    table's preamble, notes, a table cell or a 目录 entry."""

    text: str  # folded
    kind: str  # block kind, "note", "preamble", "toc", "cell"
    block: Block | None = None
    line: SourceLine | None = None
    col: int = 0  # for a cell: its offset in the line's folded text
    table: Table | None = None

    def loc(self, start: int, end: int | None = None) -> Loc:
        if self.block is not None:
            return self.block.loc(start, end)
        assert self.line is not None
        return Loc(self.line.number, self.line.page, self.line.number, self.line.page)

    def raw(self, start: int, end: int) -> str:
        if self.block is not None:
            return self.block.text[start:end]
        assert self.line is not None
        return self.line.text[self.col + start : self.col + end]


def prose_spans(doc: Document, *, tables: bool = True) -> Iterator[Span]:
    """The prose of a document: blocks, then the 目录 and each table's preamble and notes."""
    for b in doc.blocks:
        yield Span(b.norm, b.kind, block=b)
    for e in doc.toc:
        yield Span(e.line.norm, "toc", line=e.line)
    if tables:
        for t in doc.tables:
            for ln in t.preamble:
                yield Span(ln.norm, "preamble", line=ln, table=t)
            for ln in t.notes:
                yield Span(ln.norm, "note", line=ln, table=t)


def cell_spans(doc: Document) -> Iterator[Span]:
    """Every non-empty table cell (its folded text, positioned in its line)."""
    for t in doc.tables:
        for row in t.rows:
            pos = 0
            for part in row.line.norm.split("\t"):
                if part.strip():
                    yield Span(part, "cell", line=row.line, col=pos, table=t)
                pos += len(part) + 1


def protected(text: str) -> list[bool]:
    """Characters inside 《》, “”, 「」, quotes or a document number: titles, names and
    citations are right as they are."""
    mask = [False] * len(text)
    pairs = {"《": "》", "“": "”", "「": "」", "‘": "’"}
    stack: list[str] = []
    for i, ch in enumerate(text):
        if ch in pairs:
            stack.append(pairs[ch])
            mask[i] = True
        elif stack and ch == stack[-1]:
            stack.pop()
            mask[i] = True
        elif stack:
            mask[i] = True
    for m in DOCNO_RE.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask




# ---------------------------------------------------------------------- TXT001: stale years
@dataclass(frozen=True)
class YearIssue:
    span: Span
    start: int
    end: int
    year: int
    expected: int
    context: str  # "current" | "prior"
    why: str


YEAR_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@cache
def _year_words() -> dict[str, list[str]]:
    d = load_toml("text_checks.toml").get("stale_year", {})
    return {k: list(d.get(k, [])) for k in ("self", "current", "compare_lead", "compare_tail")}


def _classify_year(text: str, m: regex.Match[str], selfs: list[str]) -> tuple[str, str] | None:
    """(context, why) of a year, or None when its context does not fix it."""
    words = _year_words()
    after = text[m.end() :].lstrip()
    if not after.startswith("年"):
        return None
    tail = after[1:]
    du = tail.startswith("度")
    rest = (tail[1:] if du else tail).lstrip()
    before = text[: m.start()].rstrip()
    if rest.startswith("上年"):
        return "prior", "a year followed by 上年 names the prior year"
    if regex.search(r"上年(?:结转|结余)[^。;!?、,]{0,10}[:：]\s*(?:填列|指|为|即)?$", before):
        return "prior", "上年结转和结余 is the prior year's"
    if before and any(before.endswith(w) for w in words["compare_lead"]):
        if any(w in rest[:10] for w in words["compare_tail"]):
            return "prior", f"a comparison ('{before[-1]} … {m.group(1)} 年') is with the prior year"
        return None
    if any(before.endswith(s) for s in selfs):
        return "current", "the report speaking of itself"
    if regex.search(r"截[至止]$", before) and regex.match(r"(?:12\s*月\s*31\s*日|末|底)", rest):
        return "current", "the year-end date of the report's own accounts"
    alone = regex.fullmatch(r"\s*[(（]?\s*", text[: m.start()])
    if alone and regex.fullmatch(r"\s*年\s*度?\s*[)）]?\s*", text[m.end() :]):
        return "current", "the year line of a table or form"
    if du and any(rest.startswith(w) for w in words["current"]):
        return "current", f"'{m.group(1)} 年度{rest[:6]}' describes the report's own year"
    return None


def year_issues(doc: Document) -> list[YearIssue]:
    """Years in a fixed context that are not the year they must be (cached per document)."""
    cached = doc.cache.get("txt:years")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: list[YearIssue] = []
    if doc.year is not None:
        selfs = list(_year_words()["self"])
        if doc.department:
            selfs.append(fold(doc.department))
        for span in prose_spans(doc):
            if not YEAR_RE.search(span.text):
                continue
            mask = protected(span.text)
            for m in YEAR_RE.finditer(span.text):
                if mask[m.start()]:
                    continue
                got = _classify_year(span.text, m, selfs)
                if got is None:
                    continue
                context, why = got
                y = int(m.group(1))
                expected = doc.year if context == "current" else doc.year - 1
                if y == expected:
                    continue
                if context == "current" and y > doc.year and why != "the report speaking of itself":
                    continue  # a later year may be forward-looking ("2025年度预算安排中…")
                out.append(YearIssue(span, m.start(1), m.end(1), y, expected, context, why))
    doc.cache["txt:years"] = out
    return out


def _title_loc(doc: Document) -> Loc | None:
    """Where the report names itself: its first non-blank line (the title the year and the
    department are read from)."""
    for ln in doc.lines[:40]:
        if ln.norm.strip():
            return Loc(ln.number, ln.page)
    return None


@checker("TXT001")
def check_stale_years(ctx: Context) -> None:
    doc = ctx.doc
    title = _title_loc(doc)
    for issue in year_issues(doc):
        sp = issue.span
        excerpt = _sentence_of(sp, issue.start)
        if issue.context == "current":
            msg = f"year {issue.year} where the report's own year {issue.expected} is meant"
        else:
            msg = f"year {issue.year} where the prior year {issue.expected} is meant"
        expl = (f"{issue.why}; this is the {doc.year} {doc.report_kind or 'report'} (title, line "
                f"{title.line if title else '?'}), so the year must be {issue.expected}")
        ctx.emit(TXT001, msg, sp.loc(issue.start, issue.end), excerpt, stated=str(issue.year),
                 computed=str(issue.expected), explanation=expl, related=[title] if title else [],
                 key=f"year:{issue.year}:{issue.start}")


def _sentence_of(span: Span, pos: int) -> str:
    """The sentence around ``pos`` in the original text (for excerpts)."""
    t = span.text
    a = max(t.rfind(p, 0, pos) for p in "。;!?；") + 1
    ends = [i for i in (t.find(p, pos) for p in "。;!?；") if i >= 0]
    b = min(ends) + 1 if ends else len(t)
    return span.raw(a, b).strip()


# ---------------------------------------------------------------------- TXT002: dates


@dataclass(frozen=True)
class DateIssue:
    block: Block
    date: tuple[int, int, int]
    text: str
    reasons: tuple[str, ...]
    cited: tuple[tuple[int, Loc, str], ...]  # (year, where, document number)


def _part_bounds(doc: Document, line: int) -> tuple[int, int]:
    """First and last line of the 第N部分 containing ``line`` (the whole report without parts)."""
    starts = sorted(s.line.number for s in doc.sections if s.level == 1 and PART_RE.match(s.title))
    lo, hi = 1, (doc.lines[-1].number if doc.lines else line)
    for s in starts:
        if s <= line:
            lo = s
        elif s > line:
            hi = s - 1
            break
    return lo, hi


def date_issues(doc: Document) -> list[DateIssue]:
    cached = doc.cache.get("txt:dates")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: list[DateIssue] = []
    for b in doc.blocks:
        m = DATE_LINE_RE.match(b.norm)
        if m is None:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        reasons: list[str] = []
        if doc.report_kind == "决算" and doc.year is not None and y <= doc.year:
            reasons.append(f"before the end of {doc.year}, the year this 决算 accounts for")
        lo, hi = _part_bounds(doc, b.first_line.number)
        cited: list[tuple[int, Loc, str]] = []
        for other in doc.blocks:
            ln = other.first_line.number
            if ln < lo or ln > hi:
                continue
            for dm in DOCNO_RE.finditer(other.norm):
                cy = int(dm.group(1))
                if cy > y:
                    cited.append((cy, other.loc(dm.start(), dm.end()), other.text[dm.start() : dm.end()]))
        if cited:
            first = cited[0]
            reasons.append(f"before {first[2]} (line {first[1].line}), issued in {first[0]}, which it cites")
        if reasons:
            out.append(DateIssue(b, (y, mo, d), b.text.strip(), tuple(reasons), tuple(cited)))
    doc.cache["txt:dates"] = out
    return out


@checker("TXT002")
def check_dates(ctx: Context) -> None:
    for issue in date_issues(ctx.doc):
        y, mo, d = issue.date
        places = sorted({c[1].line for c in issue.cited if c[1].line is not None})
        expl = f"dated {issue.text}: " + "; ".join(issue.reasons)
        if len(places) > 1:
            expl += f"; the same document is cited at lines {', '.join(str(p) for p in places)}"
        seen: set[int | None] = set()
        related = []
        for c in issue.cited:
            if c[1].line not in seen:
                seen.add(c[1].line)
                related.append(c[1])
        ctx.emit(TXT002, f"dated {issue.text}, " + issue.reasons[0], issue.block.loc(0, len(issue.block.norm)),
                 issue.text, stated=issue.text, explanation=expl, related=related, key=f"date:{y}-{mo}-{d}")


# ---------------------------------------------------------------------- subjects (TXT003, TXT004)
@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    code: str
    old_code: str
    level: str
    year: int


@cache
def renames() -> tuple[Rename, ...]:
    out = []
    for e in load_toml("subject_renames.toml").get("rename", []):
        if e.get("old") and e.get("kind") in ("rename", "merge") and int(e.get("year") or 0) > 0:
            out.append(Rename(squash(e["old"]), squash(e["new"]), str(e["code"]), str(e.get("old_code") or e["code"]),
                              e.get("level", ""), int(e["year"])))
    return tuple(sorted(out, key=lambda r: -len(r.old)))


@cache
def current_subject_names() -> frozenset[str]:
    names = {squash(e["name"]) for e in load_toml("function_subjects.toml").get("subject", [])}
    names |= {squash(e["name"]) for e in load_toml("economic_subjects.toml").get("subject", []) if e.get("name")}
    return frozenset(names)


@cache
def subject_codes_by_name() -> dict[str, frozenset[str]]:
    """Squashed name → every function-subject code with that name (old names included)."""
    out: dict[str, set[str]] = {}
    for e in load_toml("function_subjects.toml").get("subject", []):
        out.setdefault(squash(e["name"]), set()).add(str(e["code"]))
    for e in load_toml("subject_renames.toml").get("rename", []):
        if e.get("old"):
            out.setdefault(squash(e["old"]), set()).update({str(e["code"]), str(e.get("old_code") or e["code"])})
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class TableSubject:
    code: str
    name: str  # squashed, as printed
    line: SourceLine


def table_subjects(doc: Document) -> dict[str, TableSubject]:
    """Code → the subject row of the code tables (first table that prints it)."""
    cached = doc.cache.get("txt:subjects")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: dict[str, TableSubject] = {}
    for kind in ("T02", "T03", "T05", "T07", "T08"):
        for t in doc.tables_of(kind):
            for key, fact in t.facts.items():
                if key.row.isdigit() and key.row not in out:
                    out[key.row] = TableSubject(key.row, squash(fact.label), fact.cell.line)
    for kind in ("T01", "T04"):
        for t in doc.tables_of(kind):
            for key, fact in t.facts.items():
                if key.row.startswith("exp.") and key.row[4:].isdigit() and key.row[4:] not in out:
                    label = regex.sub(r"^[一二三四五六七八九十]+、", "", squash(fact.label))
                    out[key.row[4:]] = TableSubject(key.row[4:], label, fact.cell.line)
    doc.cache["txt:subjects"] = out
    return out


LEVEL_MARK_RE = regex.compile(r"\s*[(（]\s*(类|款|项)\s*[)）]")


@dataclass(frozen=True)
class ObsoleteUse:
    span: Span
    start: int
    end: int
    rename: Rename


def obsolete_uses(doc: Document) -> list[ObsoleteUse]:
    if doc.year is None:
        return []
    current = current_subject_names()
    out: list[ObsoleteUse] = []
    spans = list(prose_spans(doc)) + list(cell_spans(doc))
    olds = [r for r in renames() if doc.year >= r.year]
    for span in spans:
        text = span.text
        if not any(r.old in text for r in olds):
            continue
        sq = squash(text)
        taken: list[tuple[int, int]] = []
        for r in olds:
            if r.old not in text:
                continue
            distinctive = (len(r.old) >= 8 and r.old.endswith(("支出", "事务")) and not any(r.old in n for n in current)
                           and r.old not in r.new)
            for m in regex.finditer(regex.escape(r.old), text):
                a, b = m.start(), m.end()
                if any(a < y and x < b for x, y in taken):
                    continue
                marked = LEVEL_MARK_RE.match(text, b) is not None
                whole_cell = span.kind == "cell" and sq in (r.old, r.old + "(类)", r.old + "(款)",
                                                                      r.old + "(项)")
                longer_current = any(n != r.old and r.old in n and n in sq for n in current)
                if longer_current:
                    continue
                if marked or whole_cell or distinctive:
                    taken.append((a, b))
                    out.append(ObsoleteUse(span, a, b, r))
    return out


@checker("TXT003")
def check_obsolete_terms(ctx: Context) -> None:
    doc = ctx.doc
    subjects = table_subjects(doc)
    for use in obsolete_uses(doc):
        r = use.rename
        row = subjects.get(r.code)
        where = (f"; this report's own table prints {r.code} {row.name} (line {row.line.number})"
                 if row is not None else "")
        related = [Loc(row.line.number, row.line.page)] if row is not None else []
        ctx.emit(TXT003, f"obsolete subject name {r.old}: {r.level + ' ' if r.level else ''}{r.code} is called "
                 f"{r.new} from {r.year}", use.span.loc(use.start, use.end), _sentence_of(use.span, use.start),
                 stated=r.old, computed=r.new,
                 explanation=f"subject_renames.toml: {r.old} ({r.old_code}) became {r.new} ({r.code}) in the {r.year} "
                 f"科目; the report is for {doc.year}{where}", related=related, key=f"old:{r.old}")


GLOSSARY_ENTRY_RE = regex.compile(r"((?:[^\s:;,.。、()（）\"“”]{2,40}?\s*[(（]\s*(?:类|款|项)\s*[)）]\s*){1,3})")
GLOSSARY_PART_RE = regex.compile(r"名词解释")
LEVEL_LEN = {"类": 3, "款": 5, "项": 7}


def _names_match(gloss: str, table: str) -> bool:
    """A glossary name and a table label name the same subject (tables cut long labels short)."""
    if gloss == table:
        return True
    return len(table) >= 8 and gloss.startswith(table)


@dataclass(frozen=True)
class GlossaryDrift:
    block: Block
    start: int
    end: int
    name: str
    level: str
    parent: TableSubject | None
    held: tuple[TableSubject, ...]


def glossary_drift(doc: Document) -> list[GlossaryDrift]:
    subjects = table_subjects(doc)
    if not subjects:
        return []
    by_name = subject_codes_by_name()
    out: list[GlossaryDrift] = []
    for b in doc.blocks:
        if not any(GLOSSARY_PART_RE.search(s) for s in b.section):
            continue
        for m in GLOSSARY_ENTRY_RE.finditer(b.norm):
            parent: TableSubject | None = None
            pos = m.start()
            items = list(regex.finditer(r"([^\s:;,.。、()（）\"“”]{2,40}?)\s*[(（]\s*(类|款|项)\s*[)）]", m.group(1)))
            for it in items:
                name = squash(regex.sub(r"^[一二三四五六七八九十\d]+[、.]", "", it.group(1)))
                level = it.group(2)
                n = LEVEL_LEN[level]
                candidates = [s for s in subjects.values() if len(s.code) == n
                              and (parent is None or s.code.startswith(parent.code))]
                codes = by_name.get(name, frozenset())
                found = next((s for s in candidates if _names_match(name, s.name)), None)
                if found is None:
                    found = next((s for s in candidates if s.code in codes), None)
                if found is None:
                    start = pos + it.start(1)
                    held = tuple(sorted(candidates, key=lambda s: s.code)) if parent is not None else ()
                    out.append(GlossaryDrift(b, start, pos + it.end(1), name, level, parent, held))
                    break
                parent = found
    return out


@checker("TXT004")
def check_glossary(ctx: Context) -> None:
    for d in glossary_drift(ctx.doc):
        if d.parent is not None:
            held = "、".join(f"{s.code} {s.name} (line {s.line.number})" for s in d.held) or "nothing"
            expl = (f"名词解释 explains {d.name}（{d.level}） under {d.parent.code} {d.parent.name}; under "
                    f"{d.parent.code} the report's tables hold: {held}")
            related = [Loc(s.line.number, s.line.page) for s in d.held]
            related = related or [Loc(d.parent.line.number, d.parent.line.page)]
        else:
            expl = f"名词解释 explains {d.name}（{d.level}）, a class no table of the report contains"
            related = []
        ctx.emit(TXT004, f"名词解释 explains {d.name}（{d.level}）, which no table of the report contains",
                 d.block.loc(d.start, d.end), d.block.text.strip()[:120], stated=d.name,
                 computed="、".join(s.name for s in d.held) or None, explanation=expl, related=related,
                 key=f"gloss:{d.name}")


# ---------------------------------------------------------------------- TXT005: template residue
@dataclass(frozen=True)
class Phrase:
    pattern: regex.Pattern[str]
    text: str
    kind: str
    why: str
    seen_in: str


@cache
def template_phrases() -> tuple[Phrase, ...]:
    out = []
    for e in load_toml("template_phrases.toml").get("phrase", []):
        if not e.get("flag", True):
            continue
        pat = e["pattern"] if e.get("regex") else regex.escape(e["pattern"])
        out.append(Phrase(regex.compile(pat), e["pattern"], e.get("kind", ""), e.get("why", ""), e.get("seen_in", "")))
    return tuple(out)


# The template's phrases are written in full-width punctuation; reports mix both widths.
_WIDEN = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})
NO_DATA_RE = regex.compile(r"故本表无数据|本表无数据|本表为空表|此表无数据")


def _squeezed(span: Span) -> tuple[str, list[int]]:
    """The span's original text with whitespace removed and punctuation widened, and the
    index of each kept character in the span's text."""
    raw = span.raw(0, len(span.text))
    keep = [i for i, ch in enumerate(raw) if not ch.isspace()]
    return "".join(raw[i] for i in keep).translate(_WIDEN), keep


def _note_table(doc: Document, span: Span) -> Table | None:
    """The table a no-data note speaks of: the table it is a note of, else the table right above."""
    if span.table is not None:
        return span.table
    if span.block is None:
        return None
    line = span.block.first_line.number
    above = [t for t in doc.tables if t.rows and t.rows[-1].line.number < line]
    if not above:
        return None
    t = max(above, key=lambda t: t.rows[-1].line.number)
    return t if line - t.rows[-1].line.number <= 6 else None


@checker("TXT005")
def check_template_residue(ctx: Context) -> None:
    doc = ctx.doc
    for span in prose_spans(doc):
        if span.kind == "toc":
            continue
        text, keep = _squeezed(span)
        hits: list[tuple[int, int, Phrase, str]] = []
        for ph in template_phrases():
            for m in ph.pattern.finditer(text):
                if m.end() > m.start():
                    hits.append((keep[m.start()], keep[m.end() - 1] + 1, ph, m.group(0)))
        if hits:
            # one finding per paragraph (or note line), at its first residue, listing them all
            hits.sort(key=lambda h: h[0])
            a, b, ph, got = hits[0]
            shown = "、".join(dict.fromkeys(f"'{h[3]}'" for h in hits))
            kinds = "/".join(dict.fromkeys(h[2].kind or "text" for h in hits))
            ctx.emit(TXT005, f"template {kinds} left in the report: {shown}", span.loc(a, b), _sentence_of(span, a),
                     stated=got, explanation="; ".join(dict.fromkeys(
                         f"'{h[3]}': {h[2].why} (template: {h[2].seen_in or 'derived from the template'})"
                         for h in hits)), key=f"tpl:{got}:{a}")
        nd = NO_DATA_RE.search(text)
        if nd:
            t = _note_table(doc, span)
            if t is not None and t.has_data:
                a = keep[nd.start()]
                title = t.first_line
                ctx.emit(TXT005, f"note says '{nd.group(0)}' but {t.title or t.kind} has data", span.loc(a),
                         _sentence_of(span, a), stated=nd.group(0),
                         explanation=f"the note under {t.title or t.kind} (line {title.number}) says the table is "
                         "empty, but it holds non-zero figures: the note was copied from a report without them",
                         related=[Loc(title.number, title.page)], key=f"nodata:{t.kind}")


# ---------------------------------------------------------------------- TXT006: department name
@cache
def _strict_slots() -> tuple[str, ...]:
    """Header labels whose value must be the department (or a unit it lists)."""
    d = load_toml("text_checks.toml").get("names", {})
    return tuple(squash(s) for s in d.get("strict", []))


@dataclass(frozen=True)
class NameUse:
    span: Span
    start: int
    end: int
    written: str


def _name_windows(text: str, name: str) -> Iterator[tuple[int, int, str, int]]:
    """Stretches of ``text`` within one edit of ``name``: (start, end, written, distance).
    Anchored on the name's first and last three characters, so a slip anywhere is found."""
    from rapidfuzz.distance import OSA

    n = len(name)
    seen: set[tuple[int, int]] = set()
    head, tail = name[:3], name[-3:]
    for m in regex.finditer(regex.escape(head), text):
        a = m.start()
        best: tuple[int, int, int] | None = None
        for d in (0, -1, 1, -2, 2):
            b = a + n + d
            if b > len(text) or b <= a:
                continue
            dist = OSA.distance(text[a:b], name, score_cutoff=2)
            if best is None or dist < best[2]:
                best = (a, b, dist)
        if best is not None and (best[0], best[1]) not in seen:
            seen.add((best[0], best[1]))
            yield best[0], best[1], text[best[0] : best[1]], best[2]
    for m in regex.finditer(regex.escape(tail), text):
        b = m.end()
        best = None
        for d in (0, -1, 1, -2, 2):
            a = b - n - d
            if a < 0 or a >= b:
                continue
            dist = OSA.distance(text[a:b], name, score_cutoff=2)
            if best is None or dist < best[2]:
                best = (a, b, dist)
        if best is not None and (best[0], best[1]) not in seen:
            seen.add((best[0], best[1]))
            yield best[0], best[1], text[best[0] : best[1]], best[2]


@dataclass
class NameCheck:
    canonical: str | None  # the department's name as most often written
    wrong: list[NameUse]  # places one edit away from it
    foreign: list[NameUse]  # header values naming another unit
    counts: dict[str, int]  # how often each spelling occurs


def department_name_uses(doc: Document) -> NameCheck:
    if not doc.department:
        return NameCheck(None, [], [], {})
    dept = squash(fold(doc.department))
    if len(dept) < 6:
        return NameCheck(dept, [], [], {})
    uses: list[NameUse] = []  # the name as written, exactly or one edit away
    spans = list(prose_spans(doc)) + list(cell_spans(doc))
    for span in spans:
        text = span.text
        found: list[tuple[int, int, str, int]] = sorted(_name_windows(text, dept), key=lambda w: (w[3], w[0]))
        taken: list[tuple[int, int]] = []
        for a, b, written, dist in found:
            if dist > 1 or any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            if dist == 1:
                if b >= len(text.rstrip()) and dept.startswith(written):
                    continue  # cut short at the end of a cell or line
                if written[-1] != dept[-1] and b < len(text) and regex.match(r"\p{Han}", text[b]):
                    continue  # a longer name sharing the beginning (…自然资源管理事务中心, 上海市XX中心)
                if written.startswith(dept) or dept in written:
                    continue
            uses.append(NameUse(span, a, b, written))
    counts: dict[str, int] = {}
    for u in uses:
        counts[u.written] = counts.get(u.written, 0) + 1
    # the name as most often written (the title's when tied): a misspelt title is then the odd one out
    canonical = max(counts, key=lambda k: (counts[k], k == dept)) if counts else dept
    wrong = [u for u in uses if u.written != canonical]
    return NameCheck(canonical, wrong, _foreign_headers(doc, canonical), counts)


UNITS_RE = regex.compile(r"即\s*([^。]+)")


def _listed_units(doc: Document) -> list[str]:
    """Units the report says it covers ("…单位共 2 个，即 A（本级）、B")."""
    out: list[str] = []
    for b in doc.blocks[:80]:
        if "单位" in b.norm and "即" in b.norm:
            m = UNITS_RE.search(b.norm)
            if m:
                for part in regex.split(r"[、,，;；]", m.group(1)):
                    p = squash(regex.sub(r"\(本级\)|（本级）", "", part))
                    if len(p) >= 4:
                        out.append(p)
    return out


def _foreign_headers(doc: Document, canonical: str) -> list[NameUse]:
    """Strict header slots ("部门：", 主管部门) naming a unit that is not the department."""
    from rapidfuzz.distance import OSA

    strict = _strict_slots()
    units = [canonical, *_listed_units(doc)]
    out: list[NameUse] = []

    def ok(value: str) -> bool:
        v = squash(regex.sub(r"\(本级\)|（本级）", "", value))
        if not v or len(v) < 4:
            return True
        for u in units:
            if v == u or u.startswith(v) or v.startswith(u) or OSA.distance(v, u, score_cutoff=2) <= 1:
                return True
        return False

    for t in doc.tables:
        for ln in t.preamble:
            m = regex.match(rf"\s*(?:{'|'.join(map(regex.escape, strict))})\s*:\s*(\S+)", ln.norm)
            if m and not ok(m.group(1)):
                span = Span(ln.norm, "preamble", line=ln, table=t)
                out.append(NameUse(span, m.start(1), m.end(1), m.group(1)))
        for row in t.rows:
            cells = row.line.norm.split("\t")
            for i, c in enumerate(cells):
                if squash(c) in strict and squash(c) != "部门":
                    value = next((x for x in cells[i + 1 :] if x.strip()), "")
                    if value and not ok(value):
                        col = sum(len(x) + 1 for x in cells[: cells.index(value, i + 1)])
                        span = Span(value, "cell", line=row.line, col=col, table=t)
                        out.append(NameUse(span, 0, len(value), value.strip()))
    for b in doc.blocks:
        m = regex.match(r"\s*主管部门\s*:\s*(\S+)", b.norm)
        if m and not ok(m.group(1)):
            out.append(NameUse(Span(b.norm, b.kind, block=b), m.start(1), m.end(1), m.group(1)))
    return out


@checker("TXT006")
def check_department_name(ctx: Context) -> None:
    doc = ctx.doc
    check = department_name_uses(doc)
    canonical = check.canonical
    if canonical is None:
        return
    title = _title_loc(doc)
    total = sum(check.counts.values())
    for v in check.wrong:
        ctx.emit(TXT006, f"department name written {v.written}; the report calls itself {canonical}",
                 v.span.loc(v.start, v.end), v.span.raw(v.start, v.end), stated=v.written, computed=canonical,
                 explanation=f"one character differs from {canonical}, the spelling of "
                 f"{check.counts.get(canonical, 0)} of the {total} places that write the name in full; "
                 f"the title (line {title.line if title else '?'}) reads {doc.department}",
                 related=[title] if title else [], key=f"name:{v.written}")
    for v in check.foreign:
        ctx.emit(TXT006, f"header names {v.written}, not the department {canonical}",
                 v.span.loc(v.start, v.end), v.span.raw(v.start, v.end) or v.written, stated=v.written,
                 computed=canonical,
                 explanation=f"a table or form header must name the department of the report ({canonical}, title "
                 f"line {title.line if title else '?'}) or one of the units it lists; {v.written} is neither: the "
                 "table was probably copied from another report", related=[title] if title else [],
                 key=f"foreign:{v.written}")


# ---------------------------------------------------------------------- TXT007: doubled text
CN_NUMERALS = set("〇零一二三四五六七八九十百千万亿两")


@cache
def doubled_ok() -> tuple[str, ...]:
    text = lexicon_path("doubled_ok.txt").read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def _jieba_dict() -> str:
    """jieba's bundled dictionary as one string of "word freq tag" lines, read once and only
    when a doubling has to be judged."""
    from ..claims.segment import jieba_dict_path  # finds the file without importing jieba

    path = jieba_dict_path()
    try:
        return "\n" + path.read_text(encoding="utf-8") if path else "\n"
    except OSError:
        return "\n"


@cache
def words_with(ch: str) -> dict[str, int]:
    """The words of jieba's dictionary that contain ``ch``, with their frequencies
    (a few hundred to a few thousand words, found in about a millisecond)."""
    d = _jieba_dict()
    out: dict[str, int] = {}
    k = d.find(ch)
    while k >= 0:
        a = d.rfind("\n", 0, k) + 1
        b = d.find(" ", k)
        e = d.find("\n", k)
        if e < 0:
            e = len(d)
        if 0 <= b < e:
            f = d[b + 1 : e].split(" ", 1)[0]
            out[d[a:b]] = int(f) if f.isdigit() else 0
        k = d.find(ch, e)
    return out


COMMON = 10  # a dictionary word at least this frequent counts as a word here
SET_PHRASE = 50  # a word containing a doubling must be this frequent to excuse it


def _inside_word(text: str, i: int, j: int) -> bool:
    """Is the doubling text[i:j] part of a word written here (常常, 仔仔细细, 不了了之, 的的确确)?"""
    dbl = text[i:j]
    listed = [w for w in doubled_ok() if dbl in w]
    listed += [w for w, f in words_with(dbl[0]).items() if f >= SET_PHRASE and dbl in w]
    for w in listed:
        k = w.find(dbl)
        while k >= 0:
            a = i - k
            if a >= 0 and text[a : a + len(w)] == w:
                return True
            k = w.find(dbl, k + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """text[i] == text[i+1]: does the first end a word and the second start one (专业|业务)?"""
    ch = text[i]
    known = words_with(ch)
    ends = any(known.get(text[a : i + 1], 0) >= COMMON for a in range(max(0, i - 3), i))
    nxt = text[i + 2] if i + 2 < len(text) else ""
    if not ends or not regex.match(r"\p{Han}", nxt or " "):
        return False
    prefix = ch + nxt
    return any(w.startswith(prefix) for w in known)  # any word, however rare (习近平 is 4 in jieba)


@dataclass(frozen=True)
class Doubling:
    span: Span
    start: int
    end: int
    unit: str


def doublings(doc: Document) -> list[Doubling]:
    out: list[Doubling] = []
    for span in prose_spans(doc, tables=False):
        if span.kind == "toc":
            continue
        t = span.text
        # a word written twice: 根据《根据《
        words: list[tuple[int, int]] = []
        for size in range(6, 1, -1):
            for m in regex.finditer(rf"(?=((?:\p{{Han}}|[《“]){{{size}}})\1)", t):
                a = m.start()
                unit = m.group(1)
                if len(regex.findall(r"\p{Han}", unit)) < 2 or len(set(unit)) == 1:
                    continue
                if all(ch in CN_NUMERALS for ch in unit if regex.match(r"\p{Han}", ch)):
                    continue
                if any(a < y and x < a + 2 * size for x, y in words):
                    continue
                if _inside_word(t, a, a + 2 * size):
                    continue
                words.append((a, a + 2 * size))
                out.append(Doubling(span, a, a + 2 * size, unit))
        # a character written twice: 号号, 的的
        for m in regex.finditer(r"(\p{Han})\1", t):
            i = m.start()
            if any(x <= i < y for x, y in words) or t[i] in CN_NUMERALS:
                continue
            if _inside_word(t, i, i + 2) or _boundary(t, i):
                continue
            out.append(Doubling(span, i, i + 2, t[i]))
    return out


@checker("TXT007")
def check_doubled(ctx: Context) -> None:
    for d in doublings(ctx.doc):
        shown = d.span.raw(max(0, d.start - 6), min(len(d.span.text), d.end + 6))
        ctx.emit(TXT007, f"'{d.unit}' written twice: '{d.span.raw(d.start, d.end)}'", d.span.loc(d.start, d.end),
                 _sentence_of(d.span, d.start)[:160], stated=d.span.raw(d.start, d.end), computed=d.unit,
                 explanation=f"…{shown}…: '{d.unit}' twice in a row; no word of doubled_ok.txt or of jieba's "
                 "dictionary contains the doubling and it does not fall between two words",
                 key=f"dbl:{d.unit}:{d.start}")
