"""Page geometry for the PDF ingest: glyphs and ruling lines in, lines and table rows out.

This module knows nothing about pdfminer; ``pdf.py`` converts pdfminer's layout
objects into the two plain types below and calls :func:`layout_page` once per page.
Coordinates are PDF points with y growing upwards (pdfminer's convention).

How a page is rebuilt:

1. Ruling lines (stroked lines, thin filled rectangles, rectangle edges) are merged
   into long horizontal and vertical segments.  Segments that touch each other form
   a connected component; a component with at least two horizontal and two
   vertical segments is a *ruled table*.  Its grid columns are the x positions of
   its verticals, its grid rows the y positions of its horizontals.  Two neighbouring
   grid cells belong to the same (merged) cell when no ruling separates them.
2. Every glyph whose centre lies in a table goes to its grid cell; a merged cell's
   glyphs are read as lines (top to bottom) and joined, so a label wrapped onto
   two or three lines inside one cell, or characters set one per line in a narrow
   cell, becomes one cell text.  The text is placed in the leftmost column of the
   merged cell, in the grid row where its text sits vertically, except for a label
   that spans rows holding figures (a row-group label: 绩效指标 over the indicators
   of a 自评表), which goes to its first row, as a spreadsheet keeps it.  A grid row that
   holds several lines of figures in one cell (a body without row rulings) is cut
   into one row per line of figures.
3. Glyphs outside ruled tables are grouped into visual lines.  Runs of lines that
   are split by wide gaps into aligned chunks, with figures among them, are read
   as an *unruled table*: columns come from the x extents of the chunks.
   Everything else is prose, one item per visual line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from statistics import median

# ---------------------------------------------------------------------------
# Input types


@dataclass(slots=True)
class Glyph:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def size(self) -> float:
        return max(self.y1 - self.y0, 1.0)


@dataclass(slots=True)
class Segment:
    """A ruling: horizontal (``pos`` is y, ``a``..``b`` the x range) or vertical."""

    horizontal: bool
    pos: float
    a: float
    b: float


# ---------------------------------------------------------------------------
# Output types


@dataclass
class Item:
    """One unit of page content, in reading order once sorted by ``key``."""

    kind: str  # "prose" or "row"
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str = ""
    cells: list[str] = field(default_factory=list)
    table: int = -1  # index into PageLayout.tables for rows
    key: tuple = ()
    lead: float = 0.0  # prose: width of the first unbreakable token (does it fit on the line above?)


@dataclass
class TableInfo:
    top: float
    bottom: float
    x0: float
    x1: float
    col_edges: list[float]  # len = ncols + 1, left to right
    ruled: bool
    rows: list[Item] = field(default_factory=list)

    @property
    def ncols(self) -> int:
        return len(self.col_edges) - 1


@dataclass
class PageLayout:
    width: float
    height: float
    items: list[Item]
    tables: list[TableInfo]


# ---------------------------------------------------------------------------
# Character classes

_VALUE_RE = re.compile(
    r"^(?:[-+−－(（]?\s*[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?\s*[%％]?[)）]?"
    r"|-{1,3}|—{1,2}|－{1,3}|–|/|／|——)$"
)


def is_value(text: str) -> bool:
    """A figure, a subject code, or a dash standing for "no figure"."""
    return bool(_VALUE_RE.match(text.strip()))


def _is_cjk(ch: str) -> bool:
    o = ord(ch[0]) if ch else 0
    return o >= 0x2E80  # CJK, full-width forms, CJK punctuation


def _is_digitish(ch: str) -> bool:
    return ch.isdigit() or ch in ".,%"


# ---------------------------------------------------------------------------
# Lines of glyphs


@dataclass
class _Line:
    glyphs: list[Glyph]
    ref: float  # centre y of the first glyph
    size: float

    @property
    def top(self) -> float:
        return max(g.y1 for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return min(g.y0 for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def group_lines(glyphs: list[Glyph]) -> list[_Line]:
    """Group glyphs into visual lines (top to bottom), each sorted left to right.

    A glyph joins the current line when its vertical centre is within 45% of the
    glyph height of the line's reference centre.  That tolerates Latin digits
    whose boxes sit lower than the CJK boxes of the same line (ONLYOFFICE) while
    keeping consecutive lines (pitch >= 1 em) apart.
    """
    lines: list[_Line] = []
    cur: _Line | None = None
    for g in sorted(glyphs, key=lambda g: -g.cy):
        if cur is not None and abs(g.cy - cur.ref) <= 0.45 * max(g.size, cur.size):
            cur.glyphs.append(g)
        else:
            cur = _Line([g], g.cy, g.size)
            lines.append(cur)
    for ln in lines:
        ln.glyphs.sort(key=lambda g: g.x0)
        ln.size = median(g.size for g in ln.glyphs)
    return lines


def _split_chunks(line: _Line, gap_em: float) -> list[list[Glyph]]:
    """Cut a line where the gap between glyphs exceeds ``gap_em`` ems."""
    chunks: list[list[Glyph]] = []
    cur: list[Glyph] = []
    prev_x1 = None
    for g in line.glyphs:
        if g.text.isspace():
            if cur:
                cur.append(g)  # kept for join_glyphs; does not count as ink
            continue
        if prev_x1 is not None and g.x0 - prev_x1 > gap_em * max(line.size, 1.0):
            chunks.append(cur)
            cur = []
        cur.append(g)
        prev_x1 = g.x1 if prev_x1 is None else max(prev_x1, g.x1)
    if cur:
        chunks.append(cur)
    return chunks


def join_glyphs(glyphs: list[Glyph], *, cell: bool) -> str:
    """The text of glyphs on one line (sorted by x), with spaces where the gaps say so.

    Real space glyphs are kept (runs collapse to one).  A gap with no space glyph
    becomes a space between Latin letters/digits when it is wider than the line's
    usual letter spacing plus 0.15 em; between two CJK characters only in prose and
    only when wider than one em (never inside a table cell, where justified labels
    such as "因 公 出 国" are spread over the cell width).
    """
    gs = [g for g in glyphs if g.text]
    if not gs:
        return ""
    gaps = [b.x0 - a.x1 for a, b in zip(gs, gs[1:], strict=False) if not a.text.isspace() and not b.text.isspace()]
    base = max(0.0, median(gaps)) if gaps else 0.0
    out: list[str] = []
    prev: Glyph | None = None
    pending_space = False
    for g in gs:
        if g.text.isspace():
            pending_space = True
            continue
        if prev is not None:
            em = max(prev.size, g.size)
            gap = g.x0 - prev.x1
            a, b = prev.text[-1], g.text[0]
            if pending_space:
                space = True
            elif _is_cjk(a) and _is_cjk(b):
                space = (not cell) and gap > base + 1.0 * em
            elif _is_digitish(a) and _is_digitish(b):
                space = gap > base + 0.5 * em
            elif _is_cjk(a) or _is_cjk(b):
                space = gap > base + 0.5 * em
            else:
                space = gap > base + 0.15 * em
            if space:
                out.append(" ")
        out.append(g.text)
        prev = g
        pending_space = False
    return "".join(out).strip()


def _join_lines(texts: list[str]) -> str:
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and t[0].isascii() and t[0].isalpha():
            out += " "
        out += t
    return out


# ---------------------------------------------------------------------------
# Ruling lines

_TOL = 2.5  # points: two rulings closer than this are the same line


def merge_segments(segs: list[Segment]) -> tuple[list[Segment], list[Segment]]:
    """Merge collinear, touching segments; return (horizontals, verticals)."""
    out: list[list[Segment]] = [[], []]
    for horizontal, bucket in ((True, out[0]), (False, out[1])):
        ss = sorted((s for s in segs if s.horizontal == horizontal), key=lambda s: s.pos)
        groups: list[list[Segment]] = []
        for s in ss:
            if groups and s.pos - groups[-1][0].pos <= 1.5:
                groups[-1].append(s)
            else:
                groups.append([s])
        for grp in groups:
            pos = median(s.pos for s in grp)
            grp.sort(key=lambda s: s.a)
            a, b = grp[0].a, grp[0].b
            for s in grp[1:]:
                if s.a <= b + 3.0:
                    b = max(b, s.b)
                else:
                    bucket.append(Segment(horizontal, pos, a, b))
                    a, b = s.a, s.b
            bucket.append(Segment(horizontal, pos, a, b))
    return out[0], out[1]


def _cluster(values: list[float], tol: float) -> list[float]:
    values = sorted(values)
    out: list[list[float]] = []
    for v in values:
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


@dataclass
class _Grid:
    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom (descending y)
    hs: list[Segment]
    vs: list[Segment]
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.xs[0]

    @property
    def x1(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[-1] - 1 <= y <= self.ys[0] + 1


def find_grids(hs: list[Segment], vs: list[Segment]) -> list[_Grid]:
    """Connected components of rulings that form a grid (>= 2 horizontals, >= 2 verticals)."""
    nh = len(hs)
    uf = _UF(nh + len(vs))
    vs_sorted = sorted(range(len(vs)), key=lambda j: vs[j].pos)
    vpos = [vs[j].pos for j in vs_sorted]
    for i, h in enumerate(hs):
        lo = bisect.bisect_left(vpos, h.a - _TOL)
        hi = bisect.bisect_right(vpos, h.b + _TOL)
        for k in range(lo, hi):
            j = vs_sorted[k]
            v = vs[j]
            if v.a - _TOL <= h.pos <= v.b + _TOL:
                uf.union(i, nh + j)
    comps: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        comps.setdefault(uf.find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        comps.setdefault(uf.find(nh + j), ([], []))[1].append(v)
    grids = []
    for ch, cv in comps.values():
        if len(ch) < 2 or len(cv) < 2:
            continue
        x0 = min(min(h.a for h in ch), min(v.pos for v in cv))
        x1 = max(max(h.b for h in ch), max(v.pos for v in cv))
        y0 = min(min(v.a for v in cv), min(h.pos for h in ch))
        y1 = max(max(v.b for v in cv), max(h.pos for h in ch))
        if x1 - x0 < 10 or y1 - y0 < 5:
            continue
        xs = _cluster([v.pos for v in cv] + [x0, x1], _TOL)
        ys = _cluster([h.pos for h in ch] + [y0, y1], _TOL)
        # Drop slivers that the bounding box added next to a real ruling.
        xs = [x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > _TOL]
        ys = [y for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] > _TOL]
        if len(xs) < 2 or len(ys) < 2:
            continue
        grids.append(_Grid(xs=xs, ys=sorted(ys, reverse=True), hs=ch, vs=cv))
    # Smallest first: a glyph belongs to the innermost grid around it, so a table
    # inside a page frame (a one-cell grid) is still read as a table.
    grids.sort(key=lambda g: (g.x1 - g.x0) * (g.top - g.bottom))
    return grids


def _covered(segs: list[Segment], lo: float, hi: float) -> bool:
    """Do the segments cover at least half of [lo, hi]?"""
    need = 0.5 * (hi - lo)
    got = 0.0
    for s in segs:
        got += max(0.0, min(hi, s.b) - max(lo, s.a))
        if got >= need:
            return True
    return False


@dataclass
class _Cell:
    r0: int
    r1: int
    c0: int
    c1: int
    glyphs: list[Glyph] = field(default_factory=list)


def _grid_rows(grid: _Grid, table_index: int) -> tuple[list[Item], list[float]]:
    """Rebuild the rows of a ruled table; return (row items, column edges)."""
    xs, ys = grid.xs, grid.ys
    ncols, nrows = len(xs) - 1, len(ys) - 1
    # Rulings by grid line.
    vby: list[list[Segment]] = [[] for _ in xs]
    for v in grid.vs:
        j = min(range(len(xs)), key=lambda k: abs(xs[k] - v.pos))
        if abs(xs[j] - v.pos) <= _TOL + 0.5:
            vby[j].append(v)
    hby: list[list[Segment]] = [[] for _ in ys]
    for h in grid.hs:
        i = min(range(len(ys)), key=lambda k: abs(ys[k] - h.pos))
        if abs(ys[i] - h.pos) <= _TOL + 0.5:
            hby[i].append(h)
    uf = _UF(nrows * ncols)
    for r in range(nrows):
        lo, hi = ys[r + 1], ys[r]
        for j in range(1, ncols):
            if not _covered(vby[j], lo, hi):
                uf.union(r * ncols + j - 1, r * ncols + j)
    for i in range(1, nrows):
        for c in range(ncols):
            if not _covered(hby[i], xs[c], xs[c + 1]):
                uf.union((i - 1) * ncols + c, i * ncols + c)
    cells: dict[int, _Cell] = {}
    for r in range(nrows):
        for c in range(ncols):
            root = uf.find(r * ncols + c)
            cell = cells.get(root)
            if cell is None:
                cells[root] = _Cell(r, r, c, c)
            else:
                cell.r0, cell.r1 = min(cell.r0, r), max(cell.r1, r)
                cell.c0, cell.c1 = min(cell.c0, c), max(cell.c1, c)
    neg_ys = [-y for y in ys]
    for g in grid.glyphs:
        if g.text.isspace():
            continue
        c = min(max(bisect.bisect_right(xs, g.cx) - 1, 0), ncols - 1)
        r = min(max(bisect.bisect_right(neg_ys, -g.cy) - 1, 0), nrows - 1)
        cells[uf.find(r * ncols + c)].glyphs.append(g)

    # Text of each cell, as lines.
    cell_lines: list[tuple[_Cell, list[_Line], list[str]]] = []
    for cell in cells.values():
        if not cell.glyphs:
            continue
        lines = group_lines(cell.glyphs)
        texts = [join_glyphs(ln.glyphs, cell=True) for ln in lines]
        keep = [(ln, t) for ln, t in zip(lines, texts, strict=False) if t]
        if keep:
            cell_lines.append((cell, [k[0] for k in keep], [k[1] for k in keep]))

    # Grid rows that hold several lines of figures in one cell are cut into sub-rows.
    bands: dict[int, list[float]] = {}
    for cell, lines, texts in cell_lines:
        if cell.r0 != cell.r1:
            continue
        vals = [ln.cy for ln, t in zip(lines, texts, strict=False) if is_value(t)]
        if len(vals) >= 2:
            bands.setdefault(cell.r0, []).extend(vals)
    for r, centres in list(bands.items()):
        for cell, lines, texts in cell_lines:
            if cell.r0 == cell.r1 == r:
                centres.extend(ln.cy for ln, t in zip(lines, texts, strict=False) if is_value(t))
        size = median(ln.size for cell, lines, _ in cell_lines if cell.r0 == r for ln in lines)
        bands[r] = sorted(_cluster(centres, 0.5 * size), reverse=True)

    # A grid row whose top holds only short header labels ("类 款 项") above the
    # figures of a data row ("合计 2,946.25 …"): two logical rows drawn in one.
    split_cells: dict[int, int] = {}  # id(cell) -> band
    for r in range(nrows):
        if r in bands:
            continue
        members = [(cell, lines, texts) for cell, lines, texts in cell_lines if cell.r0 == cell.r1 == r]
        if len(members) < 3:
            continue
        members.sort(key=lambda m: -min(ln.cy for ln in m[1]))
        size = median(ln.size for m in members for ln in m[1])
        for k in range(2, len(members)):
            upper, lower = members[:k], members[k:]
            gap = min(ln.cy for m in upper for ln in m[1]) - max(ln.cy for m in lower for ln in m[1])
            if (
                gap >= 0.5 * size
                and all(len(t) <= 6 and not is_value(t) for m in upper for t in m[2])
                and any(is_value(t) for m in lower for t in m[2])
            ):
                bands[r] = [
                    sum(ln.cy for m in upper for ln in m[1]) / sum(len(m[1]) for m in upper),
                    sum(ln.cy for m in lower for ln in m[1]) / sum(len(m[1]) for m in lower),
                ]
                for m in upper:
                    split_cells[id(m[0])] = 0
                for m in lower:
                    split_cells[id(m[0])] = 1
                break

    # Place texts: (row, band) -> cells.
    placed: dict[tuple[int, int], dict[int, list[str]]] = {}
    tops: dict[tuple[int, int], float] = {}

    def put(r: int, b: int, c: int, text: str, top: float) -> None:
        placed.setdefault((r, b), {}).setdefault(c, []).append(text)
        tops[(r, b)] = max(tops.get((r, b), -1e9), top)

    # Grid rows whose own (one-row) cells hold figures: body rows.
    value_rows = {
        cell.r0 for cell, _, texts in cell_lines if cell.r0 == cell.r1 and any(is_value(t) for t in texts)
    }

    for cell, lines, texts in cell_lines:
        centre = (lines[0].top + lines[-1].bottom) / 2
        # The grid row where the text sits; a text centred on a row boundary (a cell
        # spanning two equal rows) goes to the upper row.
        slack = 0.3 * lines[0].size
        r = cell.r1
        for rr in range(cell.r0, cell.r1 + 1):
            if centre >= ys[rr + 1] - slack:
                r = rr
                break
        group = cell.r0 != cell.r1 and any(rr in value_rows for rr in range(cell.r0, cell.r1 + 1))
        if group:
            # A label spanning body rows (自评表: 项目资金（万元） over the header and the
            # fund rows, 绩效指标, 产出指标 over their indicators) names the group from
            # its first row, where a spreadsheet keeps a merged cell's value; centred
            # text would attach it to whichever row happens to be in the middle.
            r = cell.r0
        rb = bands.get(r)
        if group:
            put(r, 0, cell.c0, _join_lines(texts), rb[0] if rb else ys[r])
        elif id(cell) in split_cells and rb:
            b = split_cells[id(cell)]
            put(r, b, cell.c0, _join_lines(texts), rb[b])
        elif rb and cell.r0 == cell.r1:
            groups: dict[int, list[str]] = {}
            for ln, t in zip(lines, texts, strict=False):
                b = min(range(len(rb)), key=lambda k: abs(rb[k] - ln.cy))
                groups.setdefault(b, []).append(t)
            for b, ts in groups.items():
                put(r, b, cell.c0, _join_lines(ts), rb[b])
        else:
            b = min(range(len(rb)), key=lambda k: abs(rb[k] - centre)) if rb else 0
            put(r, b, cell.c0, _join_lines(texts), ys[r] if not rb else rb[b])

    # Columns that are narrower than a character and never hold text are artefacts
    # of rulings that do not quite line up; drop them.
    used = {c for cs in placed.values() for c in cs}
    sizes = [ln.size for _, lines, _ in cell_lines for ln in lines]
    em = median(sizes) if sizes else 10.0
    keep_cols = [c for c in range(ncols) if c in used or xs[c + 1] - xs[c] >= 0.6 * em]
    if not keep_cols:
        return [], xs
    edges = [xs[keep_cols[0]]] + [xs[c + 1] for c in keep_cols]
    items: list[Item] = []
    for (r, b) in sorted(placed):
        cs = placed[(r, b)]
        cells_text = [" ".join(cs.get(c, [])) for c in keep_cols]
        if not any(cells_text):
            continue
        items.append(
            Item(
                kind="row",
                top=tops[(r, b)],
                bottom=ys[r + 1],
                x0=xs[0],
                x1=xs[-1],
                size=em,
                cells=cells_text,
                table=table_index,
            )
        )
    return items, edges


# ---------------------------------------------------------------------------
# Unruled tables (columns from text x positions)


@dataclass
class _Chunk:
    x0: float
    x1: float
    text: str


@dataclass
class _TextLine:
    line: _Line
    chunks: list[_Chunk]

    @property
    def has_value(self) -> bool:
        return any(is_value(c.text) for c in self.chunks)


_CHUNK_EM = 1.5  # a gap wider than this many ems separates two cells / two pieces of text
_PROSE_SPLIT_EM = 4.0  # prose pieces further apart than this are separate lines


def _text_lines(lines: list[_Line]) -> list[_TextLine]:
    out = []
    for ln in lines:
        chunks = []
        for ch in _split_chunks(ln, _CHUNK_EM):
            t = join_glyphs(ch, cell=True)
            if t:
                ink = [g for g in ch if not g.text.isspace()]
                chunks.append(_Chunk(ink[0].x0, max(g.x1 for g in ink), t))
        if chunks:
            out.append(_TextLine(ln, chunks))
    return out


def _columns_from_rows(rows: list[_TextLine]) -> list[tuple[float, float]]:
    """Column x ranges: the union of overlapping chunk extents of the body rows."""
    spans = sorted((c.x0, c.x1) for r in rows for c in r.chunks)
    cols: list[list[float]] = []
    for a, b in spans:
        if cols and a <= cols[-1][1] + 1.0:
            cols[-1][1] = max(cols[-1][1], b)
        else:
            cols.append([a, b])
    return [(a, b) for a, b in cols]


def _assign(chunk: _Chunk, cols: list[tuple[float, float]]) -> int:
    best, best_ov = -1, 0.0
    for i, (a, b) in enumerate(cols):
        ov = min(b, chunk.x1) - max(a, chunk.x0)
        if ov > best_ov:
            best, best_ov = i, ov
    if best >= 0:
        return best
    cx = (chunk.x0 + chunk.x1) / 2
    return min(range(len(cols)), key=lambda i: min(abs(cols[i][0] - cx), abs(cols[i][1] - cx)))


def _find_unruled(tls: list[_TextLine]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of text lines that form unruled tables.

    A body row has at least two chunks, at least one of them a figure.  At least
    two body rows must be consecutive (allowing one interleaved line, e.g. a wrapped
    label).  Header lines directly above the body (two or more chunks, no prose
    punctuation) are included.
    """
    n = len(tls)
    body = [len(t.chunks) >= 2 and t.has_value for t in tls]
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not body[i]:
            i += 1
            continue
        j = i + 1
        count = 1
        while j < n:
            if body[j]:
                count += 1
                j += 1
            elif j + 1 < n and body[j + 1] and _close(tls[j - 1], tls[j]) and len(tls[j].chunks) <= 2:
                j += 1  # a wrapped label between two body rows
            else:
                break
        if count >= 2:
            start = i
            while (
                start > 0
                and len(tls[start - 1].chunks) >= 2
                and not re.search(r"[。；;]$", tls[start - 1].chunks[-1].text)
                and _close(tls[start - 1], tls[start], 2.5)
            ):
                start -= 1
            ranges.append((start, j))
        i = j
    return ranges


