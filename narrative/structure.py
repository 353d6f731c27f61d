"""Build the document model from source lines.

The hard part is prose that the PDF-to-text step broke at the page width:
"…全年使用财政拨款购置公务用" / (blank) / "车 0 辆。" is one sentence.  A line
*continues* into the next prose line when it runs to the margin (PDF: measured;
text: it is long or ends in a comma-like mark or a colon, and does not end a sentence),
unless the next line starts a heading or an enumerated item.  Joined blocks
keep, for every character, the source line it came from, so every finding can
point at a line and quote the original text.

Tables are runs of TAB-separated rows (blank lines inside a run are page
breaks); the short lines just before a run (title, 公开NN表, 部门, 年度, 单位)
are its preamble and the "注：" lines after it are its notes.
"""

from __future__ import annotations

import regex

from . import patterns
from .model import Block, Cell, Document, Row, Section, Sentence, Table, TocEntry
from .rounding import Figure, parse_figure
from .source import SourceDocument, SourceLine
from .tables.preamble import (
    is_meta,
    is_page_number,
    is_title_like,
    label_of,
    leading_title_rows,
    pick_title,
    title_text,
    unit_of,
)

CN_NUM = "一二三四五六七八九十百零〇两"
PART_RE = patterns.compile(rf"^\s*第[{CN_NUM}]+部分")
HEADING_PATTERNS: list[tuple[int, regex.Pattern[str]]] = [
    (1, PART_RE),
    (2, patterns.compile(rf"^\s*[{CN_NUM}]+\s*[、.]")),
    (3, patterns.compile(rf"^\s*[(][{CN_NUM}]+[)]")),
    (4, patterns.compile(r"^\s*\d{1,2}\s*(?:[、]|\.(?!\d))")),
    (5, patterns.compile(r"^\s*[(]\d{1,2}[)]")),
    (5, patterns.compile(r"^\s*[①-⑳]")),
]
# The numbered patterns (levels 2-5) as one alternation, tried in the same order: the first
# alternative that matches is the first pattern that does (``lastgroup`` names it).
NUMBERED_RE = patterns.compile("|".join(f"(?P<l{i}>{p.pattern})" for i, (_, p) in enumerate(HEADING_PATTERNS) if i))
_LEVEL_OF = {f"l{i}": level for i, (level, _) in enumerate(HEADING_PATTERNS)}
BULLET_RE = patterns.compile(r"^\s*[-•·]\s+")
TOC_TITLE_RE = patterns.compile(r"^\s*目\s*录\s*$")
# The dotted leader and page number of a 目录 entry ("一、部门主要职能 ………… 3").
LEADER_RE = patterns.compile(r"\s*(?:[.…·．]{3,}|…+)\s*\d*\s*$")
TERMINAL = "。！？!?"
# A line ending in a comma-like mark or a colon goes on: "…完成全年预算的 92.40%，其中：" / "公务用车购置…"
# is one paragraph whether the text is long (a text file) or stops short of the margin (a PDF), so both
# readings of one report quote the same sentence and give its findings the same fingerprint.
SOFT_END = ",、;，；:："
# A line that is only a date ("2024 年 3 月 17 日"): a signature, never part of a paragraph.
DATE_LINE_RE = patterns.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$")
# A label line of a cover or a form ("预算单位：…", "编制单位：…", "部门名称：…", "单位：万元"):
# a field of its own, never the rest of the line above it (a title that merely reaches 20
# characters, "…2024年单位预算" / "预算单位：…", is not continued by it).
LABEL_LINE_RE = patterns.compile(r"^\s*(?:编制|预算|填报|报送|主管|公开)?(?:单位|部门)(?:名称)?\s*[:：]")
NOTE_START_RE = patterns.compile(r"^\s*(?:注\s*[:\d]|注\s*$|说明\s*:|备注\s*:)")
NOTE_MORE_RE = patterns.compile(r"^\s*(?:\d+\s*[.、](?!\d)|[(]\d+[)])")
SENTENCE_END_RE = patterns.compile(r"[。！？!?;；]")
WRAP_MIN_CHARS = 20
# A line that can only be the rest of the line before it.
CONTINUATION_RE = patterns.compile(r"^(?:[)）。，,；;、:：]|[(（](?:类|款|项)[)）])")


def heading_level(text: str) -> int | None:
    """Level of a heading line, or None for prose.

    A numbered line is a heading only when it is short and has no clause
    punctuation: "（一）工资福利支出 97.93 万元，比上年…" is a paragraph.
    """
    t = text.strip()
    if not t:
        return None
    if PART_RE.match(t):
        return 1
    body = _unbulleted(t)
    m = NUMBERED_RE.match(body)
    if m is None or m.lastgroup is None:
        return None
    if len(body) <= 40 and not patterns.search(r"[,，;；]", body):
        return _LEVEL_OF[m.lastgroup]
    return None


