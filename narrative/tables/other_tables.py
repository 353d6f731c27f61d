"""公开06 (economic classification), 公开09 (三公经费) and 公开10 (国有资产).

公开06 prints two or three code/name/amount blocks side by side and closes
with 人员经费合计 / 公用经费合计 cells that do not line up with the blocks;
its items are read as (code, name, amount) triples from the header's block
positions, and the two totals by their labels.
"""

from __future__ import annotations

from .. import patterns
from ..model import Cell, Composition, Row, Table
from ..normalize import squash
from .headers import ECON_CODE_RE, ColumnSpec, c_is_text, map_columns, take_header_rows
from .summary_tables import strip_enum

ECON_COLUMNS = [
    ColumnSpec("amount", r"合计|决算数|预算数|金额"),
    ColumnSpec("personnel", r"人员经费"),
    ColumnSpec("public", r"公用经费"),
]


def parse_economic_table(table: Table) -> None:
    header_rows = take_header_rows(table)
    heads = [squash(c.norm) for r in header_rows for c in r.cells]
    code_heads = sum(1 for h in heads if "科目编码" in h)
    if code_heads < 2 and "人员经费" in heads and "公用经费" in heads:
        _parse_economic_columns(table, header_rows)
        return
    starts: list[int] = []
    for row in header_rows:
        for c in row.cells:
            if patterns.search(r"科目编码|^编码$|^经济分类$", squash(c.norm)):
                starts.append(c.col)
        if starts:
            break
    codes: list[str] = []
    for row in table.body:
        found_total = _totals(table, row)
        if found_total:
            continue
        label = next((squash(c.norm) for c in row.cells[:3] if c.norm.strip()), "")
        if label in ("合计", "总计") and len(starts) <= 1:
            amount = next((c for c in row.cells[1:] if c.figure is not None or c.empty), None)
            amount = next((c for c in reversed(row.cells) if c.figure is not None), amount)
            if amount is not None:
                table.add_fact("total", "amount", amount, label)
            continue
        blocks = starts or _guess_blocks(row)
        for bi, b in enumerate(blocks):
            end = blocks[bi + 1] if bi + 1 < len(blocks) else len(row.cells)
            cells = row.cells[b:end]
            if len(cells) < 3:
                continue
            code = squash(cells[0].norm)
            j = 1
            # "301⇥01⇥基本工资⇥262.33": 类 and 款 in separate cells (a block four cells wide)
            if (len(cells) >= 4 and patterns.fullmatch(r"\d{1,2}|", squash(cells[1].norm))
                    and width(starts, bi, header_rows) == 4):
                code += squash(cells[1].norm).zfill(2) if squash(cells[1].norm) else ""
                j = 2
            if not ECON_CODE_RE.match(code):
                continue
            name = cells[j].norm
            amount = cells[j + 1] if j + 1 < len(cells) else None
            if amount is None:
                continue
            if not amount.empty and amount.figure is None and not amount.na:
                table.problems.append((amount, f"amount of {code} {name} is not a number"))
            table.add_fact(code, "amount", amount, name)
            codes.append(code)
    table.extra["codes"] = codes
    classes = [c for c in dict.fromkeys(codes) if len(c) == 3]
    if classes and table.fact("total", "amount") is not None:
        table.compositions.append(Composition(("total", "amount"), tuple((c, "amount") for c in classes), "经济分类"))


