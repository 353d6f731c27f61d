"""The shape issue 8 asked for, kept by tests: no import cycle anywhere in narrative/
(a package's __init__ counts as a module), no module under narrative/checks/ over 450
lines, rule modules discovered (not listed), and the rule table of docs/conventions.md
the same as the registry."""

from __future__ import annotations

from pathlib import Path

import grimp
import regex

from narrative.api import rules

ROOT = Path(__file__).resolve().parents[1]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    x = stack.pop()
                    on.discard(x)
                    comp.append(x)
                    if x == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_in_narrative() -> None:
    g = grimp.build_graph("narrative")
    edges = {m: set(g.find_modules_directly_imported_by(m)) for m in g.modules}
    assert "narrative.checks.rules.clm_restated" in edges
    assert _cycles(edges) == []


def test_no_check_module_over_450_lines() -> None:
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / "narrative" / "checks").rglob("*.py")}
    assert len(sizes) > 10
    assert {p: n for p, n in sizes.items() if n > 450} == {}


def test_rule_modules_are_discovered_not_listed() -> None:
    from narrative.checks.runner import load_rules

    on_disk = sorted(p.stem for p in (ROOT / "narrative" / "checks" / "rules").glob("*.py") if p.stem != "__init__")
    assert list(load_rules()) == on_disk


def test_conventions_rule_table_matches_the_registry() -> None:
    text = (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8")
    table = {m.group(1): m.group(2).split("/") for m in regex.finditer(r"^\| ([A-Z]{3}\d{3}) \| ([a-z/]+) \|", text, flags=regex.M)}
    registry = {r.code: str(r.severity) for r in rules()}
    assert sorted(table) == sorted(registry)
    assert {c: s[0] for c, s in table.items()} == registry
