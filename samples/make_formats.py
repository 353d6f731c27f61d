#!/usr/bin/env python3
"""Write the sample reports as a web page, a Word draft, an Excel workbook and a pair of
PDFs, so that each reader of narrative has fixtures that say the same as the text.

    python samples/make_formats.py            # (re)write the files below for the three samples
    python samples/make_formats.py --check    # exit 1 when a committed file differs from what this makes

For each sample ``NAME`` (qinghe-xuanchuanbu-2024, -2024-slips, -2023):

* ``NAME.html`` / ``NAME.jsp`` / ``NAME.php``: the whole report as one web page, as a
  department's site publishes it: site furniture (navigation, breadcrumb, scripts,
  styles, footer) around the article; headings, paragraphs, the 目录 as a list; each
  table under its title with 公开NN表 on the right and 部门 / 年度 / 单位 on one
  spaced line, drawn as an HTML table whose header (and the 自评表's body) has the
  national templates' merged cells as rowspan/colspan.  The 2024 page is UTF-8.  The
  slips page is a JSP page saved from the server: GB18030 bytes declared as GB2312 in
  both the page directive and the meta tag, with JSP directives, comments and EL
  expressions left in.  The 2023 page is a PHP template with ``<?php ?>`` blocks,
  ``{{ }}`` placeholders and FreeMarker ``<#if>`` tags left in.
* ``NAME.docx``: the whole report as a Word draft: paragraphs and tables in document
  order, merged cells as Word merges them (gridSpan, vMerge), the 部门 / 年度 / 单位
  line separated by TABs, the 附件's 目录 as TAB-separated paragraphs.
* ``NAME-prose.docx`` + ``NAME-tables.xlsx``: the same report kept as an editor keeps
  it: the prose (with the 目录 of the 附件) in Word, the 公开01-10表 in Excel, one
  sheet each, and the three 项目支出绩效自评表 stacked on one sheet.  Cells hold
  numbers with the number format that shows them as the text writes them (527.68 as
  "#,##0.00", 97.16% as "0.00%"); titles and notes are merged across the table;
  部门 / 年度 / 单位 are three cells of one row.
* ``NAME-prose.pdf`` + ``NAME-tables.pdf``: the report published as two PDFs (the
  说明 and the 报表), drawn by ``make_pdfs.py``'s renderer.

Everything is drawn from what ``make_pdfs.read_report`` reads from the text and from
``make_pdfs.LAYOUTS`` (the header rows and merged cells of each table), so the PDFs,
the pages, the drafts and the workbooks agree cell for cell.  The output is
deterministic: no dates or random ids (the ZIP members of .docx/.xlsx get a fixed
timestamp, their document properties fixed dates).
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_pdfs as mp  # noqa: E402  (the samples' own renderer and table layouts)

SAMPLES = mp.SAMPLES
FIXED = datetime(2025, 3, 20, 9, 0, 0)
ZIP_TIME = (2025, 3, 20, 9, 0, 0)
DEPT = "中共青禾县委宣传部"


@dataclass(frozen=True)
class Page:
    ext: str
    encoding: str  # bytes of the page
    charset: str  # what the page declares
    template: str  # "", "jsp", "php"


PAGES = {
    "qinghe-xuanchuanbu-2024": Page(".html", "utf-8", "utf-8", ""),
    "qinghe-xuanchuanbu-2024-slips": Page(".jsp", "gb18030", "gb2312", "jsp"),
    "qinghe-xuanchuanbu-2023": Page(".php", "utf-8", "utf-8", "php"),
}


def outputs(name: str) -> list[str]:
    return [name + PAGES[name].ext, f"{name}.docx", f"{name}-prose.docx", f"{name}-tables.xlsx",
            f"{name}-prose.pdf", f"{name}-tables.pdf"]


def is_table(el: mp.Element) -> bool:
    return isinstance(el, mp.Table) and el.kind != "TOC"


def squeeze(text: str) -> str:
    return text.replace(" ", "") if re.match(r"^(?:公开\s*\d+\s*表|\(?\d{4}\s*年度\)?)$", text) else text


def meta_of(t: mp.Table) -> tuple[str, str | None, list[str]]:
    """(title, 公开NN表 label, [部门, 年度, 单位] in that order) of a table's preamble."""
    title, rest = t.pre[0], t.pre[1:]
    label = next((squeeze(p) for p in rest if re.match(r"公开\s*\d+\s*表", p)), None)
    meta = [squeeze(p) for p in rest if not re.match(r"公开\s*\d+\s*表", p)]
    return title, label, meta


