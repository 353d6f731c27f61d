"""Tables keyed by function-classification code: 公开02, 03, 05, 07, 08.

Rows are keyed by the subject code (类 3 digits, 款 5, 项 7) or ``total`` for
the 合计 row; columns by header alignment (see ``headers``).  "其中：" rows are
kept as facts under ``sub:<label>`` and never treated as addends.
"""

from __future__ import annotations

from .. import patterns
from ..model import Cell, Composition, Row, Table
from .headers import CODE_RE, ColumnSpec, map_columns, squash, take_header_rows

SPECS: dict[str, list[ColumnSpec]] = {
    "T02": [
        ColumnSpec("total", r"本年收入合计|收入合计|合计"),
        ColumnSpec("carry_begin", r"上年结转(?:和结余)?(?:资金)?|年初结转和结余"),
        ColumnSpec("nonfiscal_balance", r"使用非财政拨款结余.*"),
        ColumnSpec("fiscal", r"财政拨款收入|财政拨款"),
        ColumnSpec("upper", r"上级补助收入"),
        ColumnSpec("business", r"事业收入"),
        ColumnSpec("operating", r"(?:事业单位)?经营收入"),
        ColumnSpec("subsidiary", r"附属单位上缴收入"),
        ColumnSpec("other", r"其他收入"),
    ],
    "T03": [
        ColumnSpec("total", r"本年支出合计|支出合计|合计"),
        ColumnSpec("basic", r"基本支出"),
        ColumnSpec("project", r"项目支出"),
        ColumnSpec("reserve", r"(?:单位)?预留机动经费"),
        ColumnSpec("upper", r"上缴上级支出"),
        ColumnSpec("operating", r"(?:事业单位)?经营支出"),
        ColumnSpec("subsidiary", r"对附属单位补助支出|对下级单位补助支出"),
        ColumnSpec("carry_end", r"结转下年(?:资金)?"),
    ],
    "T05": [
        ColumnSpec("total", r"本年支出合计|支出合计|合计|小计|金额|财政拨款支出|预算数|决算数"),
        ColumnSpec("basic", r"基本支出"),
        ColumnSpec("project", r"项目支出"),
    ],
    "T07": [
        ColumnSpec("carry_begin", r"年初结转和结余"),
        ColumnSpec("income", r"本年收入"),
        ColumnSpec("exp", r"本年支出", parent=True),
        ColumnSpec("total", r"小计|合计|本年支出合计|金额|预算数|决算数"),
        ColumnSpec("basic", r"基本支出"),
        ColumnSpec("project", r"项目支出"),
        ColumnSpec("carry_end", r"年末结转和结余"),
    ],
}
SPECS["T08"] = SPECS["T07"]
SPECS["F05"] = SPECS["T05"]

# Column names for messages, as the national templates print them.
COLUMN_NAMES: dict[str, str] = {
    "total": "合计",
    "fiscal": "财政拨款收入",
    "upper": "上级补助",
    "business": "事业收入",
    "operating": "经营",
    "subsidiary": "附属单位",
    "other": "其他收入",
    "nonfiscal_balance": "使用非财政拨款结余",
    "reserve": "单位预留机动经费",
    "personnel": "人员经费",
    "public": "公用经费",
    "basic": "基本支出",
    "project": "项目支出",
    "carry_begin": "年初结转和结余",
    "income": "本年收入",
    "carry_end": "年末结转和结余",
    "amount": "金额",
    "grand_total": "收入合计",
    "gpb": "一般公共预算财政拨款",
    "fund": "政府性基金预算财政拨款",
    "capital": "国有资本经营预算财政拨款",
    "initial_budget": "年初预算数",
    "full_budget": "全年预算数",
    "budget": "预算数",
    "final": "决算数",
}


KIND_COLUMN_NAMES: dict[str, dict[str, str]] = {
    "T02": {"total": "本年收入合计", "upper": "上级补助收入", "operating": "经营收入",
            "subsidiary": "附属单位上缴收入"},
    "T03": {"total": "本年支出合计", "upper": "上缴上级支出", "operating": "经营支出",
            "subsidiary": "对附属单位补助支出", "carry_end": "结转下年资金"},
    "T05": {"total": "本年支出合计"},
    "T07": {"total": "本年支出合计"},
    "T08": {"total": "本年支出合计"},
}


def column_name(key: str, kind: str | None = None) -> str:
    return KIND_COLUMN_NAMES.get(kind or "", {}).get(key) or COLUMN_NAMES.get(key, key)


