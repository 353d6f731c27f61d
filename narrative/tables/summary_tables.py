"""The two-sided balance tables: 收入支出决算总表 / 收支预算总表 (T01) and the
财政拨款 ones (T04), in every layout.

Each printed row holds an income item on the left and an expenditure item on the
right, so one source line yields up to two facts.  The layout is read from the
table, not assumed:

* the sides split at the header's 支出 cell (or the second label column);
* a side may hold several label columns: Jiangsu prints the expenditure side as
  功能分类 (一、一般公共服务支出 …) beside 支出用途 (一、基本支出 二、项目支出
  三、单位预留机动经费), two breakdowns of the same 当年支出小计;
* each label column's amounts are the amount columns up to the next label column
  (行次 columns are skipped); a total whose amount spans the side is found further
  right ("当年支出小计⇥⇥⇥28,849.38");
* a cell holding both label and amount ("一、一般公共预算 33,172.15") is split;
* which rows add up to which total is read from the enumerators: the 一、二、三
  items above the first total are its parts, the 1. 2. items under an item are that
  item's parts, and the rows after the first total (结转, 结余) are, with it, the parts
  of the grand total.  These go to ``Table.compositions``.

Rows are named by their label (see docs/conventions.md); expenditure classes by
their 类 code, looked up by name in the subject lexicon and the report's own code
tables.
"""

from __future__ import annotations

from .. import patterns
from ..lexicon import class_names
from ..model import Cell, Composition, Document, Row, Table
from ..normalize import squash
from ..patterns import compiled
from ..rounding import parse_figure
from .headers import c_is_text, take_header_rows

ENUM_RE = patterns.compile(r"^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|[(][一二三四五六七八九十\d]+[)])")
LEVEL1_RE = patterns.compile(r"^[一二三四五六七八九十]+[、.]")
LEVEL2_RE = patterns.compile(r"^(?:\d+[、.]|[(][一二三四五六七八九十\d]+[)])")
LABEL_AMOUNT_RE = patterns.compile(r"^(.*\p{Han}.*?)\s+(-?[\d,]+(?:\.\d+)?)$")

INCOME_LABELS: list[tuple[str, str]] = [
    (r"本年收入合计|(?:当年|本年)?收入小计", "income.total"),
    (r"使用非财政拨款结余.*", "income.nonfiscal_balance"),
    (r"年初(?:财政拨款)?结转和?结余|上年结转(?:和结余)?(?:资金)?", "income.carry_begin"),
    (r"(?:收入)?总计", "income.grand_total"),
    (r"收入合计|合计", "income.sum"),  # total or grand total, by position
    (r"财政拨款(?:收入)?", "income.fiscal"),
    (r"一般公共预算(?:财政拨款)?(?:收入|资金)?", "gpb"),
    (r"政府性基金(?:预算)?(?:财政拨款)?(?:收入|资金)?", "fund"),
    (r"国有资本经营预算(?:财政拨款)?(?:收入|资金)?", "capital"),
    (r"财政专户管理资金(?:收入)?", "income.special_account"),
    (r"其他资金", "income.other_funds"),
    (r"上级补助收入", "income.upper"),
    (r"事业收入", "income.business"),
    (r"(?:事业单位)?经营收入", "income.operating"),
    (r"附属单位上缴收入", "income.subsidiary"),
    (r"其他收入", "income.other"),
]
EXP_LABELS: list[tuple[str, str]] = [
    (r"本年支出合计|(?:当年|本年)?支出小计", "exp.total"),
    (r"结余分配", "exp.distribution"),
    (r"年末(?:财政拨款)?结转和?结余|结转下年(?:资金)?", "exp.carry_end"),
    (r"(?:支出)?总计", "exp.grand_total"),
    (r"支出合计|合计", "exp.sum"),
    (r"基本支出", "exp.basic"),
    (r"项目支出", "exp.project"),
    (r"(?:单位)?预留机动经费", "exp.reserve"),
    (r"人员经费", "exp.personnel"),
    (r"公用经费", "exp.public"),
    (r"上缴上级支出", "exp.upper"),
    (r"(?:事业单位)?经营支出", "exp.operating"),
    (r"对附属单位补助支出", "exp.subsidiary"),
]
EXP_COLUMNS: list[tuple[str, str]] = [
    (r"合计|金额|决算数|预算数|小计", "total"),
    (r"一般公共预算(?:财政拨款)?", "gpb"),
    (r"政府性基金(?:预算)?(?:财政拨款)?", "fund"),
    (r"国有资本经营(?:预算)?(?:财政拨款)?", "capital"),
    (r"基本支出", "basic"),
    (r"项目支出", "project"),
    (r"人员经费", "personnel"),
    (r"公用经费", "public"),
]
SIDE_RE = patterns.compile(r"(?:本年|财政拨款)?支出")
ROWNO_RE = patterns.compile(r"行次|栏次")
TOTAL_KEYS = ("total", "grand_total", "sum")


def strip_enum(label: str) -> str:
    return ENUM_RE.sub("", squash(label))