# ---------------------------------------------------------------------------
# Web page


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def html_table(t: mp.Table) -> list[str]:
    out = []
    if t.kind == "TOC":
        out.append('<table class="mulu">')
        for row in t.rows:
            cells = [c.strip() for c in row if c.strip()]
            out.append(f"<tr><td>{_e(cells[0])}</td><td align=\"right\">{_e(cells[-1])}</td></tr>")
        out.append("</table>")
        return out
    title, label, meta = meta_of(t)
    g = mp.LAYOUTS[t.kind](t)
    if t.kind == "SE":  # the 自评表: title as the table's caption, the year under it
        out.append('<table border="1" cellspacing="0" class="zpb">')
        out.append(f"<caption><b>{_e(title)}</b><br>{_e(meta[0]) if meta else ''}</caption>")
    else:
        out.append(f'<p align="center"><strong>{_e(title.replace(" ", ""))}</strong></p>')
        if label:
            out.append(f'<p style="text-align:right">{_e(label)}</p>')
        if meta:
            out.append("<p>" + "&nbsp;&nbsp;&nbsp;&nbsp;".join(_e(m) for m in meta) + "</p>")
        out.append('<table border="1" cellspacing="0" cellpadding="2" width="100%">')
    for k, row in enumerate(g.rows):
        cells = []
        for c in row:
            tag = "th" if c.head else "td"
            attrs = f' colspan="{c.c1 - c.c0 + 1}"' if c.c1 > c.c0 else ""
            attrs += f' rowspan="{c.rs}"' if c.rs > 1 else ""
            cells.append(f"<{tag}{attrs}>{_e(c.text)}</{tag}>")
        out.append(("<thead>" if k == 0 and g.nhead else "") + "<tr>" + "".join(cells) + "</tr>"
                   + ("</thead><tbody>" if g.nhead and k == g.nhead - 1 else ""))
    if g.nhead:
        out.append("</tbody>")
    out.append("</table>")
    out.extend(f"<p>{_e(n)}</p>" for n in t.notes)
    return out


def html_page(elements: list[mp.Element], page: Page) -> bytes:
    title = next(e.text for e in elements if isinstance(e, mp.Text))
    head: list[str] = []
    if page.template == "jsp":
        head += [f'<%@ page language="java" contentType="text/html; charset={page.charset.upper()}" '
                 'pageEncoding="GBK" %>',
                 '<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>',
                 "<%-- 预决算公开栏目 模板 --%>",
                 '<% String ctx = request.getContextPath(); %>']
    if page.template == "php":
        head += ['<?php require_once "inc/site.php"; $article = load_article($_GET["id"]); ?>']
    head += ["<!DOCTYPE html>", "<html lang=\"zh-CN\">", "<head>"]
    if page.charset == "utf-8":
        head.append('<meta charset="utf-8">')
    else:
        head.append(f'<meta http-equiv="Content-Type" content="text/html; charset={page.charset}">')
    head += [f"<title>{_e(title)}_青禾县人民政府</title>",
             "<style>body{font-family:SimSun} table{border-collapse:collapse} td,th{border:1px solid #000}</style>",
             '<script>var siteId = "qinghe"; function share(){ return "{{share}}"; }</script>',
             "</head>", "<body>",
             '<div class="top-nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> '
             '<a href="/yjs/">预决算公开</a></div>',
             '<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 预决算公开</div>']
    if page.template == "jsp":
        head += ['<div class="article" data-ctx="${pageContext.request.contextPath}">',
                 '<c:if test="${not empty article}">']
    elif page.template == "php":
        head += ['<div class="article">', "<#if article??>", '<p class="info">{{ article.source }}</p>',
                 '<?php if ($article["show_date"]): ?><span class="date"><?= $article["date"] ?></span><?php endif; ?>']
    else:
        head += ['<div class="article">']
    body: list[str] = []
    in_list = False
    for el in elements:
        if isinstance(el, mp.Text) and el.style == "toc_item":
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{_e(el.text)}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if isinstance(el, mp.Table):
            body += html_table(el)
        elif el.style == "cover":
            body.append(f"<h1>{_e(el.text)}</h1>")
        elif el.style in ("part", "toc_title", "title"):
            body.append(f"<h2>{_e(el.text)}</h2>")
        elif el.style == "heading":
            body.append(f"<h3>{_e(el.text)}</h3>")
        elif el.style == "date":
            body.append(f'<p style="text-align:right">{_e(el.text)}</p>')
        elif el.style == "toc_part":
            body.append(f"<p><b>{_e(el.text)}</b></p>")
        else:
            body.append(f'<p style="text-indent:2em">{_e(el.text)}</p>')
    if in_list:
        body.append("</ul>")
    tail = []
    if page.template == "jsp":
        tail.append("</c:if>")
    if page.template == "php":
        tail.append("</#if>")
    tail += ["</div>", '<div id="footer">主办：青禾县人民政府办公室 版权所有 备案号：青ICP备00000000号</div>',
             '<script src="/js/stat.js"></script>', "</body>", "</html>", ""]
    return "\n".join(head + body + tail).encode(page.encoding)


