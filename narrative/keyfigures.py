"""The key figures of a report, last year's and this year's, and what the report says of the change.

An editor checking a new report against last year's looks first at a dozen figures: the totals,
the classes, 基本/项目支出, 人员/公用经费, the 三公 and their parts, 机关运行经费, the balances
carried over (决算), or 收支预算总计, 财政拨款, 一般公共预算 by class, the 三公 budget, 政府采购
(预算).  Each is read from the first table cell that holds it (the candidates differ with the
layout: 公开05 or 一般公共预算支出表, the 三公 table or a 机关运行经费 table), or, where no table
holds it (机关运行经费 in the Jiangxi layout), from the prose of each report.  Beside each figure
is the new report's own 比上年 statement of it (its claim: same subject, or a claim restating
the same value under a name that says what it is), marked where it disagrees with the change the
two reports' figures give (as intervals of their rounding).

For a 预算 against the 决算 of the same year (budget against outcome), the figures both kinds
define are compared, each read with its own kind's candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import regex

from . import patterns
from .claims.model import Claim
from .diff_tables import money, percent_change, scale_of
from .model import Document, Fact, Span
from .normalize import squash
from .rounding import Interval, fmt

FINAL, BUDGET = "决算", "预算"


@dataclass(frozen=True)
class Spec:
    """A key figure: its name, its group, the cells that hold it in a 决算 and in a 预算 (first
    found wins), the claim subjects that state it, and words naming it in prose the subject
    lexicon does not know (a budget's "支出预算总计")."""

    name: str
    group: str
    final: tuple[str, ...] = ()
    budget: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    words: str = ""
    prose: bool = False  # no table may hold it: read the prose of each report
    prose_words: str = ""  # the whole name a claim gives it where the lexicon has no subject for it

    def cells(self, kind: str | None) -> tuple[str, ...]:
        return self.budget if kind == BUDGET else self.final


def _three(col_final: str = "final") -> list[Spec]:
    parts = [("三公经费", "total", "三公"), ("因公出国（境）费", "abroad", "出国"), ("公务用车购置及运行维护费", "vehicle", "公务用车购置及运行"),
             ("公务用车购置费", "vehicle_purchase", "购置费"), ("公务用车运行维护费", "vehicle_operation", "运行(?:维护)?费"),
             ("公务接待费", "reception", "接待")]
    return [Spec(name, "三公", final=(f"T09[{row}].{col_final}",), budget=(f"T09[{row}].budget",),
                 subjects=(f"three_public.{row}",), words=w) for name, row, w in parts]


SPECS: list[Spec] = [
    # 决算
    Spec("本年收入合计", "收支", final=("T01[income.total].amount",), subjects=("income.total",)),
    Spec("本年支出合计", "收支", final=("T01[exp.total].amount",), subjects=("exp.total",)),
    # 预算
    Spec("收入预算总计", "收支", budget=("T01[income.grand_total].amount",),
         subjects=("income.grand_total", "income_expenditure.grand_total"), words=r"收入(?:预算)?总计|收入总额|收支(?:预算)?总计"),
    Spec("支出预算总计", "收支", budget=("T01[exp.grand_total].amount",),
         subjects=("exp.grand_total", "income_expenditure.grand_total"), words=r"支出(?:预算)?总计|支出总额|收支(?:预算)?总计"),
    Spec("财政拨款收入", "财政拨款", budget=("T04[income.total].amount", "T04[income.grand_total].amount",
                                        "T01[income.fiscal].amount"), subjects=("income.fiscal",), words=r"财政拨款收入"),
    Spec("财政拨款支出", "财政拨款", budget=("T04[exp.total].total", "T04[exp.grand_total].total"),
         words=r"财政拨款支出"),
    Spec("一般公共预算支出", "一般公共预算", budget=("T05[total].total", "F05[total].total", "T04[exp.grand_total].gpb"),
         words=r"一般公共预算(?:财政)?拨?款?支出"),
    # both
    Spec("基本支出", "基本/项目", final=("T03[total].basic",),
         budget=("T05[total].basic", "T04[exp.basic].total", "F05[total].basic", "T01[exp.basic].amount",
                 "T03[total].basic"), subjects=("exp.basic",), words=r"基本支出"),
    Spec("项目支出", "基本/项目", final=("T03[total].project",),
         budget=("T05[total].project", "T04[exp.project].total", "F05[total].project", "T01[exp.project].amount",
                 "T03[total].project"), subjects=("exp.project",), words=r"项目支出"),
    Spec("人员经费", "经济分类", final=("T06[personnel_total].amount",), subjects=("econ.personnel",)),
    Spec("公用经费", "经济分类", final=("T06[public_total].amount",), subjects=("econ.public",)),
    *_three(),
    Spec("机关运行经费", "机关运行经费", final=("RUN[total].amount", "T09[running].final"),
         budget=("T09[running].budget", "RUN[total].amount"), subjects=("running_costs",), words=r"机关运行经费",
         prose=True),
    Spec("政府采购预算", "政府采购", budget=("PUR[total].amount",), subjects=("procurement.total",), words=r"政府采购",
         prose=True, prose_words=r"(?:本部门|本单位)?政府采购(?:支出|预算)?(?:总额|总金额)?"),
    Spec("年初结转和结余", "结转结余", final=("T01[income.carry_begin].amount",), subjects=("income.carry_begin",)),
    Spec("年末结转和结余", "结转结余", final=("T01[exp.carry_end].amount",), subjects=("exp.carry_end",)),
]
# Where each kind lists its classes (类) and the figure they add up to.
CLASS_TABLES = {FINAL: ("T01", "exp.{code}", "amount"), BUDGET: ("T05", "{code}", "total")}
CLASS_FALLBACK = {BUDGET: ("F05", "{code}", "total")}
KEY_RE = patterns.compile(r"^(?P<t>\w+)\[(?P<r>[^\]]+)\]\.(?P<c>\w+)$")


@dataclass(frozen=True)
class Amount:
    """A key figure in one report: as written, its value in ``unit``, where it was read."""

    text: str
    value: Fraction
    decimals: int
    unit: str | None
    source: str  # the fact key, or "prose"
    span: Span | None


@dataclass(frozen=True)
class Statement:
    """The new report's 比上年 statement of a key figure (one claim)."""

    text: str  # the claim's words
    span: Span
    direction: int  # +1, -1, 0 (持平)
    change: str | None  # the change as written ("16.33")
    unit: str | None  # its unit ("万元")
    pct: str | None  # the percentage as written ("3.19")
    claim: str  # the claim id


@dataclass(frozen=True)
class KeyFigure:
    """One key figure in both reports: change and change % from the figures (None where either
    is missing), the new report's statement, and whether it disagrees (None: nothing stated)."""

    name: str
    group: str
    old: Amount | None
    new: Amount | None
    unit: str | None
    change: str | None
    change_pct: str | None
    old_value: Fraction | None  # in ``unit`` (万元 for amounts; for charts)
    new_value: Fraction | None
    statement: Statement | None = None
    disagrees: bool | None = None
    why: str = ""  # the arithmetic behind ``disagrees`` (or why it was not checked)
    old_text: str | None = None  # the figures as shown, in ``unit`` ("15,621.11" for 156,211,123 元)
    new_text: str | None = None


def _fact(doc: Document, key: str) -> Fact | None:
    m = KEY_RE.match(key)
    if not m:
        return None
    return doc.fact(m.group("t"), m.group("r"), m.group("c"))


def _from_cells(doc: Document, keys: tuple[str, ...]) -> Amount | None:
    for key in keys:
        f = _fact(doc, key)
        if f is None or f.cell.na or f.cell.figure is None:
            continue
        t = doc.table(key.split("[", 1)[0])
        unit = f.cell.unit or (t.unit if t else None)
        fig = f.cell.figure
        return Amount(f.cell.norm, fig.value, fig.decimals, unit, key, f.cell.loc)
    return None


def _from_prose(claims: list[Claim], spec: Spec, kind: str | None) -> Amount | None:
    role = "budget" if kind == BUDGET else "final"
    for c in claims:
        v = c.value
        named = c.subject_id in spec.subjects or (
            not c.subject_id and spec.prose_words and patterns.fullmatch(spec.prose_words, squash(c.subject)))
        if (c.kind == "amount" and v is not None and v.money and named and c.period == "year"
                and v.qualifier is None and (c.role or role) == role):
            return Amount(v.text, v.wan_value, v.figure.decimals, "万元", "prose", c.loc_of())
    return None


def _class_tables(kind: str) -> list[tuple[str, str, str]]:
    return [CLASS_TABLES[kind], *([CLASS_FALLBACK[kind]] if kind in CLASS_FALLBACK else [])]


def _specs(old_kind: str | None, new_kind: str | None, old: Document, new: Document, mixed: bool) -> list[Spec]:
    """The key figures to compare: those of the reports' kind (every one, when the kinds differ:
    the caller keeps those under a fact key both hold), with one figure per class (类) that
    either report's class table holds with a non-zero amount, after the totals."""
    kinds = {old_kind or FINAL, new_kind or FINAL}
    out = list(SPECS) if mixed else [s for s in SPECS if all(s.cells(k) for k in kinds)]
    classes: dict[str, str] = {}
    for doc in (new, old):
        for table, _, col in _class_tables(doc.report_kind or FINAL):
            t = doc.table(table)
            if t is None:
                continue
            for key, f in t.facts.items():
                code = key.row.removeprefix("exp.")
                if key.col == col and patterns.fullmatch(r"\d{3}", code) and f.cell.figure and f.cell.figure.value:
                    classes.setdefault(code, patterns.sub(r"^[\s\d一二三四五六七八九十]+[、.]\s*", "", f.label).strip())
            break
    at = next((i for i, s in enumerate(out) if s.group in ("基本/项目", "经济分类", "三公")), len(out))
    for code, label in sorted(classes.items()):
        cells = {k: tuple(f"{t}[{r.format(code=code)}].{c}" for t, r, c in _class_tables(k)) for k in (FINAL, BUDGET)}
        out.insert(at, Spec(f"{label}（{code}）", "支出功能分类", final=cells[FINAL], budget=cells[BUDGET],
                            subjects=(f"class:{code}",), words=regex.escape(squash(label).removesuffix("支出"))))
        at += 1
    return out


def _statement(spec: Spec, value: Amount | None, claims: list[Claim]) -> Claim | None:
    """The claim that states this figure's change on last year: the figure's own subject, or a
    claim whose name says it and whose value is the figure's."""
    cands = [c for c in claims if c.kind == "amount" and c.value is not None and c.direction is not None
             and c.period == "year" and c.value.qualifier is None and c.value.money]
    for c in cands:
        if c.subject_id and c.subject_id in spec.subjects and _same_value(c, value):
            return c
    for c in cands:
        if c.subject_id and c.subject_id in spec.subjects:
            return c
    if spec.words:
        for c in cands:
            if not c.subject_id or c.subject_id not in _ALL_SUBJECTS:
                if patterns.search(spec.words, squash(c.subject)) and _same_value(c, value):
                    return c
    return None


_ALL_SUBJECTS = {s for spec in SPECS for s in spec.subjects}


def _same_value(c: Claim, value: Amount | None) -> bool:
    if value is None or c.value is None:
        return False
    scale = scale_of(value.unit) or Fraction(1)
    half = Fraction(1, 2 * 10**value.decimals)
    return c.value.wan.intersects(Interval(value.value - half, value.value + half).scale(scale))


def key_figures(old: Document, new: Document, old_claims: list[Claim], new_claims: list[Claim], *,
                previous_year: bool = True) -> list[KeyFigure]:
    """The key figures of the two reports (the set of their kind; for a 预算 against a 决算, each
    figure under a fact key both reports hold, so that both sides mean the same thing).
    ``previous_year``: OLD is the year just before NEW, so the new report's 比上年 statements
    are about OLD and can be checked against it."""
    out: list[KeyFigure] = []
    mixed = (old.report_kind or FINAL) != (new.report_kind or FINAL)
    used: set[str] = set()
    for spec in _specs(old.report_kind, new.report_kind, old, new, mixed):
        if mixed:
            key = next((k for k in dict.fromkeys(spec.final + spec.budget) if _from_cells(old, (k,))
                        and _from_cells(new, (k,))), None)
            if key is None or key in used:
                continue
            used.add(key)
            a, b = _from_cells(old, (key,)), _from_cells(new, (key,))
        else:
            a = _from_cells(old, spec.cells(old.report_kind)) or (
                _from_prose(old_claims, spec, old.report_kind) if spec.prose else None)
            b = _from_cells(new, spec.cells(new.report_kind)) or (
                _from_prose(new_claims, spec, new.report_kind) if spec.prose else None)
        if a is None and b is None:
            continue
        c = _statement(spec, b, new_claims) if not mixed else None
        out.append(_figure(spec, a, b, c, previous_year))
    return out


def _shown(x: Amount | None) -> tuple[Fraction | None, int, str | None]:
    """(value, decimals, unit) as the key figures show it: amounts in 万元 (two decimals for a
    table in 元), anything else in its own unit."""
    if x is None:
        return None, 0, None
    k = scale_of(x.unit)
    if k is None:
        return x.value, x.decimals, x.unit
    return x.value * k, x.decimals if k >= 1 else 2, "万元"


def _figure(spec: Spec, a: Amount | None, b: Amount | None, c: Claim | None, previous_year: bool) -> KeyFigure:
    va, da, ua = _shown(a)
    vb, db, ub = _shown(b)
    unit = ub or ua
    change = pct = None
    if va is not None and vb is not None:
        change, pct = money(vb - va, max(da, db)), percent_change(va, vb)
    st, disagrees, why = None, None, ""
    if c is not None and c.value is not None:
        ch, pc = c.nums.get("change"), c.nums.get("pct")
        st = Statement(c.text.strip(), c.loc_of("change" if ch else "value"), c.direction or 0,
                       ch.text if ch else None, ch.unit if ch else None, pc.text if pc else None, c.id)
        if a is not None and b is not None and previous_year:
            disagrees, why = _check(a, b, c)
        elif a is not None and b is not None:
            why = "not checked: the report's 比上年 is about the year before it, OLD is another year"
    return KeyFigure(spec.name, spec.group, a, b, unit, change, pct, va, vb, st, disagrees, why,
                     money(va, da) if va is not None else None, money(vb, db) if vb is not None else None)


def _iv(x: Amount, prose_half: Fraction) -> Interval:
    """The figure's interval in 万元: the rounding of its cell, or of the prose's figures when
    the prose writes them with fewer decimals (its 比上年 is computed from those)."""
    k = scale_of(x.unit) or Fraction(1)
    half = max(Fraction(1, 2 * 10**x.decimals) * k, prose_half)
    v = x.value * k
    return Interval(v - half, v + half)


def _check(a: Amount, b: Amount, c: Claim) -> tuple[bool, str]:
    """Does the statement's change (and percentage) agree with the figures of the two reports?"""
    assert c.value is not None
    prose_half = Fraction(1, 2 * 10**c.value.figure.decimals) * c.value.scale if c.value.money else Fraction(0)
    ia, ib = _iv(a, prose_half), _iv(b, prose_half)
    actual = ib - ia  # 万元
    mid = ib.mid - ia.mid
    ch, pc = c.nums.get("change"), c.nums.get("pct")
    if c.direction == 0 and ch is None:
        ok = actual.contains_zero()
        return (not ok, "" if ok else f"持平, while the figures changed by {fmt(mid, 2)} 万元")
    if ch is None or c.direction not in (1, -1):
        return False, ""
    stated = ch.wan if c.direction == 1 else -ch.wan
    problems = []
    if not stated.intersects(actual):
        problems.append(f"stated {'+' if c.direction == 1 else '−'}{ch.display}, the reports' figures give "
                        f"{fmt(mid, 2)} 万元 ({fmt(ib.mid, 2)} − {fmt(ia.mid, 2)})")
    if pc is not None and not ia.contains_zero():
        ratio = actual / ia
        if ratio is not None and not pc.figure.interval.scale(c.direction).intersects(ratio.scale(100)):
            problems.append(f"stated {pc.text}%, the figures give {fmt(mid / ia.mid * 100, 2)}%")
    return bool(problems), "; ".join(problems)
