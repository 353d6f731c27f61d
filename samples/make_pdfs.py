#!/usr/bin/env python3
"""Render the sample reports as PDFs laid out the way government offices publish them.

    python samples/make_pdfs.py            # (re)write samples/<name>.pdf for the three samples
    python samples/make_pdfs.py --check    # exit 1 when a committed PDF differs from what this makes
    python samples/make_pdfs.py FILE.txt   # render one text report (FILE.pdf beside it)

Needs reportlab (``pip install reportlab``) and nothing else: the Chinese text is set in
reportlab's built-in CID font STSong-Light (Adobe-GB1 with the UniGB-UCS2-H CMap, not
embedded), which pdfminer.six maps back to Unicode, full-width punctuation included, so no
font file is needed.  The output is deterministic (``invariant=1``: fixed dates and file
ID; no randomness): the same text gives the same bytes on every run, so the PDFs can be
committed and ``--check`` can tell when they are stale.

The text files imitate a text conversion of a real 部门决算 PDF; this script goes the other
way and draws what such a PDF looks like when it comes out of Word or WPS:

* A4 portrait pages (595 x 842 pt) for the prose: a cover, the 目录, one page per 第N部分,
  paragraphs re-flowed at the page width (a paragraph is one line of the text file; the
  few paragraphs the text breaks across a blank line, "…购置公务用" / "车 0 辆。", are joined
  first), first-line indent of two characters, justified lines (character spacing) with
  CJK line-breaking rules (no closing punctuation at the start of a line, no opening one at
  the end, numbers such as "539.50" or "100.56%" never split), headings in fake bold (text
  render mode 2), page numbers "- N -" at the bottom of every page but the cover.
* Every table (公开01 … 公开10, the three 项目支出绩效自评表) drawn as a ruled grid with
  its title above, "公开NN表" under the title on the right, and 部门 / 年度 / 金额单位 on
  one line, left / centre / right; the 注 lines below.  Header cells are merged the way
  the national templates merge them: 公开01/04's 收入 | 支出 row, 项目 over 支出功能分类科目
  编码 over 类 款 项, 公开06's 人员经费 | 公用经费, 公开07's 本年支出 over 小计 / 基本支出
  / 项目支出, column headers spanning two or three header rows (vertically centred), the
  栏次 cells.  Body cells are merged too: the function code spans the 类 款 项 columns,
  合计 labels span code and name, 公开06's 人员经费合计 / 公用经费合计, and in each 自评表
  项目资金（万元）, 年度总体目标, 绩效指标 and the 一级指标 (成本 / 产出 / 效益) span several
  rows, the 项目名称 / 主管部门 / 目标 cells several columns.
* Long labels and headers wrap inside their cell (multi-line cells): 一般公共预算财政拨款
  in 公开04's header, 对民间非营利组织和群众性自治组织补贴 in 公开06, the 偏差原因 column
  of the 自评表, …
* Wide tables (公开02, 公开04, 公开06 and the 自评表) on LANDSCAPE pages (842 x 595 pt,
  /Rotate 0), mixed with the portrait ones.
* A table that does not fit on its page continues on the next one with its header rows
  repeated: 公开01 (portrait) and 公开02, 公开04, 公开06 (landscape) take two pages each.
  Paragraphs run over page breaks too (第三部分 fills pages 19-25 of the 2024 file).
* The 附件's 目录 with right-aligned page numbers and no rulings (an unruled table for the
  reader), its cover with 评价类型 / 项目名称 … form lines and a right-aligned date.

What is drawn comes from the text: the prose, the table rows (cell by cell) and the notes.
Only the header rows of the tables are written here (``LAYOUTS``), from the national
templates, since the text's header rows are a flattened, ragged copy of merged cells.
The text's own artefacts of conversion are undone: a space between two Chinese characters
inside a cell ("基本达成 目标") was a line break in the cell, the 自评表's 满意度 rows
and 总分 rows, which the text shifts left by a column, go back under their headers, and
the "- " list markers before the 目录 entries are left out.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SAMPLES = ["qinghe-xuanchuanbu-2024", "qinghe-xuanchuanbu-2024-slips", "qinghe-xuanchuanbu-2023"]

# Same bytes on every run with one reportlab; another version may write them differently.
CREATOR = f"samples/make_pdfs.py, reportlab {REPORTLAB_VERSION}"
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PORTRAIT = (595.0, 842.0)
LANDSCAPE = (842.0, 595.0)

# Prose (portrait): Word's default margins for Chinese documents (2.54 cm top/bottom,
# 3.17 cm left/right); x of the text column, y of its top and bottom.
P_LEFT, P_RIGHT, P_TOP, P_BOTTOM = 90.0, 505.0, 770.0, 72.0
BODY, LEAD = 12.0, 22.0  # body text size and line pitch
# Tables: narrower margins, as the table pages of the real reports have (from the page edges).
T_MARGIN_X, T_TOP, T_BOTTOM = 45.0, 60.0, 55.0
CELL, CELL_LEAD, PAD_X, PAD_Y = 9.0, 11.0, 3.0, 3.5
NOTE = 9.0

CLOSING = set("，。、；：？！）》」』”’%％,.;:?!)]…")
OPENING = set("（《「『“‘([")


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


# ---------------------------------------------------------------------------
# Reading the text report


@dataclass
class Table:
    kind: str
    pre: list[str]  # title first, then 公开NN表, 部门, 年度, 单位 as the text has them
    rows: list[list[str]]
    notes: list[str]


@dataclass
class Text:
    style: str
    text: str


Element = Table | Text

PART_RE = re.compile(r"^第[一二三四五六七八九十]+部分")
TOC_RE = re.compile(r"^目\s*录$")
META_RE = re.compile(
    r"^(?:公开\s*\d+\s*表|部门\s*[:：].*|(?:金额)?单位\s*[:：].*|[(（]?\s*\d{4}\s*年度?\s*[)）]?|.{2,30}表)$"
)
ITEM_RE = re.compile(
    r"^(?:[-•·]\s|第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]"
    r"|\d{1,2}\s*(?:[、]|\.(?!\d))|[①-⑳])"
)
DATE_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")
COVER_TITLE_RE = re.compile(r"(?:部门评价报告|”项目)$")
TITLES = [  # most specific first
    ("SE", "绩效自评表"),
    ("T04", "财政拨款收入支出决算总表"),
    ("T01", "收入支出决算总表"),
    ("T06", "一般公共预算财政拨款基本支出决算表"),
    ("T05", "一般公共预算财政拨款支出决算表"),
    ("T07", "政府性基金预算财政拨款收入支出决算表"),
    ("T08", "国有资本经营预算财政拨款支出决算表"),
    ("T09", "三公”经费支出决算表"),
    ("T10", "国有资产占用情况表"),
    ("T02", "收入决算表"),
    ("T03", "支出决算表"),
]


def heading(text: str) -> bool:
    return bool(ITEM_RE.match(text)) and len(text) <= 40 and not re.search(r"[,，;；]", text)


def read_report(path: Path) -> list[Element]:
    lines = [ln.rstrip("\r") for ln in path.read_text(encoding="utf-8").split("\n")]
    n = len(lines)
    used = [False] * n
    tables: dict[int, Table] = {}
    i = 0
    while i < n:
        if "\t" not in lines[i]:
            i += 1
            continue
        start = end = i
        j = i + 1
        while j < n and ("\t" in lines[j] or not lines[j].strip()):
            if "\t" in lines[j]:
                end = j
            j += 1
        pre: list[int] = []
        k = start - 1
        while k >= 0 and len(pre) < 8:
            t = lines[k].strip()
            if not t:
                k -= 1
                continue
            if used[k] or not META_RE.match(t) or PART_RE.match(t):
                break
            pre.append(k)
            k -= 1
        pre.reverse()
        notes: list[int] = []
        k = end + 1
        while k < n:
            t = lines[k].strip()
            if "\t" in lines[k]:
                break
            if t and not (t.startswith("注") or (notes and re.match(r"\d+\s*[.、]", t))):
                break
            if t:
                notes.append(k)
            k += 1
        rows = [lines[r].split("\t") for r in range(start, end + 1) if "\t" in lines[r]]
        title = lines[pre[0]].strip() if pre else ""
        kind = next((kd for kd, pat in TITLES if title.replace(" ", "").endswith(pat)), "")
        if not kind and all(len([c for c in r if c.strip()]) == 2 and r[-1].strip().isdigit() for r in rows):
            kind = "TOC"
        if not kind:
            raise SystemExit(f"{path}:{start + 1}: a table whose kind this script does not know ({title!r})")
        for r in [*pre, *range(start, end + 1), *notes]:
            used[r] = True
        tables[pre[0] if pre else start] = Table(kind, [lines[r].strip() for r in pre], rows,
                                                 [lines[r].strip() for r in notes])
        i = end + 1

    out: list[Element] = []
    later_toc = [False] * (n + 1)  # is there a 目录 further down? (then a title starts a cover)
    for k in range(n - 1, -1, -1):
        later_toc[k] = later_toc[k + 1] or bool(TOC_RE.match(lines[k].strip()))
    toc_first: str | None = None
    in_toc = False
    cover = False
    i = 0
    while i < n:
        if i in tables:
            out.append(tables[i])
            in_toc = cover = False
        if used[i] or not lines[i].strip():
            i += 1
            continue
        t = lines[i].strip()
        if TOC_RE.match(t):
            out.append(Text("toc_title", t))
            in_toc, toc_first, cover = True, None, False
            i += 1
            continue
        if in_toc:
            key = re.sub(r"^[-•·]\s*", "", t).replace(" ", "")
            if toc_first is not None and key == toc_first:
                in_toc = False
            else:
                toc_first = toc_first or key
                style = "toc_note" if t.startswith("注") else "toc_item" if t.startswith("- ") else "toc_part"
                out.append(Text(style, re.sub(r"^[-•·]\s*", "", t)))
                i += 1
                continue
        if PART_RE.match(t):
            out.append(Text("part", t))
            cover = False
        elif not out or COVER_TITLE_RE.search(t):
            out.append(Text("cover" if not out else "title", t))
            cover = later_toc[i]
        elif cover and DATE_RE.match(t):
            out.append(Text("date", t))
        elif cover and "：" not in t and isinstance(out[-1], Text) and out[-1].style == "form":
            out[-1].text += t  # "评价机构：…项目单位评价" / "组": one form line broken by the text
        elif cover:
            out.append(Text("form", t))
        elif heading(t):
            out.append(Text("heading", t))
        else:
            para = t
            j = i
            # A paragraph the text broke across a blank line (a page break of the original):
            # it stops in mid-sentence (on a character, a comma or a semicolon) and the next
            # line does not start an item.
            while re.search(r"[\u4e00-\u9fff\w，；、,;]$", para):
                k = j + 1
                while k < n and not lines[k].strip() and not used[k]:
                    k += 1
                if k >= n or used[k] or k in tables or "\t" in lines[k]:
                    break
                nxt = lines[k].strip()
                if ITEM_RE.match(nxt) or TOC_RE.match(nxt) or COVER_TITLE_RE.search(nxt):
                    break
                para += nxt
                used[k] = True
                j = k
            out.append(Text("para", para))
            i = j
        i += 1
    return out


# ---------------------------------------------------------------------------
# Table layouts: header rows (from the national templates) and where body cells go


@dataclass
class Cell:
    c0: int
    c1: int
    text: str
    align: str = "l"  # l, c, r
    rs: int = 1  # rows spanned
    head: bool = False


@dataclass
class Grid:
    widths: list[float]
    rows: list[list[Cell]]  # the cells that start in each row
    nhead: int  # header rows, repeated on a continuation page
    size: tuple[float, float] = PORTRAIT


AMOUNT_RE = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")


def clean(text: str) -> str:
    """Cell text as it was before the text conversion: a space between two Chinese
    characters was a line break inside the cell."""
    t = text.strip()
    return re.sub(r"(?<=[\u2e80-\uffff]) +(?=[\u2e80-\uffff])", "", t)


def H(c0: int, c1: int, text: str, rs: int = 1) -> Cell:
    return Cell(c0, c1, text, "c", rs, head=True)


def fill(cells: list[Cell], ncols: int, covered: set[int] = frozenset()) -> list[Cell]:
    """Complete a row with empty one-column cells where nothing starts or spans."""
    taken = set(covered)
    for c in cells:
        taken.update(range(c.c0, c.c1 + 1))
    out = cells + [Cell(k, k, "") for k in range(ncols) if k not in taken]
    return sorted(out, key=lambda c: c.c0)


def align_of(text: str, col: int, text_cols: set[int]) -> str:
    if col in text_cols or re.fullmatch(r"\d{3}(?:\d{2}){0,2}", text) and col in (0, 3, 6):
        return "l"
    return "r" if AMOUNT_RE.match(text) and "." in text else "c"


def body(rows: list[list[str]], ncols: int, colmap: list[int | None], *, code_span: int = 0,
         total_span: int = 0, text_cols: set[int] = frozenset()) -> list[list[Cell]]:
    """Body rows: text column i goes to grid column colmap[i].  ``code_span``: a function
    code spans grid columns 0..code_span (类 款 项); ``total_span``: a 合计 label spans
    0..total_span."""
    out = []
    for row in rows:
        cells: list[Cell] = []
        for i, raw in enumerate(row):
            g = colmap[i] if i < len(colmap) else None
            text = clean(raw)
            if g is None:
                if text:
                    raise SystemExit(f"unexpected text {text!r} in an unmapped column")
                continue
            cells.append(Cell(g, g, text, align_of(text, g, text_cols)))
        first = next((c for c in cells if c.text), None)
        if first is not None and total_span and first.text.replace(" ", "") in ("合计", "总计"):
            cells = [c for c in cells if not (c.c0 <= total_span and c is not first)]
            first.c0, first.c1, first.align = 0, total_span, "c"
        elif code_span and cells and re.fullmatch(r"\d{3,7}", cells[0].text):
            cells = [c for c in cells if not (0 < c.c0 <= code_span and not c.text)]
            cells[0].c1 = code_span
        out.append(fill(cells, ncols))
    return out


def layout_T01(t: Table) -> Grid:
    head = [
        [H(0, 2, "收入"), H(3, 5, "支出")],
        [H(0, 0, "项目"), H(1, 1, "行次"), H(2, 2, "金额"), H(3, 3, "项目（按功能分类）"), H(4, 4, "行次"), H(5, 5, "金额")],
        [H(0, 1, "栏次"), H(2, 2, "1"), H(3, 4, "栏次"), H(5, 5, "2")],
    ]
    rows = body(t.rows[3:], 6, list(range(6)), text_cols={0, 3})
    return Grid([132, 30, 66, 132, 30, 66], head + rows, 3)


def layout_T02(t: Table) -> Grid:
    names = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    head = [
        [H(0, 3, "项目")] + [H(4 + k, 4 + k, nm, rs=3) for k, nm in enumerate(names)],
        [H(0, 2, "支出功能分类科目编码"), H(3, 3, "科目名称", rs=2)],
        [H(0, 0, "类"), H(1, 1, "款"), H(2, 2, "项")],
    ]
    rows = body(t.rows[2:], 11, [0, None, 3, 4, 5, 6, 7, 8, 9, 10], code_span=2, text_cols={3})
    return Grid([26, 26, 26, 180] + [70] * 7, fill_spans(head, 11) + rows, 3, LANDSCAPE)


def layout_T03(t: Table) -> Grid:
    names = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    head = [
        [H(0, 3, "项目")] + [H(4 + k, 4 + k, nm, rs=2) for k, nm in enumerate(names)],
        [H(0, 2, "支出功能分类科目编码"), H(3, 3, "科目名称")],
        [H(0, 0, "类"), H(1, 1, "款"), H(2, 2, "项"), H(3, 3, "栏次")] + [H(4 + k, 4 + k, str(k + 1)) for k in range(6)],
    ]
    rows = body(t.rows[3:], 10, [0, 3, None, 4, 5, 6, 7, 8, 9], code_span=2, total_span=3, text_cols={3})
    return Grid([17, 17, 17, 121] + [54] * 6, fill_spans(head, 10) + rows, 3)


def layout_T04(t: Table) -> Grid:
    head = [
        [H(0, 2, "收入"), H(3, 8, "支出")],
        [H(0, 0, "项目"), H(1, 1, "行次"), H(2, 2, "金额"), H(3, 3, "项目（按功能分类）"), H(4, 4, "行次"),
         H(5, 5, "合计"), H(6, 6, "一般公共预算财政拨款"), H(7, 7, "政府性基金预算财政拨款"),
         H(8, 8, "国有资本经营预算财政拨款")],
        [H(0, 1, "栏次"), H(2, 2, "1"), H(3, 4, "栏次"), H(5, 5, "2"), H(6, 6, "3"), H(7, 7, "4"), H(8, 8, "5")],
    ]
    rows = body(t.rows[3:], 9, list(range(9)), text_cols={0, 3})
    return Grid([190, 36, 76, 190, 36, 76, 64, 64, 64], head + rows, 3, LANDSCAPE)


def layout_T05(t: Table) -> Grid:
    head = [
        [H(0, 2, "支出功能分类科目编码"), H(3, 3, "科目名称"), H(4, 4, "本年支出合计"), H(5, 5, "基本支出"),
         H(6, 6, "项目支出")],
        [H(0, 0, "类"), H(1, 1, "款"), H(2, 2, "项"), H(3, 3, "栏次"), H(4, 4, "1"), H(5, 5, "2"), H(6, 6, "3")],
    ]
    rows = body(t.rows[2:], 7, list(range(7)), code_span=2, total_span=3, text_cols={3})
    return Grid([20, 20, 20, 186, 78, 78, 78], head + rows, 2)


def layout_T06(t: Table) -> Grid:
    head = [
        [H(0, 2, "人员经费"), H(3, 8, "公用经费")],
        [H(3 * b + k, 3 * b + k, nm) for b in range(3) for k, nm in enumerate(["经济分类科目编码", "科目名称", "金额"])],
    ]
    rows = body(t.rows[2:], 9, list(range(9)), text_cols={1, 4, 7})
    for row in rows:
        labels = [c for c in row if c.text.endswith("经费合计")]
        if len(labels) == 2:  # 人员经费合计 ⇥⇥ 309.34 ⇥ 公用经费合计 ⇥⇥⇥⇥⇥ 40.96
            keep = [c for c in row if c.text]
            labels[0].c1, labels[1].c1 = 1, 7
            for c in labels:
                c.align = "c"
            row[:] = fill(keep, 9)
    return Grid([64, 132, 56] * 3, head + rows, 2, LANDSCAPE)


def layout_T07(t: Table) -> Grid:
    head = [
        [H(0, 3, "项目"), H(4, 4, "年初结转和结余", rs=2), H(5, 5, "本年收入", rs=2), H(6, 8, "本年支出"),
         H(9, 9, "年末结转和结余", rs=2)],
        [H(0, 2, "支出功能分类科目编码"), H(3, 3, "科目名称"), H(6, 6, "小计"), H(7, 7, "基本支出"), H(8, 8, "项目支出")],
        [H(0, 0, "类"), H(1, 1, "款"), H(2, 2, "项"), H(3, 3, "栏次")] + [H(4 + k, 4 + k, str(k + 1)) for k in range(6)],
    ]
    rows = body(t.rows[4:], 10, list(range(10)), code_span=2, total_span=3, text_cols={3})
    return Grid([17, 17, 17, 95] + [56] * 6, fill_spans(head, 10) + rows, 3)


def layout_T08(t: Table) -> Grid:
    head = [
        [H(0, 3, "项目"), H(4, 4, "合计", rs=2), H(5, 5, "基本支出", rs=2), H(6, 6, "项目支出", rs=2)],
        [H(0, 2, "支出功能分类科目编码"), H(3, 3, "科目名称")],
        [H(0, 0, "类"), H(1, 1, "款"), H(2, 2, "项"), H(3, 3, "栏次"), H(4, 4, "1"), H(5, 5, "2"), H(6, 6, "3")],
    ]
    rows = body(t.rows[4:], 7, [0, 1, 3, 4, 5, 6], code_span=2, total_span=3, text_cols={3})
    return Grid([20, 20, 20, 170, 86, 86, 86], fill_spans(head, 7) + rows, 3)


def layout_T09(t: Table) -> Grid:
    head = [
        [H(0, 0, "项目"), H(1, 1, "栏次"), H(2, 2, "年初预算数"), H(3, 3, "全年预算数"), H(4, 4, "决算数")],
        [H(0, 0, "行次"), H(1, 1, ""), H(2, 2, "1"), H(3, 3, "2"), H(4, 4, "3")],
    ]
    rows = body(t.rows[2:], 5, list(range(5)), text_cols={0})
    return Grid([236, 40, 72, 72, 72], head + rows, 2)


def layout_T10(t: Table) -> Grid:
    head = [[H(0, 0, "项目"), H(1, 1, "栏次"), H(2, 2, "决算数")]]
    rows = body(t.rows[1:], 3, list(range(3)), text_cols={0})
    return Grid([300, 60, 100], head + rows, 1)


def layout_SE(t: Table) -> Grid:
    """项目支出绩效自评表: one 9-column grid, merged cells in both directions."""
    n = 9
    rows: list[list[Cell]] = []
    fund_head = goal_head = ind_head = level1 = None
    texts = [[clean(c) for c in r] + [""] * (n - len(r)) for r in t.rows]
    for _r, cells in enumerate(texts):
        first = next((c for c in cells if c), "")
        k = len(rows)
        if first.startswith("项目名称"):
            rows.append([H(0, 0, cells[0]), Cell(1, 8, cells[1])])
        elif first.startswith("主管部门"):
            rows.append([H(0, 0, cells[0]), Cell(1, 3, cells[1]), H(4, 4, cells[4]), Cell(5, 8, cells[5])])
        elif first.startswith("项目资金"):
            fund_head = k
            rows.append([H(0, 0, "项目资金（万元）"), H(1, 1, "")] + [H(c, c, cells[c]) for c in range(2, 7)]
                        + [H(7, 8, cells[7])])
        elif first.startswith("年度总体目标"):
            goal_head = k
            rows.append([H(0, 0, first), H(1, 3, cells[1]), H(4, 8, cells[4])])
        elif first.startswith("绩效指标"):
            ind_head = k
            rows.append([H(0, 0, first)] + [H(c, c, cells[c]) for c in range(1, n)])
        elif first.startswith("总分"):
            nums = [c for c in cells if AMOUNT_RE.match(c)]
            rows.append([H(0, 5, first), Cell(6, 6, nums[-2], "c"), Cell(7, 7, nums[-1], "c"), Cell(8, 8, "")])
        elif ind_head is not None:
            if cells[0]:  # 满意度指标 ⇥ 服务对象满意度 ⇥ …: the text moved the row one column left
                cells = [""] + cells[:-1]
            row = [Cell(c, c, cells[c], "c" if c in (5, 6, 7) else "l") for c in range(2, n)]
            if cells[1]:
                level1 = Cell(1, 1, cells[1], "c")
                row.append(level1)
            elif level1 is not None:
                level1.rs += 1
            rows.append(sorted(row, key=lambda c: c.c0))
        elif goal_head is not None:
            rows.append([Cell(1, 3, cells[1]), Cell(4, 8, cells[4])])
        elif fund_head is not None:
            rows.append([Cell(1, 1, cells[1])] + [Cell(c, c, cells[c], "c") for c in range(2, 7)]
                        + [Cell(7, 8, cells[7], "c")])
        else:
            raise SystemExit(f"自评表: a row this script does not know: {cells}")
    # Row spans of the left-hand labels: to the row before the next block.
    blocks = [b for b in (fund_head, goal_head, ind_head) if b is not None]
    ends = {fund_head: goal_head, goal_head: ind_head, ind_head: len(rows) - 1}
    for b in blocks:
        rows[b][0].rs = (ends[b] or len(rows)) - b
    return Grid([58, 84, 96, 120, 84, 84, 48, 48, 158], rows, 0, LANDSCAPE)


def fill_spans(head: list[list[Cell]], ncols: int) -> list[list[Cell]]:
    """Complete header rows, leaving out the columns covered by cells spanning from above."""
    covered: list[set[int]] = [set() for _ in head]
    for r, row in enumerate(head):
        for c in row:
            for rr in range(r + 1, min(len(head), r + c.rs)):
                covered[rr].update(range(c.c0, c.c1 + 1))
    return [fill(row, ncols, covered[r]) for r, row in enumerate(head)]


LAYOUTS = {
    "T01": layout_T01, "T02": layout_T02, "T03": layout_T03, "T04": layout_T04, "T05": layout_T05,
    "T06": layout_T06, "T07": layout_T07, "T08": layout_T08, "T09": layout_T09, "T10": layout_T10,
    "SE": layout_SE,
}


# ---------------------------------------------------------------------------
# Line breaking (CJK rules: kinsoku, numbers kept whole)

TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%/+\-]*|\s+|.")


def break_lines(text: str, avail: float, size: float, first_avail: float | None = None) -> list[str]:
    """Greedy line breaking as Word does it for Chinese: any character may end a line,
    except that closing punctuation never starts one (it hangs into the margin by up to
    one character, or takes the character before it along) and opening punctuation never
    ends one; a run of Latin letters and digits ("539.50", "100.56%") is never split."""
    tokens = [t for t in TOKEN_RE.findall(text)]
    lines: list[str] = []
    cur: list[str] = []
    limit = first_avail if first_avail is not None else avail
    for tok in tokens:
        if not cur and tok.isspace():
            continue
        line = "".join(cur)
        if cur and not tok.isspace() and width(line + tok, size) > limit:
            if tok[0] in CLOSING and width(line.rstrip() + tok, size) <= limit + size and line[-1:] not in CLOSING:
                cur.append(tok)  # hanging punctuation
                continue
            carry: list[str] = []
            if tok[0] in CLOSING:  # take the character before along
                while cur and (not carry or carry[0][0] in CLOSING or carry[0].isspace()):
                    carry.insert(0, cur.pop())
            while cur and (cur[-1].isspace() or cur[-1][-1] in OPENING):
                carry.insert(0, cur.pop())
            if not cur:  # nothing left to break at: keep the line as it is
                cur, carry = carry, []
            lines.append("".join(cur).rstrip())
            cur = [t for t in carry if not t.isspace()] + [tok]
            limit = avail
        else:
            cur.append(tok)
    if "".join(cur).strip():
        lines.append("".join(cur).rstrip())
    return lines or [""]


# ---------------------------------------------------------------------------
# Drawing


class Report:
    def __init__(self, path: Path) -> None:
        self.c = canvas.Canvas(str(path), pagesize=PORTRAIT, invariant=1, pageCompression=1)
        self.c.setAuthor("中共青禾县委宣传部")
        self.c.setCreator(CREATOR)
        self.page = 0
        self.size = PORTRAIT
        self.y = 0.0
        self.numbered = False
        self.blank = True
        self.log: list[str] = []

    # pages -------------------------------------------------------------------
    def new_page(self, size: tuple[float, float] = PORTRAIT, numbered: bool = True) -> None:
        if self.page:
            self._finish()
        self.page += 1
        self.size = size
        self.c.setPageSize(size)
        self.numbered = numbered
        self.y = P_TOP if size == PORTRAIT else size[1] - T_TOP
        self.blank = True

    def _finish(self) -> None:
        if self.numbered:
            self.c.setFont(FONT, 10.5)
            self.c.drawCentredString(self.size[0] / 2, 30, f"- {self.page - 1} -")
        self.c.showPage()

    def save(self) -> None:
        self._finish()
        self.c.save()

    def room(self, need: float) -> bool:
        bottom = P_BOTTOM if self.size == PORTRAIT else T_BOTTOM
        return self.y - need >= bottom

    # text ---------------------------------------------------------------------
    def draw(self, x: float, y: float, text: str, size: float, *, bold: bool = False, spacing: float = 0.0) -> None:
        t = self.c.beginText(x, y)
        t.setFont(FONT, size)
        if spacing:
            t.setCharSpace(spacing)
        if bold:
            t.setTextRenderMode(2)  # fill and stroke: the fake bold of Word/WPS exports
            self.c.setLineWidth(size / 40)
        t.textOut(text)
        self.c.drawText(t)

    def paragraph(self, text: str, *, size: float = BODY, lead: float = LEAD, left: float = P_LEFT,
                  right: float = P_RIGHT, indent: float | None = None, after: float = 6.0, bold: bool = False) -> None:
        indent = 2 * size if indent is None else indent
        lines = break_lines(text, right - left, size, right - left - indent)
        for k, line in enumerate(lines):
            if not self.room(lead) or self.size != PORTRAIT:
                self.new_page(PORTRAIT)
            x = left + (indent if k == 0 else 0)
            spacing = 0.0
            if k < len(lines) - 1 and len(line) > 1:
                extra = (right - x) - width(line, size)
                if 0 < extra < 4 * size:
                    spacing = extra / (len(line) - 1)
            self.y -= lead
            self.draw(x, self.y + (lead - size) / 2, line, size, bold=bold, spacing=spacing)
            self.blank = False
        self.y -= after

    def centred(self, text: str, size: float, *, bold: bool = True, before: float = 0.0, after: float = 8.0) -> None:
        self.y -= before + size * 1.6
        self.draw(self.size[0] / 2 - width(text, size) / 2, self.y, text, size, bold=bold)
        self.y -= after
        self.blank = False

    # tables -------------------------------------------------------------------
    def table(self, t: Table) -> None:
        if t.kind == "TOC":
            self.toc_table(t)
            return
        grid = LAYOUTS[t.kind](t)
        scale = 1.0
        page_w = grid.size[0] - 2 * T_MARGIN_X
        if sum(grid.widths) > page_w:
            scale = page_w / sum(grid.widths)
        widths = [w * scale for w in grid.widths]
        x0 = (grid.size[0] - sum(widths)) / 2
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        self.new_page(grid.size)
        first_page = self.page
        # Title block: title, 公开NN表 (right), 部门 / 年度 / 单位 on one line.
        title, rest = t.pre[0], t.pre[1:]
        self.centred(title.replace(" ", ""), 16 if t.kind != "SE" else 15, after=4)
        label = next((p for p in rest if re.match(r"公开\s*\d+\s*表", p)), None)
        year = next((p for p in rest if re.search(r"\d{4}\s*年度", p)), None)
        dept = next((p for p in rest if p.startswith("部门")), None)
        unit = next((p for p in rest if re.match(r"(?:金额)?单位", p)), None)
        if t.kind == "SE" and year:
            self.centred(year.replace(" ", ""), 11, bold=False, after=4)
        if label:
            self.y -= 12
            self.draw(xs[-1] - width(label.replace(" ", ""), 10), self.y, label.replace(" ", ""), 10)
        if dept or unit or (year and t.kind != "SE"):
            self.y -= 16
            if dept:
                self.draw(xs[0], self.y, dept, 10)
            if year and t.kind != "SE":
                yt = year.replace(" ", "")
                self.draw((xs[0] + xs[-1]) / 2 - width(yt, 10) / 2, self.y, yt, 10)
            if unit:
                self.draw(xs[-1] - width(unit, 10), self.y, unit, 10)
        self.y -= 8
        heights = row_heights(grid, widths)
        head = list(range(grid.nhead))
        r = grid.nhead
        segment = head[:]
        while r < len(grid.rows):
            block = row_block(grid, r)
            need = sum(heights[k] for k in segment + block)
            if not self.room(need) and len(segment) > len(head):
                self.draw_rows(grid, xs, segment, heights)
                self.new_page(grid.size)
                self.y -= 4
                segment = head[:]
                continue
            segment += block
            r = block[-1] + 1
        self.draw_rows(grid, xs, segment, heights)
        if self.page > first_page:
            self.log.append(f"{title.replace(' ', '')} runs over pages {first_page}-{self.page}")
        # Notes, the width of the table.
        self.y -= 4
        for k, note in enumerate(t.notes):
            indent = 0.0 if k == 0 else width("注：", NOTE)
            self.table_note(note, xs[0] + indent, xs[-1])

    def table_note(self, text: str, left: float, right: float) -> None:
        lines = break_lines(text, right - left, NOTE)
        for k, line in enumerate(lines):
            if not self.room(NOTE * 1.6):
                self.new_page(self.size)
            self.y -= NOTE * 1.6
            spacing = 0.0
            if k < len(lines) - 1 and len(line) > 1:
                extra = (right - left) - width(line, NOTE)
                if 0 < extra < 4 * NOTE:
                    spacing = extra / (len(line) - 1)
            self.draw(left, self.y, line, NOTE, spacing=spacing)

    def draw_rows(self, grid: Grid, xs: list[float], rows: list[int], heights: list[float]) -> None:
        tops: dict[int, float] = {}
        y = self.y
        for r in rows:
            tops[r] = y
            y -= heights[r]
        bottom_of = {r: tops[r] - heights[r] for r in rows}
        h_edges: set[tuple[float, float, float]] = set()
        v_edges: set[tuple[float, float, float]] = set()
        for r in rows:
            for cell in grid.rows[r]:
                spanned = [rr for rr in range(r, r + cell.rs) if rr in tops]
                top, bottom = tops[r], bottom_of[spanned[-1]]
                x0, x1 = xs[cell.c0], xs[cell.c1 + 1]
                h_edges.add((round(top, 2), round(x0, 2), round(x1, 2)))
                h_edges.add((round(bottom, 2), round(x0, 2), round(x1, 2)))
                v_edges.add((round(x0, 2), round(bottom, 2), round(top, 2)))
                v_edges.add((round(x1, 2), round(bottom, 2), round(top, 2)))
                self.cell_text(cell, x0, x1, top, bottom)
        self.c.setLineWidth(0.5)
        for y0, a, b in sorted(h_edges):
            self.c.line(a, y0, b, y0)
        for x, a, b in sorted(v_edges):
            self.c.line(x, a, x, b)
        self.y = y
        self.blank = False

    def cell_text(self, cell: Cell, x0: float, x1: float, top: float, bottom: float) -> None:
        if not cell.text:
            return
        lines = cell_lines(cell, x1 - x0)
        block = CELL_LEAD * len(lines)
        mid = (top + bottom) / 2
        for k, line in enumerate(lines):
            box_top = mid + block / 2 - k * CELL_LEAD
            base = box_top - CELL_LEAD / 2 - 0.38 * CELL
            w = width(line, CELL)
            if cell.align == "r":
                x = x1 - PAD_X - w
            elif cell.align == "c":
                x = (x0 + x1) / 2 - w / 2
            else:
                x = x0 + PAD_X
            self.draw(x, base, line, CELL, bold=cell.head and not cell.text.isdigit())

    def toc_table(self, t: Table) -> None:
        """The 附件's 目录: entries on the left, page numbers right-aligned, no rulings."""
        for row in t.rows:
            cells = [c.strip() for c in row if c.strip()]
            text, page = cells[0], cells[-1]
            if not self.room(LEAD):
                self.new_page(PORTRAIT)
            self.y -= LEAD
            indent = 0.0 if re.match(r"[一二三四五六七八九十]+、", text) else 2 * BODY
            self.draw(P_LEFT + indent, self.y, text, BODY)
            self.draw(P_RIGHT - width(page, BODY), self.y, page, BODY)
        self.y -= 6