def _class_code(name: str, doc: Document) -> str | None:
    lex = class_names()
    if name in lex:
        return lex[name]
    for t in doc.tables:
        if t.kind in ("T02", "T03", "T05", "F05"):
            for f in t.facts.values():
                if len(f.key.row) == 3 and squash(f.label) == name:
                    return f.key.row
    return None


def _split(cell: Cell) -> tuple[str, Cell | None]:
    """("一、一般公共预算", amount cell) from a cell holding both, else (text, None)."""
    m = LABEL_AMOUNT_RE.match(cell.norm.strip())
    if not m:
        return cell.norm, None
    fig = parse_figure(m.group(2))
    if fig is None:
        return cell.norm, None
    return m.group(1), Cell(text=m.group(2), col=cell.col, line=cell.line, figure=fig, unit=cell.unit)


def _columns(table: Table, header_rows: list[Row]) -> tuple[list[int], list[int], int]:
    """(label columns, amount columns, first column of the expenditure side)."""
    width = max((len(r.cells) for r in table.rows), default=0)
    text = [0] * width
    figs = [0] * width
    for row in table.body:
        for c in row.cells:
            if not c.norm:
                continue
            if c.figure is not None:
                figs[c.col] += 1
            elif c_is_text(c.norm) and not c.na:
                text[c.col] += 1
    rowno = {c.col for r in header_rows for c in r.cells
             if ROWNO_RE.fullmatch(squash(c.norm)) and c.col < width and not text[c.col]}
    labels = [i for i in range(width) if text[i] and text[i] >= figs[i] and i not in rowno]
    amounts = [i for i in range(width) if i not in labels and i not in rowno]
    exp_start = None
    for row in header_rows:
        for c in row.cells:
            if c.col > 0 and SIDE_RE.fullmatch(squash(c.norm)):
                exp_start = c.col
                break
        if exp_start is not None:
            break
    if exp_start is None:
        exp_start = labels[1] if len(labels) > 1 else width
    return labels, amounts, exp_start


def _column_key(header_rows: list[Row], col: int, position: int, kind: str | None, side: str) -> str:
    if side == "income" or kind == "T01" and position == 0:
        return "amount"
    names = [squash(r.cells[col].norm) for r in header_rows if col < len(r.cells) and r.cells[col].norm]
    for name in reversed(names):
        for pattern, key in EXP_COLUMNS:
            if compiled(pattern).fullmatch(name):
                return "amount" if kind == "T01" and key == "total" else key
    return "amount" if kind == "T01" else ("total" if position == 0 else f"col{col}")


def _key_of(label: str, side: str, doc: Document, state: dict[str, bool]) -> str | None:
    if label.startswith("其中"):
        return f"sub:{label}"
    for pattern, key in INCOME_LABELS if side == "income" else EXP_LABELS:
        if compiled(pattern).fullmatch(label):
            if key in ("gpb", "fund", "capital"):
                return f"income.carry_begin.{key}" if state.get("after_carry") else f"income.{key}"
            return key
    if side == "exp":
        code = _class_code(label, doc)
        return f"exp.{code}" if code else None
    return None


def parse_summary_table(table: Table, doc: Document) -> None:
    header_rows = take_header_rows(table)
    labels, amounts, exp_start = _columns(table, header_rows)
    if not labels:
        return
    groups: list[tuple[str, int, list[int]]] = []  # (side, label column, amount columns)
    for i, lc in enumerate(labels):
        side = "income" if lc < exp_start else "exp"
        end = labels[i + 1] if i + 1 < len(labels) else 10**6
        side_end = exp_start if side == "income" else 10**6
        groups.append((side, lc, [a for a in amounts if lc < a < min(end, side_end)]))
    keys_by_col: dict[int, str] = {}
    for side, _, cols in groups:
        for pos, a in enumerate(cols):
            keys_by_col[a] = _column_key(header_rows, a, pos, table.kind, side)
    order: dict[str, list[tuple[int, str, str, int]]] = {"income": [], "exp": []}  # (row, key, label, column)
    state = {"income": {}, "exp": {}}  # type: dict[str, dict[str, bool]]
    for ri, row in enumerate(table.body):
        for side, lc, cols in groups:
            if lc >= len(row.cells) or not row.cells[lc].norm.strip():
                continue
            raw, inline = _split(row.cells[lc])
            label = strip_enum(raw)
            key = _key_of(label, side, doc, state[side])
            if key is None:
                if side == "exp" and any(row.cells[a].figure is not None for a in cols if a < len(row.cells)):
                    table.problems.append((row.cells[lc], f"unknown expenditure class {raw!r}"))
                continue
            if key == "income.carry_begin":
                state[side]["after_carry"] = True
            elif key in ("income.total", "income.grand_total"):
                state[side]["after_carry"] = False
            key = _resolve_sum(key, side, order[side])
            order[side].append((ri, key, raw, lc))
            cells = [(keys_by_col[a], row.cells[a]) for a in cols if a < len(row.cells)]
            if inline is not None and all(c.empty for _, c in cells):
                cells = [("amount" if side == "income" or table.kind == "T01" else "total", inline)]
            if key.rsplit(".", 1)[-1] in TOTAL_KEYS and cells and all(c.empty for _, c in cells):
                far = next((c for c in row.cells[lc + 1:] if c.figure is not None
                            and (side == "exp" or c.col < exp_start)), None)
                if far is not None:
                    cells = [(cells[0][0], far)]
            for col, cell in cells:
                if not cell.empty and cell.figure is None and not cell.na:
                    table.problems.append((cell, f"amount of {label} is not a number"))
                table.add_fact(key, col, cell, raw)
    _alias_grand_totals(table, order)
    table.extra["exp_columns"] = list(dict.fromkeys(
        keys_by_col[a] for side, _, cols in groups if side == "exp" for a in cols[:4]))[:4] or ["total"]
    if table.kind == "T01":
        table.extra["exp_columns"] = ["amount"]
    _compositions(table, groups, order, keys_by_col)


