"""Subject names in prose, and the table cells they restate.

The mapping is data (``lexicons/subjects.toml``): prose says 对个人和家庭补助支出
where 公开06 prints 对个人和家庭的补助, and 机关运行经费 where it prints
公用经费合计.  Names are matched by longest suffix of the words before a
figure (a trie would do the same; the lexicon is a few hundred names), never by
searching the tables for the figure's value: binding by value would turn every
wrong figure into "unbound" instead of an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from .. import patterns
from ..lexicon import class_names, load_toml
from ..model import Document, Fact, FactKey
from ..normalize import squash
from .model import Binding

ROLE_COLUMNS = {
    "final": ["final"],
    "initial_budget": ["initial_budget", "budget"],
    "full_budget": ["full_budget", "budget"],
    "budget": ["budget", "full_budget"],
}


@dataclass(frozen=True)
class Subject:
    id: str
    names: tuple[str, ...]
    # scope or "cell" → the specs that may hold it, first found wins (a 决算's 本年支出合计 row,
    # a 预算's 支出总计 where the table has no other total; 公开06's 人员经费合计, else 301 + 303)
    cells: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_role: bool = False
    name_scopes: tuple[tuple[str, str], ...] = ()  # (squashed name, scope) for names that fix the scope
    at_most_with_institutions: bool = False

    def scope_of_name(self, phrase: str) -> str | None:
        p = squash(phrase)
        for name, scope in self.name_scopes:
            if p.endswith(name) or name in p:
                return scope
        return None


@dataclass(frozen=True)
class CountSubject:
    id: str
    pattern: regex.Pattern[str]
    units: tuple[str, ...]
    cell: str


@cache
def subjects() -> tuple[Subject, ...]:
    out: list[Subject] = []
    for e in load_toml("subjects.toml").get("subject", []):
        cells = {k: (e[k],) if isinstance(e[k], str) else tuple(e[k]) for k in ("all", "fiscal", "gpb", "cell") if k in e}
        scopes = tuple((squash(k), v) for k, v in e.get("name_scopes", {}).items())
        out.append(Subject(e["id"], tuple(squash(n) for n in e["names"]), cells, bool(e.get("by_role")), scopes,
                           bool(e.get("at_most_with_institutions"))))
    for name, code in class_names().items():
        out.append(Subject(f"class:{code}", (name,), {}, False))
    return tuple(out)


@cache
def count_subjects() -> tuple[CountSubject, ...]:
    return tuple(
        CountSubject(e["id"], patterns.compile(e["pattern"]), tuple(e["units"]), e["cell"])
        for e in load_toml("subjects.toml").get("count", [])
    )


@cache
def _names() -> list[tuple[str, Subject]]:
    pairs = [(n, s) for s in subjects() for n in s.names]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    return pairs


@cache
def _names_by_suffix() -> tuple[dict[str, Subject], tuple[int, ...]]:
    """Each name with the subject it is taken for (the first in ``_names`` order, as a scan of
    it finds), and the name lengths, longest first: the name that ends a phrase is found by
    looking up the phrase's last k characters for each k, not by trying every name."""
    first: dict[str, Subject] = {}
    for name, subj in _names():
        first.setdefault(name, subj)
    return first, tuple(sorted({len(name) for name in first}, reverse=True))


def match_subject(phrase: str) -> tuple[Subject, int] | None:
    """The subject whose name ends the phrase (longest first), else the rightmost name
    inside it; returns the subject and where its name starts in ``phrase``.

    Quoted text (“2024 年度党委公用经费”项目) names a project or a document, not a
    subject of the tables, and is never searched.  Phrases about a project ("…项目")
    have no lexicon subject: projects are checked against the 自评表 by name."""
    p = squash(phrase)
    if patterns.search(r"项目(?:资金|经费)?$", patterns.sub(r"“[^”]*”|\"[^\"]*\"", "", phrase)) or "”项目" in phrase:
        return None
    if patterns.match(r"^(?:共)?涉及", p):
        return None  # "涉及一般公共预算支出 154.4 万元": the money an evaluation covers, not a table subject
    masked = patterns.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: "\x00" * len(m.group(0)), phrase)
    p_masked = squash(masked)
    if len(p_masked) == len(p):
        p = p_masked
    first, lengths = _names_by_suffix()
    n = len(p)
    for k in lengths:  # the longest name that ends the phrase: one look-up per name length
        if k <= n:
            found = first.get(p[n - k :])
            if found is not None:
                return found, n - k
    best: tuple[int, int, Subject] | None = None
    for name, subj in _names():
        i = p.rfind(name)
        if i >= 0 and _only_role_words(p[i + len(name) :], subj):
            cand = (i + len(name), len(name), subj)
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None:
        return None
    return best[2], best[0] - len(best[2].names[0])


