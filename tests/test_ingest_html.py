"""The web page reader on the pages departments actually publish: merged header cells,
GB2312-declared pages, template residue, tables shown as pictures, site furniture,
layout tables, and pages that are not pages at all.  Expected lines are written out by
hand from the markup of each case."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative.errors import InputError
from narrative.ingest import read_source
from narrative.ingest.html import decode_html, strip_directives
from narrative.ingest.sniff import looks_like_html


def _page(tmp: Path, body: str, *, name: str = "page.html", head: str = '<meta charset="utf-8">',
          encoding: str = "utf-8", before: str = "") -> Path:
    path = tmp / name
    path.write_bytes(f"{before}<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode(encoding))
    return path


def _texts(path: Path) -> list[str]:
    return [ln.text for ln in read_source(str(path)).lines]


def test_rowspan_and_colspan_are_laid_out_on_the_grid(tmp_path: Path) -> None:
    # 公开05表's header: 支出功能分类科目编码 over 类 款 项, 科目名称 and the amount columns
    # spanning both header rows; a 合计 label spanning code and name in the body.
    body = """
    <table border="1">
      <tr><th colspan="3">支出功能分类科目编码</th><th rowspan="2">科目名称</th>
          <th rowspan="2">本年支出合计</th><th rowspan="2">基本支出</th></tr>
      <tr><th>类</th><th>款</th><th>项</th></tr>
      <tr><td colspan="4">合计</td><td>531.15</td><td>350.30</td></tr>
      <tr><td colspan="3">2013301</td><td>行政运行</td><td>186.42</td><td>186.42</td></tr>
    </table>"""
    assert _texts(_page(tmp_path, body)) == [
        "支出功能分类科目编码\t\t\t科目名称\t本年支出合计\t基本支出",
        "类\t款\t项\t\t\t",
        "合计\t\t\t\t531.15\t350.30",
        "2013301\t\t\t行政运行\t186.42\t186.42",
    ]


def test_a_rowspan_over_body_rows_keeps_its_text_in_the_first_row(tmp_path: Path) -> None:
    # 自评表: 绩效指标 over its indicators; rowspan="0" runs to the end of the table.
    body = """<table>
      <tr><td rowspan="3">绩效指标</td><td>产出指标</td><td>数量指标</td><td>128</td></tr>
      <tr><td rowspan="0">效益指标</td><td>社会效益指标</td><td>96</td></tr>
      <tr><td>满意度</td><td>98</td></tr>
    </table>"""
    assert _texts(_page(tmp_path, body)) == [
        "绩效指标\t产出指标\t数量指标\t128",
        "\t效益指标\t社会效益指标\t96",
        "\t\t满意度\t98",
    ]


def test_a_gb2312_page_with_gbk_characters_is_read_as_gb18030(tmp_path: Path) -> None:
    # 镕 (U+9555) is in GBK but not in GB2312: a page declared gb2312 that holds it is common.
    text = "朱镕基同志 2024 年度部门决算"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gb2312")
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    path = _page(tmp_path, f"<h1>{text}</h1>", head=head, encoding="gbk")
    src = read_source(str(path))
    assert [ln.text for ln in src.lines] == [text]
    assert src.encoding == "gb18030" and src.format == "html"


def test_encoding_a_bom_wins_and_utf8_wins_over_a_wrong_declaration() -> None:
    page = "<p>部门决算</p>"
    assert decode_html(b"\xef\xbb\xbf" + page.encode())[:2] == (page, "utf-8-sig")
    assert decode_html(('<meta charset="gb2312">' + page).encode("utf-8"))[1] == "utf-8"
    assert decode_html('<meta charset="big5"><p>部門決算</p>'.encode("big5"))[1] == "big5"
    assert decode_html(page.encode("utf-16"))[:2] == (page, "utf-16")
    text, enc, notes = decode_html(b'<meta charset="gbk"><p>\x81</p>')
    assert enc == "gb18030" and "\ufffd" in text and notes == ["1 undecodable byte sequence(s) in the page replaced "
                                                                "(read as gb18030)"]


def test_template_directives_are_cut_out_and_the_text_around_them_kept(tmp_path: Path) -> None:
    before = ('<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" %>\n'
              "<%-- 模板注释 --%>\n<?php include 'head.php'; ?>\n")
    body = """
      <#if article??><h1>某某局 2024 年度部门决算</h1></#if>
      <p>本年收入合计<%= total %>528.88万元，{{ note }}比上年增加${delta}12.30万元。</p>
      <?php if ($show): ?><p>{% if x %}年末结转和结余 7.15 万元。{% endif %}</p><?php endif; ?>
      <@footer site="x"/>
    """
    assert _texts(_page(tmp_path, body, name="view.jsp", before=before)) == [
        "某某局 2024 年度部门决算",
        "本年收入合计528.88万元，比上年增加12.30万元。",
        "年末结转和结余 7.15 万元。",
    ]
    # Line breaks inside a directive are kept, so what follows stays on its own line.
    assert strip_directives("a<%\n\n%>b") == "a\n\nb"
    assert strip_directives("<?php echo 1;\n// no closing tag") == "\n"


def test_a_table_published_as_an_image_gets_one_note_and_the_prose_is_read(tmp_path: Path) -> None:
    body = """
      <p>一般公共预算财政拨款支出决算表</p><p>公开05表</p>
      <p><img src="gk05.jpg"></p><p><img src="gk05-2.jpg"></p>
      <p>本年一般公共预算财政拨款支出 531.15 万元。</p>
      <p>财政拨款“三公”经费支出决算表</p><p><img src="logo.png"></p>
      <table><tr><td>合计</td><td>7.43</td></tr></table>
    """
    src = read_source(str(_page(tmp_path, body)))
    assert list(src.notes) == ["table 公开05表 is published as an image; not checked"]
    assert [ln.text for ln in src.lines] == [
        "一般公共预算财政拨款支出决算表", "公开05表", "本年一般公共预算财政拨款支出 531.15 万元。",
        "财政拨款“三公”经费支出决算表", "合计\t7.43",
    ]


def test_an_image_table_named_by_its_title_when_it_has_no_label(tmp_path: Path) -> None:
    src = read_source(str(_page(tmp_path, "<p>收入支出决算总表</p><img src='t1.png'>")))
    assert list(src.notes) == ["table 收入支出决算总表 is published as an image; not checked"]


def test_site_furniture_is_dropped(tmp_path: Path) -> None:
    body = """
      <nav><a href="/">首页</a></nav>
      <div class="breadcrumb">当前位置：首页 &gt; 预决算公开</div>
      <div id="top-menu">政务公开 2025</div>
      <script>var year = 2025;</script><style>p{color:red}</style>
      <div style="display:none">隐藏 2019 年度</div>
      <div class="TRS_Editor"><p>一、收入决算情况说明</p>
        <p>本年收入 528.88 万元。<br>其中：财政拨款 527.68 万元。</p></div>
      <footer>版权所有 2025</footer><div class="foot-copyright">备案号 2025</div>
    """
    assert _texts(_page(tmp_path, body)) == [
        "一、收入决算情况说明", "本年收入 528.88 万元。", "其中：财政拨款 527.68 万元。",
    ]


def test_a_layout_table_is_read_as_blocks_and_its_inner_table_as_rows(tmp_path: Path) -> None:
    body = """
      <table width="980"><tr><td>
        <p>收入决算表</p>
        <p>部门：某某局&nbsp;&nbsp;&nbsp;&nbsp;2024 年度&nbsp;&nbsp;&nbsp;&nbsp;金额单位：万元</p>
        <table border="1"><tr><td>项目</td><td>本年收入合计</td></tr><tr><td>合计</td><td>528.88</td></tr></table>
        <p>注：本表反映部门本年度取得的各项收入情况。</p>
      </td></tr></table>"""
    assert _texts(_page(tmp_path, body)) == [
        "收入决算表", "部门：某某局", "2024 年度", "金额单位：万元",
        "项目\t本年收入合计", "合计\t528.88", "注：本表反映部门本年度取得的各项收入情况。",
    ]


def test_title_meta_and_note_rows_inside_a_table_are_prose(tmp_path: Path) -> None:
    body = """<table>
      <tr><td colspan="3">支出决算表</td></tr>
      <tr><td>部门：某某局</td><td>2024年度</td><td>单位：万元</td></tr>
      <tr><td>项目</td><td>合计</td><td>基本支出</td></tr>
      <tr><td>201</td><td>358.38</td><td>186.42</td></tr>
      <tr><td colspan="3">注：本表反映部门本年度各项支出情况。</td></tr>
    </table>"""
    assert _texts(_page(tmp_path, body)) == [
        "支出决算表", "部门：某某局", "2024年度", "单位：万元", "项目\t合计\t基本支出", "201\t358.38\t186.42",
        "注：本表反映部门本年度各项支出情况。",
    ]


def test_which_files_are_web_pages() -> None:
    page = b"<!DOCTYPE html><html><body><p>x</p></body></html>"
    assert looks_like_html(page, "report.txt")  # content decides
    assert looks_like_html(b"<%@ page language=\"java\" %>\n<!-- x -->\n<html><body>", "download.jsp")
    assert looks_like_html(b"<div><p>\xe6\x94\xb6\xe5\x85\xa5</p></div>", "view.aspx")  # a fragment
    assert not looks_like_html(b"<div><p>x</p></div>", "notes.txt")  # a fragment only counts under a web name
    assert not looks_like_html("某某局 2024 年度部门决算\n".encode(), "report.php")


def test_a_server_page_holding_plain_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.jsp"
    path.write_text("某某局 2024 年度部门决算\n\n本年收入合计 528.88 万元。\n", encoding="utf-8")
    src = read_source(str(path))
    assert src.format == "text" and src.lines[2].text == "本年收入合计 528.88 万元。"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"<!DOCTYPE html><html><head><title>x</title><script>var a;</script></head><body></body></html>",
         "empty web page: no text"),
        (b"<html><body><nav>\xe9\xa6\x96\xe9\xa1\xb5</nav></body></html>", "empty web page: no text"),
    ],
)
def test_an_empty_page_is_one_line_of_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_source(str(path))
    assert str(err.value) == message


def test_broken_markup_is_read_as_a_browser_would(tmp_path: Path) -> None:
    body = "<p>一、收入<b>决算<p>本年收入 528.88 万元<table><tr><td>合计<td>528.88</table><div>完"
    assert _texts(_page(tmp_path, body)) == ["一、收入决算", "本年收入 528.88 万元", "合计\t528.88", "完"]
