"""Read a report given as text.

Government offices save text as UTF-8, UTF-8 with a BOM, or GB18030/GBK.
Strict UTF-8 is tried first because GB18030 decodes almost any byte string
into *something*; only when UTF-8 fails is GB18030 tried, strictly.  Inputs
that are not text at all (binary, UTF-16, empty) are refused with a one-line
message rather than analysed as garbage.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..source import SourceDocument, SourceLine

MAX_TEXT_BYTES = 32 * 1024 * 1024  # a real report is ~100 KB; this is 300 reports' worth


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    if not data.strip():
        raise InputError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("UTF-16 text is not supported; save the report as UTF-8")
    head = data[:4096]
    if head.count(b"\x00") > 0:
        # UTF-16 without a BOM shows a NUL every other byte for ASCII.
        if len(head) >= 8 and head[1::2].count(0) > len(head) // 4:
            raise InputError("UTF-16 text is not supported; save the report as UTF-8")
        raise InputError("binary file, not a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as err:
            raise InputError(f"invalid UTF-8 after a UTF-8 BOM at byte {err.start + 3}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as err:
        raise InputError(f"neither UTF-8 nor GB18030 text (undecodable byte at {err.start})") from None


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / len(sample)


def read_text(path: str) -> SourceDocument:
    try:
        size = os.path.getsize(path)
    except OSError as err:
        raise InputError(f"cannot open: {err.strerror or err}") from None
    if size > MAX_TEXT_BYTES:
        raise InputError(f"file too large ({size / 1048576:.0f} MiB; limit {MAX_TEXT_BYTES // 1048576} MiB)")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    return text_document(path, data)


def text_document(path: str, data: bytes) -> SourceDocument:
    text, encoding = decode(data)
    if _control_ratio(text) > 0.01:
        raise InputError("binary file, not a text report")
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [SourceLine(number=i + 1, text=t) for i, t in enumerate(raw_lines)]
    return SourceDocument(path=path, lines=lines, format="text", encoding=encoding)
