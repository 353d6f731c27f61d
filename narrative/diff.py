"""Two reports of one department compared: ``narrative diff`` and the TUI's year-to-year view.

``diff_reports(old, new)`` gives a ``ReportDiff``: the key figures with their change and the new
report's own 比上年 statement of it, every table aligned by kind and fact key (changed cells,
rows and tables that appear or vanish), every sentence aligned and classed (unchanged, numbers
changed only, rewritten, new, removed) with its word-level changes, and the findings of the
year-to-year rules (the copy-forward slips: YOY001–YOY004, the same findings ``check --prior``
gives).  Whether the two may be compared at all is ``compare.relate``'s to say: another
department, or OLD not the earlier year, is refused in one line (``error``) unless forced; a
gap of several years or a 预算 against the 决算 of its year is compared, the 比上年 checks
skipped with a note.

``ReportDiff.to_dict()`` is the JSON of ``narrative diff --format json`` (schema in the README;
fields are only ever added, ``version`` says which).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .compare import YEAR_TO_YEAR, aligned, relate
from .diff_prose import SentenceChange, sentence_changes
from .diff_tables import CellChange, RowChange, TableDiff, diff_tables
from .findings import Finding, Ref, Severity
from .keyfigures import Amount, KeyFigure, key_figures
from .model import Document, Span
from .pipeline import ReadReport

VERSION = 1
STATUSES = ("unchanged", "numbers", "rewritten", "new", "removed")


@dataclass(frozen=True)
class ReportSide:
    """Which report one side is (from its identity)."""

    path: str
    department: str | None = None  # normalised (what pairs reports)
    name: str | None = None  # as the report writes it
    year: int | None = None
    kind: str | None = None  # 决算 | 预算
    unit_level: str | None = None
    format: str | None = None

    @classmethod
    def of(cls, path: str, doc: Document | None) -> ReportSide:
        i = doc.identity if doc is not None else None
        if i is None:
            return cls(path, format=doc.format if doc else None)
        return cls(path, i.department, i.name, i.year, i.kind, i.unit_level, doc.format if doc else None)


@dataclass
class ReportDiff:
    """OLD against NEW (see the module docstring).  ``error`` is set, and nothing else, when
    a report could not be read or the two may not be compared (one line)."""

    old: ReportSide
    new: ReportSide
    error: str | None = None
    comparison: str | None = None  # "year-to-year" | "budget-outcome"
    gap: int | None = None  # years from OLD to NEW
    forced: bool = False
    notes: list[str] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    tables: list[TableDiff] = field(default_factory=list)
    prose: list[SentenceChange] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def summary(self) -> dict[str, int]:
        """How much changed: tables by status, changed cells, sentences by status, findings."""
        out = {f"tables_{s}": sum(1 for t in self.tables if t.status == s)
               for s in ("changed", "unchanged", "added", "removed")}
        out["cells_changed"] = sum(len(t.cells) for t in self.tables)
        out["rows_added"] = sum(len(t.rows_added) for t in self.tables)
        out["rows_removed"] = sum(len(t.rows_removed) for t in self.tables)
        out.update({f"sentences_{s}": sum(1 for p in self.prose if p.status == s) for s in STATUSES})
        out["sentences_carried"] = sum(1 for p in self.prose if p.carried)
        out["key_figures_disagreeing"] = sum(1 for k in self.key_figures if k.disagrees)
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            out[f"findings_{sev}"] = self.count(sev)
        return out

    def finding(self, fingerprint: str) -> Finding | None:
        return next((f for f in self.findings if f.fingerprint == fingerprint), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "old": _side(self.old),
            "new": _side(self.new),
            "error": self.error,
            "comparison": self.comparison,
            "gap": self.gap,
            "forced": self.forced,
            "notes": list(self.notes),
            "summary": self.summary if self.error is None else None,
            "key_figures": [_key_figure(k) for k in self.key_figures],
            "tables": [_table(t) for t in self.tables],
            "prose": [_sentence(p) for p in self.prose],
            "findings": [_finding(f) for f in self.findings],
        }


def diff_reports(old: ReadReport, new: ReadReport, *, force: bool = False) -> ReportDiff:
    """Compare two reports already read (see the module docstring)."""
    rel = relate(old.doc.identity, new.doc.identity)
    d = ReportDiff(ReportSide.of(old.path, old.doc), ReportSide.of(new.path, new.doc), comparison=rel.comparison,
                   gap=rel.gap, forced=force, notes=list(rel.notes))
    if rel.refusal is not None:
        if not force:
            d.error = f"{rel.refusal} (--force compares them anyway)"
            return d
        d.notes.append(f"compared as forced: {rel.refusal}")
    d.tables = diff_tables(old.doc, new.doc)
    d.prose = sentence_changes(aligned(old.doc, new.doc), old.doc.year, new.doc.year)
    d.key_figures = key_figures(old.doc, new.doc, old.claims.claims, new.claims.claims,
                                previous_year=rel.previous_year or (force and rel.gap == 1))
    if rel.comparison == YEAR_TO_YEAR and (rel.gap is None or rel.gap > 0):
        from .pipeline import check

        d.findings = check(new, select=["YOY"], prior=old, prior_forced=force)
        _attach(d)
    elif rel.comparison == YEAR_TO_YEAR:
        d.notes.append("OLD is not the earlier report: the copy-forward checks are skipped")
    return d


def _attach(d: ReportDiff) -> None:
    """Each finding's fingerprint on the sentence of NEW it is located in."""
    spans = [(p, p.new_span) for p in d.prose if p.new_span is not None]
    for f in d.findings:
        s = f.span
        if s.line is None:
            continue
        at = (s.page or 0, s.line, s.column or 0)
        for p, sp in spans:
            assert sp is not None
            first = (sp.page or 0, sp.line or 0, sp.column or 0)
            last = (sp.end_page if sp.end_page is not None else sp.page or 0, sp.end_line or sp.line or 0,
                    sp.end_column or 10**9)
            if first <= at < last:
                p.findings.append(f.fingerprint)
                break


