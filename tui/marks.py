"""What the document pane highlights: every claim by status and every finding's span, as
(line index, start, end) in code points of ``Document.lines``.

Nothing here checks anything: a claim is *inconsistent* when a finding (warning or error)
names it or covers its text, *unbound* when the extraction could not tie it to a cell, and
*consistent* otherwise.  The pane converts code points to terminal cells when it draws."""

from __future__ import annotations

from dataclasses import dataclass, field

from narrative.api import Analysis, Claim, Finding, Severity, Span

CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
UNBOUND = "unbound"
FINDING = "finding"  # a finding's span that is no claim's text


@dataclass(frozen=True)
class Piece:
    """Part of a mark on one line: code points [start, end) of line ``index``."""

    index: int
    start: int
    end: int


@dataclass
class Mark:
    status: str
    pieces: list[Piece]
    claim: Claim | None = None
    findings: list[Finding] = field(default_factory=list)


class LineIndex:
    """Where a (file, page, line) is in ``Document.lines``."""

    def __init__(self, analysis: Analysis) -> None:
        doc = analysis.document
        self.lines = doc.lines if doc is not None else []
        self._at = {(ln.file, ln.page, ln.number): i for i, ln in enumerate(self.lines)}
        self._by_number: dict[tuple[int | None, int], int] = {}
        for i, ln in enumerate(self.lines):
            self._by_number.setdefault((ln.page, ln.number), i)

    def index(self, line: int | None, page: int | None = None, file: str | None = None) -> int | None:
        if line is None:
            return None
        i = self._at.get((file, page, line))
        return i if i is not None else self._by_number.get((page, line))

    def pieces(self, span: Span) -> list[Piece]:
        """The code-point ranges a span covers, one per line (whole lines without columns)."""
        first = self.index(span.line, span.page, span.file)
        if first is None:
            return []
        last = self.index(span.end_line or span.line,
                          span.end_page if span.end_page is not None else span.page, span.file)
        if last is None or last < first:
            last = first
        out = []
        for i in range(first, last + 1):
            n = len(self.lines[i].text)
            start = (span.column - 1) if (i == first and span.column is not None) else 0
            end = (span.end_column - 1) if (i == last and span.end_column is not None) else n
            out.append(Piece(i, max(0, min(start, n)), max(0, min(end, n))))
        return out


def claim_span(claim: Claim) -> Span:
    """The source span of a claim's own text (its block offsets mapped back to lines)."""
    b = claim.block
    first, last = b.line_at(claim.start), b.line_at(max(claim.end - 1, claim.start))
    return Span(first.number, first.page, last.number, last.page, b.column_at(claim.start),
                b.column_at(max(claim.end - 1, claim.start)) + 1, file=first.file)


def _overlap(a: list[Piece], b: list[Piece]) -> bool:
    return any(p.index == q.index and p.start < q.end and q.start < p.end for p in a for q in b)


def build_marks(analysis: Analysis, index: LineIndex | None = None) -> list[Mark]:
    """Every claim (by status) and every finding span not on a claim, in document order."""
    index = index or LineIndex(analysis)
    by_claim: dict[str, list[Finding]] = {}
    spans: list[tuple[Finding, list[Piece]]] = []
    for f in analysis.findings:
        if f.claim is not None:
            by_claim.setdefault(f.claim, []).append(f)
        pieces = index.pieces(f.span) if f.span.column is not None else []
        spans.append((f, pieces))
    marks: list[Mark] = []
    claimed: set[int] = set()
    for c in analysis.claims.claims if analysis.claims is not None else []:
        pieces = index.pieces(claim_span(c))
        if not pieces:
            continue
        about = list(by_claim.get(c.id, []))
        for n, (f, fp) in enumerate(spans):
            if fp and f not in about and _overlap(pieces, fp):
                about.append(f)
                claimed.add(n)
        for n, (f, _) in enumerate(spans):
            if f.claim == c.id:
                claimed.add(n)
        if any(f.severity >= Severity.WARNING for f in about):
            status = INCONSISTENT
        elif c.binding is None:
            status = UNBOUND
        else:
            status = CONSISTENT
        marks.append(Mark(status, pieces, c, about))
    for n, (f, fp) in enumerate(spans):
        if fp and n not in claimed:
            marks.append(Mark(FINDING, fp, None, [f]))
    marks.sort(key=lambda m: (m.pieces[0].index, m.pieces[0].start))
    return marks
