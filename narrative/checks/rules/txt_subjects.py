"""TXT003 and TXT004: subject names renamed by the 2018–2019 reform, and glossary entries
that name subjects the report's own tables name otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from ... import patterns
from ...findings import Severity
from ...lexicon import load_toml
from ...model import Block, Document, Loc
from ...normalize import squash
from ...source import SourceLine
from ..base import Context, checker, declare
from ..text_support import ProseSpan, cell_spans, prose_spans, sentence_at

TXT003 = declare("TXT003", "obsolete-term", Severity.WARNING, "prose", """
    An obsolete name of a function subject, renamed before the report's year.

    What it checks: old names of 支出功能分类 subjects from ``lexicons/subject_renames.toml``
    (医疗卫生与计划生育支出 → 卫生健康支出 from 2019, 行政事业单位离退休 → 行政事业单位养老支出 …)
    used in a report of that year or later: marked as a subject ("…（类）"), as a table label,
    or, for long names that no current name contains, anywhere in the prose.  Renames whose
    year is unknown are not used.

    Why it matters: the sentence was copied from a report older than the rename; the table
    of the same report prints the new name, so the two disagree.

    Example: "医疗卫生与计划生育支出（类）行政事业单位医疗（款）…" in the 2024 名词解释 while 公开02
    prints 210 卫生健康支出.
    """)


TXT004 = declare("TXT004", "glossary-drift", Severity.WARNING, "prose", """
    A 名词解释 entry explains a subject that no table of the report contains.

    What it checks: entries of the 名词解释 written "X（类）Y（款）Z（项）：…" are resolved level by
    level against the subject rows of the report's code tables (公开02/03/05/07/08), by name or,
    for renamed subjects, by code; an entry whose 类, 款 or 项 is not among the rows under its
    parent is reported with the rows the tables do hold there.

    Why it matters: the glossary was carried over from a year (or a department) with other
    subjects; it explains spending the report does not have and omits the one it has.

    Example: "住房保障支出（类）住房改革支出（款）购房补贴（项）" while the tables hold only
    2210201 住房公积金 under 22102.
    """)



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
                    label = patterns.sub(r"^[一二三四五六七八九十]+、", "", squash(fact.label))
                    out[key.row[4:]] = TableSubject(key.row[4:], label, fact.cell.line)
    return out


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` (each as written): one search where a loop of ``in``
    tests over every word cost a generator step per word and span."""
    return re.compile("|".join(map(re.escape, words)))


@cache
def _longer_names(old: str) -> tuple[str, ...]:
    """The current subject names that hold ``old`` and are longer (a name that only begins like an
    old one is not the old one)."""
    return tuple(n for n in current_subject_names() if n != old and old in n)


LEVEL_MARK_RE = patterns.compile(r"\s*[(（]\s*(类|款|项)\s*[)）]")


@dataclass(frozen=True)
class ObsoleteUse:
    span: ProseSpan
    start: int
    end: int
    rename: Rename


def obsolete_uses(doc: Document) -> list[ObsoleteUse]:
    if doc.year is None:
        return []
    current = current_subject_names()
    out: list[ObsoleteUse] = []
    olds = [r for r in renames() if doc.year >= r.year]
    if not olds:
        return []
    holds_old = _any_of(tuple(r.old for r in olds)).search  # a span without an old name is skipped at once
    spans = [s for s in prose_spans(doc) if holds_old(s.text)] + list(cell_spans(doc, rows=holds_old))
    for span in spans:
        text = span.text
        if not holds_old(text):
            continue
        sq = squash(text)
        taken: list[tuple[int, int]] = []
        for r in olds:
            if r.old not in text:
                continue
            distinctive = (len(r.old) >= 8 and r.old.endswith(("支出", "事务")) and not any(r.old in n for n in current)
                           and r.old not in r.new)
            for m in patterns.finditer(regex.escape(r.old), text):
                a, b = m.start(), m.end()
                if any(a < y and x < b for x, y in taken):
                    continue
                marked = LEVEL_MARK_RE.match(text, b) is not None
                whole_cell = span.kind == "cell" and sq in (r.old, r.old + "(类)", r.old + "(款)",
                                                                      r.old + "(项)")
                longer_current = any(n in sq for n in _longer_names(r.old))
                if longer_current:
                    continue
                if marked or whole_cell or distinctive:
                    taken.append((a, b))
                    out.append(ObsoleteUse(span, a, b, r))
    return out


@checker("TXT003")
def check_obsolete_terms(ctx: Context) -> None:
    doc = ctx.doc
    subjects = doc.derive(table_subjects)
    for use in obsolete_uses(doc):
        r = use.rename
        row = subjects.get(r.code)
        where = (f"; this report's own table prints {r.code} {row.name} (line {row.line.number})"
                 if row is not None else "")
        related = [Loc.at(row.line)] if row is not None else []
        ctx.emit(TXT003, f"obsolete subject name {r.old}: {r.level + ' ' if r.level else ''}{r.code} is called "
                 f"{r.new} from {r.year}", use.span.loc(use.start, use.end), sentence_at(use.span, use.start),
                 stated=r.old, computed=r.new,
                 explanation=f"subject_renames.toml: {r.old} ({r.old_code}) became {r.new} ({r.code}) in the {r.year} "
                 f"科目; the report is for {doc.year}{where}", related=related, key=f"old:{r.old}")


GLOSSARY_ENTRY_RE = patterns.compile(r"((?:[^\s:;,.。、()（）\"“”]{2,40}?\s*[(（]\s*(?:类|款|项)\s*[)）]\s*){1,3})")
GLOSSARY_PART_RE = patterns.compile(r"名词解释")
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
    subjects = doc.derive(table_subjects)
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
            items = list(patterns.finditer(r"([^\s:;,.。、()（）\"“”]{2,40}?)\s*[(（]\s*(类|款|项)\s*[)）]", m.group(1)))
            for it in items:
                name = squash(patterns.sub(r"^[一二三四五六七八九十\d]+[、.]", "", it.group(1)))
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
            related = [Loc.at(s.line) for s in d.held]
            related = related or [Loc.at(d.parent.line)]
        else:
            expl = f"名词解释 explains {d.name}（{d.level}）, a class no table of the report contains"
            related = []
        ctx.emit(TXT004, f"名词解释 explains {d.name}（{d.level}）, which no table of the report contains",
                 d.block.loc(d.start, d.end), d.block.text.strip()[:120], stated=d.name,
                 computed="、".join(s.name for s in d.held) or None, explanation=expl, related=related,
                 key=f"gloss:{d.name}")
