"""The library's front door: the one module the CLI, the reporters, the TUI and batch runs use.

    from narrative.api import Options, analyse
    a = analyse("report.pdf", Options(select=("CLM",)))
    for f in a.findings: print(f.rule, f.span.line, f.message)

``analyse`` returns an ``Analysis``: the source, the document (sections, paragraphs,
tables), the claims with their binding (the cells used, or why unbound), the findings and
the notes that reading the file produced.  ``iter_analyse`` yields small picklable
``FileResult``s (no document inside) for batch runs and streaming output.  The look-ups a
viewer needs (the rules, the source text of a span, the cells behind a finding or a claim)
are here too, so that no front end reaches into the checks.  Nothing here raises for a bad
input: the error is in the result, as one line.

Two reports side by side: ``diff(old, new)`` (or ``diff_analyses`` on two analyses a viewer
already holds) gives a ``ReportDiff`` (narrative/diff.py): key figures, tables, prose and the
copy-forward findings.  A prior that is not last year's report of the same department is
refused in one line (``Options.force`` overrides); ``prior_dir`` pairs a directory of last
year's reports with this year's by identity.

Review baselines (``narrative.review``) are here as well: ``load_baseline(path)`` →
``Baseline`` (``verdict(report, finding)``, ``entries(key)``), ``report_key(report)``,
``set_verdict``, ``clear_verdict``, ``apply_baseline`` /
``BaselineSession`` (a ``FileResult`` with accepted and false-alarm findings hidden and
``result.baseline`` telling what was done), ``write_baseline``, ``prune_baseline``,
``baseline_stats``.  These raise ``InputError`` (one line) for a review file that is corrupt,
newer or cannot be written; the file is then left as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .claims.model import Claim, ClaimSet
from .claims.numbers import Num
from .errors import InputError
from .findings import PRIOR, REPORT, Finding, Ref, Severity
from .model import Cell, Document, Fact, Span, Table
from .pipeline import ReadReport
from .progress import PageCallback
from .review import (
    ACCEPTED,
    CONFIRMED,
    FALSE_ALARM,
    VERDICTS,
    Baseline,
    BaselineEntry,
    BaselineOutcome,
    BaselineSession,
    RuleStats,
    RunScope,
    apply_baseline,
    baseline_stats,
    clear_verdict,
    counts,
    load_baseline,
    prune_baseline,
    report_key,
    reviewer,
    set_verdict,
    write_baseline,
)

if TYPE_CHECKING:
    from .diff import ReportDiff, ReportSide
    from .diff_prose import SentenceChange, WordChange
    from .diff_tables import CellChange, RowChange, TableDiff
    from .keyfigures import Amount, KeyFigure, Statement
    from .pairing import PriorDir
    from .passages import Passage, PassageGroup

# The diff's data classes, imported on first use (``narrative check`` never loads the diff).
_LAZY = {
    "ReportDiff": "diff", "ReportSide": "diff", "KeyFigure": "keyfigures", "Amount": "keyfigures",
    "Statement": "keyfigures", "TableDiff": "diff_tables", "CellChange": "diff_tables", "RowChange": "diff_tables",
    "SentenceChange": "diff_prose", "WordChange": "diff_prose", "PriorDir": "pairing",
    "Passage": "passages", "PassageGroup": "passages",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'narrative.api' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"narrative.{module}"), name)

__all__ = [
    "Amount", "Analysis", "Cell", "CellChange", "Claim", "ClaimSet", "Document", "Fact", "FileResult", "Finding", "InputError",
    "KeyFigure", "Num", "Options", "PRIOR", "PageCallback", "Passage", "PassageGroup", "Prior", "PriorDir", "REPORT", "Ref", "ReportDiff", "ReportSide", "RowChange",
    "SentenceChange", "Severity", "Span", "Statement", "Table", "TableDiff", "WordChange", "analyse", "boilerplate",
    "cells_of_claim",
    "cells_of_finding", "check_document", "check_file", "claim_of_finding", "diff", "diff_analyses", "iter_analyse",
    "find_prior", "load_document", "prior_dir", "read", "read_prior", "rule", "rules", "source_text", "table_name",
    # review baselines (narrative.review): verdicts kept per report and fingerprint
    "ACCEPTED", "Baseline", "BaselineEntry", "BaselineOutcome", "BaselineSession", "CONFIRMED", "FALSE_ALARM",
    "RuleStats", "RunScope", "VERDICTS", "apply_baseline", "baseline_stats", "clear_verdict", "counts", "load_baseline",
    "prune_baseline", "report_key", "reviewer", "set_verdict", "write_baseline",
]


@dataclass(frozen=True)
class Options:
    """What to check and how: rule codes or prefixes to select and ignore (as in ruff), the
    lowest severity to keep, and the time limit for reading one file (PDF)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    timeout: float = 60.0
    # Check against a prior (or diff two reports) that the identities say is not last year's
    # report of the same department (``--force``): a renamed department, a misread title.
    force: bool = False


