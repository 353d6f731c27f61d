"""PDF ingest: tables rebuilt from glyph positions and rulings, prose lines, bad files.

Small PDFs are drawn on the fly with reportlab (STSong-Light, a CID font that
pdfminer maps to Unicode through its predefined CMap) or, where reportlab cannot
produce the defect (glyphs without a Unicode mapping), written by hand.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from narrative.errors import InputError
from narrative.ingest.pdf import read_pdf, read_pdf_with_notes

reportlab = pytest.importorskip("reportlab")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
FONT = "STSong-Light"
PORTRAIT = (595, 842)
LANDSCAPE = (842, 595)

REAL = Path(__file__).resolve().parents[2] / "shared" / "reports" / "real"


# ---------------------------------------------------------------------------
# Drawing helpers


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-\d,.%]+", text))


def draw_table(c, xs, ys, cells, *, size=10, rulings="lines", valign="middle"):
    """Draw a ruled table.

    ``xs``: column edges left to right; ``ys``: row edges top to bottom.
    ``cells``: (r0, r1, c0, c1, lines) with inclusive grid spans; ``lines`` is a
    string or a list of strings drawn one under the other inside the cell.
    ``rulings``: "lines" (stroked lines) or "rects" (thin filled rectangles, as Word does).
    """
    c.setFont(FONT, size)
    for r0, r1, c0, c1, lines in cells:
        x0, x1 = xs[c0], xs[c1 + 1]
        top, bottom = ys[r0], ys[r1 + 1]
        edges = (((x0, top), (x1, top)), ((x0, bottom), (x1, bottom)), ((x0, bottom), (x0, top)), ((x1, bottom), (x1, top)))
        for a, b in edges:
            if rulings == "lines":
                c.setLineWidth(0.75)
                c.line(a[0], a[1], b[0], b[1])
            else:
                if a[1] == b[1]:
                    c.rect(a[0], a[1] - 0.45, b[0] - a[0], 0.9, stroke=0, fill=1)
                else:
                    c.rect(a[0] - 0.45, a[1], 0.9, b[1] - a[1], stroke=0, fill=1)
        if isinstance(lines, str):
            lines = [lines] if lines else []
        pitch = size * 1.2
        block = pitch * len(lines)
        if valign == "top":
            first = top - 2 - size
        else:
            first = (top + bottom) / 2 + block / 2 - size + 1
        for k, text in enumerate(lines):
            y = first - k * pitch
            if _is_number(text):
                c.drawRightString(x1 - 3, y, text)
            else:
                c.drawString(x0 + 3, y, text)


def text_lines(path, **kw):
    doc = read_pdf(str(path), **kw)
    return [(ln.page, ln.number, ln.text, ln.wraps) for ln in doc.lines]


def texts(path, **kw):
    return [ln.text for ln in read_pdf(str(path), **kw).lines]


# The 收入决算表 of a Shanghai 部门决算, reduced: a three-row header with merged
# cells, the 合计 row spanning the code and name columns, a label wrapped inside its
# cell, an empty amount cell, and a narrow header cell set one character per line.
XS = [50, 80, 110, 140, 260, 340, 400]
YS = [760, 740, 722, 704, 686, 668, 650, 626, 602]
INCOME_CELLS = [
    (0, 0, 0, 3, "项目"),
    (0, 2, 4, 4, ["本年收入", "合计"]),
    (0, 2, 5, 5, ["其", "他", "收", "入"]),
    (1, 1, 0, 2, "功能分类科目编码"),
    (1, 2, 3, 3, "科目名称"),
    (2, 2, 0, 0, "类"),
    (2, 2, 1, 1, "款"),
    (2, 2, 2, 2, "项"),
    (3, 3, 0, 3, "合计"),
    (3, 3, 4, 4, "1,246.25"),
    (3, 3, 5, 5, "6.20"),
    (4, 4, 0, 0, "208"),
    (4, 4, 1, 1, ""),
    (4, 4, 2, 2, ""),
    (4, 4, 3, 3, "社会保障和就业支出"),
    (4, 4, 4, 4, "1,246.25"),
    (4, 4, 5, 5, "6.20"),
    (5, 5, 0, 0, "208"),
    (5, 5, 1, 1, "05"),
    (5, 5, 2, 2, ""),
    (5, 5, 3, 3, "行政事业单位养老支出"),
    (5, 5, 4, 4, "1,246.25"),
    (5, 5, 5, 5, "6.20"),
    (6, 6, 0, 0, "208"),
    (6, 6, 1, 1, "05"),
    (6, 6, 2, 2, "05"),
    (6, 6, 3, 3, ["机关事业单位基本养老", "保险缴费支出"]),
    (6, 6, 4, 4, "1,000.00"),
    (6, 6, 5, 5, ""),
    (7, 7, 0, 0, "208"),
    (7, 7, 1, 1, "05"),
    (7, 7, 2, 2, "06"),
    (7, 7, 3, 3, ["机关事业单位职业年金", "缴费支出"]),
    (7, 7, 4, 4, "246.25"),
    (7, 7, 5, 5, "6.20"),
]
INCOME_ROWS = [
    "项目\t\t\t\t\t",
    "功能分类科目编码\t\t\t科目名称\t本年收入合计\t其他收入",
    "类\t款\t项\t\t\t",
    "合计\t\t\t\t1,246.25\t6.20",
    "208\t\t\t社会保障和就业支出\t1,246.25\t6.20",
    "208\t05\t\t行政事业单位养老支出\t1,246.25\t6.20",
    "208\t05\t05\t机关事业单位基本养老保险缴费支出\t1,000.00\t",
    "208\t05\t06\t机关事业单位职业年金缴费支出\t246.25\t6.20",
]


def make_income_table(path, *, rulings="lines", pagesize=PORTRAIT):
    c = canvas.Canvas(str(path), pagesize=pagesize)
    c.setFont(FONT, 16)
    c.drawCentredString(225, 790, "收入决算表")
    c.setFont(FONT, 10)
    c.drawRightString(400, 770, "单位：万元")
    draw_table(c, XS, YS, INCOME_CELLS, rulings=rulings)
    c.setFont(FONT, 10)
    c.drawString(50, 585, "注：本表反映部门本年度取得的各项收入情况。")
    c.showPage()
    c.save()
    return path


# ---------------------------------------------------------------------------
# Tables


@pytest.mark.parametrize("rulings", ["lines", "rects"])
def test_ruled_table_rebuilds_rows_merged_cells_and_wrapped_labels(tmp_path, rulings):
    pdf = make_income_table(tmp_path / "t.pdf", rulings=rulings)
    assert texts(pdf) == ["收入决算表", "单位：万元", *INCOME_ROWS, "注：本表反映部门本年度取得的各项收入情况。"]


def test_table_inside_a_page_frame(tmp_path):
    path = tmp_path / "framed.pdf"
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    c.setLineWidth(1)
    c.rect(30, 30, 535, 782, stroke=1, fill=0)  # a border around the page: a one-cell "grid"
    c.setFont(FONT, 16)
    c.drawCentredString(225, 790, "收入决算表")
    draw_table(c, XS, YS, INCOME_CELLS)
    c.showPage()
    c.save()
    assert texts(path) == ["收入决算表", *INCOME_ROWS]


def test_lines_carry_page_and_number_and_table_rows_do_not_wrap(tmp_path):
    pdf = make_income_table(tmp_path / "t.pdf")
    doc = read_pdf(str(pdf))
    assert doc.format == "pdf" and doc.pages == 1
    assert [(ln.page, ln.number) for ln in doc.lines] == [(1, n) for n in range(1, 12)]
    assert all(ln.wraps is False for ln in doc.lines if ln.is_table_row)
    row = doc.lines[8]
    assert row.cells == ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "1,000.00", ""]


def test_landscape_and_portrait_pages_mixed(tmp_path):
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    c.setFont(FONT, 12)
    c.drawString(72, 770, "第二部分 部门决算表")
    c.showPage()
    c.setPageSize(LANDSCAPE)
    xs = [60, 200, 330, 460, 590, 720]
    ys = [520, 500, 480, 460]
    cells = [
        (0, 0, 0, 0, "项目"), (0, 0, 1, 1, "合计"), (0, 0, 2, 2, "基本支出"),
        (0, 0, 3, 3, "项目支出"), (0, 0, 4, 4, "上缴上级支出"),
        (1, 1, 0, 0, "一般公共服务支出"), (1, 1, 1, 1, "2,106.66"), (1, 1, 2, 2, "1,503.52"),
        (1, 1, 3, 3, "603.14"), (1, 1, 4, 4, ""),
        (2, 2, 0, 0, "合计"), (2, 2, 1, 1, "2,106.66"), (2, 2, 2, 2, "1,503.52"),
        (2, 2, 3, 3, "603.14"), (2, 2, 4, 4, "0.00"),
    ]
    c.setFont(FONT, 14)
    c.drawCentredString(421, 550, "支出决算表")
    draw_table(c, xs, ys, cells)
    c.showPage()
    c.save()
    assert text_lines(path) == [
        (1, 1, "第二部分 部门决算表", False),
        (2, 1, "支出决算表", False),
        (2, 2, "项目\t合计\t基本支出\t项目支出\t上缴上级支出", False),
        (2, 3, "一般公共服务支出\t2,106.66\t1,503.52\t603.14\t", False),
        (2, 4, "合计\t2,106.66\t1,503.52\t603.14\t0.00", False),
    ]


def _split_table(path, *, repeat_header):
    xs = [60, 100, 300, 400, 500]
    header = [(0, 0, 0, 0, "编码"), (0, 0, 1, 1, "科目名称"), (0, 0, 2, 2, "合计"), (0, 0, 3, 3, "基本支出")]

    def body(rows, start):
        out = []
        for k, (code, name, a, b) in enumerate(rows):
            r = start + k
            out += [(r, r, 0, 0, code), (r, r, 1, 1, name), (r, r, 2, 2, a), (r, r, 3, 3, b)]
        return out

    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    c.setFont(FONT, 14)
    c.drawCentredString(280, 800, "一般公共预算财政拨款支出决算表")
    rows1 = [("201", "一般公共服务支出", "10.00", "8.00"), ("20101", "人大事务", "10.00", "8.00")]
    draw_table(c, xs, [780 - 20 * k for k in range(4)], header + body(rows1, 1))
    c.setFont(FONT, 10)
    c.drawCentredString(297, 40, "- 1 -")
    c.showPage()
    rows2 = [("2010101", "行政运行", "10.00", "8.00"), ("208", "社会保障和就业支出", "5.00", "5.00")]
    if repeat_header:
        draw_table(c, xs, [780 - 20 * k for k in range(4)], header + body(rows2, 1))
    else:
        draw_table(c, xs, [780 - 20 * k for k in range(3)], body(rows2, 0))
    # The last row: one merged label cell across code and name, as Shanghai 合计 rows are.
    top = 720 if repeat_header else 740
    total = [(0, 0, 0, 0, "合计"), (0, 0, 1, 1, "15.00"), (0, 0, 2, 2, "13.00")]
    draw_table(c, [60, 300, 400, 500], [top, top - 20], total)
    c.setFont(FONT, 10)
    c.drawString(60, top - 40, "注：本表反映一般公共预算财政拨款支出情况。")
    c.drawCentredString(297, 40, "- 2 -")
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_split_across_pages(tmp_path, repeat_header):
    pdf = _split_table(tmp_path / "split.pdf", repeat_header=repeat_header)
    assert text_lines(pdf) == [
        (1, 1, "一般公共预算财政拨款支出决算表", False),
        (1, 2, "编码\t科目名称\t合计\t基本支出", False),
        (1, 3, "201\t一般公共服务支出\t10.00\t8.00", False),
        (1, 4, "20101\t人大事务\t10.00\t8.00", False),
        (2, 1, "2010101\t行政运行\t10.00\t8.00", False),
        (2, 2, "208\t社会保障和就业支出\t5.00\t5.00", False),
        (2, 3, "合计\t\t15.00\t13.00", False),
        (2, 4, "注：本表反映一般公共预算财政拨款支出情况。", False),
    ]


def test_table_without_rulings_columns_from_text_positions(tmp_path):
    path = tmp_path / "unruled.pdf"
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    c.setFont(FONT, 12)
    c.drawString(72, 770, "财政拨款“三公”经费支出决算表")
    c.setFont(FONT, 10)
    rows = [
        ("项目", "", "预算数", "决算数"),
        ("1.因公出国（境）费", "2", "0.00", "---"),
        ("2.公务用车购置及运行维护费", "3", "12.50", "11.02"),
        ("3.公务接待费", "6", "1.00", ""),
    ]
    y = 740
    for name, line_no, budget, final in rows:
        c.drawString(72, y, name)
        if line_no:
            c.drawRightString(270, y, line_no)
        (c.drawRightString if _is_number(budget) else c.drawString)(360 if _is_number(budget) else 320, y, budget)
        (c.drawRightString if _is_number(final) else c.drawString)(450 if _is_number(final) else 410, y, final)
        y -= 16
    c.drawString(72, y - 8, "注：本表反映部门本年度“三公”经费支出预决算情况。")
    c.showPage()
    c.save()
    assert texts(path) == [
        "财政拨款“三公”经费支出决算表",
        "项目\t\t预算数\t决算数",
        "1.因公出国（境）费\t2\t0.00\t---",
        "2.公务用车购置及运行维护费\t3\t12.50\t11.02",
        "3.公务接待费\t6\t1.00\t",
        "注：本表反映部门本年度“三公”经费支出预决算情况。",
    ]


def test_table_without_rulings_keeps_a_wrapped_label_in_one_cell(tmp_path):
    path = tmp_path / "unruled-wrap.pdf"
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    c.setFont(FONT, 10)
    c.drawString(72, 780, "本部门2024年度收入总计326.45万元，其中年初结转和结余14.89万元，比上年增加0.07万元。")
    c.drawString(72, 760, "支出决算表")
    rows = [
        ("科目编码", ["科目名称"], "本年支出合计", "基本支出"),
        ("2080505", ["机关事业单位基本养老", "保险缴费支出"], "9.33", "9.33"),
        ("210", ["卫生健康支出"], "2.82", "2.82"),
        ("合计", [""], "12.15", "12.15"),
    ]
    y = 740
    for code, names, a, b in rows:
        c.drawString(72, y, code)
        for k, name in enumerate(names):
            c.drawString(130, y - 12 * k, name)
        for text, right in ((a, 330), (b, 420)):
            if _is_number(text):
                c.drawRightString(right, y, text)
            else:
                c.drawString(right - 60, y, text)
        y -= 12 * len(names) + 6
    c.drawString(72, y - 10, "注：本表反映部门本年度各项支出情况。")
    c.showPage()
    c.save()
    assert texts(path) == [
        "本部门2024年度收入总计326.45万元，其中年初结转和结余14.89万元，比上年增加0.07万元。",
        "支出决算表",
        "科目编码\t科目名称\t本年支出合计\t基本支出",
        "2080505\t机关事业单位基本养老保险缴费支出\t9.33\t9.33",
        "210\t卫生健康支出\t2.82\t2.82",
        "合计\t\t12.15\t12.15",
        "注：本表反映部门本年度各项支出情况。",
    ]


def test_side_by_side_blocks_and_body_without_row_rulings(tmp_path):
    """基本支出表: two code/name/amount blocks side by side; the body has no row
    rulings, so its rows come from the lines of figures."""
    path = tmp_path / "basic.pdf"
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    xs = [40, 90, 200, 260, 310, 420, 480]
    header = [
        (0, 0, 0, 2, "人员经费"), (0, 0, 3, 5, "公用经费"),
        (1, 1, 0, 0, "科目编码"), (1, 1, 1, 1, "科目名称"), (1, 1, 2, 2, "决算数"),
        (1, 1, 3, 3, "科目编码"), (1, 1, 4, 4, "科目名称"), (1, 1, 5, 5, "决算数"),
    ]
    draw_table(c, xs, [760, 740, 720], header)
    # Body: one tall ruled band per column, one text line per row.
    body = [
        ("301", "工资福利支出", "97.93", "302", "商品和服务支出", "16.51"),
        ("30101", "基本工资", "28.93", "30201", "办公费", "2.21"),
        ("30102", "津贴补贴", "13.26", "30202", "印刷费", "0.00"),
    ]
    draw_table(c, xs, [720, 660], [(0, 0, k, k, "") for k in range(6)])
    c.setFont(FONT, 10)
    for r, row in enumerate(body):
        y = 706 - 18 * r
        for k, t in enumerate(row):
            if _is_number(t) and k in (2, 5):
                c.drawRightString(xs[k + 1] - 3, y, t)
            else:
                c.drawString(xs[k] + 3, y, t)
    c.showPage()
    c.save()
    assert texts(path) == [
        "人员经费\t\t\t公用经费\t\t",
        "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数",
        "301\t工资福利支出\t97.93\t302\t商品和服务支出\t16.51",
        "30101\t基本工资\t28.93\t30201\t办公费\t2.21",
        "30102\t津贴补贴\t13.26\t30202\t印刷费\t0.00",
    ]


# ---------------------------------------------------------------------------
# Prose, page furniture, wrapping

PARAS = [
    "本部门2024年度收入总计326.45万元，其中年初结转和结余14.89万元，比上年增加0.07万元，增长0.51%；"
    "本年收入合计311.56万元，比上年减少140.31万元，下降31.05%，主要原因：落实过紧日子要求。",
    "本年支出合计316.83万元，其中：基本支出133.98万元，占42.29%；项目支出182.84万元，占57.71%。",
]


HEADINGS = ["一、收入决算情况说明", "二、支出决算情况说明", "三、财政拨款支出决算情况说明", "四、其他"]


def make_prose(path, pages=3):
    size, left, right = 12, 72, 523
    expected = []
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    for p in range(1, pages + 1):
        c.setFont(FONT, 9)
        c.drawCentredString(297, 805, "中共某某区委办公室2024年度部门决算")  # running header
        c.drawCentredString(297, 40, f"- {p} -")  # page number
        c.setFont(FONT, size)
        y = 760
        c.drawString(left, y, HEADINGS[p - 1])
        expected.append((p, 1, HEADINGS[p - 1], False))
        y -= 20
        number = 1
        for para in PARAS:
            para = para.replace("2024", str(2020 + p))  # pages differ, as real pages do
            lines = _break_ragged(c, para, left, right, 2 * size)
            for k, (x, line) in enumerate(lines):
                c.drawString(x, y, line)
                number += 1
                expected.append((p, number, line, k < len(lines) - 1))
                y -= 20
        c.showPage()
    c.save()
    return expected


def test_prose_lines_wraps_and_page_furniture(tmp_path):
    path = tmp_path / "prose.pdf"
    expected = make_prose(path)
    assert text_lines(path) == expected


def _break_ragged(c, text, left, right, indent, size=12):
    """Greedy ragged-right line breaking as ONLYOFFICE does it: a CJK character or
    a whole number ("15.16%") per token; a token that does not fit starts the next line."""
    tokens = re.findall(r"[\d.,%]+|.", text)
    lines, cur, x0 = [], "", left + indent
    for tok in tokens:
        if cur and x0 + c.stringWidth(cur + tok, FONT, size) > right:
            lines.append((x0, cur))
            cur, x0 = "", left
        cur += tok
    lines.append((x0, cur))
    return lines


def test_ragged_right_line_wraps_when_next_number_did_not_fit(tmp_path):
    """ONLYOFFICE breaks lines ragged-right: a number that does not fit moves down
    whole, leaving a gap wider than one character at the end of the line."""
    path = tmp_path / "ragged.pdf"
    c = canvas.Canvas(str(path), pagesize=PORTRAIT)
    c.setFont(FONT, 12)
    paras = [
        "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，"
        "占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，"
        "占2.07%；住房保障支出（类）445.69万元，占千分之15.16%；",
        "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元。",
    ]
    drawn = []
    for para in paras:
        lines = _break_ragged(c, para, 72, 522, 24)
        drawn += [(x, t, k < len(lines) - 1) for k, (x, t) in enumerate(lines)]
    for k, (x, text, _) in enumerate(drawn):
        c.drawString(x, 760 - 18 * k, text)
    widths = [x + c.stringWidth(t, FONT, 12) for x, t, _ in drawn]
    c.showPage()
    c.save()
    # The layout really is ragged: some wrapped line stops more than one em short.
    assert any(522 - w > 12 for w, (_, _, wraps) in zip(widths, drawn, strict=False) if wraps)
    got = text_lines(path)
    assert [ln[2] for ln in got] == [t for _, t, _ in drawn]
    assert [ln[3] for ln in got] == [w for _, _, w in drawn]


def test_read_source_dispatches_pdf_and_works_off_the_main_thread(tmp_path):
    import threading

    from narrative.ingest import read_source

    pdf = make_income_table(tmp_path / "t.pdf")
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("doc", read_source(str(pdf))))
    worker.start()
    worker.join(60)
    doc = out["doc"]
    assert doc.format == "pdf"
    assert [ln.text for ln in doc.lines][2:10] == INCOME_ROWS


# ---------------------------------------------------------------------------
# Bad files: one-line messages


def _expect_error(path, message, **kw):
    with pytest.raises(InputError) as info:
        read_pdf(str(path), **kw)
    assert str(info.value) == message
    assert "\n" not in str(info.value)


def test_encrypted_with_user_password(tmp_path):
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.setFont(FONT, 12)
    c.drawString(72, 770, "收入支出决算总表")
    c.save()
    _expect_error(path, "encrypted PDF; a password is required")


def test_encrypted_with_empty_user_password_is_read(tmp_path):
    from reportlab.lib import pdfencrypt

    path = tmp_path / "owner-only.pdf"
    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1, canCopy=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    # Helvetica: pdfminer does not decrypt the CIDSystemInfo strings of a
    # non-embedded CID font, so STSong-Light text would come out as cid glyphs.
    c.setFont("Helvetica", 12)
    c.drawString(72, 770, "Total income 311.56")
    c.save()
    assert texts(path) == ["Total income 311.56"]


def test_scanned_pages_without_text_layer(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = tmp_path / "scan.png"
    Image.new("L", (200, 100), 200).save(img)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(str(img)), 50, 500, 400, 200)
    c.showPage()
    c.save()
    _expect_error(path, "no text layer; OCR is not supported")


def test_truncated_file(tmp_path):
    good = make_income_table(tmp_path / "good.pdf")
    data = good.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    _expect_error(path, "truncated or corrupt PDF (no %%EOF marker at the end of the file)")


def test_corrupt_body(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 200 + b"\nstartxref\n999999\n%%EOF\n")
    _expect_error(path, "corrupt PDF (no document catalog)")


def test_text_file_renamed_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("收入支出决算总表\n本年收入合计\t311.56\n", encoding="utf-8")
    _expect_error(path, "not a PDF file (no %PDF header)")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    _expect_error(empty, "empty file")
    _expect_error(tmp_path / "nope.pdf", "cannot open: No such file or directory")
    _expect_error(tmp_path, "is a directory, not a report")


def test_too_many_pages(tmp_path):
    path = tmp_path / "long.pdf"
    make_prose(path, pages=3)
    _expect_error(path, "too many pages (3; limit 2)", max_pages=2)


def test_timeout_kills_the_worker(tmp_path):
    pdf = make_income_table(tmp_path / "t.pdf")
    _expect_error(pdf, "timed out after 0.001 s", timeout=0.001)


# Hand-written PDFs: fonts without a ToUnicode map, decompression bombs.


def raw_pdf(path, content: bytes, *, compress=False):
    """A one-page PDF with /F1 = Helvetica and /F2 = an Identity-H CID font that has
    no ToUnicode map (pdfminer reports its glyphs as "(cid:N)")."""
    stream_dict = b"<< /Length %d >>" % len(content)
    if compress:
        content = zlib.compress(content, 9)
        stream_dict = b"<< /Length %d /Filter /FlateDecode >>" % len(content)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        stream_dict + b"\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    Path(path).write_bytes(bytes(out))
    return path


def test_mostly_cid_glyphs_cannot_be_checked(tmp_path):
    glyphs = b"".join(b"%04x" % (0x100 + k) for k in range(40))
    path = raw_pdf(tmp_path / "cid.pdf", b"BT /F2 12 Tf 72 700 Td <" + glyphs + b"> Tj ET")
    _expect_error(path, "PDF text layer has no Unicode mapping (cid glyphs); cannot check")


def test_a_few_cid_glyphs_are_counted_not_fatal(tmp_path):
    content = (
        b"BT /F1 12 Tf 72 700 Td (Total income 311.56, total expenditure 316.83, balance 9.63.) Tj ET\n"
        b"BT /F2 12 Tf 72 680 Td <01000101> Tj ET"
    )
    path = raw_pdf(tmp_path / "few.pdf", content)
    doc, notes = read_pdf_with_notes(str(path))
    assert doc.lines[0].text.startswith("Total income 311.56")
    assert notes == ["2 glyphs without a Unicode mapping (shown as \ufffd) on page 1"]
    assert doc.lines[1].text == "\ufffd\ufffd"


def test_too_many_characters_on_a_page(tmp_path):
    content = b"BT /F1 1 Tf " + b"(aaaaaaaaaa) Tj " * 12_000 + b"ET"
    path = raw_pdf(tmp_path / "many.pdf", content, compress=True)
    _expect_error(path, "page 1 has more than 100000 characters; not a report")


def test_decompression_bomb(tmp_path):
    content = b"%" + b" " * (200 * 1024 * 1024) + b"\nBT /F1 12 Tf 72 700 Td (x) Tj ET"
    path = raw_pdf(tmp_path / "bomb.pdf", content, compress=True)
    assert path.stat().st_size < 1_000_000
    _expect_error(path, "a compressed stream inflates to more than 128 MiB (decompression bomb?)")


# ---------------------------------------------------------------------------
# The real Shanghai reports (../shared/reports/real)

FINALS = [
    "putuo-caizhengju-2024-final.pdf",
    "putuo-caizhengju-2024-final-seeded-errors.pdf",
    "putuo-guihua-ziran-2024-final.pdf",
    "putuo-shehui-gongzuobu-2024-final.pdf",
    "shanghai-2024-final-template-xxju.pdf",
]
BUDGETS = [
    "putuo-sifaju-2026-dept-budget.pdf",
    "putuo-sifaju-2026-unit-budget.pdf",
    "putuo-wanli-jiedao-2024-budget.pdf",
    "putuo-wanli-jiedao-2025-budget.pdf",
]
TITLES = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
]

# Table rows (header + body, summed over pages), counted by hand on the rendered
# pages; None: the table is not in the PDF (the seeded-errors file drops 支出决算表).
# Rows whose cells are all empty (blank filler rows of empty tables) are not counted.
ROWS = {
    "putuo-caizhengju-2024-final.pdf": [32, 24, 24, 34, 24, 42, 6, 4, 4],
    "putuo-caizhengju-2024-final-seeded-errors.pdf": [32, 24, None, 34, 24, 42, 4, 4, 4],
    "putuo-guihua-ziran-2024-final.pdf": [30, 27, 27, 32, 27, 40, 5, 3, 3],
    "putuo-shehui-gongzuobu-2024-final.pdf": [32, 20, 20, 34, 20, 40, 4, 3, 3],
    "shanghai-2024-final-template-xxju.pdf": [30, 10, 10, 32, 10, 40, 4, 3, 3],
}


def _real(name):
    if not REAL.is_dir():
        pytest.skip(f"../shared/reports is absent (a user's clone): {REAL}")
    return str(REAL / name)


def _tables(lines):
    """title -> list of table rows that follow it (across pages) up to the next prose text."""
    out = {}
    i = 0
    while i < len(lines):
        t = lines[i].text
        if not lines[i].is_table_row and t in TITLES and t not in out:
            rows = []
            j = i + 1
            while j < len(lines) and not lines[j].is_table_row and j - i <= 4:
                j += 1
            while j < len(lines) and lines[j].is_table_row:
                rows.append(lines[j])
                j += 1
            out[t] = rows
            i = j
        else:
            i += 1
    return out


@pytest.mark.parametrize("name", FINALS)
def test_real_final_accounts_have_all_nine_tables(name):
    doc, notes = read_pdf_with_notes(_real(name))
    tables = _tables(doc.lines)
    assert sorted(tables) == sorted(t for t, n in zip(TITLES, ROWS[name], strict=False) if n is not None)
    assert [len(tables[t]) if t in tables else None for t in TITLES] == ROWS[name]
    for rows in tables.values():
        widths = {len(r.cells) for r in rows}
        assert len(widths) == 1, (name, widths)  # columns line up, header and body alike
    assert notes == []


def test_real_rows_keep_written_numbers_and_wrapped_labels():
    doc = read_pdf(_real("putuo-caizhengju-2024-final.pdf"))
    texts_ = {ln.text for ln in doc.lines}
    assert "208\t05\t05\t机关事业单位基本养老保险缴费支出\t160.75\t160.75\t\t\t\t\t" in texts_
    assert "一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66" in texts_
    assert "人员经费合计\t\t\t2,152.26\t公用经费合计\t\t\t184.65" in texts_
    # ONLYOFFICE draws Latin digits lower than the CJK text of the same line.
    assert "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是" in texts_


@pytest.mark.parametrize("name", BUDGETS)
def test_real_budgets_read(name):
    doc, notes = read_pdf_with_notes(_real(name))
    rows = [ln for ln in doc.lines if ln.is_table_row]
    assert len(rows) > 100
    assert notes == []
    assert not any(re.fullmatch(r"[-\s\d]+", ln.text) for ln in doc.lines)  # no page numbers left
