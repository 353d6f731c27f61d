"""Rules on the claims of the prose: restated figures, arithmetic, directions, lists, scores.

Every comparison goes through the interval arithmetic of ``narrative.rounding``:
a claim that some values inside the rounding intervals of its figures satisfy
is consistent.  A claim that cannot be bound to a cell is not a pass: it is
listed by ``narrative claims`` and counted as a blind spot.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from ..claims.model import Claim, ClaimSet
from ..claims.numbers import Num
from ..claims.subjects import has_public_institutions, match_subject, subject_by_id
from ..findings import Severity
from ..model import Document, Loc
from ..rounding import Interval, compare, fmt
from .registry import Context, Rule, checker, rule
from .table_rules import RND001

BIG = Fraction(10) ** 12


def _rule(code: str, name: str, summary: str, body: str, severity: Severity = Severity.ERROR) -> type[Rule]:
    cls = type(code, (Rule,), {"code": code, "name": name, "severity": severity, "scope": "prose",
                                "__doc__": f"{summary}\n\n{body}"})
    return rule(cls)


CLM001 = _rule("CLM001", "claim-vs-table", "A figure restated in the prose differs from its table cell.", """What it checks:
every amount and count of the prose that names a subject the tables hold (本年收入合计, 基本支出, 工资福利支出,
a function class, 三公 items, 机关运行经费, vehicle counts, a project's budget in its 自评表 …) against that
cell, chosen by subject, funding scope (all funds / 财政拨款 / 一般公共预算) and role (年初预算数 / 全年预算数 /
决算数).  The claim is bound by its words, never by searching the tables for its value.

Why it matters: this is the slip the prose most often carries: a figure edited in the table and not in the text.

Example: "商品和服务支出 18.51 万元" while 公开06 302 prints 16.51.""")
CLM002 = _rule("CLM002", "change-arithmetic", "Value, change and change percentage of one claim disagree.", """What it checks:
 in "X 万元，比上年增加/减少 C 万元，增长/下降 P%", the previous year's value is X − C (or X + C) and P
must equal C ÷ previous × 100, all figures taken as the intervals their rounding allows.  A change from a zero
base (a unit set up this year) has no percentage and is never an error; an increase larger than the value
itself is.

Why it matters: the percentage is computed by hand and rarely recomputed when a figure changes.

Example: 9.72 / (16.51 − 9.72) = 143.15%; with rounding 142.87%–143.44%; stated 142.95%: consistent.""")
CLM003 = _rule("CLM003", "completion-arithmetic", "A completion rate differs from 决算 ÷ 预算.", """What it checks:
"完成年初预算的 Z%" against 决算数 ÷ 年初预算数 of the same sentence ("全年预算" likewise); a rate against a
budget of 0 does not exist.

Why it matters: completion rates are the headline of 预决算差异 paragraphs.

Example: 298.59 / 227.98 = 130.97% (agrees).""")
CLM004 = _rule("CLM004", "share-arithmetic", "A share differs from part ÷ whole.", """What it checks: "占 P%"
against the claim's amount divided by its whole: the whole the sentence names ("占政府采购支出总额的"), or the
total the paragraph breaks down (本年收入的具体构成 → 本年收入合计), taken from the prose where stated, else from
the table.

Why it matters: shares are computed by hand against a total that may have changed.

Example: 133.98 / 316.83 = 42.29% (agrees).""")
CLM005 = _rule("CLM005", "shares-sum", "Shares of one whole stated together do not add up to 100%.", """What it checks:
 the shares stated for the parts of one whole in one paragraph: more than 100% is always wrong; less
than 100% is wrong when the parts' amounts add up to the whole (the list is complete).

Why it matters: a share edited alone leaves its siblings inconsistent.

Example: 42.29% + 57.71% + 0.00% + 0.00% + 0.00% = 100.00%.""")
CLM006 = _rule("CLM006", "direction-word", "A direction word contradicts the numbers.", """What it checks:
增加/减少 and 增长/下降 of one claim agree with each other; 持平 has no change; "决算数大于/小于/等于预算数"
agrees with the sign of 决算 − 预算 of the same subject (equal within rounding for 等于/持平).

Why it matters: the words are copied from last year's text while the numbers move.

Example: "全年预算为 52.00 万元，支出决算为 51.32 万元 … 决算数小于全年预算数" (agrees).""")
CLM007 = _rule("CLM007", "enumeration-sum", "The parts listed after 其中 do not add up to their whole.", """What it checks:
 "W，其中：A x、B y、C z" in one sentence: the parts (same kind of figure as W) may not exceed W; they
must equal W when the list is evidently complete (three or more parts, or a part listed at 0).

Why it matters: a part edited without its total, or a total without its parts.

Example: 政府采购支出总额 5.18 = 3.59 + 0.00 + 1.59 (agrees).""")
CLM008 = _rule("CLM008", "list-count", "A stated count differs from the number of items listed.", """What it checks:
 "N 个X，分别是：A，B" / "A、B、C、D 4 个一级指标" / "一级指标下设 A、…。N 个二级指标": N against
the items listed.

Why it matters: lists are edited item by item and the count is forgotten.

Example: "设立 2 个内设机构，分别是：信息督查调研和民声通道股，文秘行政股" (agrees).""")
CLM009 = _rule("CLM009", "self-evaluation", "A figure about the self-evaluated projects differs from the 自评表.",
               """What it checks: the number of self-evaluated projects, their money total (Σ 全年预算数 or Σ 全年执行数),
rating counts (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60), the average score, a named project's score and rating,
and a project's 执行率 against the 项目支出绩效自评表 tables of the report.

Why it matters: the summary paragraph of 预算绩效 is written before or after the tables and rarely re-read.

Example: "绩效项目自评平均分为 93 分" while the three 总分 are 90.52, 91.23 and 88 (average 89.92).""")
CLM010 = _rule("CLM010", "stated-twice", "One quantity is stated twice with different values.", """What it checks:
the same subject (a lexicon subject, or a counted thing named by the same words) for the same period and role,
stated in two places of the report with values that rounding cannot reconcile.

Why it matters: one of the two places was not updated.

Example: "政府采购支出总额 5.18 万元" in one section and 5.81 万元 in another.""")
CLM011 = _rule("CLM011", "ytd-exceeds-year", "A year-to-date figure is larger than the full-year figure.",
               """What it checks: a count or amount stated "截至第三季度 / 上半年 / 截至 N 月" against the same thing
stated for the whole year: the part of a year cannot exceed the year.

Why it matters: one of them is a typo or a stale figure.

Example: "截至第三季度…共发文 224 件" while the full year is "共发文 26 件".""")
CLM012 = _rule("CLM012", "implied-prior", "Prior-year values implied by the 比上年 claims disagree.", """What it checks:
 last year's 年末结转和结余 (this year's value ∓ its change) equals this year's 年初结转和结余; last
