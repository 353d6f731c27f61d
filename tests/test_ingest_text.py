"""Text ingest: encodings, refusals with one-line messages, folding with an offset map."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative.errors import InputError
from narrative.ingest.text import decode, read_text
from narrative.normalize import fold
from narrative.source import SourceDocument, SourceLine
from narrative.structure import build_document

REPORT = "某某局 2024 年度部门决算\n\n第三部分 情况说明\n\n本年收入合计 311.56 万元，比上年减少 140.31 万元，下降 31.05%。\n"


def test_utf8_bom_and_gb18030_decode_to_the_same_text() -> None:
    assert decode(REPORT.encode("utf-8"))[0] == REPORT
    assert decode(b"\xef\xbb\xbf" + REPORT.encode("utf-8")) == (REPORT, "utf-8-sig")
    text, enc = decode(REPORT.encode("gb18030"))
    assert text == REPORT and enc == "gb18030"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        ("报告".encode("utf-16"), "UTF-16 text is not supported; save the report as UTF-8"),
        ("决算 report".encode("utf-16-le"), "UTF-16 text is not supported; save the report as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not a text report"),
    ],
)
def test_refusals_are_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode(data)
    assert str(err.value) == message
    assert "\n" not in str(err.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open"):
        read_text(str(tmp_path / "nope.txt"))


def test_fold_keeps_length_and_folds_full_width_forms() -> None:
    s = "１６．５１ 万元，占４２．２９％：（一）"
    f = fold(s)
    assert len(f) == len(s)
    assert f == "16.51 万元,占42.29%:(一)"


def _doc(lines: list[str]):  # type: ignore[no-untyped-def]
    src = SourceDocument("x.txt", [SourceLine(i + 1, t) for i, t in enumerate(lines)], "text")
    return build_document(src)


def test_broken_sentence_is_joined_and_keeps_line_numbers() -> None:
    # The shape of the real report's lines 458-460: a page break inside "公务用车".
    doc = _doc([
        "某某局 2024 年度部门决算",
        "",
        "公务用车购置全年预算数 0.00 万元，决算数 0.00 万元，主要原因：未安排公务用车购置。全年使用财政拨款购置公务用",
        "",
        "车 0 辆。",
    ])
    paras = [b for b in doc.blocks if b.kind == "paragraph" and "公务用" in b.text]
    assert len(paras) == 1
    block = paras[0]
    assert "购置公务用车 0 辆。" in block.text
    at = block.text.index("车 0 辆")
    assert block.line_at(at).number == 5
    assert block.line_at(0).number == 3
    assert block.loc(at - 3, at + 5).line == 3 and block.loc(at - 3, at + 5).end_line == 5


def test_headings_and_enumerated_items_are_not_joined() -> None:
    doc = _doc([
        "某某局 2024 年度部门决算",
        "四、一般公共预算财政拨款基本支出决算情况说明",
        "本部门 2024 年度一般公共预算财政拨款基本支出 133.98 万元，其中：",
        "（一）工资福利支出 97.93 万元，比上年减少 15.06 万元，下降 13.33%，主要原因：人员变动。",
    ])
    kinds = [(b.kind, b.first_line.number) for b in doc.blocks]
    assert ("heading", 2) in kinds
    assert ("paragraph", 3) in kinds and ("paragraph", 4) in kinds


def test_excerpt_shows_original_full_width_text() -> None:
    doc = _doc(["某某局 2024 年度部门决算", "本年收入合计３１１．５６万元，占１００．００％。"])
    para = next(b for b in doc.blocks if b.kind == "paragraph" and "收入" in b.text)
    i = para.norm.index("311.56")
    assert para.text[i : i + 6] == "３１１．５６"


def test_a_line_made_by_the_text_reader_is_the_line_the_dataclass_makes() -> None:
    # SourceLine.of_text skips the frozen __init__ (speed); it must make the same line.
    text = "（一）基本支出　１２３．４５ 万元，"
    fast, slow = SourceLine.of_text(7, text), SourceLine(7, text)
    assert fast == slow and vars(fast) == vars(slow)
    assert fast.norm == "(一)基本支出 123.45 万元,"  # folded one for one
    assert (fast.page, fast.wraps, fast.file, fast.sheet) == (None, None, None, None)
    with pytest.raises(AttributeError):
        fast.text = "x"  # type: ignore[misc]  # still frozen
