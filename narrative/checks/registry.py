"""The rule registry: every rule a class with a stable code, a severity and a docstring.

As in ruff, a rule's docstring *is* its documentation (first line: the
summary; then "What it checks", "Why it matters", "Example").  Checkers are
functions that may emit several rules (a sum check emits TBL001 errors and
RND001 notes); each declares the codes it emits so that ``--select`` can skip
checkers whose rules are all deselected.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..findings import Finding, Severity
from ..model import Document, Loc


class Rule:
    """Base class; subclasses set ``code``, ``name``, ``severity``, ``scope``."""

    code: str = ""
    name: str = ""
    severity: Severity = Severity.ERROR
    scope: str = "table"  # table | tables | prose | document | years

    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").split("\n", 1)[0].strip()

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""


RULES: dict[str, type[Rule]] = {}


def rule(cls: type[Rule]) -> type[Rule]:
    """Class decorator: register a rule under its code (codes are unique)."""
    if cls.code in RULES:
        raise ValueError(f"duplicate rule code {cls.code}")
    RULES[cls.code] = cls
    return cls


@dataclass
class Context:
    """What a checker gets: the document and a sink for findings."""

    doc: Document
    findings: list[Finding] = field(default_factory=list)
    prior: Document | None = None

    def emit(
        self,
        rule_cls: type[Rule],
        message: str,
        loc: Loc,
        excerpt: str,
        *,
        stated: str | None = None,
        computed: str | None = None,
        computed_low: str | None = None,
        computed_high: str | None = None,
        explanation: str = "",
        related: list[Loc] | None = None,
        key: str = "",
    ) -> Finding:
        f = Finding(
            rule=rule_cls.code,
            severity=rule_cls.severity,
            message=message,
            loc=loc,
            excerpt=excerpt,
            stated=stated,
            computed=computed,
            computed_low=computed_low,
            computed_high=computed_high,
            explanation=explanation,
            related=related or [],
            key=key,
        )
        self.findings.append(f)
        return f


Checker = Callable[[Context], None]


@dataclass(frozen=True)
class CheckerEntry:
    func: Checker
    codes: tuple[str, ...]


CHECKERS: list[CheckerEntry] = []


def checker(*codes: str) -> Callable[[Checker], Checker]:
    def deco(func: Checker) -> Checker:
        CHECKERS.append(CheckerEntry(func, codes))
        return func

    return deco


def load_all() -> None:
    """Import every rule module so that the registries are filled."""
    from . import boilerplate_rules, claim_rules, perf_rules, table_rules, text_rules, xtable_rules, year_rules  # noqa


def selected(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """ruff-style selection: a prefix selects a family ("TBL", "CLM00")."""
    sel = list(select or [])
    ign = list(ignore or [])
    if sel and not any(code.startswith(s) for s in sel):
        return False
    return not any(code.startswith(i) for i in ign)


def run_checks(
    doc: Document,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    prior: Document | None = None,
) -> list[Finding]:
    load_all()
    ctx = Context(doc, prior=prior)
    for entry in CHECKERS:
        if not any(selected(c, select, ignore) for c in entry.codes):
            continue
        entry.func(ctx)
    out = [f for f in ctx.findings if selected(f.rule, select, ignore)]
    out.sort(key=Finding.sort_key)
    return out


def iter_rules() -> Iterator[type[Rule]]:
    load_all()
    yield from (RULES[c] for c in sorted(RULES))
