"""The short cuts of the prose rules find what the long way finds.

TXT005 squeezes a span's text without its index of kept characters and tries the template's
phrases one by one only where their alternation matches; these tests hold the short forms to
the long ones on hand-written lines."""

from __future__ import annotations

import pytest

from narrative.checks.rules.txt_template import _any_phrase, _squeezed, _squeezed_text, template_phrases
from narrative.checks.text_support import ProseSpan
from narrative.normalize import fold
from narrative.source import SourceLine


def _span(text: str) -> ProseSpan:
    return ProseSpan(fold(text), "note", line=SourceLine(1, text))


@pytest.mark.parametrize("text", [
    "注：本表无数据。",
    "  主要原因：\tXXXX 。 ",
    "三公经费\u3000支出\u00a0合计\n0.5万元",
    "增加 （减少） 12.5%,主要原因是:",
    "",
])
def test_squeezed_text_is_the_text_of_squeezed(text: str) -> None:
    assert _squeezed_text(_span(text)) == _squeezed(_span(text))[0]


def test_squeezed_drops_spaces_and_widens_punctuation() -> None:
    # typed by hand: the spaces, the tab and the ideographic space go; ',' ':' '(' ')' widen
    assert _squeezed_text(_span("增加 (减少)\t12.5%,主要原因是:\u3000。")) == "增加（减少）12.5%，主要原因是：。"


def test_the_alternation_finds_every_phrase_and_nothing_in_plain_prose() -> None:
    anyp = _any_phrase()
    assert anyp is not None  # the shipped phrases join: no back-reference, no flag of their own
    for line in ["单位：万元。比上年增加（减少）12.50万元", "主要原因：XXXXXX。", "本表仍保留该表格式。",
                 "（如持平作持平表述）", "主要原因是。"]:
        text = _squeezed_text(_span(line))
        alone = [ph.text for ph in template_phrases() if ph.pattern.search(text)]
        assert alone, line  # a phrase of the template is in the line ...
        assert anyp.search(text), line  # ... and the alternation finds it
    clean = _squeezed_text(_span("2024年一般公共预算财政拨款支出128.35万元，比上年增加12.50万元，主要原因是人员增加。"))
    assert not [ph for ph in template_phrases() if ph.pattern.search(clean)]
    assert anyp.search(clean) is None


def test_cell_spans_skip_only_rows_that_cannot_hold_the_text() -> None:
    from narrative.api import load_document
    from narrative.checks.text_support import cell_spans

    from .conftest import SAMPLES

    doc = load_document(str(SAMPLES / "qinghe-xuanchuanbu-2024.txt"))

    def holds(text: str) -> bool:
        return "公用经费" in text or "住房" in text

    every = [(s.line.number, s.col, s.text) for s in cell_spans(doc) if s.line is not None]
    kept = [(s.line.number, s.col, s.text) for s in cell_spans(doc, rows=holds) if s.line is not None]
    assert [c for c in every if holds(c[2])] == [c for c in kept if holds(c[2])]
    assert [c for c in kept if holds(c[2])]  # the sample's tables hold such cells (住房保障支出, 公用经费)
    assert len(kept) < len(every)  # and rows without them were skipped


def test_any_of_finds_each_word_as_written() -> None:
    from narrative.checks.rules.txt_subjects import _any_of

    find = _any_of(("医疗卫生与计划生育支出", "支出(类)", "a.b")).search
    assert find("2024年医疗卫生与计划生育支出12万元")
    assert find("其他支出(类)")  # parentheses and the dot are text, not pattern
    assert not find("其他支出类") and not find("axb") and not find("卫生健康支出")


def test_widen_makes_every_listed_mark_full_width() -> None:
    from narrative.checks.rules.txt_template import _widen

    assert _widen("a,b:c;d(e)f!g?h") == "a，b：c；d（e）f！g？h"
    assert _widen("增加(减少),,主要原因:") == "增加（减少），，主要原因："
    assert _widen("无标点的文字") == "无标点的文字"
