"""The two-sided summary tables: 公开01 收入支出决算总表 and 公开04 财政拨款收入支出决算总表.

Each printed row holds an income item on the left and an expenditure item on
the right, so one source line yields up to two facts.  Rows are named by
their label (see docs/conventions.md); expenditure classes by their 类 code,
looked up by name in the subject lexicon and in the report's own code tables.
"""

from __future__ import annotations

import regex

from ..lexicon import class_names
from ..model import Document, Row, Table
from ..normalize import squash
from .headers import c_is_text, take_header_rows

ENUM_RE = regex.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|[(][一二三四五六七八九十\d]+[)])")

INCOME_LABELS: list[tuple[str, str]] = [
    (r"本年收入合计", "income.total"),
    (r"使用非财政拨款结余.*", "income.nonfiscal_balance"),
    (r"年初(?:财政拨款)?结转和?结余", "income.carry_begin"),
    (r"(?:收入)?总计", "income.grand_total"),
    (r"一般公共预算(?:财政拨款)?(?:收入|资金)?", "gpb"),
    (r"政府性基金(?:预算)?(?:财政拨款)?(?:收入|资金)?", "fund"),
    (r"国有资本经营预算(?:财政拨款)?(?:收入|资金)?", "capital"),
    (r"财政拨款收入", "income.fiscal"),
    (r"上级补助收入", "income.upper"),
    (r"事业收入", "income.business"),
    (r"(?:事业单位)?经营收入", "income.operating"),
    (r"附属单位上缴收入", "income.subsidiary"),
    (r"其他收入", "income.other"),
]
EXP_LABELS: list[tuple[str, str]] = [
    (r"本年支出合计", "exp.total"),
    (r"结余分配", "exp.distribution"),
    (r"年末(?:财政拨款)?结转和?结余", "exp.carry_end"),
    (r"(?:支出)?总计", "exp.grand_total"),
]
EXP_COLUMNS: list[tuple[str, str]] = [
    (r"合计|金额|决算数|预算数|小计", "total"),
    (r"一般公共预算(?:财政拨款)?", "gpb"),
    (r"政府性基金(?:预算)?(?:财政拨款)?", "fund"),
    (r"国有资本经营(?:预算)?(?:财政拨款)?", "capital"),
]


def strip_enum(label: str) -> str:
    return ENUM_RE.sub("", squash(label))


def _class_code(name: str, doc: Document) -> str | None:
    lex = class_names()
    if name in lex:
        return lex[name]
    for t in doc.tables:
        if t.kind in ("T02", "T03", "T05"):
            for f in t.facts.values():
                if len(f.key.row) == 3 and squash(f.label) == name:
                    return f.key.row
    return None


def _layout(header_rows: list[Row]) -> tuple[int, int | None, int | None, list[tuple[str, int]]]:
    """(income label col, income amount col, expenditure label col, expenditure amount cols).

    The expenditure label column is the second "项目" header; amounts left of it are the
    income side's, amounts right of it the expenditure side's (found in a second pass, since
    a "预算数" spanning the expenditure columns may sit in a header row above "项目")."""
    exp_label: int | None = None
    for row in header_rows:
        for c in row.cells:
            if c.col > 0 and regex.fullmatch(r"项目.*", squash(c.norm)):
                exp_label = c.col
                break
        if exp_label is not None:
            break
    inc_amount: int | None = None
    exp_cols: list[tuple[str, int]] = []
    if exp_label is None:
        return 0, None, None, []
    for row in header_rows:
        for c in row.cells:
            t = squash(c.norm)
            if not t or regex.fullmatch(r"项目.*", t):
                continue
            if c.col < exp_label:
                if regex.fullmatch(r"金额|决算数|预算数", t) and inc_amount is None:
                    inc_amount = c.col
                continue
            for pattern, key in EXP_COLUMNS:
                if regex.fullmatch(pattern, t) and all(k != key for k, _ in exp_cols):
                    exp_cols.append((key, c.col))
                    break
    return 0, inc_amount, exp_label, exp_cols


def parse_summary_table(table: Table, doc: Document) -> None:
    header_rows = take_header_rows(table)
    _, inc_amount, exp_label, exp_cols = _layout(header_rows)
    if exp_label is None:
        return
    if inc_amount is None:
        inc_amount = exp_label - 1
    if not exp_cols:
        exp_cols = [("total", exp_label + 1)]
    if table.kind == "T01":  # one amount column on each side
        exp_cols = [("amount", exp_cols[0][1])]
    amount_col = "amount"
    after_carry = False
    key: str | None
    for row in table.body:
        cells = row.cells
        # Income side.
        left = [c for c in cells[:exp_label] if c.norm and c_is_text(c.norm)]
        if left:
            label = strip_enum(left[0].norm)
            for pattern, name in INCOME_LABELS:
                if regex.fullmatch(pattern, label):
                    key = name
                    if name in ("gpb", "fund", "capital"):
                        key = f"income.carry_begin.{name}" if after_carry else f"income.{name}"
                    if key == "income.carry_begin":
                        after_carry = True
                    elif key in ("income.total", "income.grand_total"):
                        after_carry = False
                    if inc_amount < len(cells):
                        cell = cells[inc_amount]
                        _check(table, cell, label)
                        table.add_fact(key, amount_col, cell, left[0].norm)
                    break
        # Expenditure side.
        if exp_label < len(cells) and cells[exp_label].norm:
            raw = cells[exp_label].norm
            label = strip_enum(raw)
            key = None
            for pattern, k in EXP_LABELS:
                if regex.fullmatch(pattern, label):
                    key = k
                    break
            if key is None:
                code = _class_code(label, doc)
                if code is None:
                    if any(cells[i].figure is not None for _, i in exp_cols if i < len(cells)):
                        table.problems.append((cells[exp_label], f"unknown expenditure class {raw!r}"))
                    continue
                key = f"exp.{code}"
            for col, idx in exp_cols:
                if idx < len(cells):
                    _check(table, cells[idx], label)
                    table.add_fact(key, col, cells[idx], raw)
    table.extra["exp_columns"] = [k for k, _ in exp_cols]


def _check(table: Table, cell, label: str) -> None:  # type: ignore[no-untyped-def]
    if not cell.empty and cell.figure is None and not cell.na:
        table.problems.append((cell, f"amount of {label} is not a number"))
