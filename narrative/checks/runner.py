"""Running the rules: discover the rule modules, select, isolate, fingerprint.

Every module of ``narrative.checks.rules`` is imported once (so adding a rule means adding a
module, never editing a list).  Checkers run one by one; a checker that raises becomes one
NAR001 finding naming it, and every other checker's findings are kept: a bug in one rule
must never pass for a clean report, nor lose what the other rules found.
"""

from __future__ import annotations

import importlib
import pkgutil
import traceback
from collections.abc import Iterable, Iterator
from functools import cache

from ..claims.model import ClaimSet
from ..findings import Finding, assign_fingerprints
from ..model import Document, Span
from . import base
from .base import NAR001, RULES, CheckerEntry, Context, Rule


@cache
def load_rules() -> tuple[str, ...]:
    """Import every rule module once; returns their names (sorted, so the order of checkers,
    and of findings on one place, never depends on the file system)."""
    from . import rules

    names = sorted(m.name for m in pkgutil.iter_modules(rules.__path__) if not m.name.startswith("_"))
    for name in names:
        importlib.import_module(f"{rules.__name__}.{name}")
    return tuple(names)


def iter_rules() -> Iterator[Rule]:
    load_rules()
    yield from (RULES[c] for c in sorted(RULES))


def selected(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """ruff-style selection: a prefix selects a family ("TBL", "CLM00")."""
    sel = list(select or [])
    ign = list(ignore or [])
    if sel and not any(code.startswith(s) for s in sel):
        return False
    return not any(code.startswith(i) for i in ign)


def _crash_finding(ctx: Context, entry: CheckerEntry, err: BaseException) -> None:
    frames = traceback.extract_tb(err.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        where = f" ({last.filename.rsplit('/', 1)[-1]}:{last.lineno})"
    codes = ", ".join(c for c in entry.codes if c != "RND001")
    what = f"{type(err).__name__}: {err}".replace("\n", " ")[:300]
    ctx.emit(
        NAR001,
        f"internal error in {codes} ({entry.name}): {what}{where}, please report",
        Span(None),
        "",
        explanation=(
            f"the checker {entry.name} raised {type(err).__name__}; its rules ({codes}) were not fully "
            "applied to this report, every other rule was"
        ),
        key=f"crash:{entry.name}",
    )


def run_checks(
    doc: Document,
    claims: ClaimSet,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    prior_doc: Document | None = None,
    prior_claims: ClaimSet | None = None,
    checkers: Iterable[CheckerEntry] | None = None,
) -> list[Finding]:
    """Run the selected checkers on one report; findings sorted by place, fingerprinted."""
    load_rules()
    sel, ign = list(select or []), list(ignore or [])
    ctx = Context(doc, claims, prior_doc=prior_doc, prior_claim_set=prior_claims)
    for entry in base.CHECKERS if checkers is None else checkers:
        if not any(selected(c, sel, ign) for c in entry.codes):
            continue
        try:
            entry.func(ctx)
        except Exception as err:  # noqa: BLE001 - a rule's bug becomes a finding, see NAR001
            try:
                _crash_finding(ctx, entry, err)
            except Exception:  # noqa: BLE001 - reporting the crash must never crash the run
                ctx.findings.append(Finding(NAR001.code, NAR001.severity,
                                            f"internal error in {entry.name}: {type(err).__name__}", Span(None), ""))
    out = [f for f in ctx.findings if f.rule == NAR001.code or selected(f.rule, sel, ign)]
    out.sort(key=Finding.sort_key)
    assign_fingerprints(out)
    return out
