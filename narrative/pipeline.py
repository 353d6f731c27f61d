"""The pipeline behind ``narrative.api``: read → model → claims → checks → findings.

Each stage runs once per report: the document is built once, its claims are extracted and
bound once (before the checks, which are handed them), and a prior report given for the
year-to-year rules is read once however many reports are checked against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .claims.model import ClaimSet
from .errors import InputError
from .findings import Finding
from .model import Document
from .source import SourceDocument


@dataclass
class ReadReport:
    """A report read and modelled up to the checks: its document, its claims and the notes
    that reading it produced (glyphs without a Unicode mapping, bytes that did not decode)."""

    path: str
    doc: Document
    claims: ClaimSet
    notes: list[str] = field(default_factory=list)


def read_document(path: str, *, timeout: float = 60.0) -> tuple[Document, list[str]]:
    """Read and model one report; raises InputError with a one-line message."""
    from .ingest import read_source

    return model_source(read_source(path, timeout=timeout))


def model_source(src: SourceDocument) -> tuple[Document, list[str]]:
    """Model what an ingest produced (the same for a file and for source lines made in a
    test or a front end); raises InputError when it is not a budget report."""
    from .structure import build_document

    doc = build_document(src)
    if not doc.is_report:
        raise InputError(doc.identity.reason if doc.identity is not None else "not a budget report")
    return doc, list(getattr(src, "notes", ()) or ())


def report_from_source(src: SourceDocument) -> ReadReport:
    """``read_report`` for source lines already in hand."""
    doc, notes = model_source(src)
    return ReadReport(src.path, doc, extract(doc), notes)


def extract(doc: Document) -> ClaimSet:
    from .claims.extract import extract_claims

    return extract_claims(doc)


def read_report(path: str | Sequence[str], *, timeout: float = 60.0) -> ReadReport:
    """Read, model and extract the claims of one report; raises InputError.  Several paths
    are one report published as several files (the prose and the tables): their lines are
    read as one document, each keeping its file (``SourceLine.file``)."""
    try:
        if isinstance(path, str):
            doc, notes = read_document(path, timeout=timeout)
        else:
            from .ingest import read_source
            from .ingest.combine import combine

            doc, notes = model_source(combine([read_source(p, timeout=timeout) for p in path],
                                              path=" + ".join(path)))
    except RecursionError:
        raise InputError("input too deeply nested to read") from None
    except MemoryError:
        raise InputError("out of memory while reading the input") from None
    return ReadReport(doc.path, doc, extract(doc), notes)


def check(
    report: ReadReport,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    prior: ReadReport | None = None,
) -> list[Finding]:
    from .checks.runner import run_checks

    return run_checks(
        report.doc,
        report.claims,
        select=select,
        ignore=ignore,
        prior_doc=prior.doc if prior else None,
        prior_claims=prior.claims if prior else None,
    )