# What may follow a subject's name and leave the figure that subject's: role and total words
# ("因公出国（境）费预算支出", "本年收入预算合计"), never a noun of its own ("财政拨款支出" is not
# 财政拨款 收入; "…增加人员经费" is caught before, as a reason).
TRAILING_ROLE_RE = patterns.compile(
    r"(?:预算|决算)?(?:数)?(?:支出|收入)?(?:预算|决算)?(?:数|总额|金额|合计|总计|小计|安排|安排数)?(?:为|是)?")


def _only_role_words(rest: str, subj: Subject) -> bool:
    rest = patterns.sub(r"\([^()]*\)", "", rest)  # "政府采购金额（以合同签订为准）": a remark
    if not TRAILING_ROLE_RE.fullmatch(rest):
        return False
    # an income subject followed by 支出 (or the reverse) names the other side of the account
    side = subj.id.split(".")[0]
    return not ((side == "income" and "支出" in rest) or (side == "exp" and "收入" in rest))


@cache
def _by_id() -> dict[str, Subject]:
    return {s.id: s for s in subjects()}


def subject_by_id(sid: str) -> Subject | None:
    if sid.startswith("class:"):
        return Subject(sid, (), {}, False)
    return _by_id().get(sid)


PATH_PART_RE = patterns.compile(r"(?P<name>[\p{Han}()]+?)\((?P<level>类|款|项)\)")


def path_subject(doc: Document, phrase: str) -> tuple[Subject, int] | None:
    """"一般公共服务支出（类）社会工作事务（款）行政运行（项）" → the 项's code, looked up by
    name in the report's own code tables under its class.  A 项 whose 款 is misnamed is
    still found by its own name under the class (the path is then recorded as misnamed);
    a 款 or 项 found nowhere gives ``None``, never the class: the figure would be compared
    with the wrong row."""
    resolved = resolve_path(doc, phrase)
    if resolved is None or resolved[0] is None:
        return None
    code, at, _problems = resolved
    return Subject(f"class:{code}", (), {}, False), at


def resolve_path(doc: Document, phrase: str) -> tuple[str | None, int, list[str]] | None:
    """(code or None, where the path starts, problems) for a (类)(款)(项) path; None when the
    phrase holds no path."""
    p = squash(phrase)
    parts = [(m.group("name"), m.group("level"), m.start()) for m in PATH_PART_RE.finditer(p)]
    if parts and parts[0][1] == "款":
        return _resolve_from_kuan(doc, parts)
    if not parts or parts[0][1] != "类":
        return None
    cname = parts[0][0]
    code = None
    names = class_names()
    for i in range(len(cname)):
        # "公共安全（类）支出": the class named without its 支出 (Jiangsu)
        for name in (cname[i:], cname[i:] + "支出"):
            if name in names:
                code = names[name]
                break
        if code is not None:
            break
    if code is None:
        return None, parts[0][2], [f"no class named {cname}"]
    rows = doc.derive(_code_rows)
    problems: list[str] = []
    for name, level, _ in parts[1:]:
        want = 5 if level == "款" else 7
        found = next((r for r, label in rows if len(r) == want and r.startswith(code) and label == name), None)
        if found is None and want == 7:
            # the 款 may be misnamed: look for the 项 anywhere under the class
            klass = code[:3]
            found = next((r for r, label in rows if len(r) == 7 and r.startswith(klass) and label == name), None)
            if found is not None:
                problems.append(f"the 项 {name} ({found}) is not under the 款 named before it")
        if found is None and want == 7:
            renamed = _renamed(name)
            if renamed:
                found = next((r for r, label in rows if len(r) == 7 and r.startswith(code[:3]) and label == renamed), None)
                # an old name is the obsolete-term rule's finding (TXT003), not a misnamed path
        if found is None and want == 5:
            problems.append(f"no 款 named {name} under {code} in the tables")
            continue  # the 项 after it may still name its row
        if found is None:
            problems.append(f"no {level} named {name} under {code} in the tables")
            return None, parts[0][2], problems
        code = found
    return code, parts[0][2], problems