year's 三公经费 equals the sum of the prior values its three parts imply.

Why it matters: changes are computed against last year's report; when they disagree, one change is wrong.

Example: 9.63 + 5.26 = 14.89 = this year's 年初结转和结余 (agrees).""")
CLM013 = _rule("CLM013", "class-budget-total", "The classes' budgets do not add up to the stated total budget.",
               """What it checks: the 年初预算数 (or 全年预算数, or 决算数) that the prose states for each function class
(类/款/项) against the total it states for 财政拨款 or 一般公共预算 支出 in the same section.  No table holds
these budgets, so this is the only check they get.

Why it matters: a class budget edited without the total (or the reverse).

Example: 227.98 + 6.94 + 2.82 + 6.07 = 243.81 (agrees).""")


def claims_of(doc: Document) -> ClaimSet:
    cs = doc.cache.get("claims")
    if cs is None:
        from ..claims.extract import extract_claims

        cs = extract_claims(doc)
        doc.cache["claims"] = cs
    return cs


def _excerpt(c: Claim) -> str:
    return c.block.text[c.start : c.end].strip()


def _d(*nums: Num | None) -> int:
    ds = [n.figure.decimals for n in nums if n is not None]
    return max(ds) if ds else 2


def _emit_cmp(ctx: Context, rule_cls: type[Rule], c: Claim, stated: Num, computed: Interval, mid: Fraction,
              message: str, how: str, loc_name: str = "", key: str = "", related: list[Loc] | None = None) -> None:
    cmp = compare(stated.figure, computed, mid)
    if cmp.exact:
        return
    d = stated.figure.decimals
    dd = max(d, 2)
    verdict = "consistent only within rounding" if cmp.holds else "inconsistent"
    explanation = (f"{how} = {fmt(mid, dd)}; with rounding {fmt(computed.low, dd)}–{fmt(computed.high, dd)}; "
                   f"stated {stated.display} stands for {fmt(cmp.stated.low, d + 1)}–{fmt(cmp.stated.high, d + 1)}: "
                   f"{verdict}")
    loc = c.block.loc(stated.start, stated.end)
    if not cmp.violated:
        subject = message.split(":")[0]
        message = f"{subject}: {stated.display} holds only within rounding ({how} = {fmt(mid, dd)})"
    ctx.emit(rule_cls if cmp.violated else RND001, message,
             loc, _excerpt(c), stated=stated.display, computed=fmt(mid, d), computed_low=fmt(computed.low, d + 1),
             computed_high=fmt(computed.high, d + 1), explanation=explanation, related=related or [],
             key=key or f"{c.subject}:{loc_name}")


# ---------------------------------------------------------------------- CLM001
@checker("CLM001", "RND001")
def check_claims_vs_tables(ctx: Context) -> None:
    for c in claims_of(ctx.doc).claims:
        if c.kind not in ("amount", "count") or c.binding is None or c.value is None:
            continue
        if any(f.cell.na for f in c.binding.facts):
            continue
        n = c.value
        table_iv = Interval.point(0)
        mid = Fraction(0)
        for f in c.binding.facts:
            scale = _table_scale(f.cell.unit) if n.money else Fraction(1)
            table_iv = table_iv + f.cell.interval.scale(scale)
            mid += (f.cell.figure.value if f.cell.figure else Fraction(0)) * scale
        stated_iv = n.bound
        where = ", ".join(f"{f.key} (line {f.cell.line.number})" for f in c.binding.facts)
        cells = " + ".join(f.cell.norm or "(empty)" for f in c.binding.facts)
        unit = "万元" if n.money else (n.unit or "")
        if n.qualifier:
            if stated_iv.intersects(table_iv):
                continue
            ctx.emit(CLM001, f"{c.subject or c.subject_id}: stated {n.qualifier}{n.display}, table says {cells}",
                     c.loc_of(), _excerpt(c), stated=n.display, computed=fmt(mid, n.figure.decimals),
                     explanation=f"{where} = {cells} {unit}; the stated bound {n.qualifier}{n.display} excludes it",
                     related=[f.cell.loc for f in c.binding.facts], key=f"{c.subject_id}:{c.role}")
            continue
        subject = subject_by_id(c.subject_id) if c.subject_id else None
        if subject is not None and subject.at_most_with_institutions and has_public_institutions(ctx.doc):
            # 机关运行经费 of a department with 事业单位: only a bound, never larger than 公用经费
            if stated_iv.low <= table_iv.high:
                continue
            ctx.emit(CLM001, f"{c.subject}: stated {n.display}, larger than {cells} ({where})", c.loc_of(),
                     _excerpt(c), stated=n.display, computed=f"≤ {cells}",
                     explanation=f"the department includes 事业单位, so its 机关运行经费 is part of the 公用经费 "
                     f"{where} = {cells}; it cannot exceed it", related=[f.cell.loc for f in c.binding.facts],
                     key=f"{c.subject_id}:{c.role}")
            continue
        value_wan = n.wan
        cmp_mid = mid
        d = n.figure.decimals
        scaled_stated = n.figure  # compare in the claim's own unit
        comp = Interval(table_iv.low / n.scale, table_iv.high / n.scale) if n.money else table_iv
        cmp = compare(scaled_stated, comp, cmp_mid / n.scale if n.money else cmp_mid)
        if cmp.exact:
            continue
        shown = fmt(cmp.computed_mid, d)
        explanation = (f"{where} = {cells}" + (f" {c.binding.facts[0].cell.unit or ''}" if n.money else "")
                       + f"; stated {n.display} stands for {fmt(value_wan.low / n.scale, d + 1)}–"
                       f"{fmt(value_wan.high / n.scale, d + 1)}: "
                       + ("differ only within rounding" if cmp.holds else "the table cannot round to the stated figure"))
        role = f" ({c.role.replace('_', ' ')})" if c.role and c.role != "final" else ""
        ctx.emit(CLM001 if cmp.violated else RND001,
                 f"{c.subject or c.subject_id}{role}: stated {n.display}, table says {shown}"
                 + ("" if cmp.violated else " (within rounding)"),
                 c.loc_of(), _excerpt(c), stated=n.display, computed=shown,
                 computed_low=fmt(comp.low, d + 1), computed_high=fmt(comp.high, d + 1), explanation=explanation,
                 related=[f.cell.loc for f in c.binding.facts], key=f"{c.subject_id}:{c.role}")


