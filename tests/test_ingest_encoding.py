"""Bad bytes in a text report: named by line and column, a few read with a note, many refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative.errors import InputError
from narrative.ingest import read_source
from narrative.ingest.text import decode_text

LINE = "本年收入合计 311.56 万元，比上年增加 1.00 万元。"  # 31 characters, 65 bytes in UTF-8


def _lines(n: int = 1000) -> list[str]:
    return [LINE] * n


def _with_bad(lines: list[str], at: dict[int, bytes], encoding: str = "utf-8", eol: str = "\n") -> bytes:
    """Encode ``lines``; on line k (1-based) put ``at[k]`` before its 5th character (合)."""
    out = []
    for k, text in enumerate(lines, start=1):
        b = text.encode(encoding)
        if k in at:
            cut = len(text[:4].encode(encoding))
            b = b[:cut] + at[k] + b[cut:]
        out.append(b)
    return eol.encode().join(out)


def test_one_bad_byte_late_in_utf8_is_read_and_named_by_line_and_column() -> None:
    data = _with_bad(_lines(), {700: b"\xff"})
    assert data.index(b"\xff") > 30000  # where the old reader said "undecodable byte at 40"
    d = decode_text(data)
    assert d.encoding == "utf-8"
    assert d.notes == ("not valid UTF-8 at 1 place, read as \ufffd: line 700 column 5",)
    assert d.text.split("\n")[699] == "本年收入\ufffd合计 311.56 万元，比上年增加 1.00 万元。"
    assert d.text.split("\n")[698] == LINE


def test_a_few_bad_places_in_gb18030_with_crlf_lines() -> None:
    data = _with_bad(_lines(), {3: b"\xff", 640: b"\x80"}, encoding="gb18030", eol="\r\n")
    d = decode_text(data)
    assert d.encoding == "gb18030"
    assert d.notes == ("not valid GB18030 at 2 places, read as \ufffd: line 3 column 5, line 640 column 5",)


def test_the_note_names_five_places_and_counts_the_rest() -> None:
    data = _with_bad(_lines(), {k: b"\xff" for k in (10, 20, 30, 40, 50, 60, 70)})
    (note,) = decode_text(data).notes
    assert note == (
        "not valid UTF-8 at 7 places, read as \ufffd: line 10 column 5, line 20 column 5, line 30 column 5, "
        "line 40 column 5, line 50 column 5 and 2 more"
    )


def test_many_bad_bytes_are_refused_naming_the_first_by_line_and_column() -> None:
    data = _with_bad(_lines(), {700: b"\xff" * 80})
    assert len(data) == 1000 * 65 + 999 + 80
    # One bad place per 1,000 bytes is allowed: 66 here, fewer than 80.
    with pytest.raises(InputError) as err:
        decode_text(data)
    assert str(err.value) == (
        "neither UTF-8 nor GB18030 text (first at line 700 column 5 as UTF-8; more than 66 bad places)"
    )


def test_bytes_that_are_neither_encoding() -> None:
    with pytest.raises(InputError) as err:
        decode_text(b"abc\n" + b"\xff" * 100)
    assert str(err.value) == (
        "neither UTF-8 nor GB18030 text (first at line 2 column 1 as UTF-8; more than 8 bad places)"
    )


def test_bom_with_a_bad_byte_and_bom_over_gb18030() -> None:
    d = decode_text(b"\xef\xbb\xbf" + _with_bad(_lines(10), {2: b"\xc3"}))
    assert d.encoding == "utf-8-sig"
    assert d.notes == ("not valid UTF-8 at 1 place, read as \ufffd: line 2 column 5",)
    with pytest.raises(InputError) as err:
        decode_text(b"\xef\xbb\xbf" + "\n".join(_lines(10)).encode("gb18030"))
    assert str(err.value) == (
        "invalid UTF-8 after a UTF-8 BOM (first at line 1 column 1 as UTF-8; more than 8 bad places)"
    )


def test_clean_text_has_no_notes() -> None:
    assert decode_text("\n".join(_lines()).encode("utf-8")).notes == ()
    assert decode_text("\n".join(_lines()).encode("gb18030")).notes == ()


def test_read_source_hands_the_note_on(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(_with_bad(_lines(50), {12: b"\xfe"}))
    doc = read_source(str(path))
    assert doc.notes == ("not valid UTF-8 at 1 place, read as \ufffd: line 12 column 5",)
    assert doc.lines[11].text.startswith("本年收入\ufffd合计")