@dataclass
class Prior:
    """The prior year's report, read once for every report checked against it."""

    path: str
    report: ReadReport | None = None
    error: str | None = None


def read_prior(path: str | Sequence[str], options: Options | None = None) -> Prior:
    """Read the prior report once; an unreadable prior is an error in the result, not a raise.
    Several paths are one report published as several files (its ``path`` is "a + b")."""
    from .pipeline import read_report

    opts = options or Options()
    name = path if isinstance(path, str) else " + ".join(path)
    try:
        return Prior(name, read_report(path if isinstance(path, str) else list(path), timeout=opts.timeout))
    except InputError as err:
        return Prior(name, error=str(err))


def _claim_counts(claims: ClaimSet | None) -> dict[str, int] | None:
    if claims is None:
        return None
    bound = sum(1 for c in claims.claims if c.binding is not None)
    return {"total": len(claims.claims), "bound": bound, "unbound": len(claims.claims) - bound}


@dataclass
class FileResult:
    """What a batch run keeps of one file: small and picklable (no document inside)."""

    path: str
    error: str | None = None
    department: str | None = None  # as the report writes it
    year: int | None = None
    report_kind: str | None = None  # 决算 | 预算
    unit_level: str | None = None  # 部门 | 单位
    holds: list[str] = field(default_factory=list)  # "prose", "tables": a file of a two-file report holds one
    identity_key: tuple[str | None, int | None, str | None, str | None] | None = None  # normalised: pairs files
    format: str | None = None
    pages: int | None = None
    tables: list[str] = field(default_factory=list)
    claims: dict[str, int] | None = None
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    prior_path: str | None = None
    prior_error: str | None = None
    baseline: BaselineOutcome | None = None  # set by apply_baseline: verdicts, hidden and stale entries

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def claim_counts(self) -> dict[str, int] | None:
        return self.claims


@dataclass
class Analysis:
    """One file analysed: the document and its claims and findings, or the reason it could
    not be read (``error``, one line)."""

    path: str
    document: Document | None = None
    claims: ClaimSet | None = None
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    prior: Prior | None = None

    @property
    def doc(self) -> Document | None:
        return self.document

    @property
    def claim_counts(self) -> dict[str, int] | None:
        """How many prose claims were checked against a table, and how many could not be
        bound (blind spots, not passes); None when the file could not be read."""
        return _claim_counts(self.claims)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def result(self) -> FileResult:
        d = self.document
        return FileResult(
            path=self.path,
            error=self.error,
            department=d.department if d else None,
            year=d.year if d else None,
            report_kind=d.report_kind if d else None,
            unit_level=d.identity.unit_level if d and d.identity else None,
            holds=sorted(d.identity.holds) if d and d.identity else [],
            identity_key=d.identity.key if d and d.identity else None,
            format=d.format if d else None,
            pages=d.pages if d else None,
            tables=[t.kind for t in d.tables if t.kind and t.kind != "TOC"] if d else [],
            claims=self.claim_counts,
            findings=list(self.findings),
            notes=list(self.notes),
            prior_path=self.prior.path if self.prior else None,
            prior_error=self.prior.error if self.prior else None,
        )