def cell_lines(cell: Cell, w: float) -> list[str]:
    return break_lines(cell.text, w - 2 * PAD_X, CELL)


def row_heights(grid: Grid, widths: list[float]) -> list[float]:
    xs = [0.0]
    for w in widths:
        xs.append(xs[-1] + w)
    heights = []
    for row in grid.rows:
        h = CELL + 2 * PAD_Y + 4
        for c in row:
            if c.rs == 1 and c.text:
                h = max(h, CELL_LEAD * len(cell_lines(c, xs[c.c1 + 1] - xs[c.c0])) + 2 * PAD_Y)
        heights.append(h)
    for r, row in enumerate(grid.rows):
        for c in row:
            if c.rs > 1 and c.text:
                need = CELL_LEAD * len(cell_lines(c, xs[c.c1 + 1] - xs[c.c0])) + 2 * PAD_Y
                have = sum(heights[r : r + c.rs])
                if need > have:
                    heights[r + c.rs - 1] += need - have
    return heights


def row_block(grid: Grid, r: int) -> list[int]:
    """Rows that must stay on one page with row r: those tied to it by row spans."""
    end = r
    k = r
    while k <= end:
        for c in grid.rows[k]:
            end = max(end, k + c.rs - 1)
        k += 1
    return list(range(r, end + 1))


