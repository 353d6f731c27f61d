"""Parsing a PDF with pdfminer.six, inside the worker process: glyphs and rulings of each
page, laid out as tables and text lines (``pdf_layout``), with caps on what a small file can
make the parser do (inflated stream size, address space, glyphs and drawing objects per page).
``pdf`` is the public reader; ``pdf_worker`` runs this module's ``parse_in_worker`` in a
process with a time limit.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .pdf_layout import Glyph, Item, PageLayout, Segment, TableInfo, layout_page

MAX_BYTES = 256 * 1024 * 1024  # a real report is 0.2-4 MB
MAX_MEMORY_MB = 2048  # address-space cap of the worker (Linux/macOS)
MAX_GLYPHS_PER_PAGE = 100_000  # a dense A4 page of 8-pt text holds ~6,000
MAX_GLYPHS = 3_000_000
MAX_GRAPHICS_PER_PAGE = 100_000
MAX_STREAM_BYTES = 128 * 1024 * 1024  # one inflated stream; a page's content is < 1 MiB
CID_PAGE_RATIO = 0.5  # a page with more unmapped glyphs than this cannot be read


# ---------------------------------------------------------------------------
# The worker process


def parse_in_worker(path: str, max_pages: int,
                    on_page: Callable[[int, int | None], None] | None = None) -> tuple[str, Any]:
    """Parse ``path`` in a worker process (see ``pdf_worker``), capped in memory and
    in what one compressed stream may inflate to; ``on_page(n, count)`` after each page."""
    _limit_memory()
    _cap_decompression()
    return _parse_guarded(path, max_pages, on_page)


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        limit = MAX_MEMORY_MB * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY and hard < limit:
            limit = hard
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError, AttributeError):
        pass


class _CappedZlib:
    """Stands in for the ``zlib`` module inside pdfminer (worker process only):
    a Flate stream that inflates past ``MAX_STREAM_BYTES`` is a decompression bomb."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def decompress(self, data: bytes, *args: Any, **kwargs: Any) -> bytes:
        d = zlib.decompressobj(*args[:1])
        out = d.decompress(data, MAX_STREAM_BYTES)
        if d.unconsumed_tail or len(out) >= MAX_STREAM_BYTES:
            raise _bomb()
        return out + d.flush()

    def decompressobj(self, *args: Any, **kwargs: Any) -> Any:
        return _CappedDecompressor(zlib.decompressobj(*args, **kwargs))

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


class _CappedDecompressor:
    def __init__(self, d: Any) -> None:
        self._d = d
        self._total = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, max_length) if max_length else self._d.decompress(data)
        self._total += len(out)
        if self._total > MAX_STREAM_BYTES:
            raise _bomb()
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._d, name)


def _bomb() -> InputError:
    return InputError(
        f"a compressed stream inflates to more than {MAX_STREAM_BYTES // 1048576} MiB (decompression bomb?)"
    )


def _cap_decompression() -> None:
    try:
        import pdfminer.pdftypes as pdftypes

        pdftypes.zlib = _CappedZlib()  # type: ignore[assignment]
    except Exception:
        pass


def _parse_guarded(path: str, max_pages: int,
                   on_page: Callable[[int, int | None], None] | None = None) -> tuple[str, Any]:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return ("ok", _parse(path, max_pages, on_page))
    except InputError as err:
        return ("error", str(err))
    except MemoryError:
        return ("error", f"PDF too large to read (over {MAX_MEMORY_MB} MiB of memory; decompression bomb?)")
    except RecursionError:
        return ("error", "corrupt PDF (objects nested too deeply)")
    except Exception as err:  # pdfminer raises many kinds of errors on damaged files
        return ("error", _corrupt_message(err))


def _corrupt_message(err: BaseException) -> str:
    name = type(err).__name__
    # pdfminer quotes the bad bytes it met ("Non-Ascii85 digit found: \x1b"): keep the one
    # line free of control characters that a terminal would act on.
    text = " ".join("".join(ch if ch.isprintable() else "\ufffd" for ch in str(err)).split())
    if len(text) > 120:
        text = text[:117] + "..."
    if name in ("PDFPasswordIncorrect",):
        return "encrypted PDF; a password is required"
    if "No /Root object" in text:
        return "corrupt PDF (no document catalog)"
    if "Encrypt" in name:
        return f"encrypted PDF that cannot be opened ({text or name})"
    return f"corrupt PDF ({name}: {text})" if text else f"corrupt PDF ({name})"