def analyse(path: str | Sequence[str], options: Options | None = None,
            prior: Prior | PriorDir | str | tuple[str, ...] | None = None,
            on_page: PageCallback | None = None) -> Analysis:
    """Read, model, extract and check one report.  Never raises for a bad input.  Several
    paths are one report published as several files (``--as-one``); the result's path is
    "a + b" and each finding's span names the file it is in.

    ``prior``: last year's report (a path, a tuple of the paths of a report in several files, or a
    ``Prior`` read once), or a ``PriorDir`` to pick it from by identity.  A prior of another
    department, a later year or another kind is refused (``error``, one line) unless
    ``options.force``.

    ``on_page(n, count)``: called as each page of the report's PDF is read (count None when the
    file does not say), for a viewer's progress; not for a text file, nor for the prior."""
    from .pairing import PriorDir
    from .pipeline import check, read_report
    from .progress import ON_PAGE

    opts = options or Options()
    if isinstance(prior, (str, tuple)):
        prior = read_prior(prior, opts)
    name = path if isinstance(path, str) else " + ".join(path)
    token = ON_PAGE.set(on_page)
    try:
        report = read_report(path if isinstance(path, str) else list(path), timeout=opts.timeout)
    except InputError as err:
        return Analysis(name, error=str(err), prior=prior if isinstance(prior, Prior) else None)
    finally:
        ON_PAGE.reset(token)
    notes = list(report.notes)
    if isinstance(prior, PriorDir):
        found, note = prior.match(report.doc.identity)
        if note:
            notes.append(note)
        prior = _cached_prior(found, opts) if found is not None else None
    if prior is not None and prior.report is not None:
        problem = _prior_problem(prior, report, opts, notes)
        if problem is not None:
            return Analysis(name, notes=notes, error=problem, prior=prior)
    findings = check(
        report,
        select=list(opts.select),
        ignore=list(opts.ignore),
        prior=prior.report if prior is not None else None,
        prior_forced=opts.force,
    )
    findings = [f for f in findings if f.severity >= opts.min_severity]
    return Analysis(name, report.doc, report.claims, findings, notes, prior=prior)


def _prior_problem(prior: Prior, report: ReadReport, opts: Options, notes: list[str]) -> str | None:
    """Why ``prior`` cannot be this report's prior (one line), or None; notes added on the way."""
    from .compare import BUDGET_OUTCOME, relate

    assert prior.report is not None
    rel = relate(prior.report.doc.identity, report.doc.identity, old_name="the prior", new_name="the report")
    refusal = rel.refusal
    if refusal is None and rel.comparison == BUDGET_OUTCOME:
        refusal = ("the prior is the 预算 of the report's own year: --prior takes last year's report of the same "
                   "kind; compare a budget with its outcome with 'narrative diff'")
    notes.extend(n for n in rel.notes if rel.comparison != BUDGET_OUTCOME)
    if refusal is None:
        return None
    if opts.force:
        notes.append(f"checked against {prior.path} as forced: {refusal}")
        return None
    return f"--prior {prior.path}: {refusal} (--force checks against it anyway)"


def _cached_prior(path: str | tuple[str, ...], options: Options) -> Prior:
    """A prior read once per process (batch runs pair many reports with few priors)."""
    prior = _WORKER_PRIOR.get(path)
    if prior is None:
        prior = _WORKER_PRIOR[path] = read_prior(path, options)
    return prior


def read(path: str, options: Options | None = None) -> Analysis:
    """Read, model and extract the claims of one file, without checking it (for ``narrative
    tables`` and ``claims``, and a viewer that checks later)."""
    from .pipeline import read_report

    opts = options or Options()
    try:
        report = read_report(path, timeout=opts.timeout)
    except InputError as err:
        return Analysis(path, error=str(err))
    return Analysis(path, report.doc, report.claims, [], list(report.notes))


_WORKER_PRIOR: dict[str | tuple[str, ...], Prior] = {}


def _analyse_result(path: str, options: Options, prior: str | tuple[str, ...] | PriorDir | None) -> FileResult:
    """One file in a worker process: a prior is read once per worker."""
    return analyse(path, options, _cached_prior(prior, options) if isinstance(prior, (str, tuple)) else prior).result()


def _partial(r: FileResult) -> bool:
    """A file that holds only the prose or only the tables of a report."""
    return r.error is None and r.identity_key is not None and len(r.holds) == 1


