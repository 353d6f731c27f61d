"""项目支出绩效自评表: one table per project.

Layouts vary with every office's spreadsheet, so the parse leans on what is
stable: the fund rows (年度资金总额 / 财政拨款 / 其他资金) align with the
header 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分; in an
indicator row the 分值 and 得分 are the last two adjacent numbers (the
reason column after them is text); the 总分 row ends with the total 分值 and
the total 得分, after however many empty cells the office typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .. import patterns
from ..model import Cell, Row, Table
from ..normalize import squash
from .headers import ColumnSpec, c_is_text, map_columns

FUND_COLS = [
    ColumnSpec("initial_budget", r"年初预算数?"),
    ColumnSpec("full_budget", r"全年预算数?[A-Z]?|调整后预算数?"),
    ColumnSpec("executed", r"全年执行数?[A-Z]?|执行数|实际支出数?"),
    ColumnSpec("weight", r"分值"),
    ColumnSpec("rate", r"执行率(?:\([A-Z/]+\))?"),
    ColumnSpec("score", r"得分"),
]


@dataclass
class Indicator:
    row: Row
    level1: str
    level2: str
    name: str
    target: str
    actual: Cell | None
    weight: Cell
    score: Cell


@dataclass
class SelfEvaluation:
    name: str
    name_line: Row | None
    fund_header: Row | None = None
    funds: dict[str, dict[str, Cell]] = field(default_factory=dict)  # row label → col → cell
    fund_rows: dict[str, Row] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    total_row: Row | None = None
    total_weight: Cell | None = None
    total_score: Cell | None = None

    @property
    def fund_total_label(self) -> str | None:
        """The label of the funds row that is the project's total (资金总额 when the table has
        one, else its first funds row): the row every check of execution reads."""
        return next((label for label in self.funds if "资金总额" in label), next(iter(self.funds), None))

    @property
    def fund_total(self) -> dict[str, Cell]:
        """The cells of that row by column (empty when the table has no funds rows)."""
        label = self.fund_total_label
        return self.funds.get(label, {}) if label else {}


def _numbers(row: Row) -> list[Cell]:
    return [c for c in row.cells if c.figure is not None and not c.figure.percent]


def parse_self_eval(table: Table) -> None:
    se = SelfEvaluation(name="", name_line=None)
    fund_cols: list[tuple[str, int]] = []
    level1 = level2 = ""
    in_indicators = False
    for row in table.rows:
        texts = [squash(c.norm) for c in row.cells]
        first_text = next((t for t in texts if t), "")
        if first_text.startswith("项目名称"):
            se.name = next((c.norm for c in row.cells[1:] if c.norm), "")
            se.name_line = row
            row.header = True
            continue
        if any(t.startswith("项目资金") for t in texts) and any("执行" in t for t in texts):
            fund_cols = map_columns([row], FUND_COLS)
            se.fund_header = row
            row.header = True
            continue
        if fund_cols and not in_indicators:
            label = next((c.norm for c in row.cells if c.norm and c_is_text(c.norm)), "")
            lab = squash(label)
            if patterns.search(r"年度资金总额|资金总额|财政拨款|政府预算资金|其他资金|上年结转", lab):
                se.funds[lab] = {k: row.cells[i] for k, i in fund_cols if i < len(row.cells)}
                se.fund_rows[lab] = row
                for k, i in fund_cols:
                    if i < len(row.cells):
                        cell = row.cells[i]
                        cell.unit = "%" if k == "rate" else (None if k in ("weight", "score") else "万元")
                        table.add_fact(f"fund:{lab}", k, cell, label)
                continue
        if any(t in ("一级指标",) for t in texts):
            in_indicators = True
            row.header = True
            continue
        if first_text.startswith("总分") or first_text.startswith("合计"):
            nums = _numbers(row)
            if len(nums) >= 2:
                se.total_weight, se.total_score = nums[-2], nums[-1]
            elif len(nums) == 1:
                se.total_score = nums[-1]
            se.total_row = row
            if se.total_score is not None:
                se.total_score.unit = None
                table.add_fact("total", "score", se.total_score, "总分")
            if se.total_weight is not None:
                se.total_weight.unit = None
                table.add_fact("total", "weight", se.total_weight, "总分")
            continue
        if in_indicators:
            ind = _indicator(row, level1, level2)
            if ind is None:
                # remember level names for the rows below that leave them blank
                l1, l2 = _levels(row, level1, level2)
                level1, level2 = l1, l2
                continue
            level1, level2 = ind.level1, ind.level2
            se.indicators.append(ind)
    _units_of_actuals(se)
    table.extra["self_eval"] = se


def _units_of_actuals(se: SelfEvaluation) -> None:
    """Give each indicator's 实际完成值 its unit: the unit its target is written in
    ("=154.4 万元", "≥98%"), or 元 when the value is a fund figure of the table
    times 10,000 (the real report's 335063.04 beside 33.506304 万元)."""
    funds = [c for row in se.funds.values() for c in row.values() if c.figure is not None and c.unit == "万元"]
    for ind in se.indicators:
        cell = ind.actual
        if cell is None or cell.figure is None:
            continue
        target = ind.target
        if "万元" in target or patterns.search(r"\d\s*万(?!人)", target):
            cell.unit = "万元"
        elif "%" in target or "％" in target:
            cell.unit = "%"
        elif "元" in target:
            cell.unit = "元"
        elif cell.figure is not None and any(
                cell.figure.interval.scale(Fraction(1, 10000)).intersects(f.figure.interval) for f in funds
                if f.figure is not None and f.figure.value != 0):
            cell.unit = "元"
        else:
            cell.unit = None


LEVEL1_RE = patterns.compile(r"^(?:成本|产出|效益|满意度)指标$")


def _levels(row: Row, level1: str, level2: str) -> tuple[str, str]:
    for c in row.cells:
        t = squash(c.norm)
        if LEVEL1_RE.match(t):
            level1 = t
        elif t.endswith("指标") or t.endswith("满意度"):
            level2 = t
    return level1, level2


def _indicator(row: Row, level1: str, level2: str) -> Indicator | None:
    cells = row.cells
    # 分值, 得分: the last two adjacent numeric cells.
    pair: tuple[int, int] | None = None
    for i in range(len(cells) - 1, 0, -1):
        a, b = cells[i - 1], cells[i]
        if a.figure is not None and b.figure is not None and not a.figure.percent and not b.figure.percent:
            pair = (i - 1, i)
            break
    if pair is None:
        return None
    level1, level2 = _levels(row, level1, level2)
    texts = [c.norm for c in cells[: pair[0]] if c.norm]
    names = [t for t in texts if not LEVEL1_RE.match(squash(t)) and not squash(t).endswith("指标")
             and not squash(t).endswith("满意度")]
    name = names[0] if names else ""
    target = names[1] if len(names) > 1 else ""
    actual = cells[pair[0] - 1] if pair[0] >= 1 else None
    w, s = cells[pair[0]], cells[pair[1]]
    w.unit = s.unit = None
    return Indicator(row, level1, level2, name, target, actual, w, s)
