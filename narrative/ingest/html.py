"""Read a report published as a web page (.html, .htm, or a page saved under the
server's extension: .jsp, .asp, .aspx, .php …) into ``SourceLine``s.

Departments publish their 决算 and 预算 on their web site as often as in PDF.  A page
saved from the browser is HTML whatever its name says, and a page saved from the
server's side may still hold the template's directives (``<%@ page … %>``,
``<?php … ?>``, ``{{ … }}``, ``<#if …>``); those are cut out before parsing, keeping
their line breaks.

Parsing is lxml's HTML parser (libxml2: fast, forgiving with the broken markup that
CMS pages are made of, and maintained).  What becomes lines:

* prose: every block element (p, div, h1-h6, li, …) and every ``<br>`` ends a line;
  inline markup is joined; runs of spaces are collapsed as a browser does.  Page
  furniture is dropped: script, style, head, nav, footer, forms, hidden elements, and
  blocks whose class or id says they are a menu, breadcrumb, footer or share bar.
* tables: a ``<table>`` that holds no other table is a data table; its rows go through
  ``grid.expand`` (rowspan and colspan laid out on a grid, a merged cell's text in its
  top-left position) and become TAB rows.  A table that holds another table is page
  layout (old CMS pages wrap the whole article in one): its cells are read as blocks.
* a table published only as a picture (a table's title, then an ``<img>``, and no
  ``<table>`` before the next text) cannot be checked: the document gets one note for
  it ("table 公开05表 is published as an image; not checked") and the prose is still read.

Encoding: a byte-order mark wins; then strict UTF-8 (GBK text is practically never
valid UTF-8, while UTF-8 often decodes as *some* GB18030, so a page re-saved as UTF-8
that still declares gb2312 is read right); then the charset the page declares (meta
charset, http-equiv, a JSP ``pageEncoding``), GB2312 and GBK read as GB18030, their
superset, since pages declared GB2312 routinely use GBK characters; then GB18030.

``SourceLine.number`` is the line of the text as read (1-based, in reading order):
a web page has no line numbers its reader sees, so the excerpt is what locates a
finding there.
"""

from __future__ import annotations

import codecs
import os
import re

from ..errors import InputError
from ..source import SourceDocument, SourceLine
from . import grid

MAX_HTML_BYTES = 64 * 1024 * 1024  # a report page is 0.1-2 MB


_GB = {"gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "gb2312-80", "csgb2312",
       "euc-cn", "x-euc-cn", "chinese", "iso-ir-58", "gb18030"}