def _resolve_from_kuan(doc: Document, parts: list[tuple[str, str, int]]) -> tuple[str | None, int, list[str]]:
    """"法院（款）行政运行（项）": a path that starts at the 款 (the class is the section's).
    The 款 is looked up by name among the report's own 5-digit rows and must be the only
    row of that name; the 项 must then be under it.  Anything less names no row."""
    rows = doc.derive(_code_rows)
    kname, _, at = parts[0]
    kuan = [r for r, label in rows if len(r) == 5 and label == kname]
    if len(kuan) != 1:
        return None, at, [f"no single 款 named {kname} in the tables"]
    code = kuan[0]
    for name, level, _ in parts[1:]:
        if level != "项":
            return None, at, [f"a {level} after the 款 {kname}"]
        found = next((r for r, label in rows if len(r) == 7 and r.startswith(code) and label == name), None)
        if found is None:
            return None, at, [f"no 项 named {name} under {code} in the tables"]
        code = found
    return code, at, []


def row_subject(doc: Document, phrase: str) -> tuple[Subject, int] | None:
    """A 款 or 项 named exactly as one row of the report's own code tables ("住房改革支出",
    "小学教育（2050202）"); a name that several rows share ("行政运行") names none."""
    p = squash(phrase)
    m = patterns.fullmatch(r"(?P<name>[\p{Han}]{2,30})\((?P<code>\d{3}|\d{5}|\d{7})\)(?:科目)?", p)
    rows = doc.derive(_code_rows)
    if m is not None:
        code = m.group("code")
        if any(r == code and label == m.group("name") for r, label in rows):
            return Subject(f"class:{code}", (), {}, False), 0
        return None
    found = {r for r, label in rows if label == p and len(r) in (5, 7)}
    if len(found) == 1:
        return Subject(f"class:{found.pop()}", (), {}, False), 0
    return None


def has_public_institutions(doc: Document) -> bool:
    """Does the department include 事业单位?  (事业运行 rows, 事业收入 or 经营支出.)"""
    if any(r.endswith("50") and len(r) == 7 for r, _ in doc.derive(_code_rows)):
        return True
    for table, row, col in (("T01", "income.business", "amount"), ("T03", "total", "operating")):
        f = doc.fact(table, row, col)
        if f is not None and f.cell.figure is not None and f.cell.figure.value != 0:
            return True
    return False


def _renamed(old: str) -> str | None:
    for e in load_toml("subject_renames.toml").get("rename", []):
        if squash(e.get("old", "")) == old and e.get("new"):
            return squash(e["new"])
    return None