# ---------------------------------------------------------------------------
# Parsing (runs in the worker)


@dataclass
class _PageStats:
    glyphs: int = 0
    cid: int = 0
    images: int = 0


def _parse(path: str, max_pages: int, on_page: Callable[[int, int | None], None] | None = None) -> dict:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with open(path, "rb") as fh:
        parser = PDFParser(fh)
        try:
            document = PDFDocument(parser, password="")
        except PDFPasswordIncorrect:
            raise InputError("encrypted PDF; a password is required") from None
        except PDFEncryptionError as err:
            raise InputError(f"encrypted PDF that cannot be opened ({' '.join(str(err).split())[:80]})") from None
        try:
            count = int(resolve1(resolve1(document.catalog.get("Pages")).get("Count")))
        except Exception:
            count = None
        if count is not None and count > max_pages:
            raise InputError(f"too many pages ({count}; limit {max_pages})")
        rsrc = PDFResourceManager(caching=True)
        device = _capped_aggregator(PDFPageAggregator)(rsrc, laparams=None)
        interp = PDFPageInterpreter(rsrc, device)
        layouts: list[PageLayout] = []
        stats: list[_PageStats] = []
        total = 0
        for n, page in enumerate(PDFPage.create_pages(document), start=1):
            if n > max_pages:
                raise InputError(f"too many pages (more than {max_pages})")
            device.start_counting(n)
            interp.process_page(page)
            lt = device.get_result()
            glyphs: list[Glyph] = []
            segs: list[Segment] = []
            st = _PageStats()
            _collect(lt, glyphs, segs, st, n)
            total += st.glyphs
            if total > MAX_GLYPHS:
                raise InputError(f"too much text (more than {MAX_GLYPHS} characters); not a report")
            x0, y0, x1, y1 = lt.bbox
            layouts.append(layout_page(glyphs, segs, x1 - x0, y1 - y0))
            stats.append(st)
            if on_page is not None:
                on_page(n, count)
    if not layouts:
        raise InputError("corrupt PDF (no pages found)")
    notes = _check_text(stats)
    lines = _assemble(layouts)
    return {"pages": len(layouts), "lines": lines, "notes": notes}


def _capped_aggregator(base: type) -> type:
    """pdfminer's aggregator, stopping a page as soon as it holds too many objects
    (rather than after building all of them)."""

    class Capped(base):  # type: ignore[valid-type, misc]
        def start_counting(self, page: int) -> None:
            self._page = page
            self._chars = 0
            self._paths = 0

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self._chars += 1
            if self._chars > MAX_GLYPHS_PER_PAGE:
                raise InputError(f"page {self._page} has more than {MAX_GLYPHS_PER_PAGE} characters; not a report")
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self._paths += 1
            if self._paths > MAX_GRAPHICS_PER_PAGE:
                raise InputError(
                    f"page {self._page} has more than {MAX_GRAPHICS_PER_PAGE} drawing objects; not a report"
                )
            super().paint_path(*args, **kwargs)

    return Capped


def _collect(obj: Any, glyphs: list[Glyph], segs: list[Segment], st: _PageStats, page: int) -> None:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTRect

    for o in obj:
        if isinstance(o, LTChar):
            text = o.get_text()
            if text.startswith("(cid:"):
                st.cid += 1
                text = "\ufffd"
            else:
                text = "".join(ch for ch in text if ch >= " " or ch == "\t").replace("\t", " ")
                if not text:
                    continue
            if not text.isspace():
                st.glyphs += 1
            if st.glyphs > MAX_GLYPHS_PER_PAGE:
                raise InputError(f"page {page} has more than {MAX_GLYPHS_PER_PAGE} characters; not a report")
            glyphs.append(Glyph(o.x0, o.y0, o.x1, o.y1, text))
        elif isinstance(o, LTFigure):
            _collect(o, glyphs, segs, st, page)
        elif isinstance(o, LTImage):
            st.images += 1
        elif isinstance(o, LTCurve):
            _rulings(o, segs, LTRect, LTLine)
            if len(segs) > MAX_GRAPHICS_PER_PAGE:
                raise InputError(f"page {page} has more than {MAX_GRAPHICS_PER_PAGE} drawing objects; not a report")