def _table_scale(unit: str | None) -> Fraction:
    return {"元": Fraction(1, 10000), "亿元": Fraction(10000)}.get(unit or "", Fraction(1))


# ---------------------------------------------------------------------- CLM002 / CLM006 (changes)
UP = {"增加", "增长", "上升", "超支", "增加了"}
DOWN = {"减少", "下降", "降低", "节约", "减少了"}


@checker("CLM002", "CLM006", "RND001")
def check_changes(ctx: Context) -> None:
    for c in claims_of(ctx.doc).claims:
        if c.kind != "amount" or c.value is None:
            continue
        v, ch, pct = c.value, c.nums.get("change"), c.nums.get("pct")
        w1, w2 = c.words.get("change"), c.words.get("pct")
        if w1 in UP | DOWN and w2 in UP | DOWN and ((w1 in UP) != (w2 in UP)):
            ctx.emit(CLM006, f"{c.subject}: '{w1}' and '{w2}' point in opposite directions", c.loc_of("pct"),
                     _excerpt(c), stated=f"{w1} … {w2}", explanation="the change amount and its percentage must move "
                     "the same way", key=f"{c.subject}:dir")
            continue
        if c.direction == 0 and ch is not None and ch.figure.value != 0:
            ctx.emit(CLM006, f"{c.subject}: '持平' with a change of {ch.display}", c.loc_of("change"), _excerpt(c),
                     stated=ch.display, explanation="持平 means no change", key=f"{c.subject}:flat")
        if ch is None or c.direction not in (1, -1):
            continue
        prev = v.wan - ch.wan if c.direction == 1 else v.wan + ch.wan
        prev_mid = v.wan_value - ch.wan_value if c.direction == 1 else v.wan_value + ch.wan_value
        if prev.high < 0:
            ctx.emit(CLM002, f"{c.subject}: an increase of {ch.display} is larger than the value {v.display}",
                     c.loc_of("change"), _excerpt(c), stated=ch.display, computed=fmt(prev_mid, _d(v, ch)),
                     explanation=f"last year's value would be {v.display} − {ch.display} = "
                     f"{fmt(prev_mid, _d(v, ch))}, below zero", key=f"{c.subject}:neg")
            continue
        if pct is None:
            continue
        if prev.low <= 0:
            continue  # zero base: no percentage is defined (a unit set up this year)
        ratio = ch.wan / prev
        if ratio is None:
            continue
        computed = ratio.scale(100)
        mid = ch.wan_value / prev_mid * 100 if prev_mid else Fraction(0)
        op = "−" if c.direction == 1 else "+"
        how = f"{ch.text} / ({v.text} {op} {ch.text}) × 100"
        _emit_cmp(ctx, CLM002, c, pct, computed, mid,
                  f"{c.subject}: {w2 or '变动'} {pct.display} does not follow from {v.display} and "
                  f"{w1 or ''} {ch.display}", how, "pct", key=f"{c.subject}:pct")


# ---------------------------------------------------------------------- CLM003 / CLM006 (completion)
def _budget_claim(claims: list[Claim], c: Claim, which: str) -> Claim | None:
    """The budget figure of the same subject stated before ``c`` in its paragraph."""
    roles = {"initial_budget": ["initial_budget"], "full_budget": ["full_budget", "budget"],
             "budget": ["budget", "full_budget", "initial_budget"], "": ["full_budget", "budget", "initial_budget"]}
    wanted = roles.get(which, ["budget"])
    cands = [x for x in claims if x.block is c.block and x.kind == "amount" and x.start < c.start
             and x.subject_id == c.subject_id and x.role in wanted]
    for role in wanted:
        for x in reversed(cands):
            if x.role == role:
                return x
    return None


@checker("CLM003", "CLM006", "RND001")
def check_completion(ctx: Context) -> None:
    claims = claims_of(ctx.doc).claims
    for c in claims:
        if c.kind != "amount" or c.value is None or c.subject_id is None:
            continue
        comp = c.nums.get("completion")
        if comp is not None:
            which = c.words.get("completion", "budget")
            b = _budget_claim(claims, c, which)
            if b is not None and b.value is not None:
                f, bud = c.value, b.value
                if bud.wan.contains_zero() and bud.figure.value == 0:
                    other = _budget_claim(claims, c, "full_budget" if which == "initial_budget" else "initial_budget")
                    hint = ""
                    if other is not None and other.value is not None and other is not b and not other.value.wan.contains_zero():
                        alt = f.wan_value / other.value.wan_value * 100
                        hint = (f"; {f.text} / {other.value.text} = {fmt(alt, comp.figure.decimals)}% is the rate "
                                f"against the {other.role.replace('_', ' ')}")
                    ctx.emit(CLM003, f"{c.subject}: completion {comp.display} of a budget of {bud.display}",
                             c.loc_of("completion"), _excerpt(c), stated=comp.display, computed="undefined",
                             explanation=f"{b.role.replace('_', ' ')} is {bud.display}: no completion rate exists{hint}",
                             key=f"{c.subject}:completion")
                else:
                    ratio = f.wan / bud.wan
                    if ratio is not None:
                        mid = f.wan_value / bud.wan_value * 100
                        _emit_cmp(ctx, CLM003, c, comp, ratio.scale(100), mid,
                                  f"{c.subject}: completion {comp.display} does not follow from {f.display} / "
                                  f"{bud.display}", f"{f.text} / {bud.text} × 100", "completion",
                                  key=f"{c.subject}:completion")
        word = c.words.get("vs_budget")
        if word:
            b = _budget_claim(claims, c, {"全年": "full_budget", "年初": "initial_budget"}.get(
                c.words.get("vs_budget_which", ""), ""))
            if b is None or b.value is None:
                continue
            diff = c.value.wan - b.value.wan
            ok = {
                "大于": diff.high > 0, "高于": diff.high > 0, "超过": diff.high > 0,
                "小于": diff.low < 0, "低于": diff.low < 0,
                "等于": diff.contains_zero(), "持平": diff.contains_zero(), "相等": diff.contains_zero(),
                "一致": diff.contains_zero(),
            }.get(word, True)
            if not ok:
                at = int(c.words.get("vs_budget_at", str(c.start)))
                ctx.emit(CLM006, f"{c.subject}: '决算数{word}预算数' but 决算 {c.value.display} vs 预算 {b.value.display}",
                         c.block.loc(at, at + 6), _excerpt(c), stated=word,
                         computed=fmt(c.value.wan_value - b.value.wan_value, _d(c.value, b.value)),
                         explanation=f"决算 − 预算 = {c.value.text} − {b.value.text} = "
                         f"{fmt(c.value.wan_value - b.value.wan_value, _d(c.value, b.value))}",
                         key=f"{c.subject}:vsbudget")