def _unbulleted(t: str) -> str:
    """``t`` without a leading bullet ("- ", "• ", "· ")."""
    return BULLET_RE.sub("", t) if ("-" in t or "•" in t or "·" in t) else t


def starts_item(text: str) -> bool:
    """Does the line start with an enumerator (一、 （一） 1. (1) ① - )?"""
    t = text.strip()
    return bool(BULLET_RE.match(t) or PART_RE.match(t) or NUMBERED_RE.match(t))


def line_wraps(line: SourceLine) -> bool:
    """Does this prose line continue on the next one?"""
    t = line.norm.strip()
    if not t:
        return False
    if line.wraps:  # measured on the page: the line runs to the margin
        return True
    if t[-1] in TERMINAL:
        return False
    return t[-1] in SOFT_END or len(t) >= WRAP_MIN_CHARS


def parse_cell(text: str, col: int, line: SourceLine, unit: str | None,
               figures: dict[str, Figure | None] | None = None) -> Cell:
    """One cell of a row; ``figures``: the figures of the cell texts already parsed in this
    document (a report's ~2,000 cells hold ~600 distinct texts: "", "0.00", "---" and the
    totals repeated from table to table), filled as it goes.  A ``Figure`` is immutable, so
    cells written alike share one."""
    if figures is None:
        fig = parse_figure(text.replace("−", "-"))
    elif text in figures:
        fig = figures[text]
    else:
        fig = figures[text] = parse_figure(text.replace("−", "-"))
    cell_unit = None
    if fig is not None:
        cell_unit = "%" if fig.percent else unit
    return Cell(text=text, col=col, line=line, figure=fig, unit=cell_unit)


def make_row(line: SourceLine, unit: str | None, figures: dict[str, Figure | None] | None = None) -> Row:
    """The cells of a table row, as ``parse_cell`` makes them (written out here: a report has
    ~2,000 cells, and the call per cell cost as much as the rest)."""
    if figures is None:
        figures = {}
    cells: list[Cell] = []
    for i, p in enumerate(line.norm.split("\t")):
        if p in figures:
            fig = figures[p]
        else:
            fig = figures[p] = parse_figure(p.replace("−", "-"))
        cells.append(Cell(p, i, line, fig, None if fig is None else "%" if fig.percent else unit))
    return Row(line=line, cells=cells)


