"""Tables read down a list rather than across a code grid.

* The grouped 收入预算总表 (Jiangsu): "项目名称 ⇥ ⇥ 金额", a 收入总计 row, then groups
  (一般公共预算资金, 政府性基金, 财政专户管理资金, 其他资金, 上年结转和结余资金), each a
  小计 row followed by its items.  The group's name is printed anywhere within its
  rows (vertically centred in the PDF, so often beside the second or third item), so
  a group is the run of rows from one 小计 row to the next, named by the label found
  in its first column.
* The 政府采购预算表: 合计, then 一、货物 / 二、工程 / 三、服务, each over its 专项 rows,
  each 专项 over its purchase items.

Both record their facts and which rows add up to which (``Table.compositions``).
"""

from __future__ import annotations

from .. import patterns
from ..model import Cell, Composition, Row, Table
from ..normalize import squash
from .headers import c_is_text, take_header_rows

GROUPS: list[tuple[str, str]] = [
    (r"一般公共预算(?:资金|收入)?", "income.gpb"),
    (r"政府性基金(?:预算)?(?:资金|收入)?", "income.fund"),
    (r"国有资本经营预算(?:资金|收入)?", "income.capital"),
    (r"财政专户管理资金", "income.special_account"),
    (r"其他资金", "income.other_funds"),
    (r"上年结转和?结余(?:资金)?|上年结转(?:资金)?", "income.carry_begin"),
]
ITEMS: list[tuple[str, str]] = [
    (r"事业收入", "income.business"),
    (r"(?:事业单位)?经营收入", "income.operating"),
    (r"其他收入", "income.other"),
]


def _amount_col(header_rows: list[Row], width: int) -> int:
    for row in header_rows:
        for c in row.cells:
            if patterns.fullmatch(r"金额|预算数|决算数|合计|总计", squash(c.norm)):
                return c.col
    return width - 1


def _group_key(label: str) -> str | None:
    for pattern, key in GROUPS:
        if patterns.fullmatch(pattern, label):
            return key
    return None


def parse_grouped_income(table: Table) -> bool:
    """The grouped 收入预算总表; False when the table is not laid out that way."""
    header_rows = take_header_rows(table)
    body = table.body
    if not any(squash(c.norm) == "小计" for r in body for c in r.cells):
        return False
    width = max(len(r.cells) for r in table.rows)
    amount = _amount_col(header_rows, width)
    runs: list[list[Row]] = []
    for row in body:
        texts = [squash(c.norm) for c in row.cells[:amount]]
        if "小计" in texts:
            runs.append([row])
        elif runs:
            runs[-1].append(row)
        elif texts and patterns.fullmatch(r"收入总计|总计|收入合计|合计", next((t for t in texts if t), "")):
            if amount < len(row.cells):
                table.add_fact("income.grand_total", "amount", row.cells[amount], row.cells[0].norm or "收入总计")
    subtotals: list[str] = []
    for run in runs:
        names = [squash(r.cells[0].norm) for r in run if r.cells and r.cells[0].norm.strip()]
        key = next((k for n in names if (k := _group_key(n)) is not None), None)
        if key is None:
            continue
        head = run[0]
        if amount < len(head.cells):
            table.add_fact(key, "amount", head.cells[amount], names[0] if names else key)
            subtotals.append(key)
        parts: list[str] = []
        for row in run[1:]:
            label_cell = next((c for c in row.cells[1:amount] if c.norm.strip() and c_is_text(c.norm)), None)
            if label_cell is None or amount >= len(row.cells):
                continue
            label = squash(label_cell.norm)
            item = next((k for p, k in ITEMS if patterns.fullmatch(p, label)), None)
            item_key = f"sub:{label}" if label.startswith("其中") else (item or f"{key}:{label}")
            table.add_fact(item_key, "amount", row.cells[amount], label_cell.norm)
            if not item_key.startswith("sub:"):
                parts.append(item_key)
        if parts:
            table.compositions.append(Composition((key, "amount"), tuple((p, "amount") for p in parts), "收入来源"))
    if subtotals and table.fact("income.grand_total", "amount") is not None:
        table.compositions.append(Composition(("income.grand_total", "amount"),
                                              tuple((k, "amount") for k in subtotals), "收入来源"))
    table.extra["columns"] = ["amount"]
    return bool(table.facts)


CATEGORIES = [(r"货物", "goods"), (r"工程", "works"), (r"服务", "services")]


def parse_procurement_table(table: Table) -> None:
    """政府采购预算表: 合计 = 货物 + 工程 + 服务; each category = Σ its 专项 rows; each 专项
    row = Σ the purchase items under it."""
    header_rows = take_header_rows(table)
    width = max(len(r.cells) for r in table.rows)
    amount = _amount_col(header_rows, width)
    cats: list[str] = []
    cat: str | None = None
    groups: dict[str, list[str]] = {}
    items: dict[str, list[str]] = {}
    group: str | None = None
    for row in table.body:
        if amount >= len(row.cells):
            continue
        cell: Cell = row.cells[amount]
        first = squash(row.cells[0].norm)
        if first in ("合计", "总计"):
            table.add_fact("total", "amount", cell, row.cells[0].norm)
            continue
        if first:
            cat = next((k for p, k in CATEGORIES if patterns.search(p, first)), f"cat{len(cats) + 1}")
            cats.append(cat)
            table.add_fact(cat, "amount", cell, row.cells[0].norm)
            groups[cat], group = [], None
            continue
        if cat is None or cell.figure is None:
            continue
        named = [squash(c.norm) for c in row.cells[1:amount]]
        is_item = any(named[2:]) if len(named) > 2 else False
        if not is_item or group is None:
            group = f"{cat}.{len(groups[cat]) + 1}"
            groups[cat].append(group)
            items[group] = []
            label = " ".join(c.norm for c in row.cells[1:3] if c.norm.strip())
            table.add_fact(group, "amount", cell, label or group)
        else:
            item = f"{group}.{len(items[group]) + 1}"
            items[group].append(item)
            table.add_fact(item, "amount", cell, " ".join(c.norm for c in row.cells[3:amount] if c.norm.strip()))
    if cats and table.fact("total", "amount") is not None:
        table.compositions.append(Composition(("total", "amount"), tuple((c, "amount") for c in cats), "采购品目大类"))
    for c, gs in groups.items():
        if gs:
            table.compositions.append(Composition((c, "amount"), tuple((g, "amount") for g in gs), "专项"))
    for g, its in items.items():
        if its:
            table.compositions.append(Composition((g, "amount"), tuple((i, "amount") for i in its), "采购物品"))
    table.extra["categories"] = cats