# Template directives left in a page saved on the server side.  Bounded repetition:
# an unterminated "<%" must not make the cut quadratic.
_DIRECTIVES = re.compile(
    r"<%--.{0,200000}?--%>"  # JSP comment
    r"|<%.{0,200000}?%>"  # JSP / ASP / ASP.NET: <%@ page %>, <% code %>, <%= expr %>
    r"|<\?.{0,200000}?\?>"  # PHP <?php ?>, <?= ?>, and <?xml …?> (lxml refuses it in a str)
    r"|<\?php.*\Z"  # PHP that runs to the end of the file (no closing ?>)
    r"|\{\{.{0,2000}?\}\}|\{%.{0,2000}?%\}|\{#.{0,2000}?#\}"  # Jinja, Django, Handlebars, Vue
    r"|</?[#@][A-Za-z][^<>]{0,2000}>"  # FreeMarker <#if …>, </#list>, <@macro …/>
    r"|[$#]\{[^{}\n]{0,500}\}",  # FreeMarker / JSP EL ${…}, #{…}
    re.S,
)
_CHARSET = re.compile(rb"""(?:charset|pageEncoding|encoding)\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hgroup", "hr", "html", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "header", "legend", "listing", "plaintext", "xmp",
}
DROP = {
    "script", "style", "noscript", "template", "head", "nav", "footer", "form", "button", "select",
    "option", "textarea", "input", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    "math", "canvas", "map", "audio", "video", "source", "track", "datalist", "meta", "link", "title",
}
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|crumbs?|footer|foot|copyright|"
    r"share|sharebar|toolbar|sidebar|topbar|skip)(?:$|[\s_-])",
    re.I,
)
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ASCII_WS = re.compile(r"[ \t\r\n\f]+")


# ---------------------------------------------------------------------------
# Recognising and decoding




def _codec(name: str) -> str | None:
    n = name.strip().lower()
    if n in _GB:
        return "gb18030"
    try:
        return codecs.lookup(n).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, notes)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError as err:
            raise InputError(f"invalid UTF-8 after a UTF-8 BOM at byte {err.start + 3}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as err:
            raise InputError(f"invalid UTF-16 at byte {err.start}") from None
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = None
    m = _CHARSET.search(data[:65536])
    if m:
        declared = _codec(m.group(1).decode("ascii", "replace"))
    for enc in dict.fromkeys(e for e in (declared, "gb18030") if e and e not in ("utf-8", "ascii")):
        try:
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            continue
    enc = declared if declared and declared not in ("utf-8", "ascii") else "gb18030"
    text = data.decode(enc, errors="replace")
    bad = text.count("\ufffd")
    return text, enc, [f"{bad} undecodable byte sequence(s) in the page replaced (read as {enc})"]


def strip_directives(text: str) -> str:
    """Cut template directives out, keeping the line breaks they held."""
    return _DIRECTIVES.sub(lambda m: "\n" * m.group(0).count("\n"), text)


# ---------------------------------------------------------------------------
# Reading


def read_html(path: str) -> SourceDocument:
    try:
        size = os.path.getsize(path)
        if size > MAX_HTML_BYTES:
            raise InputError(f"file too large ({size / 1048576:.0f} MiB; limit {MAX_HTML_BYTES // 1048576} MiB)")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    return html_document(path, data)


def html_document(path: str, data: bytes) -> SourceDocument:
    from lxml import etree

    if not data.strip():
        raise InputError("empty file")
    text, encoding, notes = decode_html(data)
    text = strip_directives(text).replace("\x00", "")
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, ValueError) as err:
        raise InputError(f"cannot parse the web page: {err}") from None
    if root is None:
        raise InputError("empty web page: no text")
    walker = _Walker()
    walker.walk(root)
    if not any(t.strip() for t in walker.lines):
        raise InputError("empty web page: no text")
    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(walker.lines)]
    return SourceDocument(path=path, lines=lines, format="html", encoding=encoding, notes=tuple(notes + walker.notes))


def _tag(el: object) -> str:
    tag = getattr(el, "tag", None)
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1].lower()


def _dropped(el: object) -> bool:
    tag = _tag(el)
    if not tag or tag in DROP:
        return True
    get = el.get  # type: ignore[attr-defined]
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    if (get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    if _HIDDEN_STYLE.search(get("style") or ""):
        return True
    if tag in ("div", "ul", "ol", "span", "p", "section", "header", "aside", "td", "table"):
        return bool(_FURNITURE.search(f"{get('class') or ''} {get('id') or ''}"))
    return tag == "aside"


def _own_tables(table: object) -> list[object]:
    return [t for t in table.iter("table") if t is not table]  # type: ignore[attr-defined]


def _rows(table: object) -> list[object]:
    """The table's own rows in display order: thead, body rows, tfoot."""
    head: list[object] = []
    body: list[object] = []
    foot: list[object] = []
    for child in table:  # type: ignore[attr-defined]
        tag = _tag(child)
        if tag == "tr":
            body.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows = [r for r in child if _tag(r) == "tr"]
            (head if tag == "thead" else foot if tag == "tfoot" else body).extend(rows)
    return head + body + foot


def _span(value: str | None) -> int:
    try:
        n = int((value or "1").strip().split(".")[0] or 1)
    except ValueError:
        return 1
    return n


def _cell_parts(el: object) -> list[str]:
    """Text of one cell, a part per line (``<br>`` and blocks end a part)."""
    from lxml import etree

    parts = [""]
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = _tag(node)
        if event == "start":
            if node is not el and _dropped(node):
                walker.skip_subtree()
                continue
            if tag == "br" or (tag in BLOCK and node is not el):
                parts.append("")
            if node.text and tag not in DROP:
                parts[-1] += node.text
        else:
            if tag in BLOCK and node is not el:
                parts.append("")
            if node is not el and node.tail:
                parts[-1] += node.tail
    return parts


class _Walker:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.notes: list[str] = []
        self.buf: list[str] = []
        self.pre = 0
        self.title: list[str] | None = None  # a table's title (and meta lines) just read
        self.image_of: list[str] | None = None  # a title followed by a picture

    # lines -------------------------------------------------------------------
    def flush(self) -> None:
        raw = "".join(self.buf)
        self.buf = []
        if self.pre:
            for piece in raw.split("\n"):
                self.emit(piece.rstrip().replace("\u00a0", " "))
            return
        text = _ASCII_WS.sub(" ", raw).strip()
        if not text.strip("\u00a0\u3000 "):
            return
        for piece in grid.split_meta(text):
            self.emit(piece.strip().replace("\u00a0", " ").strip())

    def emit(self, text: str, *, row: bool = False) -> None:
        if not text.strip():
            return
        self._confirm_image()
        self.lines.append(text)
        if row:
            self.title = None
        elif grid.is_title(text):
            self.title = [text]
        elif self.title is not None and grid.is_meta(text):
            self.title.append(text)
        else:
            self.title = None

    def _confirm_image(self) -> None:
        if self.image_of is not None:
            note = grid.image_note(self.image_of)
            if note not in self.notes:
                self.notes.append(note)
            self.image_of = None

    # walking -----------------------------------------------------------------
    def walk(self, root: object) -> None:
        from lxml import etree

        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = _tag(el)
            if event == "start":
                if _dropped(el):
                    walker.skip_subtree()
                    continue
                if tag == "table" and not _own_tables(el):
                    self.flush()
                    self.table(el)
                    walker.skip_subtree()
                    continue
                if tag == "img":
                    if self.title is not None and self.image_of is None:
                        self.image_of, self.title = self.title, None
                    continue
                if tag == "br" or tag in BLOCK:
                    self.flush()
                if tag in ("pre", "xmp", "listing", "plaintext"):
                    self.pre += 1
                if el.text:
                    self.buf.append(el.text)
            else:
                if tag in BLOCK and not _dropped(el):
                    self.flush()
                if tag in ("pre", "xmp", "listing", "plaintext") and not _dropped(el):
                    self.pre -= 1
                if el.tail:
                    self.buf.append(el.tail)
        self.flush()
        self._confirm_image()

    def table(self, table: object) -> None:
        caption = next((c for c in table if _tag(c) == "caption"), None)  # type: ignore[attr-defined]
        if caption is not None:
            for part in _cell_parts(caption):  # a caption's lines stay lines: title, then (2024年度)
                for piece in grid.split_meta(_ASCII_WS.sub(" ", part).strip()):
                    self.emit(piece)
        rows = []
        for tr in _rows(table):
            cells = []
            for td in tr:  # type: ignore[attr-defined]
                if _tag(td) not in ("td", "th") or _dropped(td):
                    continue
                rowspan = _span(td.get("rowspan"))
                cells.append(grid.GridCell(grid.join_parts(_cell_parts(td)), rowspan if rowspan > 0 else 10**6,
                                           max(1, _span(td.get("colspan")))))
            rows.append(cells)
        expanded = grid.expand(rows)
        width = max((len(r) for r in expanded), default=0)
        self.image_of = None  # a picture before a real table is not the table
        for texts in expanded:
            line = grid.tab_line(texts)
            if line is None:
                continue
            prose = grid.prose_of_row(texts, width)
            if prose is not None:
                for piece in prose:
                    self.emit(piece)
                continue
            self.emit(line, row=True)
