"""Claims: what a sentence of prose asserts about numbers, as plain data.

An amount claim bundles what Chinese budget prose says in one breath about
one subject: "商品和服务支出 16.51 万元，比上年增加 9.72 万元，增长 142.95%，
占 12.3%" is one claim with a value, a change, a change percentage and a
share.  Counts, scores, ratings, lists and enumerations are claims of their
own kinds.  Every figure keeps its position so findings quote the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..model import Block, Fact, Loc
from ..rounding import Interval
from .numbers import Num, Skipped


@dataclass
class Binding:
    """The table cell(s) a claim figure restates (several cells are added up)."""

    facts: list[Fact]
    spec: str  # how the binding was found, e.g. "T01[income.total].amount"

    @property
    def text(self) -> str:
        return " + ".join(f"{f.cell.norm or '(empty)'}" for f in self.facts)


@dataclass
class Claim:
    id: str
    kind: str  # amount | count | score | average | rating_count | project_count | percent | list_count | rate
    block: Block
    start: int  # span of the claim's own text in the block
    end: int
    subject: str = ""  # as written (folded, without spaces)
    subject_id: str | None = None
    scope: str = "all"  # all | fiscal | gpb
    # final | initial_budget | full_budget | budget | executed; with no role word, "budget" in a
    # 预算 (its tables hold budgets) and "final" in a 决算
    role: str | None = None
    # value, change, pct, completion, share, and "prior": an earlier year's figure stated for the
    # same subject ("2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数
    # 减少57.14%": value 25.77, prior 60.13, pct 57.14, direction −1; the percentage is
    # |value − prior| / prior)
    nums: dict[str, Num] = field(default_factory=dict)
    direction: int | None = None  # +1 增加/增长, -1 减少/下降, 0 持平
    # direction words as written, the whole of a share, "describes" (a figure of the parts that
    # describe the department, naming no table subject), "year" of a prior-period figure …
    words: dict[str, str] = field(default_factory=dict)
    period: str = "year"  # year | ytd (截至第三季度…) | prior (a figure of an earlier year: never bound)
    binding: Binding | None = None
    unbound: str | None = None  # why no cell was bound (a blind spot, not a pass)
    items: list[str] = field(default_factory=list)  # the items of a list or rating
    # "whole": the figure this one is a part of (after 其中, claims/wholes.py); "prior": the
    # earlier-year claim its nums["prior"] comes from; "restates": the figure of the paragraph
    # this one states again with another value; the budget claim of a completion, …
    refs: dict[str, Claim] = field(default_factory=dict)

    @property
    def value(self) -> Num | None:
        return self.nums.get("value")

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def implied_prior(self) -> tuple[Interval, Fraction] | None:
        """Last year's value that this claim's own 比上年 words imply, as (interval, central
        value) in 万元: value ∓ change, or the value itself for 持平; None when it says nothing."""
        v = self.value
        if v is None or self.direction is None:
            return None
        if self.direction == 0 and "change" not in self.nums:
            return v.wan, v.wan_value
        ch = self.nums.get("change")
        if ch is None or self.direction not in (1, -1):
            return None
        if self.direction == 1:
            return v.wan - ch.wan, v.wan_value - ch.wan_value
        return v.wan + ch.wan, v.wan_value + ch.wan_value

    def loc_of(self, name: str = "value") -> Loc:
        num = self.nums.get(name) or self.value
        if num is None:
            return self.block.loc(self.start, self.end)
        return self.block.loc(num.start, num.end)

    @property
    def loc(self) -> Loc:
        return self.block.loc(self.start, self.end)


@dataclass
class TokenRecord:
    """One number token of the prose and what became of it (for ``narrative claims``)."""

    block: Block
    start: int
    end: int
    text: str
    claim: str | None = None  # claim id
    reason: str | None = None  # why it is not a claim


@dataclass
class ClaimSet:
    claims: list[Claim]
    tokens: list[TokenRecord]
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def unbound(self) -> list[Claim]:
        return [c for c in self.claims if c.binding is None]