class _Builder:
    def __init__(self, src: SourceDocument) -> None:
        self.src = src
        self.lines = src.lines
        self.used = [False] * len(self.lines)
        self.figures: dict[str, Figure | None] = {}  # cell text -> its figure, for this document

    # --- tables -----------------------------------------------------------
    def table_runs(self) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        i, n = 0, len(self.lines)
        while i < n:
            if not self.lines[i].is_table_row:
                i += 1
                continue
            start = end = i
            j = i + 1
            while j < n:
                if self.lines[j].is_table_row:
                    end = j
                    j += 1
                elif self.lines[j].blank:
                    j += 1
                else:
                    break
            runs.append((start, end))
            i = end + 1
        return runs

    def build_table(self, start: int, end: int, floor: int) -> Table:
        # Preamble: walk back over short meta lines (title, label, dept, year, unit).
        pre: list[int] = []
        k = start - 1
        while k >= floor and len(pre) < 8:
            ln = self.lines[k]
            if ln.blank:
                k -= 1
                continue
            t = ln.norm.strip()
            if self.used[k] or len(t) > 60 or PART_RE.match(t):
                break
            if is_meta(t) or is_title_like(t):
                pre.append(k)
                k -= 1
                continue
            if len(t) <= 4 and k - 1 >= floor and is_meta(self.lines[k - 1].norm.strip()):
                pre.append(k)  # the wrapped end of a field ("部门名称：江苏省高级人民法" / "院")
                k -= 1
                continue
            if is_page_number(t) and pre == [] and k > floor:
                k -= 1  # a page number between a table and its title on the page before
                continue
            break
        pre.reverse()
        # Notes: the 注 lines after the table.
        notes: list[int] = []
        k = end + 1
        in_note = False
        while k < len(self.lines):
            ln = self.lines[k]
            t = ln.norm.strip()
            if ln.blank:
                k += 1
                continue
            if ln.is_table_row:
                break
            if NOTE_START_RE.match(t) or (in_note and NOTE_MORE_RE.match(t) and heading_level(t) is None) or (
                in_note and patterns.search(r"本表|此表|该表", t) and heading_level(t) is None
            ):
                notes.append(k)
                in_note = True
                k += 1
                continue
            if notes and line_wraps(self.lines[notes[-1]]) and heading_level(t) is None and not starts_item(t):
                notes.append(k)  # the rest of a note wrapped onto the next line
                k += 1
                continue
            break
        rows_idx = [i for i in range(start, end + 1) if self.lines[i].is_table_row]
        pre_lines = [self.lines[i] for i in pre]
        unit = unit_of(pre_lines)
        unit_source = "preamble" if unit else None
        rows = [make_row(self.lines[i], unit, self.figures) for i in rows_idx]
        inside = leading_title_rows(rows)  # a title typed as the first row of the grid
        if inside and len(rows) > inside:
            pre_lines = pre_lines + [r.line for r in rows[:inside]]
            rows = rows[inside:]
        title_line = pick_title(pre_lines)
        label = label_of(pre_lines)
        for i in pre + rows_idx + notes:
            self.used[i] = True
        for i in range(start, end + 1):
            self.used[i] = True
        return Table(
            rows=rows,
            title=_title_of(title_line) if title_line else None,
            title_line=title_line,
            label=label,
            unit=unit,
            preamble=pre_lines,
            notes=[self.lines[i] for i in notes],
            unit_source=unit_source,
        )

    # --- table of contents --------------------------------------------------
    def toc(self) -> list[TocEntry]:
        """The 目录 at the top: from the 目录 line to the first heading that
        repeats the first entry.  Its lines are not sections of the report."""
        entries: list[TocEntry] = []
        n = len(self.lines)
        for i, ln in enumerate(self.lines):
            if self.used[i] or not TOC_TITLE_RE.match(ln.norm):
                continue
            self.used[i] = True
            first: str | None = None
            leaders = False
            j = i + 1
            while j < n:
                cur = self.lines[j]
                t = LEADER_RE.sub("", BULLET_RE.sub("", cur.norm.strip()))
                if cur.blank:
                    j += 1
                    continue
                if cur.is_table_row:  # "一、基本情况⇥35": a 目录 with page numbers
                    cells = [c.strip() for c in cur.norm.split("\t") if c.strip()]
                    if len(cells) == 2 and cells[1].isdigit():
                        entries.append(TocEntry(cells[0], cur, heading_level(cells[0]) or 9))
                        self.used[j] = True
                        j += 1
                        continue
                    break
                key = t.replace(" ", "")
                if first is not None and key == first:
                    break
                if entries and entries[-1].line.is_table_row:
                    break  # a 目录 with page numbers ends at its last numbered row
                led = bool(LEADER_RE.search(cur.norm))
                if leaders and not led:
                    break  # a 目录 with dotted leaders ends at its last dotted line
                leaders = leaders or led
                level = heading_level(t)
                if level is None and (len(t) > 40 or cur.wraps):
                    break
                if first is None:
                    first = key
                entries.append(TocEntry(t, cur, level or 9))
                self.used[j] = True
                j += 1
        return entries

    # --- prose ----------------------------------------------------------------
    def blocks(self) -> tuple[list[Block], list[Section]]:
        blocks: list[Block] = []
        sections: list[Section] = []
        path: list[tuple[int, str]] = []
        n = len(self.lines)
        i = 0
        while i < n:
            ln = self.lines[i]
            if self.used[i] or ln.blank or ln.is_table_row:
                i += 1
                continue
            t = ln.norm.strip()
            level = heading_level(t)
            if level is not None and not starts_with_figure_claim(t) and not ln.wraps and not self._continued(i):
                sections.append(Section(t, level, ln))
                path = [p for p in path if p[0] < level] + [(level, t)]
                blocks.append(self._block("heading", [ln], tuple(p[1] for p in path)))
                i += 1
                continue
            group = [ln]
            j = i
            while line_wraps(self.lines[j]):
                k = j + 1
                while k < n and self.lines[k].blank and not self.used[k]:
                    k += 1
                if k >= n or self.used[k] or self.lines[k].is_table_row:
                    break
                nxt = self.lines[k].norm.strip()
                if starts_item(nxt) or TOC_TITLE_RE.match(nxt) or DATE_LINE_RE.match(nxt):
                    break
                if LABEL_LINE_RE.match(nxt) and not self.lines[j].wraps:  # not measured as running on
                    break
                group.append(self.lines[k])
                j = k
            kind = "note" if NOTE_START_RE.match(t) else "paragraph"
            blocks.append(self._block(kind, group, tuple(p[1] for p in path)))
            i = j + 1
        return blocks, sections

    def _continued(self, i: int) -> bool:
        """Does the next prose line visibly continue line ``i`` ("…行政单位离退休" /
        "（项）。主要用于…")?  Then line ``i`` is not a heading however it starts."""
        k = i + 1
        while k < len(self.lines) and self.lines[k].blank and not self.used[k]:
            k += 1
        if k >= len(self.lines) or self.used[k] or self.lines[k].is_table_row:
            return False
        nxt = self.lines[k].norm.lstrip()
        return bool(CONTINUATION_RE.match(nxt)) and self.lines[i].norm.strip()[-1:] not in TERMINAL

    @staticmethod
    def _block(kind: str, lines: list[SourceLine], section: tuple[str, ...]) -> Block:
        texts: list[str] = []
        norms: list[str] = []
        starts: list[int] = []
        cols: list[int] = []
        pos = 0
        for ln in lines:
            raw = ln.text
            lead = len(raw) - len(raw.lstrip())
            piece = raw.strip()
            starts.append(pos)
            cols.append(lead)
            texts.append(piece)
            norms.append(ln.norm[lead : lead + len(piece)])
            pos += len(piece)
        text = "".join(texts)
        norm = "".join(norms)
        block = Block(kind, text, norm, list(lines), starts, cols, section)
        block.sentences = split_sentences(norm)
        return block