def _close(a: _TextLine, b: _TextLine, factor: float = 1.8) -> bool:
    return a.line.bottom - b.line.top < factor * max(a.line.size, b.line.size)


def _unruled_rows(tls: list[_TextLine], table_index: int) -> tuple[list[Item], list[float]]:
    body = [t for t in tls if len(t.chunks) >= 2 and t.has_value]
    cols = _columns_from_rows(body)
    if len(cols) < 2:
        cols = _columns_from_rows(tls)
    items: list[Item] = []
    text_cols: set[int] = set()
    for t in body:
        for ch in t.chunks:
            if not is_value(ch.text):
                text_cols.add(_assign(ch, cols))
    prev: Item | None = None
    prev_line: _TextLine | None = None
    for t in tls:
        cells = [""] * len(cols)
        for ch in t.chunks:
            k = _assign(ch, cols)
            cells[k] = (cells[k] + " " + ch.text).strip() if cells[k] else ch.text
        used = [k for k, c in enumerate(cells) if c]
        continuation = (
            prev is not None
            and prev_line is not None
            and not t.has_value
            and prev_line.has_value
            and all(k in text_cols and prev.cells[k] for k in used)
            and _close(prev_line, t, 1.6)
        )
        if continuation and prev is not None:
            for k in used:
                prev.cells[k] = _join_lines([prev.cells[k], cells[k]])
            prev.bottom = t.line.bottom
            continue
        item = Item(
            kind="row",
            top=t.line.top,
            bottom=t.line.bottom,
            x0=cols[0][0],
            x1=cols[-1][1],
            size=t.line.size,
            cells=cells,
            table=table_index,
        )
        items.append(item)
        prev, prev_line = item, t
    edges = [cols[0][0]] + [
        (cols[k][1] + cols[k + 1][0]) / 2 for k in range(len(cols) - 1)
    ] + [cols[-1][1]]
    return items, edges


