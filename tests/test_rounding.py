"""The one rounding rule (XBRL Calculations 1.1): figures are intervals."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from narrative.rounding import Interval, compare, fmt, interval_sum, parse_figure


def test_figure_interval_is_half_a_unit_of_the_last_digit() -> None:
    f = parse_figure("9.72")
    assert f is not None
    assert f.interval == Interval(Fraction("9.715"), Fraction("9.725"))
    p = parse_figure("142.95%")
    assert p is not None and p.percent
    assert p.interval == Interval(Fraction("142.945"), Fraction("142.955"))
    z = parse_figure("0")
    assert z is not None and z.interval == Interval(Fraction(-1, 2), Fraction(1, 2))


def test_counts_of_things_are_exact() -> None:
    from narrative.claims.numbers import scan

    nums, _ = scan("实有人员17人，车辆3辆，参训50人次，下降1.5个百分点，支出9.72万元，三个项目")
    by_text = {n.text: n for n in nums}
    for text in ("17", "3", "50", "三"):
        assert by_text[text].figure.exact
        assert by_text[text].figure.interval == Interval.point(by_text[text].figure.value)
    # a difference of percentages and an amount of money are measured, so rounded
    assert not by_text["1.5"].figure.exact and not by_text["9.72"].figure.exact
    assert by_text["9.72"].figure.interval == Interval(Fraction("9.715"), Fraction("9.725"))
    # "230 余篇" is at least 230, no less
    more, _ = scan("发表文章230余篇")
    assert more[0].bound.low == 230


def test_thousands_separator_and_sign() -> None:
    f = parse_figure("1,234.56")
    assert f is not None and f.value == Fraction("1234.56") and f.decimals == 2
    g = parse_figure("-3.2")
    assert g is not None and g.value == Fraction("-3.2")
    assert parse_figure("12..50") is None
    assert parse_figure("1O.5") is None
    assert parse_figure("") is None


def test_issue_example_change_percentage_is_consistent_within_rounding() -> None:
    # 商品和服务支出 16.51 万元，比上年增加 9.72 万元，增长 142.95% (real report line 444)
    value, change, pct = parse_figure("16.51"), parse_figure("9.72"), parse_figure("142.95%")
    assert value and change and pct
    ratio = change.interval / (value.interval - change.interval)
    assert ratio is not None
    computed = ratio.scale(100)
    mid = change.value / (value.value - change.value) * 100
    assert fmt(mid, 2) == "143.15"
    assert fmt(computed.low, 2) == "142.87" and fmt(computed.high, 2) == "143.44"
    c = compare(pct, computed, mid)
    assert c.holds and not c.exact and c.within_rounding


def test_beyond_rounding_is_violated() -> None:
    stated = parse_figure("298.60")
    assert stated
    parts = [parse_figure("169.67"), parse_figure("120.93")]
    total = interval_sum(p.interval for p in parts if p)
    c = compare(stated, total, Fraction("290.60"))
    assert c.violated


def test_division_by_an_interval_containing_zero_is_undefined() -> None:
    assert Interval(Fraction(1), Fraction(2)) / Interval(Fraction(-1), Fraction(1)) is None


def test_fmt_rounds_half_away_from_zero() -> None:
    assert fmt(Fraction("0.005"), 2) == "0.01"
    assert fmt(Fraction("-0.005"), 2) == "-0.01"
    assert fmt(Fraction("2.5"), 0) == "3"
    assert fmt(Fraction("0.004"), 2) == "0.00"


exact_values = st.lists(st.integers(min_value=0, max_value=10_000_000), min_size=1, max_size=30)


@given(exact_values)
def test_sums_of_rounded_parts_are_never_violations(raw: list[int]) -> None:
    """A table that is consistent before rounding never yields a violation after it."""
    values = [Fraction(v, 10000) for v in raw]  # 4-decimal truth
    parts = [parse_figure(fmt(v, 2)) for v in values]
    total = parse_figure(fmt(sum(values, Fraction(0)), 2))
    assert total is not None and all(parts)
    computed = interval_sum(p.interval for p in parts if p)
    mid = sum((p.value for p in parts if p), Fraction(0))
    assert not compare(total, computed, mid).violated


@given(st.integers(min_value=1, max_value=10_000_000), st.integers(min_value=-9_999_999, max_value=10_000_000))
def test_change_percentages_of_rounded_figures_are_never_violations(prev_raw: int, delta_raw: int) -> None:
    prev = Fraction(prev_raw, 10000)
    cur = prev + Fraction(delta_raw, 10000)
    if cur < 0:
        return
    change = cur - prev
    v, c = parse_figure(fmt(cur, 2)), parse_figure(fmt(abs(change), 2))
    pct = parse_figure(fmt(abs(change) / prev * 100, 2) + "%")
    assert v and c and pct
    sign = 1 if change >= 0 else -1
    prev_iv = v.interval - c.interval if sign > 0 else v.interval + c.interval
    ratio = c.interval / prev_iv
    if ratio is None:
        return
    assert ratio.scale(100).intersects(pct.interval)
