"""Read a Word draft (.docx) into ``SourceLine``s, so that an office can check a report
before it is published.

python-docx opens the package (and refuses what is not one); the body is then read
from its XML children in document order, so that each table lands between the
paragraphs it stands between (python-docx's ``paragraphs`` and ``tables`` lists lose
that order).  Content controls (``w:sdt``, which is where Word puts a generated 目录)
are read through.

Locations: ``SourceLine.number`` is the **body item number**, 1-based: every paragraph
of the body counts one, empty ones included, and so does every row of a body table;
nothing inside a table cell counts separately.  "Paragraph 57" is thus the 57th
paragraph-or-table-row from the top of the draft, which an editor finds by moving down
(or with a macro over ``ActiveDocument.Content`` items).  A paragraph broken by soft line
breaks (Shift+Enter) gives several lines with the same number.

What a paragraph's text is:

* the text of its runs, hyperlinks, fields' results and tracked insertions; deleted
  text (``w:delText``) and field codes (``w:instrText``) are not text;
* a TAB stays a TAB (a 目录 entry "一、基本情况⇥38" is a row), except leading and
  trailing ones, which only indent;
* automatic numbering is written out ("一、", "（一）", "1.") from numbering.xml, since
  headings and enumerations in Word drafts are usually numbered that way, and the
  section structure and the item counts (CLM008) depend on the numbers;
* text boxes, headers, footers, footnotes and comments are not read.

Tables: ``w:gridSpan`` and ``w:gridBefore`` place each cell on the table grid, a
vertically merged cell (``w:vMerge``) keeps its text in its first row and leaves the
others empty: the same TAB rows ``grid.expand`` makes of a web page's table.
"""

from __future__ import annotations

import os
import re
import zipfile
from typing import Any

from ..errors import InputError
from ..source import SourceDocument, SourceLine
from . import grid

MAX_DOCX_BYTES = 128 * 1024 * 1024
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # the XML a package inflates to (a zip bomb is refused before parsing)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "txbxContent",
         W + "footnoteReference", W + "endnoteReference", W + "commentReference", MC + "Fallback"}
_CN_DIGITS = "零一二三四五六七八九"


def check_package(path: str, kind: str) -> None:
    """Refuse a package too large or inflating to too much, before any parser sees it."""
    try:
        size = os.path.getsize(path)
        if size == 0:
            raise InputError("empty file")
        if size > MAX_DOCX_BYTES:
            raise InputError(f"file too large ({size / 1048576:.0f} MiB; limit {MAX_DOCX_BYTES // 1048576} MiB)")
        with zipfile.ZipFile(path) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as err:
        raise InputError(f"corrupt or truncated {kind} file ({err})") from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    if total > MAX_UNZIPPED_BYTES:
        raise InputError(f"the {kind} package inflates to {total / 1048576:.0f} MiB; refused")


def package_error(kind: str, err: BaseException) -> InputError:
    """One line for a package the library could not open, without its internals."""
    from lxml import etree

    if isinstance(err, KeyError):
        m = re.search(r"named '([^']+)'", str(err))
        return InputError(f"corrupt {kind} file (the part {m.group(1) if m else str(err)} is missing)")
    if isinstance(err, etree.XMLSyntaxError):
        return InputError(f"corrupt {kind} file (broken XML: {str(err)[:100]})")
    if isinstance(err, (zipfile.BadZipFile, EOFError)):
        return InputError(f"corrupt or truncated {kind} file ({err})")
    if isinstance(err, (OSError, ValueError)) and str(err):  # openpyxl: "File contains no valid workbook part"
        return InputError(f"corrupt {kind} file ({str(err)[:100]})")
    return InputError(f"corrupt {kind} file ({type(err).__name__} while opening it)")


