"""Read an Excel workbook (.xlsx) holding a report's tables into ``SourceLine``s.

Offices keep the standard tables in Excel, one per sheet or several on one sheet,
and publish the prose separately (``combine`` puts the two together).  openpyxl reads
the workbook in read-only mode (rows are streamed, memory stays flat) with
``data_only=True``: a formula cell gives the value Excel saved with it, which is what
the published table shows.

A cell is read as the text the sheet **displays**: its number format decides the
decimals and the thousands separators ("#,##0.00" shows 1234.5 as "1,234.50", "0.0%"
shows 0.1234 as "12.3%"), rounded half away from zero on the 15 significant digits
Excel keeps, as Excel rounds.  The checks compare figures as written, so 527.675 shown
as 527.68 must be read as 527.68, with its written precision.

Lines and locations: each worksheet row with text is one line; ``SourceLine.page`` is
the 1-based index of the sheet among the sheets read, ``SourceLine.sheet`` its name and
``SourceLine.number`` the row number Excel shows.  A row with text in two or more cells
is a table row (TAB-separated, from the sheet's first used column).  A row with one
text is prose when it is a title, a 公开NN表 label, a 部门/年度/单位 line or a note, or
when it is not between two table rows; otherwise it stays a row of its table (a label
row with no figures yet).  A row of meta items only (部门：… | 2024年度 | 金额单位：万元)
gives one line per item.  Merged cells keep their value in the top-left cell, as Excel
does; the rest of a merged range is empty.  Several tables on one sheet are told apart
by their title rows; a sheet that starts with a table row is preceded by a line holding
the sheet's name, so that tables on consecutive sheets never run together and the name
("公开05表", "一般公共预算财政拨款支出决算表") can serve as the table's title.

Hidden sheets are not read (each gets a note).  ``.xls`` is refused in ``formats``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from ..errors import InputError
from ..source import SourceDocument, SourceLine
from . import grid
from .docx import check_package, package_error

MAX_CELLS = 2_000_000  # a workbook of budget tables holds ~10,000

_BRACKET = re.compile(r"\[[^\]]*\]")
_PLACEHOLDER = set("0#?")


# ---------------------------------------------------------------------------
# Number formats


def _sections(fmt: str) -> list[str]:
    out, cur, quoted, i = [], "", False, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif ch == "\\" and i + 1 < len(fmt):
            cur += fmt[i : i + 2]
            i += 2
            continue
        elif ch == ";" and not quoted:
            out.append(cur)
            cur = ""
            i += 1
            continue
        cur += ch
        i += 1
    out.append(cur)
    return out


def _tokens(section: str) -> list[tuple[str, str]]:
    """("lit", text) and ("num", placeholder run) tokens of one format section."""
    toks: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            toks.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            toks.append(("lit", section[i + 1]))
            i += 2
        elif ch in "_*" and i + 1 < len(section):
            i += 2  # padding to the width of a character, fill: no text
        elif ch == "[":
            j = section.find("]", i)
            j = len(section) if j < 0 else j
            inner = section[i + 1 : j]
            if inner.startswith("$"):  # [$¥-804]: a currency symbol
                toks.append(("lit", inner[1:].split("-")[0]))
            i = j + 1
        elif ch in _PLACEHOLDER or (ch in ".," and any(c in _PLACEHOLDER for c in section[i + 1 : i + 2])) or (
            ch in ".," and toks and toks[-1][0] == "num"
        ):
            if toks and toks[-1][0] == "num":
                toks[-1] = ("num", toks[-1][1] + ch)
            else:
                toks.append(("num", ch))
            i += 1
        elif ch == "@":
            i += 1
        else:
            toks.append(("lit", ch))
            i += 1
    return toks


def _rounded(value: float, decimals: int) -> Decimal:
    d = Decimal(f"{value:.15g}")
    return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def general(value: float | int) -> str:
    """Excel's General format: an integer as it is, else up to 15 significant digits."""
    if isinstance(value, int) or (abs(value) < 1e15 and float(value).is_integer()):
        return str(int(value))
    text = f"{value:.15g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant}E{exp[0]}{exp[1:].zfill(2)}"
    return text