# ---------------------------------------------------------------------- JSON
def _num(v: Fraction | None) -> float | None:
    return None if v is None else float(v)


def _span(s: Span | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"line": s.line, "page": s.page, "end_line": s.end_line, "end_page": s.end_page, "column": s.column,
            "end_column": s.end_column}


def _side(s: ReportSide) -> dict[str, Any]:
    return {"path": s.path, "department": s.department, "name": s.name, "year": s.year, "kind": s.kind,
            "unit_level": s.unit_level, "format": s.format}


def _amount(a: Amount | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"text": a.text, "value": _num(a.value), "unit": a.unit, "source": a.source, "span": _span(a.span)}


def _key_figure(k: KeyFigure) -> dict[str, Any]:
    st = k.statement
    return {
        "name": k.name, "group": k.group, "unit": k.unit, "old": _amount(k.old), "new": _amount(k.new),
        "old_value": _num(k.old_value), "new_value": _num(k.new_value), "old_text": k.old_text,
        "new_text": k.new_text, "change": k.change,
        "change_pct": k.change_pct,
        "statement": None if st is None else {"text": st.text, "span": _span(st.span), "direction": st.direction,
                                               "change": st.change, "unit": st.unit, "pct": st.pct,
                                               "claim": st.claim},
        "disagrees": k.disagrees, "why": k.why,
    }


def _cell(c: CellChange) -> dict[str, Any]:
    return {"key": c.key, "row": c.row, "col": c.col, "label": c.label, "old_label": c.old_label, "column": c.column, "old": c.old,
            "new": c.new, "unit": c.unit, "change": c.change, "change_pct": c.change_pct,
            "old_span": _span(c.old_span), "new_span": _span(c.new_span)}


def _row(r: RowChange) -> dict[str, Any]:
    return {"row": r.row, "label": r.label, "cells": dict(r.cells), "span": _span(r.span)}


def _table(t: TableDiff) -> dict[str, Any]:
    return {"kind": t.kind, "instance": t.instance, "name": t.name, "status": t.status, "old_unit": t.old_unit,
            "new_unit": t.new_unit, "old_span": _span(t.old_span), "new_span": _span(t.new_span),
            "cells": [_cell(c) for c in t.cells], "rows_added": [_row(r) for r in t.rows_added],
            "rows_removed": [_row(r) for r in t.rows_removed]}


def _sentence(p: SentenceChange) -> dict[str, Any]:
    return {"status": p.status, "section": p.section, "old": p.old, "new": p.new, "old_span": _span(p.old_span),
            "new_span": _span(p.new_span), "score": p.score, "carried": p.carried, "findings": list(p.findings),
            "words": [{"op": w.op, "old": w.old, "new": w.new, "figure": w.figure} for w in p.words]}


def _ref(r: Ref) -> dict[str, Any]:
    return {"document": r.document, "what": r.what, **(_span(r.span) or {})}


def _finding(f: Finding) -> dict[str, Any]:
    """A finding as ``narrative check --format json`` writes one (the same field names)."""
    return {"rule": f.rule, "severity": str(f.severity), "message": f.message, **(_span(f.span) or {}),
            "excerpt": f.excerpt, "stated": f.stated, "computed": f.computed, "explanation": f.explanation,
            "fingerprint": f.fingerprint, "facts": list(f.facts), "claim": f.claim,
            "related": [_ref(r) for r in f.related]}
