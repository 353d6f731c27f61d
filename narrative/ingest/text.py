"""Read a report given as text.

Government offices save text as UTF-8, UTF-8 with a BOM, or GB18030/GBK.
Strict UTF-8 is tried first because GB18030 decodes almost any byte string
into *something*; only when UTF-8 fails is GB18030 tried, strictly.  Inputs
that are not text at all (binary, UTF-16, empty) are refused with a one-line
message rather than analysed as garbage.

A file that is one of these encodings except for a few bad bytes (a copy cut
inside a character, one byte flipped on a disk or by an editor) is read, each
bad place shown as U+FFFD, and a note names the places by line and column: the
rest of the report is still worth checking, and its reader sees exactly where
the text is not the file's.  "A few" is at most one bad place per 1,000 bytes
(at least ``MIN_ALLOWANCE``); a file with more is refused, and the message
names its first bad byte by line and column too.  Both places are as seen by
the more plausible of the two decodings, the one with fewer bad places (UTF-8
on a tie): a UTF-8 file with one bad byte is a UTF-8 file, whatever offset
GB18030 would have given up at.
"""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass

from ..errors import InputError
from ..source import SourceDocument, SourceLine
from .bounded import read_bounded

MAX_TEXT_BYTES = 32 * 1024 * 1024  # a real report is ~100 KB; this is 300 reports' worth
BAD_PER_BYTES = 1000  # at most one bad place per this many bytes is "a few"
MIN_ALLOWANCE = 8
SHOWN = 5  # bad places named in a note; the rest are counted

_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GB18030"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig" or "gb18030"
    notes: tuple[str, ...] = ()


class _TooMany(Exception):
    pass


_scan_state = threading.local()


def _mark(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: note where the bad bytes start, go on with U+FFFD."""
    assert isinstance(err, UnicodeDecodeError)
    bad: list[int] = _scan_state.bad
    bad.append(err.start)
    if len(bad) > _scan_state.cap:
        raise _TooMany
    return "\ufffd", err.end


codecs.register_error("narrative.mark", _mark)


@dataclass
class _Scan:
    codec: str
    text: str | None  # None when there were more than ``cap`` bad places
    bad: list[int]  # byte offsets of the bad places (at most cap + 1)


def _scan(body: bytes, codec: str, cap: int) -> _Scan:
    _scan_state.bad, _scan_state.cap = [], cap
    try:
        return _Scan(codec, body.decode(codec, "narrative.mark"), _scan_state.bad)
    except _TooMany:
        return _Scan(codec, None, _scan_state.bad)
    finally:
        _scan_state.bad = []


def line_col(body: bytes, offset: int, codec: str) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset``; lines end at \\n, \\r\\n
    or \\r, as the reader splits them.  (No GB18030 or UTF-8 multi-byte character holds
    the bytes of \\n or \\r, so they can be counted as bytes.)"""
    crlf = body.count(b"\r\n", 0, offset)
    line = body.count(b"\n", 0, offset) + body.count(b"\r", 0, offset) - crlf + 1
    start = max(body.rfind(b"\n", 0, offset), body.rfind(b"\r", 0, offset)) + 1
    return line, len(body[start:offset].decode(codec, "replace")) + 1


def _places(body: bytes, offsets: list[int], codec: str) -> str:
    shown = []
    for off in offsets[:SHOWN]:
        line, col = line_col(body, off, codec)
        shown.append(f"line {line} column {col}")
    more = f" and {len(offsets) - SHOWN} more" if len(offsets) > SHOWN else ""
    return ", ".join(shown) + more


def decode_text(data: bytes) -> Decoded:
    """Decode a text report; notes name the bad places read as U+FFFD.  InputError when
    the bytes are not text or not mostly UTF-8 or GB18030."""
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
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    codecs_to_try = ["utf-8"] if bom else ["utf-8", "gb18030"]
    for codec in codecs_to_try:
        try:
            return Decoded(body.decode(codec), "utf-8-sig" if bom else codec)
        except UnicodeDecodeError:
            pass
    cap = max(MIN_ALLOWANCE, len(body) // BAD_PER_BYTES)
    scans = [_scan(body, codec, cap) for codec in codecs_to_try]
    best = min(scans, key=lambda s: (len(s.bad), -s.bad[0]))  # fewer bad places, then the later first one
    name = _NAMES[best.codec]
    if best.text is not None:
        n = len(best.bad)
        places = _places(body, best.bad, best.codec)
        note = f"not valid {name} at {n} place{'s' if n > 1 else ''}, read as \ufffd: {places}"
        return Decoded(best.text, "utf-8-sig" if bom else best.codec, (note,))
    line, col = line_col(body, best.bad[0], best.codec)
    where = f"first at line {line} column {col} as {name}; more than {cap} bad places"
    if bom:
        raise InputError(f"invalid UTF-8 after a UTF-8 BOM ({where})")
    raise InputError(f"neither UTF-8 nor GB18030 text ({where})")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of :func:`decode_text`, without its notes."""
    d = decode_text(data)
    return d.text, d.encoding


# The control characters that no text report holds (TAB, LF, CR and FF are text), counted one
# by one with ``str.count`` (a C loop each): counting them character by character in Python
# took longer than the rest of reading the file.
_CONTROLS = tuple(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(sample.count(c) for c in _CONTROLS)
    return bad / len(sample)


def read_text(path: str) -> SourceDocument:
    """Read ``path`` as a text report (once, at most ``MAX_TEXT_BYTES``)."""
    return text_document(path, read_bounded(path, MAX_TEXT_BYTES))


def text_document(path: str, data: bytes) -> SourceDocument:
    decoded = decode_text(data)
    text = decoded.text
    if _control_ratio(text) > 0.01:
        raise InputError("binary file, not a text report")
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [SourceLine.of_text(i + 1, t) for i, t in enumerate(raw_lines)]
    return SourceDocument(path=path, lines=lines, format="text", encoding=decoded.encoding, notes=decoded.notes)
