"""``narrative diff`` output: text (rich; coloured on a terminal, plain when piped), Markdown
for a review memo, JSON (``ReportDiff.to_dict``, schema in the README).

Text is laid out for 80 columns: the key figures as a table, then the copy-forward findings,
then every changed table cell, then the prose that changed with the words that changed marked
(``[-old-]{+new+}`` when plain, red and green on a terminal; figures in bold).  Sentences
left as they were are not listed, except those a finding points at.
"""

from __future__ import annotations

import json
from typing import TextIO

from ..api import KeyFigure, ReportDiff, SentenceChange, Severity, Span, TableDiff

STATUS_WORDS = {"numbers": "figures changed", "rewritten": "rewritten", "new": "new", "removed": "removed",
                "unchanged": "unchanged"}


def render_json(d: ReportDiff) -> str:
    return json.dumps(d.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _at(span: Span | None) -> str:
    if span is None or span.line is None:
        return "?"
    return f"p{span.page}:{span.line}" if span.page else str(span.line)


def _signed(text: str | None) -> str:
    if text is None:
        return ""
    if text.startswith("-") or not text.strip("0.,"):
        return text
    return f"+{text}"


def _title(d: ReportDiff) -> str:
    def side(s, name: bool = True):  # type: ignore[no-untyped-def]
        who = f"{s.name or s.department or '?'} " if name else ""
        return f"{who}{s.year or '?'} {s.kind or ''}".strip()

    how = {"year-to-year": "year to year", "budget-outcome": "budget against outcome"}.get(d.comparison or "", "")
    same = (d.old.department or d.old.name) == (d.new.department or d.new.name)
    return f"{side(d.old)} → {side(d.new, not same)}" + (f" ({how})" if how else "")


def _statement(k: KeyFigure, line: bool = True) -> str:
    st = k.statement
    if st is None:
        return ""
    if st.change is None:
        said = "持平" if st.direction == 0 else "?"
    else:
        unit = "" if st.unit == k.unit else st.unit or ""
        said = f"{'增加' if st.direction > 0 else '减少'}{st.change}{unit}" + (f", {st.pct}%" if st.pct else "")
    return f"{said} (line {_at(st.span)})" if line else said


def _flagged(d: ReportDiff, p: SentenceChange) -> bool:
    """A warning or an error points at this sentence (infos are not shown)."""
    return any((f := d.finding(fp)) is not None and f.severity >= Severity.WARNING for fp in p.findings)


def _unit(d: ReportDiff) -> str | None:
    """The unit of every key figure, when they share one (else each row says its own)."""
    units = {k.unit for k in d.key_figures}
    return units.pop() if len(units) == 1 else None


def _labels(t: TableDiff) -> dict[str, str]:
    """Row labels for display: the label, with the row's key where two rows share a label
    (公开01 prints 总计 on both sides)."""
    rows = {c.row: c.label for c in t.cells}
    by_label: dict[str, set[str]] = {}
    for row, label in rows.items():
        by_label.setdefault(label, set()).add(row)
    return {row: f"{label} ({row})" if len(by_label[label]) > 1 else label for row, label in rows.items()}


def _years(d: ReportDiff) -> tuple[str, str]:
    o = str(d.old.year or "OLD")
    n = str(d.new.year or "NEW")
    if o == n:
        o, n = f"{o} {d.old.kind or ''}".strip(), f"{n} {d.new.kind or ''}".strip()
    return o, n


# ---------------------------------------------------------------------- text
def render_text(d: ReportDiff, out: TextIO, *, color: bool | None = None, width: int | None = None) -> None:
    """Write the diff as text to ``out``; ``color`` None: when ``out`` is a terminal."""
    import io

    from rich import box
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    probe = Console(file=out, force_terminal=color, width=width)
    buf = io.StringIO()
    # rendered into a buffer and written with trailing blanks cut (rich pads wrapped lines)
    con = Console(file=buf, force_terminal=probe.is_terminal, no_color=color is False or not probe.is_terminal,
                  color_system="auto" if color is not False and probe.is_terminal else None, width=probe.width,
                  highlight=False, emoji=False, soft_wrap=False)

    def indented(text: Text, by: int = 4) -> None:
        con.print(Padding(text, (0, 0, 0, by), expand=False))

    con.print(Text(f"narrative diff: {_title(d)}", style="bold"))
    con.print(Text(f"  OLD {d.old.path}\n  NEW {d.new.path}"))
    for note in d.notes:
        con.print(Text(f"note: {note}", style="yellow"))
    o, n = _years(d)
    if d.key_figures:
        con.print()
        unit = _unit(d)
        t = Table(title=None, box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, expand=False)
        t.add_column("key figure", overflow="fold", ratio=3)
        for h in (o, n, "change", "%"):
            t.add_column(h, justify="right", no_wrap=True)
        t.add_column("report says", overflow="fold", ratio=2)
        t.add_column("line", justify="right", no_wrap=True)
        for k in d.key_figures:
            mark = Text(_statement(k, line=False), style="red bold" if k.disagrees else "")
            if k.disagrees:
                mark.append(" ✗")
            name = k.name if unit else f"{k.name} ({k.unit or '?'})"
            t.add_row(name, k.old_text or "—", k.new_text or "—", _signed(k.change),
                      _signed(k.change_pct), mark, _at(k.statement.span) if k.statement else "")
        con.print(Text(f"Key figures{f' ({unit})' if unit else ''}; report says: the new report's 比上年 "
                       "statement (✗ where it disagrees)", style="bold"))
        con.print(t)
        for k in d.key_figures:
            if k.disagrees:
                indented(Text(f"✗ {k.name}: {k.why}", style="red"), 2)
    shown = [f for f in d.findings if f.severity >= Severity.WARNING]
    con.print()
    con.print(Text(f"Copy-forward and year-to-year findings ({len(shown)})", style="bold"))
    for f in shown:
        style = "red" if f.severity == Severity.ERROR else "yellow"
        indented(Text(f"{_at(f.span)}: {f.rule} {f.severity} {f.message}", style=style), 2)
        if f.explanation:
            indented(Text(f"how: {f.explanation}"), 6)
    if not shown:
        con.print("  none")
    _tables_text(con, d.tables, indented)
    _prose_text(con, d, color is not False and probe.is_terminal, indented)
    s = d.summary
    con.print()
    con.print(Text(f"{s['tables_changed']} table(s) changed, {s['tables_added']} added, {s['tables_removed']} removed; "
                   f"{s['cells_changed']} cell(s) changed; {s['sentences_numbers']} sentence(s) with figures changed, "
                   f"{s['sentences_rewritten']} rewritten, {s['sentences_new']} new, {s['sentences_removed']} removed; "
                   f"{s['findings_error']} error(s), {s['findings_warning']} warning(s)"))
    out.write("\n".join(line.rstrip() for line in buf.getvalue().split("\n")))


def _tables_text(con, tables: list[TableDiff], indented) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    changed = [t for t in tables if t.status != "unchanged"]
    con.print()
    con.print(Text(f"Tables ({len(changed)} of {len(tables)} changed)", style="bold"))
    for t in changed:
        name = f"{t.kind}{' ' + t.instance if t.instance else ''} {t.name}"
        if t.status in ("added", "removed"):
            indented(Text(f"{name}: {t.status} (line {_at(t.new_span or t.old_span)})",
                          style="green" if t.status == "added" else "red"), 2)
            continue
        unit = t.new_unit or t.old_unit
        indented(Text(f"{name}{f' ({unit})' if unit else ''}: {len(t.cells)} cell(s) changed", style="bold"), 2)
        labels = _labels(t)
        for c in t.cells:
            line = Text(f"{_at(c.new_span)} {labels.get(c.row, c.label)} [{c.column}] ")
            line.append(f"{c.old if c.old is not None else '—'} → {c.new if c.new is not None else '—'}")
            if c.change is not None:
                line.append(f"  {_signed(c.change)}" + (f" ({_signed(c.change_pct)}%)" if c.change_pct else ""),
                            style="cyan")
            indented(line)
        for r in t.rows_added:
            indented(Text(f"+ {_at(r.span)} {r.label}: " + ", ".join(v for _, v in r.cells if v), style="green"))
        for r in t.rows_removed:
            indented(Text(f"- {r.label}: " + ", ".join(v for _, v in r.cells if v), style="red"))


def _words_text(p: SentenceChange, rich_marks: bool):  # type: ignore[no-untyped-def]
    from rich.text import Text

    t = Text()
    for w in p.words:
        if w.op == "equal":
            t.append(w.new)
            continue
        bold = " bold" if w.figure else ""
        if rich_marks:
            if w.old:
                t.append(w.old, style="red strike" + bold)
            if w.new:
                t.append(w.new, style="green" + bold)
        else:
            if w.old:
                t.append(f"[-{w.old}-]")
            if w.new:
                t.append(f"{{+{w.new}+}}")
    return t


def _prose_text(con, d: ReportDiff, rich_marks: bool, indented) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    s = d.summary
    con.print()
    con.print(Text(f"Prose ({s['sentences_unchanged']} unchanged, {s['sentences_numbers']} with figures changed, "
                   f"{s['sentences_rewritten']} rewritten, {s['sentences_new']} new, {s['sentences_removed']} removed)",
                   style="bold"))
    section = None
    for p in d.prose:
        flagged = _flagged(d, p)
        if p.status == "unchanged" and not flagged:
            continue
        if p.section != section and p.status != "removed":
            section = p.section
            indented(Text(f"§ {section or '(before the first heading)'}", style="bold"), 2)
        tag = STATUS_WORDS[p.status] + (" · flagged" if flagged else "")
        head = Text(f"{_at(p.new_span if p.new_span else p.old_span)} [{tag}] ",
                    style="red" if p.status == "removed" else "green" if p.status == "new" else "")
        if p.status in ("numbers", "rewritten"):
            head.append_text(_words_text(p, rich_marks))
        elif p.status == "removed":
            head.append(p.old or "")
        else:
            head.append(p.new or "")
        indented(head)
        for fp in p.findings:
            f = d.finding(fp)
            if f is not None and f.severity >= Severity.WARNING:
                indented(Text(f"↳ {f.rule}: {f.message}", style="yellow"), 8)


# ---------------------------------------------------------------------- Markdown
def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def render_markdown(d: ReportDiff) -> str:
    o, n = _years(d)
    lines = [f"# {_title(d)}", "", f"- OLD: `{d.old.path}`", f"- NEW: `{d.new.path}`"]
    lines += [f"- note: {x}" for x in d.notes]
    if d.key_figures:
        lines += ["", "## Key figures", "", f"| key figure | unit | {o} | {n} | change | % | the report's 比上年 |",
                  "|---|---|---:|---:|---:|---:|---|"]
        for k in d.key_figures:
            st = _statement(k) + (" **✗ disagrees**" if k.disagrees else "")
            lines.append(f"| {_md(k.name)} | {k.unit or ''} | {k.old_text or '—'} | "
                         f"{k.new_text or '—'} | {_signed(k.change)} | {_signed(k.change_pct)} | {_md(st)} |")
        lines += [f"- **{k.name}**: {_md(k.why)}" for k in d.key_figures if k.disagrees]
    shown = [f for f in d.findings if f.severity >= Severity.WARNING]
    lines += ["", f"## Copy-forward and year-to-year findings ({len(shown)})", ""]
    lines += [f"- line {_at(f.span)}: **{f.rule}** {f.severity}: {_md(f.message)}" for f in shown] or ["None."]
    lines += ["", "## Tables", ""]
    for t in d.tables:
        if t.status == "unchanged":
            continue
        name = f"{t.kind}{' ' + t.instance if t.instance else ''} {t.name}"
        if t.status in ("added", "removed"):
            lines += [f"- {_md(name)}: **{t.status}**"]
            continue
        lines += ["", f"### {_md(name)} ({t.new_unit or t.old_unit or ''})", "",
                  f"| line | row | column | {o} | {n} | change | % |", "|---:|---|---|---:|---:|---:|---:|"]
        lines += [f"| {_at(c.new_span)} | {_md(c.label)} | {c.column} | {c.old or '—'} | {c.new or '—'} | "
                  f"{_signed(c.change)} | {_signed(c.change_pct)} |" for c in t.cells]
        lines += [f"- added row {_md(r.label)}" for r in t.rows_added]
        lines += [f"- removed row {_md(r.label)}" for r in t.rows_removed]
    lines += ["", "## Prose", ""]
    for p in d.prose:
        if p.status == "unchanged" and not _flagged(d, p):
            continue
        if p.status in ("numbers", "rewritten"):
            body = "".join(_md(w.new) if w.op == "equal" else
                           (f"~~{_md(w.old)}~~" if w.old else "") + (f"**{_md(w.new)}**" if w.new else "")
                           for w in p.words)
        else:
            body = _md(p.new if p.status != "removed" else p.old)
        flag = " ⚑" if _flagged(d, p) else ""
        lines.append(f"- line {_at(p.new_span or p.old_span)} ({STATUS_WORDS[p.status]}{flag}): {body}")
    return "\n".join(lines) + "\n"
