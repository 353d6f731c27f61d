"""TXT008: a punctuation mark written twice in a row (。。 ，， 、、 ；； ：：).
"""

from __future__ import annotations

from ... import patterns
from ...findings import Severity
from ..base import Context, checker, declare
from ..text_support import prose_spans, sentence_at

TXT008 = declare("TXT008", "doubled-punctuation", Severity.WARNING, "prose", """
    A punctuation mark is written twice in a row.

    What it checks: a full stop, comma, enumeration comma, semicolon, colon, question or
    exclamation mark doubled in the prose (。。 ，， 、、 ；； ：： and their half-width forms,
    which the reading folds together).  The marks that are doubled on purpose (…… and ——)
    are not among them.  Tables are not read: a cell holds no punctuation to speak of.

    Why it matters: like a doubled character (TXT007), a doubled mark is a typing slip the
    editor did not re-read; 、、 often marks an item deleted from a list, whose count the
    sentence may still state.

    Example: "主要原因：收到银行存款利息等零星收入。。".
    """)

DOUBLED = patterns.compile(r"([,。、;:!?])\1+")


@checker("TXT008")
def check_doubled_punctuation(ctx: Context) -> None:
    for span in prose_spans(ctx.doc, tables=False):
        if span.kind == "toc":
            continue
        for m in DOUBLED.finditer(span.text):
            a, b = m.start(), m.end()
            written = span.raw(a, b)
            ctx.emit(TXT008, f"'{written[0]}' written {b - a} times in a row: '{written}'", span.loc(a, b),
                     sentence_at(span, a)[:160], stated=written, computed=written[0],
                     explanation=f"…{span.raw(max(0, a - 8), min(len(span.text), b + 8))}…: the mark "
                     f"'{written[0]}' is repeated with nothing between",
                     key=f"punct:{m.group(1)}")