def _parse_economic_columns(table: Table, header_rows: list[Row]) -> None:
    """The 预算 layout: one row per economic code, columns 合计 · 人员经费 · 公用经费, a 合计 row."""
    columns = map_columns(header_rows, ECON_COLUMNS)
    if not columns:
        return
    first = min(i for _, i in columns)
    codes: list[str] = []
    for row in table.body:
        code, j = "", 0
        cells = row.cells[:first]
        while j < len(cells):
            t = squash(cells[j].norm)
            if not code and ECON_CODE_RE.match(t):
                code = t
            elif code and patterns.fullmatch(r"\d{1,2}", t) and len(code) == 3:
                code += t.zfill(2)  # "301⇥2⇥津贴补贴": a 款 printed without its leading zero
            j += 1
        label = next((c.norm for c in cells if c.norm and c_is_text(c.norm)), code)
        if not code and squash(label) in ("合计", "总计"):
            for key, idx in columns:
                if idx < len(row.cells):
                    name = {"amount": "total", "personnel": "personnel_total", "public": "public_total"}[key]
                    table.add_fact(name, "amount", row.cells[idx], label)
            continue
        if not ECON_CODE_RE.match(code):
            continue
        codes.append(code)
        for key, idx in columns:
            if idx < len(row.cells):
                cell = row.cells[idx]
                if not cell.empty and cell.figure is None and not cell.na:
                    table.problems.append((cell, f"{key} of {code} {label} is not a number"))
                table.add_fact(code, key, cell, label)
    table.extra["codes"] = codes
    table.extra["econ_columns"] = [k for k, _ in columns]


def width(starts: list[int], i: int, header_rows: list[Row]) -> int:
    """Cells per code/name/amount block, from the header's block starts."""
    if not starts:
        return 3
    if i + 1 < len(starts):
        return starts[i + 1] - starts[i]
    n = max((len(r.cells) for r in header_rows), default=starts[i] + 3)
    return n - starts[i]


def _guess_blocks(row: Row) -> list[int]:
    return [c.col for c in row.cells if ECON_CODE_RE.match(squash(c.norm)) and c.col + 2 < len(row.cells)]


def _totals(table: Table, row: Row) -> bool:
    found = False
    cells = row.cells
    for i, c in enumerate(cells):
        t = squash(c.norm)
        key = {"人员经费合计": "personnel_total", "人员经费": "personnel_total", "公用经费合计": "public_total",
               "公用经费": "public_total"}.get(t)
        if key is None:
            continue
        found = True
        for nxt in cells[i + 1 :]:
            if nxt.figure is not None:
                table.add_fact(key, "amount", nxt, c.norm)
                break
            if nxt.norm and c_is_text(nxt.norm):
                break
    return found


THREE_PUBLIC_ROWS: list[tuple[str, str]] = [
    (r"(?:财政拨款)?三公经费(?:支出)?(?:合计)?", "total"),
    (r"因公出国\(境\)费(?:用)?", "abroad"),
    (r"公务用车购置及运行维护费|公务用车购置及运行费", "vehicle"),
    (r"公务用车购置费?", "vehicle_purchase"),
    (r"公务用车运行维护费|公务用车运行费", "vehicle_operation"),
    (r"公务接待费", "reception"),
    (r"国内接待费|国内公务接待费", "reception_domestic"),
    (r"其中:?外事接待费", "reception_foreign_affairs"),
    (r"国\(境\)外接待费", "reception_abroad"),
    (r"因公出国\(境\)团组数.*", "abroad_groups"),
    (r"因公出国\(境\)人次数.*", "abroad_people"),
    (r"公务用车购置数.*", "vehicle_purchased"),
    (r"公务用车保有量.*", "vehicle_fleet"),
    (r"国内公务接待批次.*", "reception_batches"),
    (r"其中:?外事接待批次.*", "reception_fa_batches"),
    (r"国内公务接待人次.*", "reception_people"),
    (r"其中:?外事接待人次.*", "reception_fa_people"),
    (r"国\(境\)外公务接待批次.*", "reception_abroad_batches"),
    (r"国\(境\)外公务接待人次.*", "reception_abroad_people"),
]
COUNT_ROWS = {k for _, k in THREE_PUBLIC_ROWS[9:]}
THREE_PUBLIC_COLS = [
    ColumnSpec("initial_budget", r"年初预算数?"),
    ColumnSpec("full_budget", r"全年预算数?|调整预算数?"),
    ColumnSpec("budget", r"预算数?"),
    ColumnSpec("final", r"决算数?|实际支出数?"),
]


def _three_public_key(label: str) -> str | None:
    t = strip_enum(label)
    t = patterns.sub(r"^[(]\d+[)]|^\d+[.、]", "", t)
    for pattern, key in THREE_PUBLIC_ROWS:
        if patterns.fullmatch(pattern, t):
            return key
    return None


