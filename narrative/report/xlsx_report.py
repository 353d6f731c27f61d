"""The workbook finance and audit staff open first (``--format xlsx --output FILE``).

Sheets, in this order:

* ``summary``: one row per report (department, year, kind, counts by severity, and the reason
  it could not be read), then a total row;
* ``findings``: one row per finding, with filters on the header and the header frozen;
* one sheet per rule family (``TBL``, ``XTB``, ``CLM`` …, every family the tool has, so the
  tabs are the same in every workbook), the same columns, filtered and frozen alike;
* ``rules``: how often each rule fired, most frequent first.

Review verdicts (from a baseline) are a column of the finding sheets.  Written with openpyxl's
write-only mode: rows go to temporary files as results arrive, so memory stays flat over any
number of reports.  Column widths count CJK characters as two (a 部门 name needs twice the
room of its length), measured on the first ``SAMPLE_ROWS`` rows of each sheet, which are held
back until then because write-only sheets take widths only before their first row.
"""

from __future__ import annotations

import unicodedata
from typing import Any, BinaryIO

from ..api import FileResult, Finding, Severity, rules
from .common import Reporter, Summary, family, place, verdict

SAMPLE_ROWS = 200
MAX_ROWS = 1_048_576  # Excel's rows per sheet; the last one is kept for saying what did not fit
MAX_WIDTH = 60
MIN_WIDTH = 6
MAX_CELL = 32767  # Excel's limit for one cell

SUMMARY_HEADER = ("文件 path", "部门 department", "年度 year", "类型 kind", "层级 level", "格式 format",
                  "错误 errors", "警告 warnings", "提示 infos", "发现 findings", "未能读取 unreadable")
FINDING_HEADER = ("文件 path", "部门 department", "年度 year", "类型 kind", "规则 rule", "级别 severity",
                  "位置 location", "所述 stated", "复算 computed", "说明 message", "原文 excerpt",
                  "指纹 fingerprint", "复核 verdict")
RULES_HEADER = ("规则 rule", "名称 name", "级别 severity", "次数 count")


def cells(text: str) -> int:
    """Display width of ``text`` in character cells (CJK wide and full-width count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _clean(value: Any) -> Any:
    """Text Excel can hold: no control characters (XML forbids them), within the cell limit."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)[:MAX_CELL]


class _Sheet:
    """A write-only sheet whose first rows wait until the column widths are known."""

    def __init__(self, wb: Any, title: str, header: tuple[str, ...], *, filtered: bool) -> None:
        self.ws = wb.create_sheet(title)
        self.header = header
        self.filtered = filtered
        self.held: list[list[Any]] = [list(header)]
        self.rows = 1
        self.dropped = 0
        if filtered:
            self.ws.freeze_panes = "A2"

    def append(self, row: list[Any]) -> None:
        if self.rows >= MAX_ROWS - 1:
            self.dropped += 1
            return
        row = [_clean(v) for v in row]
        self.rows += 1
        if self.held is None:
            self.ws.append(row)
            return
        self.held.append(row)
        if len(self.held) > SAMPLE_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.held is None:
            return
        from openpyxl.utils import get_column_letter

        for i in range(len(self.header)):
            width = max(cells(str(r[i])) if i < len(r) and r[i] is not None else 0 for r in self.held)
            self.ws.column_dimensions[get_column_letter(i + 1)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
        for r in self.held:
            self.ws.append(r)
        self.held = None  # type: ignore[assignment]

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        self.flush()
        if self.dropped:
            self.ws.append([f"{self.dropped} more rows not shown: a sheet holds {MAX_ROWS:,} rows (use --format csv)"])
        if self.filtered:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.header))}{self.rows}"


class XlsxReporter(Reporter):
    """Writes the workbook to ``out`` (a binary file) at ``end()``; rows stream to temporary
    files until then."""

    def __init__(self, out: BinaryIO) -> None:  # not a text stream: no super().__init__
        self.binary = out
        self.summary = Summary()

    def start(self) -> None:
        from openpyxl import Workbook

        self.wb = Workbook(write_only=True)
        self.summary_sheet = _Sheet(self.wb, "summary", SUMMARY_HEADER, filtered=True)
        self.findings = _Sheet(self.wb, "findings", FINDING_HEADER, filtered=True)
        self.families = {fam: _Sheet(self.wb, fam, FINDING_HEADER, filtered=True)
                         for fam in dict.fromkeys(family(r.code) for r in rules())}

    def write_result(self, r: FileResult) -> None:
        ident = [r.path, r.department, r.year, r.report_kind]
        self.summary_sheet.append([*ident, r.unit_level, r.format, r.count(Severity.ERROR),
                                   r.count(Severity.WARNING), r.count(Severity.INFO), len(r.findings), r.error])
        for f in r.findings:
            row = self._finding_row(ident, f)
            self.findings.append(row)
            fam = family(f.rule)
            if fam not in self.families:  # a rule family the registry did not list
                self.families[fam] = _Sheet(self.wb, fam, FINDING_HEADER, filtered=True)
            self.families[fam].append(row)

    @staticmethod
    def _finding_row(ident: list[Any], f: Finding) -> list[Any]:
        return [*ident, f.rule, str(f.severity), place(f.span), f.stated, f.computed, f.message, f.excerpt,
                f.fingerprint, verdict(f)]

    def end(self) -> None:
        c = self.summary
        self.summary_sheet.append(["合计 total", None, None, None, None, None, c.errors, c.warnings, c.infos,
                                   c.errors + c.warnings + c.infos, f"{c.unreadable} unreadable" if c.unreadable
                                   else None])
        names = {r.code: r for r in rules()}
        counts = _Sheet(self.wb, "rules", RULES_HEADER, filtered=False)
        for code, n in sorted(c.rules.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = names.get(code)
            counts.append([code, rule.name if rule else None, str(rule.severity) if rule else None, n])
        for sheet in (self.summary_sheet, self.findings, *self.families.values(), counts):
            sheet.close()
        self.wb.save(self.binary)