# ---------------------------------------------------------------------------
# The page


def layout_page(glyphs: list[Glyph], segments: list[Segment], width: float, height: float) -> PageLayout:
    glyphs = _dedupe(glyphs)
    hs, vs = merge_segments(segments)
    grids = find_grids(hs, vs)
    free: list[Glyph] = []
    for g in glyphs:
        for grid in grids:
            if grid.contains(g.cx, g.cy):
                grid.glyphs.append(g)
                break
        else:
            free.append(g)

    items: list[Item] = []
    tables: list[TableInfo] = []
    for grid in sorted(grids, key=lambda g: -g.top):
        idx = len(tables)
        rows, edges = _grid_rows(grid, idx)
        if not rows:
            continue
        if len(edges) <= 2:
            # A one-column "table" is a framed box of text: read it as prose.
            free.extend(grid.glyphs)
            continue
        rows = _split_code_header(rows)
        info = TableInfo(top=grid.top, bottom=grid.bottom, x0=grid.x0, x1=grid.x1, col_edges=edges, ruled=True)
        for k, row in enumerate(rows):
            row.key = (-grid.top, 0, k)
        info.rows = rows
        tables.append(info)
        items.extend(rows)

    tls = _text_lines(group_lines(free))
    in_table = [False] * len(tls)
    for a, b in _find_unruled(tls):
        idx = len(tables)
        rows, edges = _unruled_rows(tls[a:b], idx)
        if len(edges) <= 2 or not rows:
            continue
        top = tls[a].line.top
        info = TableInfo(
            top=top, bottom=tls[b - 1].line.bottom, x0=edges[0], x1=edges[-1], col_edges=edges, ruled=False
        )
        for k, row in enumerate(rows):
            row.key = (-top, 0, k)
        info.rows = rows
        tables.append(info)
        items.extend(rows)
        for k in range(a, b):
            in_table[k] = True

    for t, taken in zip(tls, in_table, strict=False):
        if taken:
            continue
        ln = t.line
        # Pieces of one visual line far apart ("编制部门：…        单位：元") are separate lines.
        pieces: list[list[Glyph]] = []
        for ch in _split_chunks(ln, _PROSE_SPLIT_EM):
            pieces.append(ch)
        for n, piece in enumerate(pieces):
            text = join_glyphs(piece, cell=False)
            if not text:
                continue
            piece = [g for g in piece if not g.text.isspace()]
            items.append(
                Item(
                    kind="prose",
                    top=ln.top,
                    bottom=ln.bottom,
                    x0=piece[0].x0,
                    x1=max(g.x1 for g in piece),
                    size=ln.size,
                    text=text,
                    key=(-ln.top, 1, n),
                    lead=_lead_width(piece),
                )
            )
    items.sort(key=lambda it: it.key)
    return PageLayout(width=width, height=height, items=items, tables=tables)