# ---------------------------------------------------------------------- CLM004 / CLM005 (shares)
WHOLE_CONTEXT_RE = r"(?P<w>[\p{Han}()]{2,20}?)(?:的具体构成|构成情况|主要用于|的构成)"


def _whole(ctx: Context, claims: list[Claim], c: Claim) -> tuple[Fraction, Interval, str] | None:
    """(value, interval, description) of the whole a share is taken of."""
    import regex

    name = c.words.get("whole", "")
    if not name:
        m = None
        for m in regex.finditer(WHOLE_CONTEXT_RE, c.block.norm[: c.start]):
            pass
        if m is not None:
            name = m.group("w")
    if not name:
        # the head of the enumeration: the amount before 其中 in this paragraph
        head = _head_of(claims, c)
        if head is not None and head.value is not None:
            return head.value.wan_value, head.value.wan, f"{head.subject} {head.value.display}"
        return None
    subj = match_subject(name)
    if subj is None:
        return None
    sid = subj[0].id
    # the whole's scope comes from its own words ("占本年支出合计的": all funds)
    scope = subj[0].scope_of_name(name) or ("gpb" if "一般公共预算" in name else
                                           "fiscal" if "财政拨款" in name else "all")
    stated = [x for x in claims if x.subject_id == sid and x.kind == "amount" and x.role == "final"
              and x.scope == scope and x.value is not None and _before(x, c)]
    if stated:
        x = stated[-1]
        return x.value.wan_value, x.value.wan, f"{name} {x.value.display} (line {x.loc_of().line})"  # type: ignore[union-attr]
    from ..claims.subjects import bind_subject

    b, _ = bind_subject(ctx.doc, subj[0], scope, "final")
    if b is None:
        return None
    iv = Interval.point(0)
    mid = Fraction(0)
    for f in b.facts:
        iv = iv + f.cell.interval
        mid += f.cell.figure.value if f.cell.figure else 0
    return mid, iv, f"{name} {b.text} ({b.spec}, line {b.facts[0].cell.line.number})"


def _before(a: Claim, b: Claim) -> bool:
    la, lb = a.loc_of().line or 0, b.loc_of().line or 0
    return (la, a.start) < (lb, b.start) if a.block is not b.block else a.start < b.start


def _head_of(claims: list[Claim], c: Claim) -> Claim | None:
    import regex

    zhong = [m.start() for m in regex.finditer("其中", c.block.norm[: c.start])]
    if not zhong:
        return None
    at = zhong[-1]
    heads = [x for x in claims if x.block is c.block and x.kind in ("amount", "count") and x.start < at and x is not c]
    return heads[-1] if heads else None


@checker("CLM004", "CLM005", "RND001")
def check_shares(ctx: Context) -> None:
    claims = claims_of(ctx.doc).claims
    groups: dict[tuple[int, str], list[tuple[Claim, Fraction, Interval]]] = {}
    for c in claims:
        share = c.nums.get("share")
        if c.kind != "amount" or share is None or c.value is None:
            continue
        whole = _whole(ctx, claims, c)
        if whole is None:
            continue
        wmid, wiv, desc = whole
        if wiv.contains_zero() and wmid == 0:
            continue
        ratio = c.value.wan / wiv
        if ratio is None:
            continue
        mid = c.value.wan_value / wmid * 100
        _emit_cmp(ctx, CLM004, c, share, ratio.scale(100), mid,
                  f"{c.subject}: share {share.display} does not follow from {c.value.display} of {desc}",
                  f"{c.value.text} / {desc.split(' (')[0]} × 100", "share", key=f"{c.subject}:share")
        groups.setdefault((id(c.block), desc), []).append((c, wmid, wiv))
    _share_only_groups(ctx, claims)
    for (_, desc), members in groups.items():
        if len(members) < 2:
            continue
        total = Interval.point(0)
        parts = Interval.point(0)
        for c, _, _ in members:
            total = total + c.nums["share"].figure.interval
            parts = parts + c.value.wan  # type: ignore[union-attr]
        wiv = members[0][2]
        over = total.low > 100
        under_complete = total.high < 100 and parts.intersects(wiv)
        if over or under_complete:
            c = members[-1][0]
            s = sum((m[0].nums["share"].figure.value for m in members), Fraction(0))
            ctx.emit(CLM005, f"shares of {desc.split(' (')[0]} add up to {fmt(s, 2)}%", c.loc_of("share"),
                     _excerpt(c), stated=f"{fmt(s, 2)}%", computed="100.00",
                     explanation=" + ".join(m[0].nums["share"].display for m in members)
                     + f" = {fmt(s, 2)}% (with rounding {fmt(total.low, 3)}–{fmt(total.high, 3)})"
                     + ("" if over else "; the parts' amounts add up to the whole, so the list is complete"),
                     key=f"{desc}:shares")


def _share_only_groups(ctx: Context, claims: list[Claim]) -> None:
    """Shares stated without amounts ("决策指标占 20%，过程指标占 20%…"): several shares of
    one whole in one sentence can never add up to more than 100%."""
    groups: dict[tuple[int, int, str], list[Claim]] = {}
    for c in claims:
        if c.kind != "percent" or "share" not in c.nums:
            continue
        end = _sentence_end(c.block.norm, c.start)
        groups.setdefault((id(c.block), end, c.words.get("whole", "")), []).append(c)
    for members in groups.values():
        if len(members) < 2:
            continue
        total = Interval.point(0)
        for c in members:
            total = total + c.nums["share"].figure.interval
        if total.low <= 100:
            continue
        s = sum((c.nums["share"].figure.value for c in members), Fraction(0))
        last = members[-1]
        ctx.emit(CLM005, f"shares stated together add up to {fmt(s, 2)}%", last.loc_of("share"), _sentence_of(last),
                 stated=f"{fmt(s, 2)}%", computed="100",
                 explanation=" + ".join(f"{c.subject} {c.nums['share'].display}" for c in members)
                 + f" = {fmt(s, 2)}%: parts of one whole cannot exceed 100%", key=f"{last.subject}:shares")