def pair_partial_reports(results: Iterable[FileResult], options: Options | None = None,
                         prior: Prior | PriorDir | str | None = None, *, ordered: bool = False
                         ) -> Iterator[FileResult]:
    """Pass results through, holding back the files that hold only the prose or only the
    tables of a report; at the end, a prose file and a tables file of the same report
    identity (department, year, kind, unit level) are checked again as one report (prose
    first) and yielded in their place; unpaired ones are yielded as they were.

    ``ordered`` (results in the order given, as with one job): everything after the first
    held file waits until the end, so the order holds, the pair taking its prose file's place."""
    held: list[FileResult] = []
    waiting: list[FileResult] = []  # ordered: every result from the first held one on
    for r in results:
        if _partial(r):
            held.append(r)
            if ordered:
                waiting.append(r)
        elif ordered and held:
            waiting.append(r)
        else:
            yield r
    by_key: dict[object, list[FileResult]] = {}
    for r in held:
        by_key.setdefault(r.identity_key, []).append(r)
    replaced: dict[str, FileResult | None] = {}
    for group in by_key.values():
        prose = [r for r in group if r.holds == ["prose"]]
        tables = [r for r in group if r.holds == ["tables"]]
        if len(prose) == 1 and len(tables) == 1:
            replaced[prose[0].path] = analyse([prose[0].path, tables[0].path], options, prior).result()
            replaced[tables[0].path] = None
    for r in waiting if ordered else held:
        if r.path not in replaced:
            yield r
        elif (one := replaced[r.path]) is not None:
            yield one


def _analyse_with(path: str, options: Options, prior: Prior | PriorDir | None) -> FileResult:
    """One file in this process, against a prior already read."""
    return analyse(path, options, prior).result()


def _unreadable(path: str, reason: str) -> FileResult:
    """The result of a file the batch could not analyse (its time limit, a crashed worker)."""
    return FileResult(path, error=reason)


def iter_analyse(
    paths: Iterable[str],
    options: Options | None = None,
    *,
    prior: Prior | PriorDir | str | tuple[str, ...] | None = None,
    jobs: int = 1,
    pair: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    cache: str | None = None,
) -> Iterator[FileResult]:
    """Analyse many files, yielding one small result per file.  With ``jobs`` ≤ 1 (or one
    file) in this process, in the order given; otherwise in ``jobs`` worker processes, or on a
    Dask cluster (``engine="dask"``, ``scheduler`` address or a local cluster), each result as
    soon as it is ready (completion order).  A file that runs past its time limit (``timeout``
    to read, as long again to check) or whose worker crashes is a result with an ``error``,
    and the others go on.  ``cache``: a directory keeping results by content (see
    ``narrative.batch.cache``).  With ``pair``, a prose file and a tables file of one report
    are checked as one (``pair_partial_reports``), at the end.  ``prior``: one prior for every
    file, or a ``PriorDir`` pairing each with its own.  Raises InputError only when the engine
    cannot start."""
    from functools import partial

    from .batch import run
    from .pairing import PriorDir

    if pair:
        if isinstance(prior, (str, tuple)):
            prior = read_prior(prior, options)
        todo = list(paths)
        yield from pair_partial_reports(
            iter_analyse(todo, options, prior=prior, jobs=jobs, engine=engine, scheduler=scheduler, cache=cache),
            options, prior, ordered=engine == "local" and (jobs <= 1 or len(todo) <= 1))
        return
    opts = options or Options()
    todo = list(paths)
    prior_path = prior.path if isinstance(prior, Prior) else prior
    if engine == "local" and (jobs <= 1 or len(todo) <= 1):
        if isinstance(prior, (str, tuple)):
            prior = read_prior(prior, opts)
        analyse_one = partial(_analyse_with, options=opts, prior=prior)
        jobs = 1
    else:
        analyse_one = partial(_analyse_result, options=opts, prior=prior_path)
    salt_prior = prior_path.paths if isinstance(prior_path, PriorDir) else prior_path
    yield from run(todo, analyse_one, _unreadable, jobs=jobs, engine=engine, scheduler=scheduler,
                   timeout=opts.timeout, cache=cache, options=opts, prior_path=salt_prior)


