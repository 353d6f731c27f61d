"""The Word and Excel readers, and a report read from two files: document order,
paragraph numbers, merged cells, automatic numbering, number formats, several tables
on a sheet, and broken or foreign files (one line of error each, never a traceback).
Expected lines are written out by hand from what each case puts into the file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml

from narrative.errors import InputError
from narrative.ingest import read_source
from narrative.ingest.combine import combine
from narrative.ingest.docx import chinese_number
from narrative.ingest.xlsx import display
from narrative.source import SourceDocument, SourceLine

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lines(path: Path) -> list[tuple[int, str]]:
    return [(ln.number, ln.text) for ln in read_source(str(path)).lines]


# ---------------------------------------------------------------------------
# Word


def test_paragraphs_and_tables_in_document_order_numbered_by_body_item(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("某某局 2024 年度部门决算")  # 1
    d.add_paragraph("")  # 2: an empty paragraph counts
    d.add_paragraph("收入决算表")  # 3
    t = d.add_table(rows=2, cols=3)  # rows 4 and 5
    for r, row in enumerate([["项目", "本年收入合计", "财政拨款收入"], ["合计", "528.88", "527.68"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    p = d.add_paragraph("本年收入合计 528.88 万元，")  # 6, with a soft line break
    p.add_run().add_break()
    p.add_run("其中：财政拨款收入 527.68 万元。")
    d.add_paragraph("\t一、基本情况\t38\t")  # 7: a 目录 entry; leading and trailing TABs only indent
    d.save(tmp_path / "draft.docx")
    assert _lines(tmp_path / "draft.docx") == [
        (1, "某某局 2024 年度部门决算"), (2, ""), (3, "收入决算表"),
        (4, "项目\t本年收入合计\t财政拨款收入"), (5, "合计\t528.88\t527.68"),
        (6, "本年收入合计 528.88 万元，"), (6, "其中：财政拨款收入 527.68 万元。"),
        (7, "一、基本情况\t38"),
    ]
    src = read_source(str(tmp_path / "draft.docx"))
    assert src.format == "docx" and src.pages is None


def test_word_merged_cells_keep_their_text_in_the_first_position(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=3, cols=4)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "支出功能分类科目编码"  # gridSpan 3
    t.cell(0, 3).merge(t.cell(1, 3)).text = "科目名称"  # vMerge over two rows
    for c, text in enumerate(["类", "款", "项"]):
        t.cell(1, c).text = text
    t.cell(2, 0).merge(t.cell(2, 2)).text = "2013301"
    t.cell(2, 3).text = "行政运行"
    d.save(tmp_path / "merged.docx")
    assert [text for _, text in _lines(tmp_path / "merged.docx")] == [
        "支出功能分类科目编码\t\t\t科目名称",
        "类\t款\t项\t",
        "2013301\t\t\t行政运行",
    ]


def test_tracked_deletions_and_field_codes_are_not_text(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("本年收入")
    p._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="a"><w:r><w:delText>530.00</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="a"><w:r><w:t>528.88</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r {W_NS}><w:instrText> PAGE </w:instrText></w:r>'))
    p.add_run("万元。")
    d.save(tmp_path / "tracked.docx")
    assert _lines(tmp_path / "tracked.docx") == [(1, "本年收入528.88万元。")]


def _numbered(tmp_path: Path) -> Path:
    """Headings numbered by Word: 一、 at level 0, （一） at level 1, restarting under each 一、."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
        '<w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level, text in [(0, "收入决算情况说明"), (1, "财政拨款收入"), (1, "其他收入"), (2, "利息收入"),
                        (0, "支出决算情况说明"), (1, "基本支出")]:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    path = tmp_path / "numbered.docx"
    d.save(path)
    return path


def test_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    assert [text for _, text in _lines(_numbered(tmp_path))] == [
        "一、收入决算情况说明", "（一）财政拨款收入", "（二）其他收入", "1.利息收入",
        "二、支出决算情况说明", "（一）基本支出",
    ]


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110, 123)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一百二十三"]


# ---------------------------------------------------------------------------
# Excel