# ---------------------------------------------------------------------- CLM007 (enumerations)
@checker("CLM007", "RND001")
def check_enumerations(ctx: Context) -> None:
    import regex

    claims = claims_of(ctx.doc).claims
    by_block: dict[int, list[Claim]] = {}
    for c in claims:
        if c.kind in ("amount", "count", "list_count") and c.value is not None:
            by_block.setdefault(id(c.block), []).append(c)
    for cs in by_block.values():
        for i, w in enumerate(cs):
            block = w.block
            sent_end = _sentence_end(block.norm, w.value.end)  # type: ignore[union-attr]
            rest = block.norm[w.value.end : sent_end]  # type: ignore[union-attr]
            m = regex.search(r"其中", rest)
            if not m:
                continue
            zpos = w.value.end + m.start()  # type: ignore[union-attr]
            # nothing but the whole's own change/share between the whole and 其中
            if any(x.start < zpos for x in cs[i + 1 :] if x.value and x.value.start < zpos):
                continue
            parts = [x for x in cs[i + 1 :] if x.value is not None and zpos < x.value.start < sent_end
                     and x.value.money == w.value.money and x.role == w.role  # type: ignore[union-attr]
                     and (x.value.unit == w.value.unit or x.value.money)]  # type: ignore[union-attr]
            if not parts:
                continue
            total = Interval.point(0)
            mid = Fraction(0)
            for p in parts:
                total = total + p.value.wan  # type: ignore[union-attr]
                mid += p.value.wan_value  # type: ignore[union-attr]
            wv = w.value
            assert wv is not None
            complete = len(parts) >= 3 or any(p.value.figure.value == 0 for p in parts)  # type: ignore[union-attr]
            over = total.low > wv.bound.high
            under = total.high < wv.bound.low
            if len(parts) == 1 or not (over or (under and complete)):
                if complete and len(parts) >= 2 and not (over or under) and fmt(mid, 2) != fmt(wv.wan_value, 2):
                    ctx.emit(RND001, f"{w.subject}: parts add up to {fmt(mid, _d(wv))} (within rounding)",
                             w.loc_of(), _excerpt(w), stated=wv.display, computed=fmt(mid / wv.scale, _d(wv)),
                             explanation=" + ".join(p.value.display for p in parts) + f" vs {wv.display}",  # type: ignore[union-attr]
                             key=f"{w.subject}:enum")
                continue
            d = _d(wv, *[p.value for p in parts])
            ctx.emit(CLM007, f"{w.subject}: {wv.display} but its parts add up to {fmt(mid / wv.scale, d)}",
                     w.loc_of(), _excerpt(w), stated=wv.display, computed=fmt(mid / wv.scale, d),
                     computed_low=fmt(total.low / wv.scale, d + 1), computed_high=fmt(total.high / wv.scale, d + 1),
                     explanation=" + ".join(f"{p.subject} {p.value.display}" for p in parts)  # type: ignore[union-attr]
                     + f" = {fmt(mid / wv.scale, d)}; " + ("the parts exceed the whole" if over else
                                                           "the list is complete (it names every part) but falls short"),
                     related=[p.loc_of() for p in parts], key=f"{w.subject}:enum")


def _sentence_of(c: Claim, limit: int = 120) -> str:
    """The source sentence around a claim (for findings about lists and repeated facts)."""
    text = c.block.text
    start = max((text.rfind(p, 0, c.start) for p in "。！？!?"), default=-1) + 1
    end = _sentence_end(c.block.norm, c.end)
    s = text[start : end + 1].strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _sentence_end(text: str, pos: int) -> int:
    for i in range(pos, len(text)):
        if text[i] in "。！？!?":
            return i
    return len(text)


# ---------------------------------------------------------------------- CLM008 (list counts)
@checker("CLM008")
def check_list_counts(ctx: Context) -> None:
    for c in claims_of(ctx.doc).claims:
        if not c.items or c.value is None or c.value.qualifier:
            continue
        n = int(c.value.figure.value)
        if n != len(c.items):
            ctx.emit(CLM008, f"{c.value.display}{c.subject} but {len(c.items)} listed", c.loc_of(), _sentence_of(c),
                     stated=c.value.display, computed=str(len(c.items)),
                     explanation=f"listed: {'、'.join(c.items)} ({len(c.items)} items)", key=f"{c.subject}:list")


# ---------------------------------------------------------------------- CLM009 (self-evaluations)
RATING_BANDS = {
    "优": (90, 101), "优秀": (90, 101), "良": (80, 90), "良好": (80, 90), "中": (60, 80), "合格": (60, 80),
    "差": (0, 60), "不合格": (0, 60),
}


def _rating_of(score: Fraction) -> str:
    for r in ("优", "良", "中", "差"):
        lo, hi = RATING_BANDS[r]
        if lo <= score < hi:
            return r
    return "?"