# ---------------------------------------------------------------------------
# Word


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every member stamped with one fixed time."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            dst.writestr(fixed, data)
    return out.getvalue()


def docx_rows(tbl: Any, g: mp.Grid) -> None:
    """The grid's rows as Word writes merged cells: a cell spanning columns has a
    gridSpan, one spanning rows a vMerge "restart" and, in each row below, a continuing
    vMerge cell with the same span.  (python-docx's cell.merge() does the same, but
    looks every cell up from the top of the table: minutes for these tables.)"""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def tc(span: int, text: str, vmerge: str | None) -> Any:
        cell = OxmlElement("w:tc")
        pr = OxmlElement("w:tcPr")
        if span > 1:
            gs = OxmlElement("w:gridSpan")
            gs.set(qn("w:val"), str(span))
            pr.append(gs)
        if vmerge is not None:
            vm = OxmlElement("w:vMerge")
            if vmerge:
                vm.set(qn("w:val"), vmerge)
            pr.append(vm)
        cell.append(pr)
        p = OxmlElement("w:p")
        if text:
            r, t = OxmlElement("w:r"), OxmlElement("w:t")
            t.text = text
            r.append(t)
            p.append(r)
        cell.append(p)
        return cell

    ncols = len(g.widths)
    below: dict[tuple[int, int], mp.Cell] = {}  # (row, c0) -> a cell spanning down into that row
    for r, row in enumerate(g.rows):
        tr = OxmlElement("w:tr")
        starts = {c.c0: c for c in row}
        col = 0
        while col < ncols:
            if col in starts:
                c = starts[col]
                tr.append(tc(c.c1 - c.c0 + 1, c.text, "restart" if c.rs > 1 else None))
                for rr in range(r + 1, r + c.rs):
                    below[(rr, col)] = c
                col = c.c1 + 1
            elif (r, col) in below:
                c = below[(r, col)]
                tr.append(tc(c.c1 - c.c0 + 1, "", ""))
                col = c.c1 + 1
            else:
                tr.append(tc(1, "", None))
                col += 1
        tbl.append(tr)