def parse_three_public_table(table: Table) -> None:
    header_rows = take_header_rows(table)
    if _parse_three_public_matrix(table, header_rows):
        return
    columns = map_columns(header_rows, THREE_PUBLIC_COLS)
    if not columns:
        _parse_three_public_items_as_columns(table, header_rows)
        return
    first = min(i for _, i in columns)
    for row in table.body:
        label_cell = next((c for c in row.cells[:first] if c.norm and c_is_text(c.norm)), None)
        if label_cell is None:
            continue
        key = _three_public_key(label_cell.norm)
        if key is None:
            continue
        for col, idx in columns:
            if idx < len(row.cells):
                cell = row.cells[idx]
                if key in COUNT_ROWS:
                    cell.unit = None
                if not cell.empty and cell.figure is None and not cell.na:
                    table.problems.append((cell, f"{col} of {label_cell.norm} is not a number"))
                table.add_fact(key, col, cell, label_cell.norm)
    table.extra["columns"] = [k for k, _ in columns]


MATRIX_ITEMS = {"合计": "total", "小计": "vehicle"}


def _parse_three_public_matrix(table: Table, header_rows: list[Row]) -> bool:
    """The Shanghai layout: one data row under item headers (合计 · 因公出国（境）费 ·
    公务用车购置及运行维护费 [小计 · 购置费 · 运行维护费] · 公务接待费), each over a
    预算数 | 决算数 pair.  The item of a pair is the lowest header naming it."""
    period_row = next((r for r in header_rows
                       if sum(squash(c.norm) in ("预算数", "决算数") for c in r.cells) >= 4), None)
    if period_row is None:
        return False
    pairs: list[tuple[int, str, str, str]] = []  # (column, item key, period, label as printed)
    for c in period_row.cells:
        period = {"预算数": "budget", "决算数": "final"}.get(squash(c.norm))
        if period is None:
            continue
        start = c.col if period == "budget" else c.col - 1
        item, label = None, ""
        for row in reversed(header_rows[: header_rows.index(period_row)]):
            for col in (start, start + 1):
                if col < len(row.cells) and row.cells[col].norm:
                    label = row.cells[col].norm
                    item = MATRIX_ITEMS.get(squash(label)) or _three_public_key(label)
                    if item:
                        break
            if item:
                break
        if item:
            pairs.append((c.col, item, period, label))
    if not pairs:
        return False
    for row in table.body:
        if not any(c.figure is not None for c in row.cells):
            continue
        for col, item, period, label in pairs:
            if col < len(row.cells):
                cell = row.cells[col]
                if not cell.empty and cell.figure is None and not cell.na:
                    table.problems.append((cell, f"{period} of {label} is not a number"))
                table.add_fact(item, period, cell, label)
        break
    table.extra["columns"] = sorted({p for _, _, p, _ in pairs}, key=["budget", "final"].index)
    return True


def parse_assets_table(table: Table) -> None:
    header_rows = take_header_rows(table)
    columns = map_columns(header_rows, [ColumnSpec("final", r"决算数|数量|期末数|年末数")])
    col = columns[0][1] if columns else None
    kinds: list[str] = []
    for row in table.body:
        label_cell = next((c for c in row.cells if c.norm and c_is_text(c.norm)), None)
        if label_cell is None:
            continue
        cell: Cell | None = None
        if col is not None and col < len(row.cells):
            cell = row.cells[col]
        else:
            cell = next((c for c in reversed(row.cells) if c.figure is not None), None)
        if cell is None:
            continue
        cell.unit = None
        label = squash(label_cell.norm)
        if patterns.search(r"车辆数?合计|车辆总数", label):
            key = "vehicles_total"
        elif patterns.search(r"设备", label):
            key = "equipment_1m"
        elif patterns.search(r"用车", label):
            key = "vehicle:" + strip_enum(patterns.sub(r"^\d+\.", "", label))
            kinds.append(key)
        else:
            continue
        if not cell.empty and cell.figure is None and not cell.na:
            table.problems.append((cell, f"count of {label_cell.norm} is not a number"))
        table.add_fact(key, "final", cell, label_cell.norm)
    table.extra["vehicle_kinds"] = kinds


