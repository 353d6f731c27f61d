"""The pairs of keys that textsim links are those of scoring every pair.

``_key_links`` scores only the pairs that can reach a threshold (a key too short for a shared
passage against keys short enough to be near-identical; a containment only when the shorter
key's characters are nearly all in the longer one).  These tests hold it to a reference that
scores every pair with rapidfuzz and applies the rules of ``Params`` as written, on keys built
to sit near the thresholds: copies of a few base strings with small edits, cut and extended."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from narrative.textsim import Params, _key_links

LINKS = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])
ALPHABET = "部门预算支出项目资金管理工作经费基本公用单位财政拨款收入决算#"


def _every_pair(keys: list[str], p: Params) -> list[tuple[str, str, float, str]]:
    """The links as Params defines them, every pair scored (keys sorted by length)."""
    out = []
    for i, q in enumerate(keys):
        out.append((q, q, 100.0, "same"))
        n = len(q)
        for t in keys[i + 1 :]:
            m = len(t)
            linked = False
            if m <= n * (200 - p.passage_ratio) / p.passage_ratio:
                r = fuzz.ratio(q, t, score_cutoff=min(p.same_ratio, p.passage_ratio))
                if r and r >= p.same_ratio:
                    out.append((q, t, r, "same"))
                    linked = True
                elif r and r * (n + m) / 200 >= p.passage_chars:
                    out.append((q, t, r, "shared passage"))
                    linked = True
            if not linked and n >= p.contain_min:
                c = fuzz.partial_ratio(q, t, score_cutoff=p.contain_ratio)
                if c:
                    out.append((q, t, c, "contained"))
    return out


@st.composite
def _keys(draw: st.DrawFn) -> list[str]:
    bases = draw(st.lists(st.text(ALPHABET, min_size=12, max_size=120), min_size=1, max_size=6))
    keys = list(bases)
    for _ in range(draw(st.integers(0, 14))):
        k = list(draw(st.sampled_from(bases)))
        for _ in range(draw(st.integers(0, 4))):  # a few characters changed, dropped or added
            at = draw(st.integers(0, len(k)))
            op = draw(st.sampled_from("sdi"))
            if op == "i" or not k:
                k.insert(at, draw(st.sampled_from(ALPHABET)))
            elif op == "d":
                del k[min(at, len(k) - 1)]
            else:
                k[min(at, len(k) - 1)] = draw(st.sampled_from(ALPHABET))
        a = draw(st.integers(0, len(k) // 3))  # a part of it, with text of another before or after
        k = k[a:]
        keys.append(draw(st.sampled_from(["", *bases])) + "".join(k) + draw(st.sampled_from(["", *bases])))
    keys = list(dict.fromkeys(k for k in keys if k))
    return sorted(keys, key=len)  # as _classes sorts them (length, then first place)


@LINKS
@given(_keys())
def test_links_are_those_of_scoring_every_pair(keys: list[str]) -> None:
    p = Params()
    assert sorted(_key_links(keys, p)) == sorted(_every_pair(keys, p))


@LINKS
@given(_keys(), st.sampled_from([80.0, 95.0, 99.0]), st.sampled_from([70.0, 92.0, 97.0]),
       st.sampled_from([20, 50, 80]), st.sampled_from([60.0, 75.0, 90.0]), st.sampled_from([12, 30, 45]))
def test_links_under_other_thresholds(keys: list[str], same: float, contain: float, chars: int,
                                      passage: float, contain_min: int) -> None:
    p = Params(same_ratio=same, contain_ratio=contain, passage_chars=chars, passage_ratio=passage,
               contain_min=contain_min)
    assert sorted(_key_links(keys, p)) == sorted(_every_pair(keys, p))


def test_a_containment_is_found_and_a_missing_character_rules_it_out() -> None:
    # 30 characters contained whole in a longer key: partial_ratio 100
    short = "基本支出主要用于保障机构正常运转完成日常工作任务而发生的各项支出"
    assert len(short) >= 30
    longer = "年度" + short + "包括人员经费和公用经费"
    links = list(_key_links(sorted([short, longer], key=len), Params()))
    assert (short, longer, 100.0, "contained") in links
    # five of its characters replaced by ones the longer key lacks: at most 25 of 30 in common,
    # 200·25/55 ≈ 91 < 92, so the pair is not linked (and never scored)
    changed = "甲乙丙丁戊" + short[5:]
    links = list(_key_links(sorted([changed, longer], key=len), Params()))
    assert [lk for lk in links if lk[0] != lk[1]] == []