def prior_dir(paths: Iterable[str], options: Options | None = None) -> PriorDir:
    """The reports of a directory of last year's reports, by identity, for ``analyse`` /
    ``iter_analyse(prior=...)`` to pair each report with its own prior (unreadable files are in
    its ``errors``)."""
    from .pairing import index_priors

    return index_priors(list(paths), timeout=(options or Options()).timeout)


def find_prior(analysis: Analysis, candidates: Iterable[str] | None = None,
               options: Options | None = None,
               progress: Callable[[str, int, int], None] | None = None) -> tuple[str | None, str]:
    """Last year's report of the same department, kind and unit level as ``analysis``, found by
    identity (whatever the file names) among ``candidates`` (default: the other report files in
    its own folder): its path and a line saying what was found or why nothing was.  Candidates
    are read for their identity, the likeliest names first, until last year's report is found
    whole (``pairing.search_prior``; ``progress(path, k, n)`` before each), so a viewer calls
    this in a worker.  Last year's report published as two files (prose and tables) is found as
    both: "a + b"."""
    from .files import siblings
    from .pairing import search_prior

    doc = analysis.document
    if doc is None:
        return None, "the report could not be read"
    own = {os.path.abspath(p) for p in analysis.path.split(" + ")}  # a report read from two files
    paths = [p for p in (candidates if candidates is not None else siblings(analysis.path.split(" + ")[0]))
             if os.path.abspath(p) not in own]
    if not paths:
        return None, "no other report files in its folder"
    if doc.identity is None or doc.identity.year is None:
        from .pairing import PriorDir

        return None, PriorDir(paths).match(doc.identity)[1] or "no prior found"
    own_name = analysis.path.split(" + ")[0]
    priors = search_prior(doc.identity, own_name, paths, timeout=(options or Options()).timeout, progress=progress)
    found, note = priors.match(doc.identity)
    if found is None:
        return None, note or "no prior found"
    ident = doc.identity
    files = (priors.by_key.get((ident.department, ident.year - 1, ident.kind, ident.unit_level), [])
             if ident is not None and ident.year is not None else [])
    if len(files) == 2 and sum(1 for _, prose in files if prose) == 1:
        # last year's report in two files (prose and tables), as this one may be: both, prose first,
        # as "a + b" (``read_prior(found.split(" + "))``); the prose file alone has no tables to compare
        pair = sorted(files, key=lambda f: not f[1])
        found = " + ".join(p for p, _ in pair)
        return found, f"last year's report found beside it, in two files: {found}"
    return found, note or f"last year's report found beside it: {found}"


# ---------------------------------------------------------------------- two reports side by side
def diff(old: str, new: str, options: Options | None = None) -> ReportDiff:
    """Compare two report files (OLD the earlier).  Never raises for a bad input: a file that
    cannot be read, or two reports that may not be compared, give ``error`` (one line)."""
    from .diff import ReportDiff, ReportSide, diff_reports
    from .pipeline import read_report

    opts = options or Options()
    reports = []
    for label, path in (("OLD", old), ("NEW", new)):
        try:
            reports.append(read_report(path, timeout=opts.timeout))
        except InputError as err:
            return ReportDiff(ReportSide(old), ReportSide(new), error=f"{label} {path}: {err}")
    return diff_reports(reports[0], reports[1], force=opts.force)


def diff_analyses(old: Analysis, new: Analysis, *, force: bool = False) -> ReportDiff:
    """``diff`` of two analyses already in hand (a viewer's report and its prior)."""
    from .diff import ReportDiff, ReportSide, diff_reports

    for label, a in (("OLD", old), ("NEW", new)):
        if a.document is None or a.claims is None:
            return ReportDiff(ReportSide(old.path), ReportSide(new.path),
                              error=f"{label} {a.path}: {a.error or 'not read'}")
    assert old.document is not None and old.claims is not None and new.document is not None and new.claims is not None
    return diff_reports(ReadReport(old.path, old.document, old.claims), ReadReport(new.path, new.document, new.claims),
                        force=force)