def _is_white(color: Any) -> bool:
    try:
        if isinstance(color, (int, float)):
            return color >= 0.95
        vals = [float(v) for v in color]
    except (TypeError, ValueError):
        return False
    if len(vals) == 1:
        return vals[0] >= 0.95
    if len(vals) == 3:
        return min(vals) >= 0.95
    if len(vals) == 4:
        return max(vals) <= 0.05
    return False


def _rulings(o: Any, segs: list[Segment], LTRect: type, LTLine: type) -> None:
    """Turn a drawing object into ruling segments (horizontal/vertical only)."""
    stroke = bool(getattr(o, "stroke", False))
    fill = bool(getattr(o, "fill", False))
    visible_stroke = stroke and not _is_white(getattr(o, "stroking_color", None))
    visible_fill = fill and not _is_white(getattr(o, "non_stroking_color", None))
    if not (visible_stroke or visible_fill):
        return
    x0, y0, x1, y1 = o.x0, o.y0, o.x1, o.y1
    w, h = x1 - x0, y1 - y0
    if isinstance(o, LTRect) or isinstance(o, LTLine) or not getattr(o, "pts", None):
        if max(w, h) < 3.0:
            return  # a dot or a corner square
        if h <= 3.0 and w > h:
            segs.append(Segment(True, (y0 + y1) / 2, x0, x1))
            return
        if w <= 3.0 and h > w:
            segs.append(Segment(False, (x0 + x1) / 2, y0, y1))
            return
        if isinstance(o, LTRect) and visible_stroke:
            segs.append(Segment(True, y0, x0, x1))
            segs.append(Segment(True, y1, x0, x1))
            segs.append(Segment(False, x0, y0, y1))
            segs.append(Segment(False, x1, y0, y1))
        return  # a large filled area (shading), or a diagonal line
    if not visible_stroke:
        return
    pts = o.pts
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        if abs(ay - by) <= 0.5 and abs(ax - bx) >= 3.0:
            segs.append(Segment(True, (ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) <= 0.5 and abs(ay - by) >= 3.0:
            segs.append(Segment(False, (ax + bx) / 2, min(ay, by), max(ay, by)))


def _check_text(stats: list[_PageStats]) -> list[str]:
    notes: list[str] = []
    glyphs = sum(s.glyphs for s in stats)
    if glyphs == 0:
        if sum(s.images for s in stats):
            raise InputError("no text layer; OCR is not supported")
        raise InputError("no text layer (the pages hold no characters); OCR is not supported")
    cid = sum(s.cid for s in stats)
    if cid > CID_PAGE_RATIO * glyphs:
        raise InputError("PDF text layer has no Unicode mapping (cid glyphs); cannot check")
    for n, s in enumerate(stats, start=1):
        if s.glyphs >= 20 and s.cid > CID_PAGE_RATIO * s.glyphs:
            raise InputError(f"page {n}: text layer has no Unicode mapping (cid glyphs); cannot check")
    if cid:
        pages = [str(n) for n, s in enumerate(stats, start=1) if s.cid]
        notes.append(
            f"{cid} glyph{'s' if cid > 1 else ''} without a Unicode mapping (shown as \ufffd) "
            f"on page{'s' if len(pages) > 1 else ''} {_ranges(pages)}"
        )
    scanned = [str(n) for n, s in enumerate(stats, start=1) if s.glyphs == 0 and s.images]
    if scanned:
        plural = "s" if len(scanned) > 1 else ""
        notes.append(f"page{plural} {_ranges(scanned)}: image only, no text layer (not checked)")
    return notes


def _ranges(nums: list[str]) -> str:
    ns = [int(n) for n in nums]
    out: list[str] = []
    i = 0
    while i < len(ns):
        j = i
        while j + 1 < len(ns) and ns[j + 1] == ns[j] + 1:
            j += 1
        out.append(str(ns[i]) if i == j else f"{ns[i]}-{ns[j]}")
        i = j + 1
    return ", ".join(out)


# ---------------------------------------------------------------------------
# Document-level assembly: page furniture, tables across pages, wrapping

_PAGE_NO = re.compile(
    r"^[-—–－_·•\s]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?"
    r"(?:\s*[/／]\s*[0-9０-９]{1,4}|\s*共\s*[0-9０-９]{1,4}\s*页)?[-—–－_·•\s]*$"
    r"|^[-—–－\s]*(?:[ivxlcdm]{1,7}|[IVXLCDM]{1,7})[-—–－\s]*$"
    r"|^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"
)
_BAND = 0.12  # top and bottom 12% of the page hold running headers, footers, page numbers


def _furniture_key(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(layouts: list[PageLayout]) -> None:
    """Drop page numbers and running headers/footers.

    Candidates are prose lines at the very top or bottom of a page, inside the
    margin bands.  A candidate is furniture when it looks like a page number, or
    when the same text (digits aside) stands at the same height on at least three
    pages (and a fifth of them).  Lines are dropped from the page edge inwards and
    the first line that is not furniture stops the walk, so a table title or the
    first line of the body is never taken for a header.
    """

    def top_band(pl: PageLayout, it: Item) -> bool:
        return it.kind == "prose" and it.bottom >= pl.height * (1 - _BAND)

    def bottom_band(pl: PageLayout, it: Item) -> bool:
        return it.kind == "prose" and it.top <= pl.height * _BAND

    def candidates(pl: PageLayout) -> list[Item]:
        out = [it for it in pl.items[:3] if top_band(pl, it)]
        out += [it for it in pl.items[-3:] if bottom_band(pl, it) and it not in out]
        return out

    seen: dict[str, list[float]] = {}
    for pl in layouts:
        for it in candidates(pl):
            seen.setdefault(_furniture_key(it.text), []).append(round(it.top))
    repeat = max(3, int(0.2 * len(layouts)))

    def furniture(it: Item) -> bool:
        if _PAGE_NO.match(it.text):
            return True
        tops = seen.get(_furniture_key(it.text), [])
        return sum(1 for t in tops if abs(t - it.top) <= 3) >= repeat

    for pl in layouts:
        items = pl.items
        i = 0
        while i < len(items) and top_band(pl, items[i]) and furniture(items[i]):
            i += 1
        j = len(items)
        while j > i and bottom_band(pl, items[j - 1]) and furniture(items[j - 1]):
            j -= 1
        pl.items = items[i:j]


def _row_key(cells: list[str]) -> str:
    return "\t".join(re.sub(r"\s+", "", c) for c in cells)


_AMOUNT = re.compile(r"\d[\d,]*\.\d+")


def _join_split_tables(layouts: list[PageLayout]) -> None:
    """A table that runs onto the next page: drop the repeated header rows and make
    the continuation's columns line up with the first part's."""
    root: dict[int, TableInfo] = {}
    for p in range(1, len(layouts)):
        prev, cur = layouts[p - 1], layouts[p]
        if not prev.items or not cur.items:
            continue
        last, first = prev.items[-1], cur.items[0]
        if last.kind != "row" or first.kind != "row":
            continue
        t1 = root.get(id(prev.tables[last.table]), prev.tables[last.table])
        t2 = cur.tables[first.table]
        same_box = abs(t1.x0 - t2.x0) <= 8 and abs(t1.x1 - t2.x1) <= 8 and abs(prev.width - cur.width) < 1
        if not same_box and t1.ncols != t2.ncols:
            continue
        root[id(t2)] = t1
        rows2 = [it for it in cur.items if it.kind == "row" and it.table == first.table]
        # Repeated header rows: equal to the first part's leading rows, before its first amount.
        drop = 0
        for r1, r2 in zip(t1.rows, rows2, strict=False):
            if _AMOUNT.search(" ".join(r1.cells)) or _row_key(r1.cells) != _row_key(r2.cells):
                break
            drop += 1
        if drop:
            gone = {id(r) for r in rows2[:drop]}
            cur.items = [it for it in cur.items if id(it) not in gone]
        if t2.ncols != t1.ncols and same_box:
            mapping = _map_columns(t2.col_edges, t1.col_edges)
            for r in rows2[drop:]:
                cells = [""] * t1.ncols
                for k, text in enumerate(r.cells):
                    if text:
                        j = mapping[k]
                        cells[j] = f"{cells[j]} {text}".strip() if cells[j] else text
                r.cells = cells


def _map_columns(src: list[float], dst: list[float]) -> list[int]:
    """For each source column, the destination column it falls in; a source column
    spanning several destination columns (a merged cell) maps to the leftmost one."""
    out = []
    for k in range(len(src) - 1):
        a, b = src[k], src[k + 1]
        overlaps = [min(b, dst[j + 1]) - max(a, dst[j]) for j in range(len(dst) - 1)]
        covered = [
            j for j, ov in enumerate(overlaps) if ov > 0 and (ov >= 0.5 * (dst[j + 1] - dst[j]) or ov >= 0.5 * (b - a))
        ]
        out.append(covered[0] if covered else max(range(len(overlaps)), key=lambda j: overlaps[j]))
    return out


def _percentile(values: list[float], q: float) -> float:
    vs = sorted(values)
    if not vs:
        return 0.0
    return vs[min(len(vs) - 1, max(0, int(round(q * (len(vs) - 1)))))]


def _assemble(layouts: list[PageLayout]) -> list[tuple[int, str, bool]]:
    _drop_furniture(layouts)
    _join_split_tables(layouts)
    # Text column edges per page size (portrait and landscape pages differ).
    margins: dict[tuple[int, int], tuple[float, float]] = {}
    by_size: dict[tuple[int, int], list[Item]] = {}
    for pl in layouts:
        key = (round(pl.width), round(pl.height))
        by_size.setdefault(key, []).extend(it for it in pl.items if it.kind == "prose" and len(it.text) >= 8)
    for key, its in by_size.items():
        if len(its) >= 3:  # too little prose to know the text column: no line wraps
            margins[key] = (_percentile([it.x0 for it in its], 0.1), _percentile([it.x1 for it in its], 0.9))
    flat: list[tuple[int, Item, PageLayout]] = []
    for p, pl in enumerate(layouts, start=1):
        for it in pl.items:
            flat.append((p, it, pl))
    out: list[tuple[int, str, bool]] = []
    for k, (p, it, pl) in enumerate(flat):
        if it.kind == "row":
            out.append((p, "\t".join(c.replace("\t", " ") for c in it.cells), False))
            continue
        out.append((p, it.text, _wraps(it, pl, flat[k + 1] if k + 1 < len(flat) else None, margins)))
    return out


def _wraps(
    it: Item,
    pl: PageLayout,
    nxt: tuple[int, Item, PageLayout] | None,
    margins: dict[tuple[int, int], tuple[float, float]],
) -> bool:
    """Does this prose line run on into the next one?

    It must start in the left part of the text column (a line set to the right or
    centred, such as the "公开01表" label over a table, ends where it ends) and reach
    the right edge of the text column: what is left of the line is
    narrower than the next line's first token (one CJK character, or a number like
    "15.16%" that a ragged-right layout moved down whole).  And the next line must
    continue the text: prose, not indented (a new paragraph), not after a blank gap.
    """
    if nxt is None or nxt[1].kind != "prose":
        return False
    _, nit, npl = nxt
    here = margins.get((round(pl.width), round(pl.height)))
    there = margins.get((round(npl.width), round(npl.height)))
    if here is None or there is None:
        return False
    left, right = here
    if it.x0 > left + 0.25 * (right - left):
        return False  # a short line set right or centred ("公开01表" over a table): no text column run
    room = right - it.x1
    lead = max(nit.lead, it.size)
    if room > lead + 0.25 * it.size:
        return False
    nleft = there[0]
    if nit.x0 > nleft + 1.2 * max(it.size, nit.size):
        return False  # the next line is indented (or centred): a new paragraph or a heading
    if npl is pl and it.bottom - nit.top > 1.2 * max(it.size, nit.size):
        return False  # a blank gap follows: a new block
    if _ITEM_START.match(nit.text):
        return False  # the next line starts a numbered item ("13.", "（二）", "三、")
    return True


_ITEM_START = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十百\d]+\s*[)）]|[一二三四五六七八九十百]+\s*[、.．]"
    r"|\d{1,3}\s*[、．]|\d{1,3}\.(?!\d)|第[一二三四五六七八九十百\d]+[部分章节条])"
)