def docx_report(elements: list[mp.Element], out: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    props = d.core_properties
    props.author = props.last_modified_by = DEPT
    props.created = props.modified = FIXED
    props.revision = 1
    props.comments = "samples/make_formats.py"
    for el in elements:
        if isinstance(el, mp.Table) and el.kind == "TOC":
            for row in el.rows:
                cells = [c.strip() for c in row if c.strip()]
                d.add_paragraph(f"{cells[0]}\t{cells[-1]}")
            continue
        if isinstance(el, mp.Table):
            title, label, meta = meta_of(el)
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(title.replace(" ", "")).bold = True
            if el.kind == "SE" and meta:
                d.add_paragraph(meta[0]).alignment = WD_ALIGN_PARAGRAPH.CENTER
                meta = []
            if label:
                d.add_paragraph(label).alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if meta:
                d.add_paragraph("\t".join(meta))
            g = mp.LAYOUTS[el.kind](el)
            table = d.add_table(rows=0, cols=len(g.widths))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            docx_rows(table._tbl, g)
            for n in el.notes:
                d.add_paragraph(n)
            continue
        assert isinstance(el, mp.Text)
        if el.style == "cover":
            d.add_paragraph(el.text, style="Title")
        elif el.style in ("part", "toc_title", "title"):
            d.add_paragraph(el.text, style="Heading 1")
        elif el.style == "heading":
            d.add_paragraph(el.text, style="Heading 2")
        elif el.style == "date":
            d.add_paragraph(el.text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            d.add_paragraph(el.text)
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(_fixed_zip(buf.getvalue()))


# ---------------------------------------------------------------------------
# Excel

NUMBER_RE = re.compile(r"^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")


def excel_value(text: str) -> tuple[object, str | None]:
    """(value, number format) that Excel shows as ``text``: amounts as numbers with
    their decimals, percentages as fractions with a % format; codes (201, 2013301),
    dashes and anything else as text."""
    m = NUMBER_RE.match(text)
    if not m or (len(m.group(2)) >= 3 and not m.group(3) and not m.group(4)):
        return text, None
    sign, whole, dec, pct = m.groups()
    digits = whole.replace(",", "")
    if len(digits) > 1 and digits.startswith("0"):
        return text, None
    value = float(f"{sign}{digits}.{dec or 0}")
    places = "0" * len(dec or "")
    fmt = ("#,##0" if "," in whole or not pct else "0") + (f".{places}" if places else "")
    if pct:
        return value / 100, fmt + "%"
    if not dec:
        return int(value), "General"
    return value, fmt


def merged_line(ws: Any, row: int, ncols: int, text: str, *, bold: bool = False) -> None:
    """A title or a note: one text merged across the table's width."""
    from openpyxl.styles import Font

    ws.cell(row, 1, text).font = Font(bold=bold)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)


def xlsx_tables(tables: list[mp.Table], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = DEPT
    wb.properties.created = wb.properties.modified = FIXED
    wb.remove(wb.active)
    sheets: dict[str, Any] = {}
    for t in tables:
        title, label, meta = meta_of(t)
        name = label or "绩效自评表"
        ws = sheets.get(name)
        if ws is None:
            ws = sheets[name] = wb.create_sheet(name)
            r = 1
        else:
            r = ws.max_row + 3  # two blank rows between two tables of one sheet
        g = mp.LAYOUTS[t.kind](t)
        ncols = len(g.widths)

        merged_line(ws, r, ncols, title.replace(" ", ""), bold=True)
        r += 1
        if t.kind == "SE" and meta:
            merged_line(ws, r, ncols, meta[0])
            r, meta = r + 1, []
        if label:
            ws.cell(r, ncols, label).alignment = Alignment(horizontal="right")
            r += 1
        if meta:
            ws.cell(r, 1, meta[0])
            for k, m in enumerate(meta[1:], start=1):
                ws.cell(r, ncols if k == len(meta) - 1 else max(2, ncols // 2), m)
            r += 1
        for row in g.rows:
            for c in row:
                if c.text:
                    value, fmt = excel_value(c.text)
                    cell = ws.cell(r, c.c0 + 1, value)
                    if fmt:
                        cell.number_format = fmt
                if c.c1 > c.c0 or c.rs > 1:
                    ws.merge_cells(start_row=r, start_column=c.c0 + 1, end_row=r + c.rs - 1, end_column=c.c1 + 1)
            r += 1
        for n in t.notes:
            merged_line(ws, r, ncols, n)
            r += 1
    buf = io.BytesIO()
    wb.save(buf)
    out.write_bytes(_fixed_zip(buf.getvalue()))


# ---------------------------------------------------------------------------


def make(name: str, outdir: Path) -> list[Path]:
    els = mp.read_report(HERE / f"{name}.txt")
    prose = [e for e in els if not is_table(e)]
    tables = [e for e in els if is_table(e)]
    assert all(isinstance(t, mp.Table) for t in tables)
    paths = [outdir / p for p in outputs(name)]
    page, full, prose_docx, xlsx, prose_pdf, tables_pdf = paths
    page.write_bytes(html_page(els, PAGES[name]))
    docx_report(els, full)
    docx_report(prose, prose_docx)
    xlsx_tables(tables, xlsx)  # type: ignore[arg-type]
    mp.render(prose, prose_pdf)
    mp.render(tables, tables_pdf)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = ap.parse_args(argv)
    stale = 0
    for name in SAMPLES:
        if not args.check:
            for p in make(name, HERE):
                print(f"{p.name}: {p.stat().st_size // 1024} KB")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for fresh in make(name, Path(tmp)):
                old = HERE / fresh.name
                same = old.exists() and old.read_bytes() == fresh.read_bytes()
                print(f"{fresh.name}: {'up to date' if same else 'STALE (run python samples/make_formats.py)'}")
                stale += not same
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