def boilerplate(analysis: Analysis, report_diff: ReportDiff | None = None) -> list[PassageGroup]:
    """The boilerplate of a report, as groups of places for a viewer: its near-duplicate passages
    (DUP003's groups, whatever rules the analysis selected), then the passages carried over
    unchanged from last year's (runs of ``report_diff``'s unchanged sentences, when given).
    Nothing for a file that could not be read."""
    from .passages import carried, within

    if analysis.document is None or analysis.claims is None:
        return []
    out = within(ReadReport(analysis.path, analysis.document, analysis.claims), source_text)
    if report_diff is not None and report_diff.error is None:
        out += carried(report_diff)
    return out


# ---------------------------------------------------------------------- look-ups for viewers
def rules() -> list:  # type: ignore[type-arg]
    """Every rule, sorted by code (``code``, ``name``, ``severity``, ``scope``, ``summary()``,
    ``documentation()``)."""
    from .checks.runner import iter_rules

    return list(iter_rules())


def rule(code: str):  # type: ignore[no-untyped-def]
    """The rule under ``code`` (KeyError when unknown)."""
    from .checks.base import RULES
    from .checks.runner import load_rules

    load_rules()
    return RULES[code]


def table_name(kind: str | None, report_kind: str | None = None) -> str:
    """How a table of this kind is called in a report of this kind ("T01" → 收入支出决算总表
    in a 决算, 财务收支预算总表 in a 预算)."""
    from .tables.kinds import table_name as name

    return name(kind, report_kind)


def source_text(document: Document, span: Span) -> str:
    """The source text a span covers (whole lines when the span has no columns)."""
    if span.line is None:
        return ""
    first = (span.file, span.page, span.line)
    last = (span.file, span.end_page if span.end_page is not None else span.page, span.end_line or span.line)
    keys = [(ln.file, ln.page, ln.number) for ln in document.lines]
    try:
        i, j = keys.index(first), keys.index(last)
    except ValueError:
        return ""
    picked = document.lines[i : j + 1]
    if not picked:
        return ""
    if span.column is None or span.end_column is None:
        return "\n".join(ln.text for ln in picked)
    if len(picked) == 1:
        return picked[0].text[span.column - 1 : span.end_column - 1]
    head, *middle, tail = picked
    return "\n".join([head.text[span.column - 1 :], *(ln.text for ln in middle), tail.text[: span.end_column - 1]])


def cells_of_finding(analysis: Analysis, finding: Finding) -> list[Fact]:
    """The table cells a finding used (by fact key), in the order it names them."""
    doc = analysis.document
    if doc is None:
        return []
    index = {str(k): f for t in doc.tables for k, f in t.facts.items()}
    return [index[k] for k in finding.facts if k in index]


def claim_of_finding(analysis: Analysis, finding: Finding) -> Claim | None:
    if analysis.claims is None or finding.claim is None:
        return None
    return next((c for c in analysis.claims.claims if c.id == finding.claim), None)


def cells_of_claim(claim: Claim) -> list[Fact]:
    """The cells a claim was bound to (empty when unbound: see ``claim.unbound`` for why)."""
    return list(claim.binding.facts) if claim.binding is not None else []


# ---------------------------------------------------------------------- conveniences
def load_document(path: str) -> Document:
    """Read and model one report; raises InputError with a one-line message."""
    from .pipeline import read_document

    return read_document(path)[0]


def check_document(
    doc: Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    min_severity: Severity = Severity.INFO,
    prior: Document | None = None,
) -> list[Finding]:
    """Check a document already read (its claims are extracted here)."""
    from .pipeline import check, extract

    report = ReadReport(doc.path, doc, extract(doc))
    prior_report = ReadReport(prior.path, prior, extract(prior)) if prior is not None else None
    findings = check(report, select=list(select or []), ignore=list(ignore or []), prior=prior_report)
    return [f for f in findings if f.severity >= min_severity]


def check_file(
    path: str,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    min_severity: Severity = Severity.INFO,
    prior_path: str | None = None,
) -> Analysis:
    """``analyse`` with keyword options (the form most tests use)."""
    opts = Options(tuple(select or ()), tuple(ignore or ()), min_severity)
    return analyse(path, opts, prior_path)