@checker("CLM009", "RND001")
def check_self_evaluations(ctx: Context) -> None:
    import regex

    doc = ctx.doc
    ses = [t.extra["self_eval"] for t in doc.tables_of("SE") if t.extra.get("self_eval") and t.extra["self_eval"].total_score]
    claims = claims_of(doc).claims
    for c in claims:
        if c.value is None:
            continue
        n = c.value
        if c.kind in ("score", "average") and c.words.get("rating"):
            r = c.words["rating"]
            lo, hi = RATING_BANDS.get(r, (0, 101))
            if not (lo <= n.figure.value < hi):
                ctx.emit(CLM009, f"score {n.display} is not rated '{r}' ({lo}–{hi})", c.loc_of(), _excerpt(c),
                         stated=f"{n.display} {r}", computed=_rating_of(n.figure.value),
                         explanation=f"rating bands: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60; {n.display} is "
                         f"'{_rating_of(n.figure.value)}'", key=f"{c.subject}:rating")
        if not ses:
            continue
        scores = [se.total_score.figure.value for se in ses if se.total_score.figure]
        if c.kind == "project_count":
            if int(n.figure.value) != len(ses):
                ctx.emit(CLM009, f"{n.display} self-evaluated projects stated, {len(ses)} 自评表 in the report",
                         c.loc_of(), _excerpt(c), stated=n.display, computed=str(len(ses)),
                         explanation="自评表: " + "、".join(se.name for se in ses), key=f"{c.subject}:count")
        elif c.kind == "rating_count":
            r = c.words.get("rating", "")
            lo, hi = RATING_BANDS.get(r, (0, 101))
            got = [se for se in ses if se.total_score.figure and lo <= se.total_score.figure.value < hi]
            if int(n.figure.value) != len(got):
                ctx.emit(CLM009, f"{n.display} projects rated '{r}' stated, {len(got)} in the 自评表",
                         c.loc_of(), _excerpt(c), stated=n.display, computed=str(len(got)),
                         explanation="总分: " + ", ".join(f"{se.name} {se.total_score.norm}" for se in ses)
                         + f"; '{r}' means {lo}–{hi if hi <= 100 else 100}", key=f"{c.subject}:{r}")
        elif c.kind == "average" and scores:
            iv = Interval.point(0)
            for se in ses:
                iv = iv + se.total_score.interval
            iv = iv.scale(Fraction(1, len(ses)))
            mid = sum(scores, Fraction(0)) / len(scores)
            _emit_cmp(ctx, CLM009, c, n, iv, mid, f"average score {n.display}, the 自评表 average "
                      f"{fmt(mid, 2)}", "(" + " + ".join(se.total_score.norm for se in ses) + f") / {len(ses)}",
                      "avg", key=f"{c.subject}:avg")
        elif c.kind == "score":
            from ..claims.subjects import find_project

            for name in [c.words["project"]] if c.words.get("project") else []:
                t = find_project(doc, name)
                if t is None:
                    continue
                se = t.extra["self_eval"]
                _emit_cmp(ctx, CLM009, c, n, se.total_score.interval, se.total_score.figure.value,
                          f"{se.name}: score {n.display}, its 自评表 总分 is {se.total_score.norm}",
                          f"自评表 {se.name} 总分 (line {se.total_row.line.number})", "score",
                          key=f"{se.name}:score", related=[se.total_score.loc])
                break
        elif c.kind == "amount" and n.money and _about_self_evaluation(c):
            sums = {}
            for col, label in (("full_budget", "Σ 全年预算数"), ("executed", "Σ 全年执行数"),
                               ("initial_budget", "Σ 年初预算数")):
                iv, mid, ok = Interval.point(0), Fraction(0), True
                for se in ses:
                    fund = next((v for k, v in se.funds.items() if "资金总额" in k), None)
                    cell = fund.get(col) if fund else None
                    if cell is None or cell.figure is None:
                        ok = False
                        break
                    iv, mid = iv + cell.interval, mid + cell.figure.value
                if ok:
                    sums[label] = (iv, mid)
            if not sums:
                continue
            if any(n.wan.intersects(iv) for iv, _ in sums.values()):
                continue
            ctx.emit(CLM009, f"the self-evaluated projects' money {n.display} matches no column of their 自评表",
                     c.loc_of(), _excerpt(c), stated=n.display,
                     computed=fmt(sums.get("Σ 全年预算数", next(iter(sums.values())))[1], 2),
                     explanation="; ".join(f"{k} = {fmt(m, 2)} (rounding {fmt(iv.low, 3)}–{fmt(iv.high, 3)})"
                                           for k, (iv, m) in sums.items()), key=f"{c.subject}:money")
        elif c.kind == "rate" and (_rate_project(doc, claims, c) or "").startswith("project:"):
            from ..claims.subjects import find_project

            t = find_project(doc, (_rate_project(doc, claims, c) or "")[8:])
            if t is None:
                continue
            se = t.extra["self_eval"]
            fund = next((v for k, v in se.funds.items() if "资金总额" in k), None)
            cell = fund.get("rate") if fund else None
            if cell is None or cell.figure is None or "执行" not in c.words.get("rate", ""):
                continue
            _emit_cmp(ctx, CLM009, c, n, cell.interval, cell.figure.value,
                      f"{se.name}: 执行率 {n.display}, its 自评表 says {cell.norm}",
                      f"自评表 {se.name} 执行率 (line {cell.line.number})", "rate", key=f"{se.name}:rate")


def _rate_project(doc: Document, claims: list[Claim], c: Claim) -> str | None:
    """The project whose 执行率 a rate claim states: the project of the figure it follows."""
    final, *_ = _final_and_budget(doc, claims, c)
    ref = final or c.refs.get("amount")
    return ref.subject_id if ref is not None else None


def _about_self_evaluation(c: Claim) -> bool:
    import regex

    sent_start = max(c.block.norm.rfind(p, 0, c.start) for p in "。!?！？")
    sentence = c.block.norm[sent_start + 1 : _sentence_end(c.block.norm, c.start)]
    return bool(regex.search(r"自评", sentence) and regex.search(r"项目", sentence)
                and regex.fullmatch(r"(?:共)?(?:涉及)?(?:项目)?(?:资金|金额)(?:总额|合计)?", c.subject))


# ---------------------------------------------------------------------- CLM010 / CLM011 (same quantity)
def _key(c: Claim, claims: list[Claim]) -> tuple[str, ...] | None:
    if c.value is None or c.kind not in ("amount", "count", "list_count", "score"):
        return None
    if c.kind == "score":
        if c.words.get("project") or len(c.subject) < 4:
            return None  # a project's score is checked against its 自评表 (CLM009)
        from ..claims.segment import subject_key

        return ("score", subject_key(c.subject))
    unit = "money" if c.value.money else (c.value.unit or "")
    if c.kind == "amount":
        if not c.subject_id or c.subject_id.startswith(("class:", "project:")) and c.binding is not None:
            return None
        if c.binding is not None:
            return None  # bound figures are compared with their cell (CLM001)
        return ("amount", c.subject_id, c.scope, c.role or "", unit)
    if len(c.subject) < 5 or c.binding is not None:
        return None
    from ..claims.segment import subject_key

    # a part listed after 其中 is a part of its whole: "共有车辆 3 辆，其中：执法执勤用车 3 辆" and
    # "安排购置车辆 0 辆，其中：…执法执勤用车 0 辆" are two different quantities
    head = _head_in_sentence(c, claims)
    frame = subject_key(head.subject) if head is not None else ""
    return ("count", frame, subject_key(c.subject), unit)


def _head_in_sentence(c: Claim, claims: list[Claim]) -> Claim | None:
    """The whole a part listed after 其中 belongs to, in the same sentence."""
    import regex

    norm = c.block.norm
    start = max((norm.rfind(p, 0, c.start) for p in "。!?！？"), default=-1) + 1
    zhong = [m.start() + start for m in regex.finditer("其中", norm[start : c.start])]
    if not zhong:
        return None
    heads = [x for x in claims if x.block is c.block and x.kind in ("amount", "count")
             and start <= x.start < zhong[-1]]
    return heads[-1] if heads else None