def _title_of(line: SourceLine) -> str:
    """The title as recognition reads it: label prefix dropped; a title typed as a table
    row keeps only its text cell."""
    text = next((c for c in line.norm.split("\t") if c.strip()), "") if line.is_table_row else line.norm
    return title_text(SourceLine(line.number, text, line.page))


def starts_with_figure_claim(text: str) -> bool:
    """A numbered line that carries an amount is prose, not a heading."""
    return bool(patterns.search(r"\d\s*(?:万元|元|亿元|%)", text))


def split_sentences(norm: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in SENTENCE_END_RE.finditer(norm):
        end = m.end()
        if norm[start:end].strip():
            out.append(Sentence(start, end))
        start = end
    if norm[start:].strip():
        out.append(Sentence(start, len(norm)))
    return out




def _document_title(lines: list[SourceLine]) -> tuple[str | None, SourceLine | None]:
    """The report title: the first non-blank lines up to one naming 决算 or 预算."""
    parts: list[str] = []
    first: SourceLine | None = None
    for ln in lines[:40]:
        if ln.blank:
            continue
        t = ln.norm.strip()
        if TOC_TITLE_RE.match(t) or PART_RE.match(t) or ln.is_table_row:
            break
        parts.append(t)
        first = first or ln
        if "决算" in t or "预算" in t:
            return " ".join(parts), first
        if len(parts) >= 4:
            break
    return None, None


def build_document(src: SourceDocument) -> Document:
    """Lines → tables, 目录, prose blocks; then the report's identity (read once, before
    recognition, which needs to know a 预算 from a 决算), the tables' kinds and facts, the
    signs that the file is a report at all, and the table set its kind publishes."""
    from dataclasses import replace

    from .identity import read_identity, report_signs
    from .tables.recognize import recognize_tables
    from .tables.table_set import table_set_of

    b = _Builder(src)
    tables: list[Table] = []
    floor = 0
    for start, end in b.table_runs():
        t = b.build_table(start, end, floor)
        tables.append(t)
        floor = end + 1
    toc = b.toc()
    blocks, sections = b.blocks()
    title, _ = _document_title(src.lines)
    doc = Document(
        path=src.path,
        format=src.format,
        lines=src.lines,
        blocks=blocks,
        tables=tables,
        sections=sections,
        toc=toc,
        title=title,
        pages=src.pages,
    )
    doc.identity = read_identity(src.lines, tables)
    _document_meta(doc)
    recognize_tables(doc)
    signs, holds = report_signs(doc)
    doc.identity = replace(doc.identity, signs=signs, holds=holds)
    doc.table_set = table_set_of(doc)
    return doc


def _document_meta(doc: Document) -> None:
    """Department, year and kind from the identity; the unit most tables use."""
    ident = doc.identity
    if ident is not None:
        doc.department = ident.name
        doc.year = ident.year
        doc.report_kind = ident.kind
    units: dict[str, int] = {}
    for t in doc.tables:
        if t.unit:
            units[t.unit] = units.get(t.unit, 0) + 1
    if units:
        doc.unit = max(units, key=lambda u: units[u])
