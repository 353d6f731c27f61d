"""The library's front door: read a file, build its model, run the checks.

The CLI and the TUI both call these functions and only render the results,
so they can never disagree about a finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import InputError
from .findings import Finding, Severity
from .model import Document


@dataclass
class Result:
    """The outcome for one input file: a document and its findings, or an error."""

    path: str
    doc: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def claim_counts(self) -> dict[str, int] | None:
        """How many prose claims were checked against a table, and how many could not be
        bound (blind spots, not passes); None when no claim rule ran."""
        cs = self.doc.cache.get("claims") if self.doc is not None else None
        if cs is None:
            return None
        bound = sum(1 for c in cs.claims if c.binding is not None)
        return {"total": len(cs.claims), "bound": bound, "unbound": len(cs.claims) - bound}


def load_document(path: str) -> Document:
    """Read and model one report; raises InputError with a one-line message."""
    from .ingest import read_source
    from .structure import build_document

    src = read_source(path)
    doc = build_document(src)
    if not doc.tables and doc.report_kind is None:
        raise InputError("not a budget report: no 决算/预算 title and no tables found")
    return doc


def check_document(
    doc: Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    min_severity: Severity = Severity.INFO,
    prior: Document | None = None,
) -> list[Finding]:
    from .checks.registry import run_checks

    findings = run_checks(doc, select=select, ignore=ignore, prior=prior)
    return [f for f in findings if f.severity >= min_severity]


def check_file(
    path: str,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    min_severity: Severity = Severity.INFO,
    prior_path: str | None = None,
) -> Result:
    """Check one file; never raises for a bad input (the error is in the result)."""
    try:
        doc = load_document(path)
        prior = load_document(prior_path) if prior_path else None
    except InputError as err:
        return Result(path, error=str(err))
    except RecursionError:
        return Result(path, error="input too deeply nested to read")
    except MemoryError:
        return Result(path, error="out of memory while reading the input")
    try:
        findings = check_document(doc, select=select, ignore=ignore, min_severity=min_severity, prior=prior)
    except Exception as err:  # a bug in a rule must not end a batch run with a traceback
        where = err.__traceback__
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        at = f" ({where.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{where.tb_lineno})" if where else ""
        return Result(path, doc=doc, error=f"internal error while checking: {type(err).__name__}: {err}{at}")
    return Result(path, doc=doc, findings=findings)