def test_cells_read_as_the_sheet_displays_them() -> None:
    cases = [
        (527.68, "#,##0.00", "527.68"), (1234.5, "#,##0.00", "1,234.50"), (0, "#,##0.00", "0.00"),
        (2.675, "0.00", "2.68"),  # Excel rounds the decimal it shows, half away from zero
        (-3.2, "#,##0.00;[Red]-#,##0.00", "-3.20"), (-3.2, "#,##0.00_);(#,##0.00)", "(3.20)"),
        (0.9716, "0.00%", "97.16%"), (1, "0%", "100%"), (0.1234, "0.0%", "12.3%"),
        (12.3, '0.00"万元"', "12.30万元"), (1234567, "#,##0,", "1,235"), (1.5, "0.0#", "1.5"),
        (95.796512, "General", "95.796512"), (17, "General", "17"), (0.1 + 0.2, "General", "0.3"),
        (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),  # the accounting format's zero
        ("2013301", "@", "2013301"), (None, "0.00", ""), (True, "General", "TRUE"),
    ]
    assert [display(v, f) for v, f, _ in cases] == [want for _, _, want in cases]


def test_excel_merged_cells_titles_and_meta_rows(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "支出"
    ws["A1"] = "一般公共预算财政拨款支出决算表"
    ws.merge_cells("A1:E1")
    ws["E2"] = "公开05表"
    ws["A3"], ws["C3"], ws["E3"] = "部门：某某局", "2024年度", "金额单位：万元"
    ws["A4"], ws["D4"], ws["E4"] = "支出功能分类科目编码", "科目名称", "本年支出合计"
    ws.merge_cells("A4:C4")
    ws.merge_cells("D4:D5")
    ws.merge_cells("E4:E5")
    ws["A5"], ws["B5"], ws["C5"] = "类", "款", "项"
    ws["A6"], ws["D6"], ws["E6"] = "201", "一般公共服务支出", 360.58
    ws["E6"].number_format = "#,##0.00"
    ws["A7"] = "注：本表反映部门本年度一般公共预算财政拨款支出情况。"
    ws.merge_cells("A7:E7")
    wb.save(tmp_path / "t.xlsx")
    src = read_source(str(tmp_path / "t.xlsx"))
    assert [(ln.page, ln.sheet, ln.number, ln.text) for ln in src.lines] == [
        (1, "支出", 1, "一般公共预算财政拨款支出决算表"), (1, "支出", 2, "公开05表"),
        (1, "支出", 3, "部门：某某局"), (1, "支出", 3, "2024年度"), (1, "支出", 3, "金额单位：万元"),
        (1, "支出", 4, "支出功能分类科目编码\t\t\t科目名称\t本年支出合计"),
        (1, "支出", 5, "类\t款\t项\t\t"),
        (1, "支出", 6, "201\t\t\t一般公共服务支出\t360.58"),
        (1, "支出", 7, "注：本表反映部门本年度一般公共预算财政拨款支出情况。"),
    ]
    assert src.format == "xlsx" and src.pages == 1


def test_several_tables_on_a_sheet_and_a_sheet_that_starts_with_its_table(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "收入"
    for row in [["项目", "金额"], ["本年收入合计", 528.88], ["其他收入", 1.2]]:
        ws.append(row)
    ws.append([])
    ws.append(["“三公”经费支出决算表"])
    ws.append(["项目", "决算数"])
    ws.append(["合计", 7.43])
    ws.append(["其中"])  # a label row that the table goes on below
    ws.append([None, "公务接待费", 2.81])
    hidden = wb.create_sheet("草稿")
    hidden["A1"] = "不要读"
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "two.xlsx")
    src = read_source(str(tmp_path / "two.xlsx"))
    assert [(ln.number, ln.text) for ln in src.lines] == [
        (1, "收入"),  # the sheet's name above a table with no title
        (1, "项目\t金额"), (2, "本年收入合计\t528.88"), (3, "其他收入\t1.2"),
        (5, "“三公”经费支出决算表"), (6, "项目\t决算数\t"), (7, "合计\t7.43\t"), (8, "其中\t\t"),
        (9, "\t公务接待费\t2.81"),
    ]
    assert list(src.notes) == ["hidden sheet '草稿' not read"]


# ---------------------------------------------------------------------------
# Broken and foreign files


def _ole(tmp: Path, name: str, stream: str) -> Path:
    path = tmp / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 64)
    return path