def _resolve_sum(key: str, side: str, seen: list[tuple[int, str, str, int]]) -> str:
    """"收入合计" / "支出合计" is the year's total when no total came before it, else the
    grand total (after 上年结转 / 结转下年)."""
    if not key.endswith(".sum"):
        return key
    prefix = "income" if side == "income" else "exp"
    if any(k == f"{prefix}.total" for _, k, _, _ in seen):
        return f"{prefix}.grand_total"
    return f"{prefix}.total"


def _alias_grand_totals(table: Table, order: dict[str, list[tuple[int, str, str, int]]]) -> None:
    """A side with one total and no carry-over rows: that total is also its grand total."""
    for side, prefix in (("income", "income"), ("exp", "exp")):
        keys = [k for _, k, _, _ in order[side]]
        if f"{prefix}.total" in keys and f"{prefix}.grand_total" not in keys:
            if any(k.endswith(("carry_begin", "carry_end", "nonfiscal_balance", "distribution")) for k in keys):
                continue
            for f in list(table.facts.values()):
                if f.key.row == f"{prefix}.total":
                    table.add_fact(f"{prefix}.grand_total", f.key.col, f.cell, f.label)


def _compositions(table: Table, groups: list[tuple[str, int, list[int]]],
                  order: dict[str, list[tuple[int, str, str, int]]], keys_by_col: dict[int, str]) -> None:
    first_group = {side: min((lc for s, lc, _ in groups if s == side), default=-1) for side in ("income", "exp")}
    for side, lc, cols in groups:
        prefix = "income" if side == "income" else "exp"
        default = "amount" if side == "income" or table.kind == "T01" else "total"
        col_keys = [keys_by_col[a] for a in cols] or [default]
        side_rows = order[side]
        first_total = next((ri for ri, k, _, _ in side_rows if k == f"{prefix}.total"), None)
        basis = _basis(table, lc, side)
        level1: list[str] = []
        children: dict[str, list[str]] = {}
        for ri, k, lab, c in side_rows:
            if c != lc:
                continue
            if first_total is not None and ri >= first_total:
                break
            if k.startswith("sub:") or k.rsplit(".", 1)[-1] in TOTAL_KEYS:
                continue
            if LEVEL2_RE.match(squash(lab)) and level1:
                children.setdefault(level1[-1], []).append(k)
            else:
                level1.append(k)
        for col in col_keys:
            if level1 and first_total is not None:
                _add(table, (f"{prefix}.total", col), [(k, col) for k in level1], basis)
            for parent, kids in children.items():
                _add(table, (parent, col), [(k, col) for k in kids], basis)
        if lc != first_group[side] or first_total is None:
            continue
        after = [k for ri, k, _, _ in side_rows if ri > first_total and k.split(".")[-1] not in TOTAL_KEYS
                 and not k.startswith("sub:") and k.count(".") == 1]
        subs = list(dict.fromkeys(f.key.row for f in table.facts.values()
                                  if f.key.row.startswith(f"{prefix}.carry_begin.")))
        for col in col_keys:
            if after:
                _add(table, (f"{prefix}.grand_total", col), [(f"{prefix}.total", col)] + [(k, col) for k in after],
                     "总计")
            if subs:
                _add(table, (f"{prefix}.carry_begin", col), [(k, col) for k in subs], "结转和结余")


def _basis(table: Table, lc: int, side: str) -> str:
    for row in table.rows:
        if not row.header:
            break
        for col in (lc, lc - 1):
            if 0 <= col < len(row.cells):
                t = squash(row.cells[col].norm)
                if t in ("功能分类", "支出用途", "按功能分类", "经济分类") or t.startswith("项目(按"):
                    return t
    return "收入" if side == "income" else "支出"


def _add(table: Table, total: tuple[str, str], parts: list[tuple[str, str]], basis: str) -> None:
    if table.fact(*total) is None or not parts:
        return
    comp = Composition(total, tuple(parts), basis)
    if comp not in table.compositions:
        table.compositions.append(comp)