def display_number(value: float | int, fmt: str | None) -> str:
    """The text a number shows under ``fmt`` (the subset of Excel's format language
    that tables use: decimals, thousands, %, literals, sections, scaling commas)."""
    if not fmt or fmt.strip().lower() in ("general", "@") or "/" in fmt.replace("\\/", ""):
        return general(value)
    sections = _sections(fmt)
    section, sign = sections[0], "-" if value < 0 else ""
    if value < 0 and len(sections) >= 2 and sections[1].strip():
        section, sign = sections[1], ""
    elif value == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
    mag = abs(value)
    toks = _tokens(section)
    nums = [t for k, t in toks if k == "num"]
    if not nums:
        return "".join(t for _, t in toks)
    pattern = nums[0]
    if "E" in section.upper() and re.search(r"[0#][.0#]*E[+-]", section, re.I):
        decimals = pattern.split(".")[1].count("0") if "." in pattern else 0
        return sign + f"{mag:.{decimals}E}"
    mag *= 100 ** section.count("%")
    scale = len(pattern) - len(pattern.rstrip(","))  # "#,##0," shows thousands
    int_part, _, frac = pattern.rstrip(",").partition(".")
    scale += len(int_part) - len(int_part.rstrip(","))
    mag /= 1000**scale
    int_part = int_part.rstrip(",")
    grouping = "," in int_part
    max_dec = sum(1 for c in frac if c in _PLACEHOLDER)
    min_dec = len(frac.rstrip("#?")) - frac.rstrip("#?").count(",")
    try:
        rounded = _rounded(mag, max_dec)
    except InvalidOperation:
        return general(value)
    whole, _, dec = f"{rounded:f}".partition(".")
    dec = dec.rstrip("0") if max_dec > min_dec else dec
    if len(dec) < min_dec:
        dec = dec.ljust(min_dec, "0")
    min_int = int_part.count("0")
    if whole == "0" and min_int == 0:
        whole = ""
    whole = whole.zfill(min_int) if min_int else whole
    if grouping and whole:
        whole = f"{int(whole):,}".rjust(len(whole), "0") if len(whole) > 3 else whole
    number = whole + ("." + dec if dec or (max_dec and frac.startswith("0")) else "")
    if rounded == 0:
        sign = ""
    out, placed = [], False
    for kind, text in toks:
        if kind == "num":
            if not placed:
                out.append(number)
                placed = True
        else:
            out.append(text)
    return sign + "".join(out)


def display(value: Any, fmt: str | None) -> str:
    """The text a cell shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return display_number(value, fmt)
    if isinstance(value, dt.datetime) and (value.hour or value.minute or value.second):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, (dt.datetime, dt.date)):
        if fmt and "年" in fmt:
            return f"{value.year}年{value.month}月" + (f"{value.day}日" if "日" in fmt or "d" in fmt else "")
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


# ---------------------------------------------------------------------------
# Sheets


def _merged_ranges(wb: Any, ws: Any) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of the sheet's merged ranges; openpyxl's
    read-only sheets do not expose them, so the sheet's XML is scanned for them."""
    from lxml import etree
    from openpyxl.utils.cell import range_boundaries

    path = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if not path or archive is None:
        return []
    out = []
    try:
        with archive.open(path) as fh:
            for _, el in etree.iterparse(fh, events=("end",), tag="{*}mergeCell", huge_tree=False):
                try:
                    c0, r0, c1, r1 = range_boundaries(el.get("ref", ""))
                    out.append((r0, c0, r1, c1))
                except (ValueError, TypeError):
                    pass
                el.clear()
    except (KeyError, etree.XMLSyntaxError, OSError):
        return out
    return out


def _sheet_rows(ws: Any, budget: list[int]) -> dict[int, dict[int, str]]:
    rows: dict[int, dict[int, str]] = {}
    ws.reset_dimensions()  # the stored dimension is often wrong; read what is there
    for r, row in enumerate(ws.iter_rows(min_row=1), start=1):
        texts: dict[int, str] = {}
        for cell in row:
            value = getattr(cell, "value", None)
            if value is None:
                continue
            budget[0] -= 1
            if budget[0] < 0:
                raise InputError(f"workbook too large (more than {MAX_CELLS:,} cells)")
            text = grid.cell_text(display(value, getattr(cell, "number_format", None)))
            if text:
                texts[cell.column] = text
        if texts:
            rows[getattr(row[0], "row", r) if row else r] = texts
    return rows