def _cases(tmp: Path) -> list[tuple[Path, str]]:
    d = docx.Document()
    d.save(tmp / "blank.docx")
    good = (tmp / "blank.docx").read_bytes()
    (tmp / "cut.docx").write_bytes(good[:300])
    with zipfile.ZipFile(tmp / "badxml.docx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><not closed")
    wb = openpyxl.Workbook()
    wb.save(tmp / "blank.xlsx")
    with zipfile.ZipFile(tmp / "badbook.xlsx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "garbage")
    with zipfile.ZipFile(tmp / "reports.zip", "w") as zf:
        zf.writestr("a.txt", "x")
    (tmp / "renamed.xlsx").write_text("本年收入合计\t528.88\n", encoding="utf-8")
    (tmp / "empty.docx").write_bytes(b"")
    return [
        (tmp / "blank.docx", "the Word document has no text"),
        (tmp / "cut.docx", "corrupt or truncated .docx file (File is not a zip file)"),
        (tmp / "badxml.docx", "corrupt .docx file (AttributeError while opening it)"),
        (tmp / "blank.xlsx", "the workbook has no cells with text"),
        (tmp / "badbook.xlsx", "corrupt .xlsx file (File contains no valid workbook part)"),
        (tmp / "reports.zip", "a ZIP archive, not a report: unpack it and check the files inside"),
        (tmp / "renamed.xlsx", "not a .xlsx file (it is not a ZIP package); was it renamed?"),
        (tmp / "empty.docx", "empty file"),
        (_ole(tmp, "old.xls", "Workbook"), "Excel 97-2003 workbooks (.xls) are not read; save it as .xlsx"),
        (_ole(tmp, "old.doc", "WordDocument"), "Word 97-2003 documents (.doc) are not read; save it as .docx"),
        (_ole(tmp, "locked.xlsx", "EncryptedPackage"), "password-protected Office file; remove the password and save "
                                                       "it again"),
    ]


def test_each_broken_file_is_one_line_of_error(tmp_path: Path) -> None:
    for path, message in _cases(tmp_path):
        with pytest.raises(InputError) as err:
            read_source(str(path))
        assert str(err.value) == message, path.name


def test_the_cli_says_it_in_one_line_and_exits_2(tmp_path: Path) -> None:
    cases = _cases(tmp_path)[:3]
    proc = subprocess.run([sys.executable, "-m", "narrative.cli", "check", *(str(p) for p, _ in cases)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    # several files, several jobs: in the order they finish (README: "Order of results")
    assert sorted(proc.stderr.splitlines()) == sorted(f"narrative: {p}: {m}" for p, m in cases)


# ---------------------------------------------------------------------------
# One report in two files


def _src(path: str, texts: list[str], fmt: str = "text", notes: list[str] | None = None) -> SourceDocument:
    return SourceDocument(path=path, lines=[SourceLine(number=k + 1, text=t) for k, t in enumerate(texts)],
                          format=fmt, notes=notes or [])


def test_combine_keeps_order_and_locations_and_names_the_file() -> None:
    prose = _src("a/prose.docx", ["某某局 2024 年度部门决算", "本年收入 528.88 万元。", "一、基本情况\t3"], "docx")
    tables = _src("a/tables.xlsx", ["项目\t金额", "合计\t528.88"], "xlsx", ["hidden sheet 'x' not read"])
    doc = combine([prose, tables])
    assert [(ln.file, ln.number, ln.text) for ln in doc.lines] == [
        ("a/prose.docx", 1, "某某局 2024 年度部门决算"), ("a/prose.docx", 2, "本年收入 528.88 万元。"),
        ("a/prose.docx", 3, "一、基本情况\t3"),
        ("a/tables.xlsx", 1, ""),
        ("a/tables.xlsx", 1, "tables.xlsx"),  # a row meets a row: the file's name keeps the tables apart
        ("a/tables.xlsx", 1, "项目\t金额"), ("a/tables.xlsx", 2, "合计\t528.88"),
    ]
    assert doc.path == "a/prose.docx" and doc.format == "docx+xlsx" and doc.pages is None
    assert list(doc.notes) == ["tables.xlsx: hidden sheet 'x' not read"]
    with pytest.raises(InputError):
        combine([])