# ---------------------------------------------------------------------------
# Automatic numbering


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (the 一、 二、 of headings)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else
                                     ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_counter(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
               "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalEnclosedParen", "decimalEnclosedFullstop"):
        return str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        s = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s if fmt == "upperLetter" else s.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Numbering:
    """Counters of Word's automatic numbering, in the order paragraphs are read."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text, suff)
        self.counters: dict[str, list[int | None]] = {}
        self.styles: dict[str, tuple[str | None, int, str | None]] = {}  # styleId -> (numId, ilvl, basedOn)
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract: dict[str, dict[int, tuple[int, str, str, str]]] = {}
            for an in numbering.findall(W + "abstractNum"):
                abstract[an.get(W + "abstractNumId", "")] = {
                    _int(lvl.get(W + "ilvl"), 0): (
                        _int(_val(lvl, "start"), 1), _val(lvl, "numFmt") or "decimal",
                        _val(lvl, "lvlText") or "", _val(lvl, "suff") or "tab",
                    )
                    for lvl in an.findall(W + "lvl")
                }
            for num in numbering.findall(W + "num"):
                levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
                for ov in num.findall(W + "lvlOverride"):
                    ilvl = _int(ov.get(W + "ilvl"), 0)
                    start = _val(ov, "startOverride")
                    if ilvl in levels and start is not None:
                        s, fmt, text, suff = levels[ilvl]
                        levels[ilvl] = (_int(start, s), fmt, text, suff)
                self.levels[num.get(W + "numId", "")] = levels
        try:
            styles = document.part.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        if styles is not None:
            for st in styles.findall(W + "style"):
                num_pr = st.find(f"{W}pPr/{W}numPr")
                based = _val(st, "basedOn")
                num_id = _val(num_pr, "numId") if num_pr is not None else None
                ilvl = _int(_val(num_pr, "ilvl"), 0) if num_pr is not None else 0
                self.styles[st.get(W + "styleId", "")] = (num_id, ilvl, based)

    def _style_num(self, style: str | None) -> tuple[str | None, int]:
        for _ in range(12):  # basedOn chains are short; a cycle must not hang us
            if not style or style not in self.styles:
                return None, 0
            num_id, ilvl, based = self.styles[style]
            if num_id is not None:
                return num_id, ilvl
            style = based
        return None, 0

    def prefix(self, p: Any) -> str:
        ppr = p.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id: str | None = None
        ilvl = 0
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            ilvl = _int(_val(num_pr, "ilvl"), 0)
        if num_id is None and ppr is not None:
            num_id, ilvl = self._style_num(_val(ppr, "pStyle"))
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels or num_id in (None, "0"):
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        ilvl = min(max(ilvl, 0), 8)
        start = levels[ilvl][0]
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        _, fmt, text, suff = levels[ilvl]
        if fmt == "bullet":
            return ""
        out = text
        for k in range(9):
            if f"%{k + 1}" in out:
                value = counters[k] if counters[k] is not None else levels.get(k, (1,))[0]
                kfmt = levels.get(k, (1, "decimal"))[1]
                out = out.replace(f"%{k + 1}", format_counter(int(value or 0), kfmt))
        if not out:
            return ""
        sep = "" if suff == "nothing" or out[-1] in "、.．)）:：" else " "
        return out + sep


def _val(el: Any, name: str) -> str | None:
    if el is None:
        return None
    child = el.find(W + name)
    return child.get(W + "val") if child is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------------------
# Text of paragraphs and cells


def paragraph_parts(p: Any) -> list[str]:
    """The paragraph's text, one part per soft line break."""
    parts = [""]
    stack = [iter(p)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            parts[-1] += el.text or ""
        elif tag == W + "tab":
            parts[-1] += "\t"
        elif tag in (W + "br", W + "cr"):
            parts.append("")
        elif tag == W + "noBreakHyphen":
            parts[-1] += "-"
        elif tag == W + "sym":
            continue
        else:
            stack.append(iter(el))
    return parts


def _clean(text: str) -> str:
    return text.strip(" \t\u3000").replace("\u00a0", " ")


def cell_text(tc: Any) -> str:
    """All paragraphs of a cell (nested tables included) as one line."""
    parts: list[str] = []
    for p in tc.iter(W + "p"):
        parts.extend(part.replace("\t", " ") for part in paragraph_parts(p))
    return grid.join_parts(parts)


def _children(parent: Any, tag: str) -> Any:
    """Direct children with ``tag``, looking through content controls and custom XML
    (a row or cell may be wrapped in them) but not into nested tables."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)


def table_rows(tbl: Any) -> list[list[str]]:
    rows: list[list[grid.GridCell]] = []
    for tr in _children(tbl, W + "tr"):
        cells: list[grid.GridCell] = []
        before = _int(_val(tr.find(W + "trPr"), "gridBefore"), 0)
        cells.extend(grid.GridCell("") for _ in range(min(before, grid.MAX_COLUMNS)))
        for tc in _children(tr, W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = max(1, _int(_val(tcpr, "gridSpan"), 1))
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            hmerge = tcpr.find(W + "hMerge") if tcpr is not None else None
            continued = (vmerge is not None and vmerge.get(W + "val", "continue") != "restart") or (
                hmerge is not None and hmerge.get(W + "val", "continue") != "restart"
            )
            cells.append(grid.GridCell("" if continued else cell_text(tc), 1, span))
        rows.append(cells)
    return grid.expand(rows)


# ---------------------------------------------------------------------------
# The document


def read_docx(path: str) -> SourceDocument:
    check_package(path, ".docx")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(path)
    except PackageNotFoundError:
        raise InputError("not a readable .docx file") from None
    except Exception as err:  # whatever a broken package makes python-docx or lxml raise
        raise package_error(".docx", err) from None
    numbering = _Numbering(document)
    lines: list[SourceLine] = []
    item = 0

    def body_items(parent: Any) -> Any:
        for child in parent:
            if child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from body_items(content)
            elif child.tag in (W + "p", W + "tbl"):
                yield child
            elif child.tag in (W + "customXml", W + "ins", W + "moveTo"):
                yield from body_items(child)

    for el in body_items(document.element.body):
        if el.tag == W + "p":
            item += 1
            parts = paragraph_parts(el)
            prefix = numbering.prefix(el)
            if prefix and any(p.strip() for p in parts):
                parts[0] = prefix + parts[0].lstrip(" \t\u3000")
            for part in parts:
                text = _clean(part)
                for piece in grid.split_meta(text) if text else [""]:
                    lines.append(SourceLine(number=item, text=piece))
            continue
        expanded = table_rows(el)
        width = max((len(r) for r in expanded), default=0)
        for cells in expanded:
            item += 1
            prose = grid.prose_of_row(cells, width)
            if prose is not None:
                lines.extend(SourceLine(number=item, text=t) for t in prose)
                continue
            line = grid.tab_line(cells)
            if line is not None:
                lines.append(SourceLine(number=item, text=line))
    if not any(ln.text.strip() for ln in lines):
        raise InputError("the Word document has no text")
    return SourceDocument(path=path, lines=lines, format="docx", encoding=None)