def sheet_lines(name: str, index: int, rows: dict[int, dict[int, str]],
                merged: list[tuple[int, int, int, int]]) -> list[SourceLine]:
    if not rows:
        return []
    first_col = min(min(cells) for cells in rows.values())
    last_col = max(max(cells) for cells in rows.values())
    width = last_col - first_col + 1
    wide = {(r0, c0) for r0, c0, r1, c1 in merged if c1 - c0 + 1 >= max(2, (2 * width) // 3)}
    order = sorted(rows)
    multi = {r for r in order if len(rows[r]) >= 2}

    def as_list(r: int) -> list[str]:
        cells = rows[r]
        return [cells.get(c, "") for c in range(first_col, max(cells) + 1)]

    lines: list[SourceLine] = []

    def add(r: int, text: str) -> None:
        lines.append(SourceLine(number=r, text=text, page=index, sheet=name))

    def multi_ahead(k: int) -> bool:
        """Is there a table row further down before a gap (a blank row) or a title?"""
        for j in range(k + 1, len(order)):
            if order[j] != order[j - 1] + 1:
                return False
            if order[j] in multi:
                return True
            cells = rows[order[j]]
            if grid.prose_of_row(list(cells.values()), width) is not None:
                return False
        return False

    kinds: list[tuple[int, list[str] | None]] = []  # (row, prose lines or None for a table row)
    in_table = False
    for k, r in enumerate(order):
        prose = grid.prose_of_row(as_list(r), width)
        if prose is None and r not in multi:
            # One text in the row: a cell of the table (a label row with no figures,
            # "社会成本指标" under its group) when the table goes on below it, or when
            # it is not in the first column and follows a table row; else prose.
            ((c, text),) = rows[r].items()
            joined = in_table and order[k - 1] == r - 1
            ahead = multi_ahead(k)
            table = (joined and ahead) or (c != first_col and (joined or ahead))
            if (r, c) in wide or not table:
                prose = [text]
        in_table = prose is None
        kinds.append((r, prose))

    # A table's rows all get the table's width: a row's empty trailing cells are
    # cells of the table (the text and the other readers write them).
    ends: dict[int, int] = {}
    block: list[int] = []
    for r, prose in [*kinds, (-1, [])]:
        if prose is None:
            block.append(r)
            continue
        if block:
            last = max(max(rows[b]) for b in block)
            last = max([last] + [c1 for r0, c0, r1, c1 in merged if block[0] <= r0 <= block[-1]])
            ends.update((b, last) for b in block)
        block = []

    for k, (r, prose) in enumerate(kinds):
        if prose is None and k == 0:
            add(r, name)  # a sheet that starts with its table: its name stands above it
        if prose is not None:
            for t in prose:
                add(r, t)
            continue
        cells = rows[r]
        line = grid.tab_line([cells.get(c, "") for c in range(first_col, ends[r] + 1)])
        if line is not None:
            add(r, line)
    return lines


def read_xlsx(path: str) -> SourceDocument:
    check_package(path, ".xlsx")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as err:  # openpyxl raises KeyError, ValueError, TypeError … on a broken package
        raise package_error(".xlsx", err) from None
    lines: list[SourceLine] = []
    notes: list[str] = []
    budget = [MAX_CELLS]
    try:
        index = 0
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                notes.append(f"hidden sheet {ws.title!r} not read")
                continue
            index += 1
            try:
                rows = _sheet_rows(ws, budget)
            except InputError:
                raise
            except Exception as err:
                raise package_error(f"sheet {ws.title!r} of the .xlsx", err) from None
            sheet = sheet_lines(ws.title, index, rows, _merged_ranges(wb, ws))
            if sheet and lines:
                lines.append(SourceLine(number=sheet[0].number, text="", page=index, sheet=ws.title))
            lines.extend(sheet)
    finally:
        wb.close()
    if not any(ln.text.strip() for ln in lines):
        raise InputError("the workbook has no cells with text")
    return SourceDocument(path=path, lines=lines, format="xlsx", encoding=None, pages=index, notes=tuple(notes))
