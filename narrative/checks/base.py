"""What every rule module builds on: the rule declaration, the checker registry and the
context a checker runs in.

There is one way to declare a rule: ``declare(code, name, severity, scope, doc)``.  As in
ruff, the documentation *is* the rule's doc string (first line: the summary; then "What it
checks", "Why it matters", "Example").  A *checker* is a function decorated with
``@checker(codes...)`` that may emit several rules (a sum check emits TBL001 errors and
RND001 notes); it declares the codes it emits so that ``--select`` can skip checkers whose
rules are all deselected.  Rule modules live in ``narrative.checks.rules`` and never import
each other: what two of them share lives beside this module (``claim_support``,
``text_support``, ``reasons``, ``relations``) or in ``narrative.compare``.

Two rules belong to no module because every family emits them: RND001 (a relation that
holds only within rounding) and NAR001 (a rule that crashed: a fault of the tool, not of the
report, reported so that the other rules' findings are never lost).
"""

from __future__ import annotations

import bisect
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..claims.model import Claim, ClaimSet
from ..findings import REPORT, Finding, Ref, Severity
from ..model import Document, Fact, Span

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """A rule: a stable code, a short name, its severity and what it looks at."""

    code: str
    name: str
    severity: Severity
    scope: str  # table | tables | prose | document | years | any | tool
    doc: str

    def summary(self) -> str:
        return self.doc.strip().split("\n", 1)[0].strip()

    def documentation(self) -> str:
        return inspect.cleandoc(self.doc)


RULES: dict[str, Rule] = {}


def declare(code: str, name: str, severity: Severity, scope: str, doc: str) -> Rule:
    """Declare and register a rule (codes are unique)."""
    if code in RULES:
        raise ValueError(f"duplicate rule code {code}")
    r = Rule(code, name, severity, scope, doc)
    RULES[code] = r
    return r


def rule_of(code: str) -> Rule:
    """The rule under ``code``, for a checker that emits a rule another module declares
    (rule modules never import each other)."""
    return RULES[code]


RND001 = declare("RND001", "rounding-gap", Severity.INFO, "any", """
    A relation holds only within rounding (information, never an error).

    What it checks: nothing new; it reports the relations of the other rules whose
    central values differ while the intervals that rounding allows still intersect.

    Why it matters: every figure is rounded, so a sum of n rounded figures may differ
    from its rounded total by up to n half-units; this is the audit trail of such gaps.

    Example: 301 工资福利支出 97.93 while its items add up to 97.92.
    """)

NAR001 = declare("NAR001", "internal-error", Severity.ERROR, "tool", """
    A rule crashed on this report: a fault of narrative, not of the report.

    What it checks: nothing; when a checker raises, its exception becomes this one finding
    (which rule, what went wrong, where in narrative's code) and every other rule's
    findings for the report are kept.

    Why it matters: a crash must never pass for a clean report, nor discard what the other
    rules found.  Please report it with the file that caused it.

    Example: "internal error in CLM009 (check_self_evaluations): AttributeError: … (claim_selfeval.py:88), please report".
    """)


@dataclass
class Context:
    """What a checker gets: the report (document and its claims), the prior year's report
    when one is given, and a sink for findings."""

    doc: Document
    claim_set: ClaimSet
    prior_doc: Document | None = None
    prior_claim_set: ClaimSet | None = None
    findings: list[Finding] = field(default_factory=list)
    _block_index: list[tuple[int, int]] | None = field(default=None, repr=False)
    _line_index: dict[tuple[str | None, int | None, int], int] = field(default_factory=dict, repr=False)
    _shared: dict[tuple[Callable[..., Any], bool], Any] = field(default_factory=dict, repr=False)

    def shared(self, fn: Callable[[Document, list[Claim]], T], *, prior: bool = False) -> T:
        """``fn(doc, claims)`` of this report (or of the prior one), computed once per run: an
        analysis several rules share, such as the reasons the report gives for its changes."""
        key = (fn, prior)
        if key not in self._shared:
            if prior:
                assert self.prior_doc is not None
                self._shared[key] = fn(self.prior_doc, self.prior_claims)
            else:
                self._shared[key] = fn(self.doc, self.claims)
        return self._shared[key]  # type: ignore[no-any-return]

    @property
    def claims(self) -> list[Claim]:
        return self.claim_set.claims

    @property
    def prior_claims(self) -> list[Claim]:
        return self.prior_claim_set.claims if self.prior_claim_set is not None else []

    def section_at(self, span: Span) -> tuple[str, ...]:
        """The section path of the prose at (or last before) ``span``, in document order
        (a report read from several files repeats line numbers: the file tells them apart)."""
        if self._block_index is None:
            where = {(ln.file, ln.page, ln.number): i for i, ln in enumerate(self.doc.lines)}
            self._line_index = where
            self._block_index = sorted(
                (where.get((b.first_line.file, b.first_line.page, b.first_line.number), 0), k)
                for k, b in enumerate(self.doc.blocks)
            )
        at = self._line_index.get((span.file, span.page, span.line)) if span.line is not None else None
        if at is None:
            return ()
        i = bisect.bisect_right(self._block_index, (at, len(self.doc.blocks))) - 1
        return self.doc.blocks[self._block_index[i][1]].section if i >= 0 else ()

    def emit(
        self,
        rule: Rule,
        message: str,
        loc: Span,
        excerpt: str,
        *,
        stated: str | None = None,
        computed: str | None = None,
        computed_low: str | None = None,
        computed_high: str | None = None,
        explanation: str = "",
        related: Iterable[Span | Ref] | None = None,
        key: str = "",
        facts: Iterable[Fact | str] = (),
        claim: Claim | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Record a finding.  ``severity`` overrides the rule's own where the rule's
        documentation says it depends on the case (decided here, never changed later)."""
        refs = [r if isinstance(r, Ref) else Ref(r, REPORT) for r in (related or [])]
        f = Finding(
            rule=rule.code,
            severity=rule.severity if severity is None else severity,
            message=message,
            span=loc,
            excerpt=excerpt,
            stated=stated,
            computed=computed,
            computed_low=computed_low,
            computed_high=computed_high,
            explanation=explanation,
            related=refs,
            facts=[str(x.key) if isinstance(x, Fact) else x for x in facts],
            claim=claim.id if claim is not None else None,
            key=key,
            section=claim.block.section if claim is not None else self.section_at(loc),
        )
        self.findings.append(f)
        return f


Checker = Callable[[Context], None]


@dataclass(frozen=True)
class CheckerEntry:
    func: Checker
    codes: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.func.__name__


CHECKERS: list[CheckerEntry] = []


def checker(*codes: str) -> Callable[[Checker], Checker]:
    """Register a checker function and the rule codes it may emit."""

    def deco(func: Checker) -> Checker:
        CHECKERS.append(CheckerEntry(func, codes))
        return func

    return deco