@checker("CLM010", "CLM011")
def check_repeated(ctx: Context) -> None:
    seen: dict[tuple[str, ...], list[Claim]] = {}
    all_claims = claims_of(ctx.doc).claims
    for c in all_claims:
        k = _key(c, all_claims)
        if k is None:
            continue
        seen.setdefault(k, []).append(c)
    for k, cs in seen.items():
        years = [c for c in cs if c.period == "year"]
        ytds = [c for c in cs if c.period == "ytd"]
        for y in ytds:
            for full in years:
                if y.value.bound.low > full.value.bound.high:  # type: ignore[union-attr]
                    ctx.emit(CLM011, f"{y.subject}: {y.value.display} year-to-date exceeds the full year's "  # type: ignore[union-attr]
                             f"{full.value.display} (line {full.loc_of().line})", y.loc_of(), _excerpt(y),  # type: ignore[union-attr]
                             stated=y.value.display, computed=full.value.display,  # type: ignore[union-attr]
                             explanation=f"a part of the year cannot exceed the whole year: line {full.loc_of().line} "
                             f"says {_excerpt(full)}", related=[full.loc_of()], key=f"{y.subject}:ytd")
                    break
        first = years[0] if years else None
        for other in years[1:]:
            assert first is not None
            if first.value.bound.intersects(other.value.bound):  # type: ignore[union-attr]
                continue
            ctx.emit(CLM010, f"{other.subject}: {other.value.display} here, {first.value.display} at line "  # type: ignore[union-attr]
                     f"{first.loc_of().line}", other.loc_of(), _excerpt(other), stated=other.value.display,  # type: ignore[union-attr]
                     computed=first.value.display,  # type: ignore[union-attr]
                     explanation=f"the same quantity is stated as {first.value.display} at line {first.loc_of().line} "  # type: ignore[union-attr]
                     f"({_excerpt(first)})", related=[first.loc_of()], key=f"{other.subject}:twice")


# ---------------------------------------------------------------------- CLM012 (implied priors)
def _final(claims: Iterable[Claim], sid: str, scope: str | None = None) -> Claim | None:
    for c in claims:
        if c.subject_id == sid and c.kind == "amount" and c.role == "final" and (scope is None or c.scope == scope):
            return c
    return None


@checker("CLM012")
def check_implied_priors(ctx: Context) -> None:
    claims = [c for c in claims_of(ctx.doc).claims if c.kind == "amount"]
    for scope in ("all", "fiscal"):
        end = _final([c for c in claims if c.nums.get("change") or c.direction == 0], "exp.carry_end", scope)
        begin = _final(claims, "income.carry_begin", scope)
        if end is not None and begin is not None and begin.value is not None:
            p = end.implied_prior()
            if p is not None and not p[0].intersects(begin.value.wan):
                ctx.emit(CLM012, f"last year's 年末结转和结余 implied by line {end.loc_of().line} is {fmt(p[1], 2)}, "
                         f"this year's 年初结转和结余 is {begin.value.display}", end.loc_of("change"), _excerpt(end),
                         stated=end.nums["change"].display if "change" in end.nums else "持平",
                         computed=fmt(p[1], 2), explanation=f"{end.value.display} ∓ change = {fmt(p[1], 2)} should "  # type: ignore[union-attr]
                         f"equal {begin.value.display} (line {begin.loc_of().line})", related=[begin.loc_of()],
                         key=f"carry:{scope}")
    total = _final([c for c in claims if c.nums.get("change") or c.direction == 0], "three_public.total")
    if total is None:
        return
    tp = total.implied_prior()
    parts: list[tuple[Interval, Fraction]] = []
    for sid in ("three_public.abroad", "three_public.reception"):
        c = _final([x for x in claims if x.nums.get("change") or x.direction == 0], sid)
        p = c.implied_prior() if c else None
        if p is None:
            return
        parts.append(p)
    veh = _final([x for x in claims if x.nums.get("change") or x.direction == 0], "three_public.vehicle")
    if veh is not None:
        p = veh.implied_prior()
        if p is None:
            return
        parts.append(p)
    else:
        for sid in ("three_public.vehicle_purchase", "three_public.vehicle_operation"):
            c = _final([x for x in claims if x.nums.get("change") or x.direction == 0], sid)
            p = c.implied_prior() if c else None
            if p is None:
                return
            parts.append(p)
    if tp is None:
        return
    s_iv, s_mid = Interval.point(0), Fraction(0)
    for iv, m in parts:
        s_iv, s_mid = s_iv + iv, s_mid + m
    if not tp[0].intersects(s_iv):
        ctx.emit(CLM012, f"last year's 三公经费 implied by this line is {fmt(tp[1], 2)}, its parts imply {fmt(s_mid, 2)}",
                 total.loc_of("change"), _excerpt(total), stated=fmt(tp[1], 2), computed=fmt(s_mid, 2),
                 explanation="prior = value ∓ change for 三公 and for 因公出国(境)费, 公务用车购置及运行维护费, 公务接待费; "
                 f"{fmt(tp[1], 2)} vs {fmt(s_mid, 2)}", key="three_public:prior")


# ---------------------------------------------------------------------- CLM013 (class budgets)
@checker("CLM013", "RND001")
def check_class_budgets(ctx: Context) -> None:
    claims = [c for c in claims_of(ctx.doc).claims if c.kind == "amount" and c.value is not None]
    for i, total in enumerate(claims):
        if total.subject_id != "exp.total" or total.scope not in ("fiscal", "gpb"):
            continue
        section = total.block.section
        members: list[Claim] = []
        unresolved: list[Claim] = []
        for c in claims[i + 1 :]:
            if c.subject_id == "exp.total":
                break
            if c.block.section[: len(section)] != section:
                break
            if c.role == total.role and c.subject_id is None and not c.words.get("part_of"):
                unresolved.append(c)
            if (c.subject_id or "").startswith("class:") and c.role == total.role:
                members.append(c)
        # sum the classes at one level only: 类 when any is stated, else the most detailed level stated
        if not members or unresolved:
            continue  # a figure whose subject could not be resolved: the sum would be incomplete
        lengths = sorted({len(c.subject_id) for c in members})  # type: ignore[arg-type]
        level = lengths[0]
        members = [c for c in members if len(c.subject_id) == level]  # type: ignore[arg-type]
        if len(members) < 2:
            continue
        iv, mid = Interval.point(0), Fraction(0)
        for c in members:
            iv, mid = iv + c.value.wan, mid + c.value.wan_value  # type: ignore[union-attr]
        v = total.value
        assert v is not None
        cmp = compare(v.figure, Interval(iv.low / v.scale, iv.high / v.scale), mid / v.scale)
        if cmp.exact:
            continue
        d = v.figure.decimals
        role = (total.role or "final").replace("_", " ")
        ctx.emit(CLM013 if cmp.violated else RND001,
                 f"{total.subject} {role} {v.display} but the classes add up to {fmt(mid, d)}"
                 + ("" if cmp.violated else " (within rounding)"),
                 total.loc_of(), _excerpt(total), stated=v.display, computed=fmt(mid, d),
                 computed_low=fmt(iv.low, d + 1), computed_high=fmt(iv.high, d + 1),
                 explanation=" + ".join(f"{c.value.text}" for c in members) + f" = {fmt(mid, d)} ("  # type: ignore[union-attr]
                 + ", ".join(f"{c.subject} line {c.loc_of().line}" for c in members) + ")",
                 related=[c.loc_of() for c in members], key=f"{total.subject}:{role}:classes")