_CODE_LEVELS = ["类", "款", "项"]


def _split_code_header(rows: list[Item]) -> list[Item]:
    """Shanghai code tables print the 类/款/项 header labels on the same line as the
    合计 row ("类 款 项 合计 2,946.25 …").  Give them a header row of their own, as
    the text layout has it (类⇥款⇥项 / ⇥⇥⇥合计⇥2,946.25)."""
    out: list[Item] = []
    for row in rows:
        cells = [re.sub(r"\s+", "", c) for c in row.cells]
        k = 0
        while k < min(3, len(cells)) and cells[k] == _CODE_LEVELS[k]:
            k += 1
        values = [c for c in cells[k:] if c and is_value(c)]
        if k >= 2 and values and not _is_column_numbers(values):
            head = Item(**{**row.__dict__, "cells": row.cells[:k] + [""] * (len(cells) - k)})
            body = Item(**{**row.__dict__, "cells": [""] * k + row.cells[k:]})
            out += [head, body]
        else:
            out.append(row)
    return out


def _is_column_numbers(values: list[str]) -> bool:
    """"1 2 3 … n": the 栏次 row of a header ("类 款 项 栏次 1 2 3"), not figures."""
    if not all(v.isdigit() for v in values):
        return False
    nums = [int(v) for v in values]
    return nums == list(range(1, len(nums) + 1))


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop glyphs drawn twice at (almost) the same place (fake bold, shadow text)."""
    seen: dict[tuple[str, int, int], Glyph] = {}
    out = []
    for g in glyphs:
        key = (g.text, round(g.x0), round(g.y0))
        if key in seen and not g.text.isspace():
            continue
        seen[key] = g
        out.append(g)
    return out


def _lead_width(glyphs: list[Glyph]) -> float:
    """Width of the first token that a line breaker cannot split: one CJK character
    (with the closing punctuation that may not start a line), or a run of Latin
    letters, digits and their punctuation ("15.16%", "2024")."""
    gs = [g for g in glyphs if not g.text.isspace()]
    if not gs:
        return 0.0
    first = gs[0]
    end = first.x1
    if _is_cjk(first.text):
        for g in gs[1:]:
            if g.text in "，。、；：？！）」』”’》】%％" and g.x0 - end < 0.3 * g.size:
                end = g.x1
            else:
                break
        return end - first.x0
    for g in gs[1:]:
        if not _is_cjk(g.text) and g.x0 - end < 0.3 * g.size:
            end = g.x1
        else:
            break
    return end - first.x0