def render(elements: list[Element], out: Path) -> list[str]:
    rep = Report(out)
    prev: Element | None = None
    for el in elements:
        if isinstance(el, Table):
            rep.table(el)
        elif el.style == "cover":
            rep.new_page(PORTRAIT, numbered=False)
            rep.y = 842 * 0.62
            rep.centred(el.text, 22)
        elif el.style == "toc_title":
            rep.new_page(PORTRAIT)
            rep.centred(el.text.replace(" ", "　"), 16, after=14)
        elif el.style in ("toc_part", "toc_item"):
            rep.paragraph(el.text, indent=0 if el.style == "toc_part" else 2 * BODY, after=0,
                          bold=el.style == "toc_part")
        elif el.style == "toc_note":
            rep.y -= 10
            rep.paragraph(el.text, size=10.5, lead=18, indent=0)
        elif el.style == "part":
            rep.new_page(PORTRAIT)
            rep.centred(el.text, 16, after=14)
        elif el.style == "title":
            if not isinstance(prev, Text) or prev.style != "title":
                if rep.size != PORTRAIT or not rep.blank:
                    rep.new_page(PORTRAIT)
                rep.y -= 60
            rep.centred(el.text, 16, after=6)
        elif el.style == "form":
            if isinstance(prev, Text) and prev.style == "title":
                rep.y -= 50
            rep.paragraph(el.text, after=10)
        elif el.style == "date":
            rep.y -= 40
            rep.draw(P_RIGHT - 4 * BODY - width(el.text, BODY), rep.y, el.text, BODY)
        elif el.style == "heading":
            if rep.size != PORTRAIT:
                rep.new_page(PORTRAIT)
            bold = bool(re.match(r"[一二三四五六七八九十]+、", el.text))
            rep.paragraph(el.text, bold=bold)
        else:
            if rep.size != PORTRAIT:
                rep.new_page(PORTRAIT)
            rep.paragraph(el.text)
        prev = el
    rep.save()
    return rep.log


def make(txt: Path, out: Path) -> list[str]:
    return render(read_report(txt), out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("txt", nargs="*", type=Path, help="text reports (default: the three samples)")
    ap.add_argument("--check", action="store_true", help="compare with the committed PDFs instead of writing")
    args = ap.parse_args(argv)
    txts = args.txt or [HERE / f"{name}.txt" for name in SAMPLES]
    stale = 0
    for txt in txts:
        pdf = txt.with_suffix(".pdf")
        if args.check:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / pdf.name
                make(txt, fresh)
                same = pdf.exists() and pdf.read_bytes() == fresh.read_bytes()
            print(f"{pdf.name}: {'up to date' if same else 'STALE (run python samples/make_pdfs.py)'}")
            stale += not same
            continue
        log = make(txt, pdf)
        print(f"{pdf.name}: {pdf.stat().st_size // 1024} KB" + "".join(f"; {m}" for m in log))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
