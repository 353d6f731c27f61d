"""Lists that a count announces: "N 个X，分别是：A，B", "A、B、C N 个X", "一级指标下设 A、B。N 个二级指标".

A count is a list count only when a list follows (or precedes) it and belongs to it.
"""

from __future__ import annotations

import regex

from .model import Claim

LIST_INTRO = regex.compile(r"^\s*(?:[\p{Han}()]{0,12}?)(?:,|，)?\s*(?:分别是|分别为|包括|即|为|如下|下设)?\s*[:：]?\s*")


def split_items(text: str, seps: str) -> list[str]:
    parts = [p.strip(" \"“”'‘’") for p in regex.split(f"[{seps}]", text)]
    return [p for p in parts if p]


def list_after(after: str) -> list[str]:
    """"…2 个内设机构，分别是：A，B。" / "…3个项目开展监控，A、B、C。" """
    m = regex.match(r"^[^,，;；。:：]{0,20}[,，]?\s*(?:分别是|分别为|包括|即)\s*[:：]?(?P<list>[^。;；]+)", after)
    if m:
        return split_items(m.group("list"), "、,，")
    m = regex.match(r"^[^,，;；。:：]{0,20}[,，]\s*(?P<list>[^。;；,，]+(?:、[^。;；,，]+)+)", after)
    if m:
        return split_items(m.group("list"), "、")
    return []


def list_before(before: str) -> list[str]:
    """"…决策、项目过程、项目产出、项目效益 4 个一级指标" / "“A”“B”“C”3个项目" """
    m = regex.search(r"((?:[\"“][^\"“”]{1,40}[\"”]){2,})\s*$", before)
    if m:
        return regex.findall(r"[\"“]([^\"“”]{1,40})[\"”]", m.group(1))
    m = regex.search(r"((?:[^、,，;；。:：\"“”\s]{1,20}、)+[^、,，;；。:：\"“”\s]{1,20})\s*$", before)
    if m:
        items = [i for i in m.group(1).split("、") if i]
        # "二、部门决算单位构成（仅有一个…": an enumerator, not a list
        while items and regex.fullmatch(r"[一二三四五六七八九十\d]+|.*[(（][^)）]*", items[0]):
            items = items[1:]
        return items if len(items) >= 2 else []
    return []


NEXT_LEVEL = {"二级指标": "一级指标", "三级指标": "二级指标"}


def list_declared(before: str, subject: str) -> list[str]:
    """"一级指标下设 A、B、…。6 个二级指标": the list that a higher level "下设"."""
    for level, parent in NEXT_LEVEL.items():
        if subject.endswith(level) or subject == level:
            m = None
            for m in regex.finditer(rf"{parent}(?:又)?下设(?P<list>[^。;；]+?)(?:[。;；]|$)", before):  # noqa: B007
                pass  # keep the last match
            if m is not None:
                return split_items(m.group("list"), "、")
    return []


def announces_list(c: Claim) -> bool:
    """Only "N 个/项/家/名 X" announces a list of X; "38 次", "10 余次" never do."""
    n = c.value
    return n is not None and n.unit in ("个", "项", "家", "名") and n.qualifier is None
