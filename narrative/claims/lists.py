"""Lists that a count announces: "N 个X，分别是：A，B", "A、B、C N 个X", "一级指标下设 A、B。N 个二级指标".

A count is a list count only when a list follows (or precedes) it and belongs to it:

* items that state figures of their own are other counts, not the items of this one ("有30个
  一级学科博士学位授权点、5种专业博士学位": two counts side by side, not a list of two);
* a list before the number belongs to it only when the count names what it counts after the
  number ("哲、经、…、艺等12个学科门类") and the list runs up to the number: "…江苏、山东等省市
  73个地、市、县" lists 省市, and counts something else;
* "A、B等N个X" may name only some of the N: it is checked only when it names all of them (or
  more).
"""

from __future__ import annotations

from .. import patterns
from .model import Claim

LIST_INTRO = patterns.compile(r"^\s*(?:[\p{Han}()]{0,12}?)(?:,|，)?\s*(?:分别是|分别为|包括|即|为|如下|下设)?\s*[:：]?\s*")


def split_items(text: str, seps: str) -> list[str]:
    parts = [p.strip(" \"“”'‘’") for p in patterns.split(f"[{seps}]", text)]
    return [p for p in parts if p]


def _with_figures(items: list[str]) -> bool:
    """Does any item state a figure of its own (a count, an amount: not a year)?"""
    from .numbers import scan

    for item in items:
        nums, skipped = scan(item)
        if nums or any(sk.reason == "number without a unit" for sk in skipped):
            return True  # "24种专业硕士学位", "一流本科课程23门": figures in units of their own
    return False


def list_after(after: str) -> list[str]:
    """"…2 个内设机构，分别是：A，B。" / "…3个项目开展监控，A、B、C。" """
    m = patterns.match(r"^[^,，;；。:：]{0,20}[,，]?\s*(?:分别是|分别为|包括|即)\s*[:：]?(?P<list>[^。;；]+)", after)
    if m:
        items = split_items(m.group("list"), "、,，")
        return [] if _with_figures(items) else items
    m = patterns.match(r"^[^,，;；。:：]{0,20}[,，]\s*(?P<list>[^。;；,，]+(?:、[^。;；,，]+)+)", after)
    if m:
        items = split_items(m.group("list"), "、")
        return [] if _with_figures(items) else items
    return []


def list_before(before: str, named_after: bool) -> tuple[list[str], bool]:
    """"…决策、项目过程、项目产出、项目效益 4 个一级指标" / "“A”“B”“C”3个项目": the items, and
    whether the list ends with 等 (it may name only some)."""
    m = patterns.search(r"((?:[\"“][^\"“”]{1,40}[\"”]){2,})\s*$", before)
    if m:  # quoted names right before the number: a list whatever follows
        return patterns.findall(r"[\"“]([^\"“”]{1,40})[\"”]", m.group(1)), False
    if not named_after:
        return [], False  # "国家科技进步二等奖2项、中国专利优秀奖1项": counts side by side
    m = patterns.search(r"((?:[^、,，;；。:：\"“”\s]{1,20}、)+[^、,，;；。:：\"“”\s]{1,20})\s*$", before)
    if m:
        items = [i for i in m.group(1).split("、") if i]
        # "二、部门决算单位构成（仅有一个…": an enumerator, not a list
        while items and patterns.fullmatch(r"[一二三四五六七八九十\d]+|.*[(（][^)）]*", items[0]):
            items = items[1:]
        partial = False
        if items and items[-1].endswith("等"):
            items[-1], partial = items[-1][:-1], True
        if any("等" in i for i in items) or _with_figures(items):
            return [], False  # "山东等省市": examples of another noun; "…奖2项、…奖": counts
        return (items, partial) if len(items) >= 2 else ([], False)
    return [], False


NEXT_LEVEL = {"二级指标": "一级指标", "三级指标": "二级指标"}


def list_declared(before: str, subject: str) -> list[str]:
    """"一级指标下设 A、B、…。6 个二级指标": the list that a higher level "下设"."""
    for level, parent in NEXT_LEVEL.items():
        if subject.endswith(level) or subject == level:
            m = None
            for m in patterns.finditer(rf"{parent}(?:又)?下设(?P<list>[^。;；]+?)(?:[。;；]|$)", before):  # noqa: B007
                pass  # keep the last match
            if m is not None:
                return split_items(m.group("list"), "、")
    return []


def announces_list(c: Claim) -> bool:
    """Only "N 个/项/家/名 X" announces a list of X; "38 次", "10 余次" never do."""
    n = c.value
    return n is not None and n.unit in ("个", "项", "家", "名") and n.qualifier is None