def _code_rows(doc: Document) -> list[tuple[str, str]]:
    """(code, squashed label) of every function-code row of 公开05, 03, 02 and the 财政拨款支出表 (use
    ``doc.derive(_code_rows)`` to compute it once per document)."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for kind in ("T05", "T03", "T02", "F05"):
        t = doc.table(kind)
        if t is None:
            continue
        for f in t.facts.values():
            r = f.key.row
            if r.isdigit() and r not in seen:
                seen.add(r)
                out.append((r, squash(f.label)))
    return out


# TABLE[ROW].COLUMN: a table kind of docs/conventions.md (T01…T10, F05, F06, RUN, PUR, SE), a row,
# and a column (none: the column of the claim's role); a trailing "?" marks a part that may be
# absent from a table that is there ("T06[310].amount?": a table without capital rows).
SPEC_RE = patterns.compile(r"([A-Z]+\d*)\[([^\]]+)\](?:\.(\w+))?(\?)?")


def resolve(doc: Document, spec: str, role: str | None) -> Binding | None:
    """Facts named by a spec ("T01[income.total].amount", "T09[total]" + role, "T06[301].amount +
    T06[303].amount"); None when a table or a required row is missing."""
    facts: list[Fact] = []
    for part in spec.split("+"):
        m = SPEC_RE.fullmatch(part.strip())
        if not m:
            return None
        table, row, col, optional = m.group(1), m.group(2), m.group(3), bool(m.group(4))
        cols = [col] if col else ROLE_COLUMNS.get(role or "final", ["final"])
        fact = None
        for c in cols:
            fact = doc.fact(table, row, c)
            if fact is not None:
                break
        if fact is None:
            if optional and doc.table(table) is not None:
                continue
            return None
        facts.append(fact)
    return Binding(facts, spec) if facts else None


# "fiscal_table": the 财政拨款支出表 of layouts without a 财政拨款收支总表 (universities, Jiangsu)
# "all_balance": the 收支总表's expenditure lines, where the 支出总表 prints only its total (Jiangsu)
CLASS_SPECS = {"all": "T03[{c}].total", "all_balance": "T01[exp.{c}].amount", "fiscal": "T04[exp.{c}].total",
               "fiscal_table": "F05[{c}].total", "gpb": "T05[{c}].total"}


def bind_subject(doc: Document, subject: Subject, scope: str, role: str | None) -> tuple[Binding | None, str | None]:
    """Bind an amount to its cell; returns (binding, reason it is unbound).

    The tables of a 预算 hold budgets: there a budget figure binds to the table's own
    columns (a 决算 holds a budget only in its 三公 table), and an executed figure to none."""
    budget_role = role in ("initial_budget", "full_budget", "budget")
    if is_budget_report(doc):
        if not budget_role:
            return None, "the tables of a 预算 hold no executed figures"
        budget_role = False  # every column of a 预算 table is a budget
    if subject.id.startswith("class:"):
        code = subject.id[6:]
        if budget_role:
            return None, f"no table holds the {(role or '').replace('_', ' ')} of a function class"
        order = {"gpb": ["gpb", "fiscal", "fiscal_table", "all"], "fiscal": ["fiscal", "fiscal_table", "gpb", "all"],
                 "all": ["all", "all_balance"]}[scope]
        for sc in order:
            spec = CLASS_SPECS[sc].format(c=code)
            b = resolve(doc, spec, None)
            if b is not None:
                return b, None
        return None, f"class {code} is in no table"
    if not subject.cells:
        return None, "no table holds this subject"
    if budget_role and not subject.by_role:
        return None, f"no table holds the {(role or '').replace('_', ' ')} of {subject.names[0]}"
    order = {"gpb": ["gpb", "fiscal", "all", "cell"], "fiscal": ["fiscal", "all", "cell"], "all": ["all", "cell"]}[scope]
    for sc in order:
        found = subject.cells.get(sc)
        if found is None:
            continue
        for spec in found:
            b = resolve(doc, spec, role)
            if b is not None:
                return _unambiguous_total(doc, b)
        published = [spec for spec in found if _published(doc, spec)]
        if not published:
            # 政府采购 in a 决算 of the national layout: no table of this kind of report holds it
            return None, f"no table this kind of report publishes holds {subject.names[0]}"
        return None, f"the report has no cell {' or '.join(published)}"
    return None, "no table holds this subject in this scope"


def _unambiguous_total(doc: Document, b: Binding) -> tuple[Binding | None, str | None]:
    """"收入总计" names a grand total only where the table's grand total is printed as 总计, or
    where it equals the year's own total.  A university 决算 prints 本年收入合计 430,725.03 and,
    below the carry-over lines, "合计" 569,496.54, and its prose calls the first "收入总计": the
    words then name no cell for certain, and the figure stays unbound."""
    f = b.facts[0]
    if len(b.facts) != 1 or not f.key.row.endswith("grand_total") or "总计" in squash(f.label):
        return b, None
    own = doc.fact(f.key.table, f.key.row.replace("grand_total", "total"), f.key.col)
    if own is None or own.cell.figure is None or f.cell.figure is None or own.cell.figure.value == f.cell.figure.value:
        return b, None
    return None, f"ambiguous: the table prints {own.label} and {f.label}, no 总计"


def _published(doc: Document, spec: str) -> bool:
    """Does this kind of report publish the tables a spec reads (all of them, when known)?"""
    ts = doc.table_set
    if ts is None or ts.profile is None:
        return True
    kinds = {m.group(1) for m in SPEC_RE.finditer(spec)}
    return kinds <= set(ts.publishes) | {t.kind for t in doc.tables if t.kind}


def is_budget_report(doc: Document) -> bool:
    return doc.report_kind == "预算"


def bind_count(doc: Document, before: str, unit: str, phrase: str, noun: str | None = None
               ) -> tuple[str | None, Binding | None]:
    """Bind a count by what the words before it say it counts: first the clause's own
    words ("主要负责人用车 0 辆"), then the sentence before it ("团组 1 个，累计 1 人次").  A count
    that names its noun after the number ("等20个处室") counts that noun: the sentence before it
    (a list that holds 接待处) says nothing about it."""
    own = squash(phrase) + (noun or "")
    wider = squash(before)
    for text in (own,) if noun else (own, wider):
        for cs in count_subjects():
            if unit not in cs.units or not cs.pattern.search(text):
                continue
            spec = cs.cell
            if "*" in spec:
                if text is not own:
                    continue
                name = patterns.sub(r"^(?:[(][^)]*[)]|[一二三四五六七八九十\d]+[、.])", "", own)
                name = patterns.sub(r"^(?:其中:?)", "", name)
                spec = spec.replace("*", name)
            return cs.id, resolve(doc, spec, "final")
    return None, None


SE_COLUMNS = {
    "initial_budget": "initial_budget",
    "full_budget": "full_budget",
    "budget": "full_budget",
    "received": "full_budget",
    "final": "executed",
}


def _project_key(name: str) -> str:
    return patterns.sub(r"年度|区委办|委办|\s|项目|工作", "", squash(name)).replace("公用", "办公").replace("办公用", "办公")


def _projects(doc: Document) -> tuple[list[tuple[str, Any]], dict[str, Any]]:
    """The 自评表 of a document by project key, each key once with its first table (in table
    order), and the answers of ``find_project`` so far: computed once per document, so that a
    report of many claims and many tables does not compare every claim with every table."""
    first: dict[str, Any] = {}
    for t in doc.tables_of("SE"):
        se = t.extra.get("self_eval")
        if se is not None and se.name:
            first.setdefault(_project_key(se.name), t)
    return list(first.items()), {}


def find_project(doc: Document, name: str):  # type: ignore[no-untyped-def]
    """The 项目支出绩效自评表 whose project name matches ``name`` (fuzzy: offices write
    "2024 年度区委办党委公用经费" for the table's "2024年党委办公经费")."""
    from rapidfuzz import fuzz

    tables, answers = doc.derive(_projects)
    if name in answers:
        return answers[name]
    best, score = None, 0.0
    key = _project_key(name)
    for other, t in tables:  # the first table of the best key: the first best table
        s = fuzz.ratio(key, other)
        if s > score:
            best, score = t, s
    answers[name] = best if score >= 80 else None
    return answers[name]


def bind_project(doc: Document, name: str, role: str | None) -> tuple[Binding | None, str | None]:
    t = find_project(doc, name)
    if t is None:
        return None, "no 自评表 for this project"
    col = SE_COLUMNS.get(role or "final")
    se = t.extra["self_eval"]
    label = next((k for k in se.funds if "资金总额" in k), next(iter(se.funds), None))
    if col is None or label is None:
        return None, "the 自评表 has no such column"
    f = t.facts.get(FactKey("SE", f"fund:{label}", col))
    if f is None:
        return None, "the 自评表 has no such column"
    return Binding([f], f"SE[{se.name}].{col}"), None


def fact_key(spec: str) -> FactKey | None:
    m = SPEC_RE.fullmatch(spec)
    if not m or not m.group(3):
        return None
    return FactKey(m.group(1), m.group(2), m.group(3))
