"""Rounding-aware arithmetic: the one place where figures are compared.

Every figure in a report is rounded to the digits it is written with, so a
figure stands for an interval, not a point: ``9.72`` is any value in
[9.715, 9.725], ``142.95%`` any value in [142.945%, 142.955%].  A relation
between figures (a sum, a difference, a ratio) holds when the interval of one
side intersects the interval of the other.  This is the XBRL Calculations 1.1
rule; it is the only comparison used anywhere in narrative.  All arithmetic is
done on ``fractions.Fraction`` so no float error can masquerade as a slip.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from . import patterns

# A written number: optional sign, digits with optional ASCII thousands
# separators, optional decimals.  Full-width forms are folded before parsing.
NUMBER_RE = patterns.compile(r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_FULL_NUMBER_RE = patterns.compile(r"^\s*([-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%?)\s*$")


@dataclass(frozen=True)
class Interval:
    """A closed interval of exact rationals."""

    low: Fraction
    high: Fraction

    @staticmethod
    def point(value: Fraction | int) -> Interval:
        v = Fraction(value)
        return Interval(v, v)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def scale(self, factor: Fraction | int) -> Interval:
        if factor >= 0:  # the same product as ``self * Interval.point(factor)``, in two steps
            return Interval(self.low * factor, self.high * factor)
        return Interval(self.high * factor, self.low * factor)

    def contains_zero(self) -> bool:
        return self.low <= 0 <= self.high

    def __truediv__(self, other: Interval) -> Interval | None:
        """Interval quotient; ``None`` when the divisor interval contains zero
        (the ratio is then unbounded and nothing can be concluded)."""
        if other.contains_zero():
            return None
        inv = Interval(1 / other.high, 1 / other.low)
        return self * inv

    def intersects(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))

    @property
    def mid(self) -> Fraction:
        return (self.low + self.high) / 2

    def distance(self, other: Interval) -> Fraction:
        """Gap between two intervals (0 when they intersect)."""
        if self.intersects(other):
            return Fraction(0)
        return other.low - self.high if self.high < other.low else self.low - other.high


def interval_sum(intervals: Iterable[Interval]) -> Interval:
    total = Interval.point(0)
    for iv in intervals:
        total = total + iv
    return total


@dataclass(frozen=True)
class Figure:
    """A number as written: its exact value and how many decimals it was written with.

    ``percent`` marks figures written with a % sign: their value is in percent
    units (``142.95`` for 142.95%), and so is their interval.

    ``exact`` marks a count of things written as a whole number ("17 人", "5 家", "3 辆"):
    nobody rounds a head count, so it stands for itself, a zero-width interval, and
    "17 人，其中 11 人、6 人、2 人" is 19 ≠ 17, not 17.5 ≥ 19 − 1.5.
    """

    text: str
    value: Fraction
    decimals: int
    percent: bool = False
    exact: bool = False

    @property
    def half_unit(self) -> Fraction:
        if self.exact:
            return Fraction(0)
        return _half_unit(self.decimals)

    @property
    def interval(self) -> Interval:
        # Kept on the instance (a frozen dataclass still has a __dict__): checks ask a
        # cell for its interval many times, and Fraction arithmetic is slow.
        iv: Interval | None = self.__dict__.get("_interval")
        if iv is None:
            h = self.half_unit
            iv = Interval(self.value - h, self.value + h)
            self.__dict__["_interval"] = iv
        return iv

    def __str__(self) -> str:
        return self.text


@cache
def _half_unit(decimals: int) -> Fraction:
    return Fraction(1, 2 * 10**decimals)


_PLAIN_NUMBER_RE = patterns.compile(r"([-+]?)(\d+)(?:\.(\d+))?")


def parse_number(text: str) -> tuple[Fraction, int] | None:
    """Exact value and written decimals of a plain number string ("1,234.50" → (1234.5, 2))."""
    t = text.strip().replace("−", "-").replace(",", "")
    if not t:
        return None
    m = _PLAIN_NUMBER_RE.fullmatch(t)
    if not m:
        return None
    frac = m.group(3) or ""
    decimals = len(frac)
    value = Fraction(int(m.group(2) + frac), 10**decimals)
    if m.group(1) == "-":
        value = -value
    return value, decimals


def parse_figure(text: str) -> Figure | None:
    """Parse a cell or token such as "16.51", "1,234.56", "-3", "142.95%"."""
    m = _FULL_NUMBER_RE.match(text)
    if not m:
        return None
    parsed = parse_number(m.group(1))
    if parsed is None:
        return None
    value, decimals = parsed
    return Figure(text=text.strip(), value=value, decimals=decimals, percent=bool(m.group(2)))


def fmt(value: Fraction, decimals: int) -> str:
    """Format an exact value rounded half-up (away from zero) to ``decimals`` digits,
    the way the reports' spreadsheets round."""
    # Integer arithmetic on numerator and denominator: the same half-up rounding as
    # Fraction arithmetic, without building a Fraction at every step (fmt runs for
    # every compared figure).
    num = abs(value.numerator) * 10**decimals
    den = value.denominator
    whole, rest = divmod(num, den)
    if 2 * rest >= den:
        whole += 1
    sign = "-" if value < 0 and whole != 0 else ""
    digits = str(whole).rjust(decimals + 1, "0")
    if decimals == 0:
        return sign + digits
    return f"{sign}{digits[:-decimals]}.{digits[-decimals:]}"


def fmt_interval(iv: Interval, decimals: int) -> str:
    return f"{fmt(iv.low, decimals)}–{fmt(iv.high, decimals)}"


@dataclass(frozen=True)
class Comparison:
    """Outcome of comparing a stated figure with a value recomputed from other figures.

    ``exact``: the recomputed central value rounds to the stated figure.
    ``within_rounding``: it does not, but the intervals intersect (never an error).
    ``violated``: the intervals do not intersect (an error).
    """

    stated: Interval
    stated_value: Fraction
    decimals: int
    computed: Interval
    computed_mid: Fraction

    @property
    def holds(self) -> bool:
        return self.stated.intersects(self.computed)

    @property
    def exact(self) -> bool:
        return self.holds and fmt(self.computed_mid, self.decimals) == fmt(self.stated_value, self.decimals)

    @property
    def within_rounding(self) -> bool:
        return self.holds and not self.exact

    @property
    def violated(self) -> bool:
        return not self.holds

    @property
    def truncated(self) -> bool:
        """Violated, but the stated figure is the recomputed value cut (not rounded) to the
        stated digits: 99.868 written 99.86.  The severity policy makes this a warning."""
        if not self.violated:
            return False
        unit = Fraction(1, 10**self.decimals)
        v = self.stated_value
        cut = Interval(v, v + unit) if v >= 0 else Interval(v - unit, v)
        # a half-open interval: the computed value must lie strictly below the next unit
        return cut.low <= self.computed.high and self.computed.low < cut.high


def compare(stated: Figure, computed: Interval, computed_mid: Fraction) -> Comparison:
    """Compare a written figure with an interval computed from other written figures;
    ``computed_mid`` is the result of the same computation on their written values."""
    return Comparison(
        stated=stated.interval,
        stated_value=stated.value,
        decimals=stated.decimals,
        computed=computed,
        computed_mid=computed_mid,
    )


def at_most(smaller: Interval, larger: Interval) -> bool:
    """``smaller ≤ larger`` holds for some values inside the two intervals."""
    return smaller.low <= larger.high