# The components that make up each table's total column (TBL002): every column of the
# kind that is a part of the total; a table has the ones its header prints (the others
# are absent facts and add nothing).  Each parsed table also records its own list in
# ``Table.compositions`` (row "*": every row).
ROW_TOTALS: dict[str, tuple[str, list[str]]] = {
    "T02": ("total", ["carry_begin", "fiscal", "upper", "business", "operating", "subsidiary", "other",
                      "nonfiscal_balance"]),
    "T03": ("total", ["basic", "project", "reserve", "upper", "operating", "subsidiary", "carry_end"]),
    "T05": ("total", ["basic", "project"]),
    "T07": ("total", ["basic", "project"]),
    "T08": ("total", ["basic", "project"]),
    "F05": ("total", ["basic", "project"]),
}

TOTAL_LABEL_RE = patterns.compile(r"^(?:合计|总计|本年.*合计)$")
CODE_AND_NAME_RE = patterns.compile(r"^(\d{3}(?:\d{2}){0,2})\s+(\S.*)$")


def _row_code_label(row: Row, first_amount: int) -> tuple[str | None, str | None, Cell | None]:
    """Subject code and label of a row.  The code is one cell ("2013101", or "2013101 行政运行")
    or, in some layouts, split over 类 / 款 / 项 cells ("201⇥06⇥01")."""
    code: str | None = None
    label: str | None = None
    label_cell: Cell | None = None
    cells = row.cells[: max(first_amount, 1)]
    i = 0
    while i < len(cells):
        c = cells[i]
        t = c.norm
        if not t:
            i += 1
            continue
        m = CODE_AND_NAME_RE.match(t)
        if m and code is None:
            code, label, label_cell = m.group(1), m.group(2), c
            i += 1
            continue
        s = squash(t)
        if code is None and CODE_RE.match(s):
            code = s
            # 类 ⇥ 款 ⇥ 项 in separate cells
            while len(code) < 7 and i + 1 < len(cells) and patterns.fullmatch(r"\d{1,2}", squash(cells[i + 1].norm)):
                code += squash(cells[i + 1].norm).zfill(2)  # a 款/项 printed without its leading zero
                i += 1
            i += 1
            continue
        if label is None and c.figure is None:
            label, label_cell = t, c
        i += 1
    return code, label, label_cell


def parse_code_table(table: Table) -> bool:
    """Parse a code table; False when its header names none of the kind's columns."""
    kind = table.kind or ""
    specs = SPECS[kind]
    header_rows = take_header_rows(table)
    columns = map_columns(header_rows, specs)
    if not columns:
        return False
    if kind == "T02" and {"carry_begin", "nonfiscal_balance"} & {k for k, _ in columns}:
        # "收入合计" beside 上年结转 / 使用非财政拨款结余 columns includes them: it is the
        # grand total (T01 收入总计), not 本年收入合计
        columns = [("grand_total" if k == "total" else k, i) for k, i in columns]
    first_amount = min(idx for _, idx in columns)
    table.extra["columns"] = [k for k, _ in columns]
    codes: list[str] = []
    for row in table.body:
        code, label, _ = _row_code_label(row, first_amount)
        label_s = squash(label or "")
        has_numbers = any(c.figure is not None for c in row.cells[first_amount:])
        if code is not None:
            key = code
        elif label_s and TOTAL_LABEL_RE.match(label_s):
            key = "total"
        elif label_s.startswith("其中"):
            key = f"sub:{label_s}"
        elif not label_s and has_numbers:
            key = "total"  # 公开02 writes its 合计 row with an empty label
        else:
            continue
        if key != "total" and not key.startswith("sub:"):
            codes.append(key)
        for col_key, idx in columns:
            if idx < len(row.cells):
                cell = row.cells[idx]
                if not cell.empty and cell.figure is None and not cell.na:
                    table.problems.append((cell, f"{col_key} of {label or key} is not a number"))
                table.add_fact(key, col_key, cell, label or key)
    table.extra["codes"] = codes
    spec = ROW_TOTALS.get(kind)
    present = [k for k, _ in columns]
    if spec:
        total = spec[0] if spec[0] in present else "grand_total" if "grand_total" in present else None
        parts = [p for p in spec[1] if p in present]
        if total and parts:
            table.compositions.append(Composition(("*", total), tuple(("*", p) for p in parts), "columns"))
    return True
