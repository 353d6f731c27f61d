"""What the HTML, Word and Excel readers share: merged cells to TAB rows, cell text,
and the short "meta" lines above a table.

The structure builder reads a table as a run of TAB-separated lines (see
``narrative.source``).  A web page, a Word table and a worksheet all hold grids with
merged cells; all three are flattened the same way, the way the text samples write
multi-row headers and the way a spreadsheet keeps a merged cell's value: the text of
a merged cell sits in its top-left grid position and every other position it covers
is an empty cell ("收入⇥⇥⇥支出⇥⇥").  Keeping one rule for all three formats means a
table reads the same whichever of them it came in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_COLUMNS = 256  # a budget table has at most ~25 columns; a colspan of 10,000 is an attack or a typo
MAX_SPAN = 1000  # HTML caps colspan at 1000 too

# Lines that describe a table rather than hold its rows (部门 / 年度 / 单位 / 公开NN表).
META_RE = re.compile(
    r"^\s*(?:公开\s*\d+\s*表|(?:部门|单位|预算单位|单位名称|编制单位|编制部门)\s*[:：]|金额单位|"
    r"[(（]?\s*\d{4}\s*年度?\s*[)）]?\s*$)"
)
# A short line that names a table ("收入支出决算总表", "公开05表").
TITLE_RE = re.compile(r"(?:公开\s*\d+\s*表|表[一二三四五六七八九十\d]*)\s*$")
NOTE_RE = re.compile(r"^\s*(?:注\s*[:：\d]|说明\s*[:：]|备注\s*[:：])")
LABEL_RE = re.compile(r"公开\s*(\d+)\s*表")
_GAP_RE = re.compile(r"(?:[ \u00a0\u3000]{2,}|\u3000|\t)")
_WS_RE = re.compile(r"[ \t\r\n\f\u00a0]+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef，。；：、（）]")


@dataclass
class GridCell:
    """One cell of a source grid as the file holds it (before flattening)."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def join_parts(parts: list[str]) -> str:
    """Join the lines of one cell (or of one paragraph broken by soft line breaks):
    two Chinese characters meet without a space, anything else with one, as the PDF
    reader joins a label wrapped inside its cell."""
    out = ""
    for part in parts:
        p = _WS_RE.sub(" ", part).strip()
        if not p:
            continue
        if out and not (_CJK.match(out[-1]) and _CJK.match(p[0])):
            out += " "
        out += p
    return out


def cell_text(text: str) -> str:
    """A cell's text on one line: no TAB (it would split the cell), no line break."""
    return join_parts(text.replace("\t", " ").splitlines())


def expand(rows: list[list[GridCell]]) -> list[list[str]]:
    """Lay out rows of possibly merged cells on a grid (the HTML table algorithm:
    each cell takes the next column not covered by a cell spanning from above) and
    return the grid as rows of cell texts, a merged cell's text in its top-left
    position and "" in every other position it covers."""
    covered: dict[tuple[int, int], bool] = {}
    grid: list[dict[int, str]] = []
    for r, row in enumerate(rows):
        out: dict[int, str] = {}
        c = 0
        for cell in row:
            while covered.get((r, c)):
                c += 1
            if c >= MAX_COLUMNS:
                break
            cs = max(1, min(cell.colspan, MAX_SPAN, MAX_COLUMNS - c))
            rs = max(1, min(cell.rowspan, MAX_SPAN, len(rows) - r))
            out[c] = cell_text(cell.text)
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    covered[(rr, cc)] = True
            c += cs
        grid.append(out)
    width = 1 + max((c for (_, c) in covered), default=0)
    return [[g.get(c, "") for c in range(width)] for g in grid]


def tab_line(cells: list[str]) -> str | None:
    """One TAB row, or None for a row with no text at all.  A one-column row still
    gets a TAB, so that it reads as a table row and not as prose."""
    texts = [cell_text(c) for c in cells]
    if not any(texts):
        return None
    if len(texts) == 1:
        texts.append("")
    return "\t".join(texts)


def split_meta(line: str) -> list[str]:
    """"部门：某某局    2024年度    金额单位：万元" written on one line (a web page's
    spaced paragraph, a worksheet row of three cells): one line per item, as the text
    reports and the PDF reader write them, so that the table finds its unit.  Any
    other line is returned as it is."""
    pieces = [p.strip() for p in _GAP_RE.split(line) if p.strip()]
    if len(pieces) >= 2 and all(META_RE.match(p) for p in pieces):
        return pieces
    return [line]


def is_meta(text: str) -> bool:
    return bool(META_RE.match(text.strip()))


def is_note(text: str) -> bool:
    return bool(NOTE_RE.match(text))


def is_title(text: str) -> bool:
    t = text.strip().replace(" ", "")
    return 0 < len(t) <= 40 and bool(TITLE_RE.search(t))


def image_note(names: list[str]) -> str:
    """The note for a table that a page shows only as a picture."""
    label = next((f"公开{int(m.group(1)):02d}表" for n in names if (m := LABEL_RE.search(n))), None)
    name = label or names[0].strip().replace(" ", "")
    return f"table {name} is published as an image; not checked"


def prose_of_row(cells: list[str], width: int) -> list[str] | None:
    """The lines a grid row stands for when it is not a table row, else None: a table
    one column wide; a row whose only text is a title, a 公开NN表 label, a unit or a
    note (a worksheet's title row merged across the table, a web table's 注 row); a
    row of meta items only (部门：… ⇥ 2024年度 ⇥ 金额单位：万元)."""
    texts = [c.strip() for c in cells if c.strip()]
    if not texts:
        return None
    if width <= 1:
        return [" ".join(texts)]
    if len(texts) == 1 and (is_title(texts[0]) or is_meta(texts[0]) or is_note(texts[0])):
        return split_meta(texts[0])
    if len(texts) >= 2 and all(is_meta(t) for t in texts):
        return texts
    return None
