"""The integer path of ``check_sum`` (``_exact_in_integers``) decides "the stated figure is
exactly the sum" as the Fraction path (``rounding.compare(...).exact``) does, for any
decimal figures, signs, empty cells and head counts: it only lets the check return early."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from narrative.checks.relations import Term, _exact_in_integers
from narrative.rounding import Figure, Interval, compare


@dataclass
class _Cell:
    figure: Figure | None
    na: bool = False


def _figure(value: int, decimals: int, exact: bool) -> Figure:
    v = Fraction(value, 10**decimals)
    text = f"{value / 10**decimals:.{decimals}f}"
    return Figure(text, v, decimals, exact=exact and decimals == 0)


figures = st.builds(_figure, st.integers(-10**7, 10**8), st.sampled_from([0, 1, 2, 2, 4]), st.booleans())
terms = st.lists(st.tuples(st.one_of(st.none(), figures), st.sampled_from([1, 1, -1])), min_size=1, max_size=6)


def _fraction_path(stated: Figure, parts: list[tuple[Figure | None, int]]) -> bool:
    computed, mid = Interval.point(0), Fraction(0)
    for f, sign in parts:
        iv = f.interval if f is not None else Interval.point(0)
        computed = computed + (iv if sign > 0 else -iv)
        mid += (f.value if f is not None else 0) * sign
    return compare(stated, computed, mid).exact


def _terms(parts: list[tuple[Figure | None, int]]) -> list[Term]:
    return [Term(_Cell(f), "part", sign) for f, sign in parts]  # type: ignore[arg-type]


@settings(max_examples=400)
@given(terms, st.integers(-3, 3), st.sampled_from([0, 1, 2]))
def test_a_stated_sum_near_the_parts_is_judged_as_with_fractions(parts: list[tuple[Figure | None, int]],
                                                                 nudge: int, decimals: int) -> None:
    total = sum(((f.value if f else Fraction(0)) * s for f, s in parts), Fraction(0))
    total += Fraction(nudge, 10 ** (decimals + 1))
    rounded = round(total * 10**decimals)  # near the sum: exact, within rounding and beyond all occur
    stated = _figure(rounded, decimals, False)
    assert _exact_in_integers(_Cell(stated), _terms(parts)) == _fraction_path(stated, parts)  # type: ignore[arg-type]


@given(terms, figures)
def test_any_stated_figure_is_judged_as_with_fractions(parts: list[tuple[Figure | None, int]], stated: Figure) -> None:
    assert _exact_in_integers(_Cell(stated), _terms(parts)) == _fraction_path(stated, parts)  # type: ignore[arg-type]


def test_a_sum_of_rounded_parts_written_exactly_and_one_off_by_a_cent() -> None:
    # 16.51 = 9.72 + 6.79 exactly; 16.52 is a cent off: within what two rounded parts allow,
    # but not exact, so the Fraction path judges it (an info); an empty stated cell too
    parts = [(_figure(972, 2, False), 1), (_figure(679, 2, False), 1)]
    assert _exact_in_integers(_Cell(_figure(1651, 2, False)), _terms(parts))  # type: ignore[arg-type]
    assert not _exact_in_integers(_Cell(_figure(1652, 2, False)), _terms(parts))  # type: ignore[arg-type]
    assert not _exact_in_integers(_Cell(None), _terms(parts))  # type: ignore[arg-type]