ITEM_EXTRA = [(r"会议费", "meeting"), (r"培训费", "training"), (r".*机关运行经费.*", "running")]
THREE_PUBLIC_PARTS = [
    ("total", ["abroad", "vehicle", "reception"]),
    ("vehicle", ["vehicle_purchase", "vehicle_operation"]),
    ("grand_total", ["total", "meeting", "training"]),
]


def _header_at(header_rows: list[Row], row: int, col: int) -> str:
    r = header_rows[row]
    return squash(r.cells[col].norm) if col < len(r.cells) else ""


def _spanning_parent(header_rows: list[Row], row: int, col: int) -> str:
    """The nearest cell at or left of ``col`` in header row ``row`` that has a cell below it
    (a parent spanning children), or ""."""
    for c in range(col, -1, -1):
        t = _header_at(header_rows, row, c)
        if t:
            below = any(_header_at(header_rows, r, c) for r in range(row + 1, len(header_rows)))
            return t if below or c == col else ""
    return ""


def _item_key(label: str, parent: str) -> str | None:
    t = patterns.sub(r"^\d{4}年", "", label)
    key = _three_public_key(t)
    if key is None:
        key = next((k for p, k in ITEM_EXTRA if patterns.fullmatch(p, t)), None)
    if key is None and _three_public_key(parent) == "vehicle":
        key = "vehicle_purchase" if "购置" in t else "vehicle_operation" if "运行" in t else None
    return key


def _parse_three_public_items_as_columns(table: Table, header_rows: list[Row]) -> None:
    """One data row under item headers, as the 预算 layouts print it: 合计 · 因公出国（境）费 ·
    公务用车购置及运行费 [小计 · 购置费 · 运行费] · 公务接待费 (· 会议费 · 培训费 · 机关运行经费).

    A column is named by its lowest header cell; a 小计 / 合计 by the cell above it (the
    item it totals: "公务用车购置及运行维护费", "“三公”经费"), a top-level 合计 beside a
    "三公" group by the grand total of 三公, 会议费 and 培训费."""
    data = [r for r in table.body if any(c.figure is not None for c in r.cells)]
    if not header_rows or len(data) != 1:
        return
    row = data[0]
    title = squash(table.title or "")
    period = "budget" if "预算" in title else "final" if "决算" in title else "amount"
    heads = [_header_at(header_rows, r, c) for r in range(len(header_rows)) for c in range(len(header_rows[r].cells))]
    has_group = any("三公经费" in h and not patterns.search(r"\d{4}年", h) for h in heads)
    found: list[str] = []
    for cell in row.cells:
        col = cell.col
        levels = [r for r in range(len(header_rows)) if _header_at(header_rows, r, col)]
        if not levels:
            continue
        leaf_row = levels[-1]
        leaf = _header_at(header_rows, leaf_row, col)
        above = next((_header_at(header_rows, r, col) for r in reversed(range(leaf_row))
                      if _header_at(header_rows, r, col)), "")
        parent = above or (_spanning_parent(header_rows, leaf_row - 1, col) if leaf_row else "")
        if leaf in ("小计", "合计"):
            key = _item_key(parent, "") if parent else ("grand_total" if has_group else "total")
            if parent and key is None and "三公" in parent:
                key = "total"
        else:
            key = _item_key(leaf, parent)
        if key is None or key in found:
            continue
        found.append(key)
        if not cell.empty and cell.figure is None and not cell.na:
            table.problems.append((cell, f"{period} of {leaf} is not a number"))
        table.add_fact(key, period, cell, leaf)
    for total, parts in THREE_PUBLIC_PARTS:
        present = [p for p in parts if p in found]
        if total in found and len(present) >= 2:
            table.compositions.append(Composition((total, period), tuple((p, period) for p in present), "三公经费"))
    table.extra["columns"] = [period]
