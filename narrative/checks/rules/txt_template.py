"""TXT005: template instructions left in the published text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ... import patterns
from ...findings import Severity
from ...lexicon import load_toml
from ...model import Document, Loc, Table
from ..base import Context, checker, declare
from ..text_support import ProseSpan, prose_spans, sentence_at

TXT005 = declare("TXT005", "template-residue", Severity.WARNING, "prose", """
    Text left over from the official template: placeholders, instructions, unchosen alternatives.

    What it checks: the phrases of ``lexicons/template_phrases.toml`` marked ``flag = true``
    (XX / XXX placeholders, "增加（减少）", "大于（小于）", "仍保留该表格式", "（如持平作持平表述）",
    "主要原因是。" …), matched with spaces and line breaks removed; and a note saying a table
    has no data ("故本表无数据") under a table that has data.

    Why it matters: template text tells the reader the report was not finished; an unchosen
    "增加（减少）" leaves the direction of a change unsaid.

    Example: "主要原因：XXXXXXXX。" after a change, or "下降（增长）27.78%".
    """)



# ---------------------------------------------------------------------- TXT005: template residue
@dataclass(frozen=True)
class Phrase:
    pattern: regex.Pattern[str]
    text: str
    kind: str
    why: str
    seen_in: str


@cache
def template_phrases() -> tuple[Phrase, ...]:
    out = []
    for e in load_toml("template_phrases.toml").get("phrase", []):
        if not e.get("flag", True):
            continue
        pat = e["pattern"] if e.get("regex") else regex.escape(e["pattern"])
        out.append(Phrase(patterns.compile(pat), e["pattern"], e.get("kind", ""), e.get("why", ""), e.get("seen_in", "")))
    return tuple(out)


# The template's phrases are written in full-width punctuation; reports mix both widths.
_WIDEN = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}


def _widen(text: str) -> str:
    """``text`` with the half-width punctuation of ``_WIDEN`` made full-width.  A replace per mark
    the text holds: str.translate with a table looks every character of a Chinese text up."""
    for narrow, wide in _WIDEN.items():
        if narrow in text:
            text = text.replace(narrow, wide)
    return text
NO_DATA_RE = patterns.compile(r"故本表无数据|本表无数据|本表为空表|此表无数据")


def _squeezed(span: ProseSpan) -> tuple[str, list[int]]:
    """The span's original text with whitespace removed and punctuation widened, and the
    index of each kept character in the span's text."""
    raw = span.raw(0, len(span.text))
    keep = [i for i, ch in enumerate(raw) if not ch.isspace()]
    return _widen("".join(raw[i] for i in keep)), keep


def _squeezed_text(span: ProseSpan) -> str:
    """``_squeezed(span)[0]`` without the index (str.split drops exactly the characters for which
    str.isspace holds): all a span without residue needs."""
    return _widen("".join(span.raw(0, len(span.text)).split()))


_BACKREF_RE = patterns.compile(r"\\[1-9]|\(\?P=|\\g<")


@cache
def _any_phrase() -> regex.Pattern[str] | None:
    """One pattern matching wherever a flagged phrase matches (their alternation): a span where
    it finds nothing holds no phrase, and the phrases one by one are tried only on the others.
    None when a phrase cannot be joined without changing its meaning (a back-reference, whose
    group number would shift, or a flag of its own, which would apply to every phrase)."""
    phrases = template_phrases()
    plain = patterns.compile("").flags
    if not phrases or any(ph.pattern.flags != plain or _BACKREF_RE.search(ph.pattern.pattern) for ph in phrases):
        return None
    return patterns.compile("|".join(f"(?:{ph.pattern.pattern})" for ph in phrases))


def _note_table(doc: Document, span: ProseSpan) -> Table | None:
    """The table a no-data note speaks of: the table it is a note of, else the table right above."""
    if span.table is not None:
        return span.table
    if span.block is None:
        return None
    line = span.block.first_line.number
    above = [t for t in doc.tables if t.rows and t.rows[-1].line.number < line]
    if not above:
        return None
    t = max(above, key=lambda t: t.rows[-1].line.number)
    return t if line - t.rows[-1].line.number <= 6 else None


@checker("TXT005")
def check_template_residue(ctx: Context) -> None:
    doc = ctx.doc
    anyp = _any_phrase()
    for span in prose_spans(doc):
        if span.kind == "toc":
            continue
        text = _squeezed_text(span)
        hits: list[tuple[int, int, Phrase, str]] = []
        if anyp is None or anyp.search(text):
            text, keep = _squeezed(span)
            for ph in template_phrases():
                for m in ph.pattern.finditer(text):
                    if m.end() > m.start():
                        hits.append((keep[m.start()], keep[m.end() - 1] + 1, ph, m.group(0)))
        if hits:
            # one finding per paragraph (or note line), at its first residue, listing them all
            hits.sort(key=lambda h: h[0])
            a, b, ph, got = hits[0]
            shown = "、".join(dict.fromkeys(f"'{h[3]}'" for h in hits))
            kinds = "/".join(dict.fromkeys(h[2].kind or "text" for h in hits))
            ctx.emit(TXT005, f"template {kinds} left in the report: {shown}", span.loc(a, b), sentence_at(span, a),
                     stated=got, explanation="; ".join(dict.fromkeys(
                         f"'{h[3]}': {h[2].why} (template: {h[2].seen_in or 'derived from the template'})"
                         for h in hits)), key=f"tpl:{got}")
        nd = NO_DATA_RE.search(text)
        if nd:
            t = _note_table(doc, span)
            if t is not None and t.has_data:
                a = _squeezed(span)[1][nd.start()]
                title = t.first_line
                ctx.emit(TXT005, f"note says '{nd.group(0)}' but {t.title or t.kind} has data", span.loc(a),
                         sentence_at(span, a), stated=nd.group(0),
                         explanation=f"the note under {t.title or t.kind} (line {title.number}) says the table is "
                         "empty, but it holds non-zero figures: the note was copied from a report without them",
                         related=[Loc.at(title)], key=f"nodata:{t.kind}")