# ---------------------------------------------------------------------- CLM014 (subject paths)
CLM014 = _rule("CLM014", "subject-path", "A (类)(款)(项) subject path names rows the tables do not have.", """What it checks:
 every "一般公共服务支出（类）财政事务（款）行政运行（项）" of the prose against the function codes
and names of the report's own 公开05/03/02: the 款 must be under the 类 and the 项 under the 款, with the names
the tables print.

Why it matters: a misnamed 款 or an old 项 name (其他国土资源事务支出 for 其他自然资源事务支出 since 2019) is
copied from an old report; a 项 the tables do not hold makes its figures uncheckable.

Example: "住房保障支出（类）住房保障支出（款）住房公积金（项）" while the tables print 22102 住房改革支出.""",
               Severity.WARNING)


@checker("CLM014")
def check_subject_paths(ctx: Context) -> None:
    import regex

    from ..claims.extract import PATH_RE
    from ..claims.subjects import resolve_path

    if not any(t.kind in ("T05", "T03", "T02") and t.extra.get("codes") for t in ctx.doc.tables):
        return  # no code table was recognised: nothing to compare the paths with
    for block in ctx.doc.blocks:
        if any("名词解释" in title for title in block.section):
            continue  # glossary entries are checked by the glossary rule (TXT004), not as figures' subjects
        for m in PATH_RE.finditer(block.norm):
            if "(项)" not in m.group(0) and "(款)" not in m.group(0):
                continue
            r = resolve_path(ctx.doc, m.group(0))
            if r is None:
                continue
            code, _, problems = r
            if not problems:
                continue
            text = block.text[m.start() : m.end()]
            ctx.emit(CLM014, ("; ".join(problems)), block.loc(m.start(), m.end()), regex.sub(r"\s+", "", text),
                     stated=regex.sub(r"\s+", "", text), computed=code or "(no row)",
                     explanation="the report's 公开05/03/02 rows under this class are named otherwise"
                     + (f"; figures of this subject were bound to {code}" if code else
                        "; the figures of this subject cannot be checked"),
                     key=m.group(0))


# ---------------------------------------------------------------------- rates and balances
BUDGET_ROLES = ("full_budget", "budget", "received", "initial_budget")


def _sentence_span(c: Claim) -> tuple[int, int]:
    norm = c.block.norm
    start = max((norm.rfind(p, 0, c.start) for p in "。!?！？"), default=-1) + 1
    return start, _sentence_end(norm, c.start)


def _same_sentence(claims: list[Claim], c: Claim) -> list[Claim]:
    a, b = _sentence_span(c)
    return [x for x in claims if x.block is c.block and x.kind == "amount" and x.value is not None
            and a <= x.value.start <= b and x is not c]


def _final_and_budget(doc: Document, claims: list[Claim], c: Claim
                      ) -> tuple[Claim | None, Interval | None, Fraction | None, str]:
    """The 决算/执行 figure before ``c`` in its sentence and the budget it is measured against:
    a budget figure of the same sentence, else, for a project, its 自评表 全年预算数."""
    import regex

    near = [x for x in _same_sentence(claims, c) if x.start < c.start
            and not regex.fullmatch(r"(?:结余|超支)(?:资金|金额)?", x.subject)]
    final = next((x for x in reversed(near) if x.role == "final"), None)
    if final is None:
        return None, None, None, ""
    budget = next((x for x in near if x.role in BUDGET_ROLES and x.subject_id == final.subject_id), None)
    if budget is None:
        budget = next((x for x in near if x.role in BUDGET_ROLES), None)
    if budget is not None and budget.value is not None:
        return final, budget.value.wan, budget.value.wan_value, budget.value.display
    if (final.subject_id or "").startswith("project:") and final.binding is not None:
        from ..claims.subjects import bind_project

        b, _ = bind_project(doc, final.subject, "full_budget")
        if b is not None and b.facts[0].cell.figure is not None:
            cell = b.facts[0].cell
            return final, cell.interval, cell.figure.value, f"{cell.norm}（自评表 全年预算数, line {cell.line.number}）"
    return final, None, None, ""


@checker("CLM003", "CLM006", "RND001")
def check_rates_and_balances(ctx: Context) -> None:
    """执行率 = 执行数 / 预算数 stated in one sentence; 结余 = 预算 − 决算 and 超支 = 决算 − 预算."""
    import regex

    claims = claims_of(ctx.doc).claims
    for c in claims:
        if c.kind == "rate" and c.value is not None and "执行率" in c.words.get("rate", ""):
            final, biv, bmid, bdesc = _final_and_budget(ctx.doc, claims, c)
            if final is None or biv is None or bmid is None or final.value is None or bmid == 0:
                continue
            ratio = final.value.wan / biv
            if ratio is None:
                continue
            _emit_cmp(ctx, CLM003, c, c.value, ratio.scale(100), final.value.wan_value / bmid * 100,
                      f"{c.subject or '执行率'}: {c.value.display} does not follow from {final.value.display} / {bdesc}",
                      f"{final.value.text} / {bdesc.split('（')[0]} × 100", "rate", key=f"{c.id}:rate")
        if c.kind != "amount" or c.value is None:
            continue
        m = regex.fullmatch(r"(结余|超支)(?:资金|金额)?", c.subject)
        if not m:
            continue
        final, biv, bmid, bdesc = _final_and_budget(ctx.doc, claims, c)
        if final is None or biv is None or bmid is None or final.value is None:
            continue
        word = m.group(1)
        diff = biv - final.value.wan if word == "结余" else final.value.wan - biv
        mid = bmid - final.value.wan_value if word == "结余" else final.value.wan_value - bmid
        how = (f"{bdesc.split('（')[0]} − {final.value.text}" if word == "结余" else
               f"{final.value.text} − {bdesc.split('（')[0]}")
        if diff.high < 0:
            ctx.emit(CLM006, f"'{word}' but {final.value.display} vs budget {bdesc}", c.loc_of(), _excerpt(c),
                     stated=f"{word} {c.value.display}", computed=fmt(mid, 2),
                     explanation=f"{how} = {fmt(mid, 2)}: the sign contradicts '{word}'", key=f"{c.id}:sign")
            continue
        _emit_cmp(ctx, CLM006, c, c.value, Interval(diff.low / c.value.scale, diff.high / c.value.scale),
                  mid / c.value.scale, f"{word} {c.value.display} does not follow from {final.value.display} "
                  f"and its budget {bdesc}", how, "balance", key=f"{c.id}:balance")
