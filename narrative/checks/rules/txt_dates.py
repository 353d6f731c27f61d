"""TXT001 and TXT002: years and dates that cannot be the report's own.

A year is checked only where its context fixes it (the report speaking of itself, a
comparison with the year before, the year line of a table), never inside a title in 《》
or a document number; a date is checked against the period the report accounts for and
the documents it cites.
"""

from __future__ import annotations

from ...findings import Severity
from ..base import Context, checker, declare
from ..text_support import date_issues, sentence_at, title_loc, year_issues

# ---------------------------------------------------------------------- rules
TXT001 = declare("TXT001", "stale-year", Severity.ERROR, "prose", """
    A year that must be the report's year (or the year before) is another one.

    What it checks: years in contexts that fix them.  The report's own year: "本部门 2023 年度
    收入总计…", "2023 年度部门决算表", "纳入2023年度部门预算范围", "截止 2023 年 12 月 31 日",
    a table's "2023 年度" line, in a 2024 report.  The year before: "比 2022 年度增加",
    "与 2022 年相比", "上年结转和结余：填列 2022 年全部结转和结余", "2022年上年结余资金", and
    in a 2024 预算 (compiled before 2024 ends) "截至 2023 年 12 月 31 日" for its assets.
    Years inside 《》 or quotes (titles, project names) and document numbers (〔2025〕) are
    never checked, nor years whose context does not say which year they must be.

    Why it matters: the report was copied from last year's and the year was not overwritten;
    every figure of that sentence is then suspect too.

    Example: "本部门 2023 年度政府采购支出总额 26.85 万元" in the 2024 report (title, line 3):
    2023 should be 2024.
    """)


TXT002 = declare("TXT002", "date-before-period", Severity.ERROR, "prose", """
    A report or evaluation is dated before the period it covers, or before a document it cites.

    What it checks: a date standing on its own line (the signature date of the report or of an
    attached 部门评价报告) in a 决算 of year Y must fall after Y has ended, and it cannot precede
    a document cited in the same part whose number carries a later year (景珠财字【2025】14号 was
    issued in 2025).

    Why it matters: the date was copied from an older report; a date before the end of the
    year cannot belong to a full-year final account.

    Example: the 2024 部门评价报告 dated "2024 年 3 月 17 日" (line 742) evaluates all of 2024 and
    cites 景珠财字【2025】14号 (line 767).
    """)



@checker("TXT001")
def check_stale_years(ctx: Context) -> None:
    doc = ctx.doc
    title = title_loc(doc)
    for issue in doc.derive(year_issues):
        sp = issue.span
        excerpt = sentence_at(sp, issue.start)
        if issue.context == "current":
            msg = f"year {issue.year} where the report's own year {issue.expected} is meant"
        else:
            msg = f"year {issue.year} where the prior year {issue.expected} is meant"
        expl = (f"{issue.why}; this is the {doc.year} {doc.report_kind or 'report'} (title, line "
                f"{title.line if title else '?'}), so the year must be {issue.expected}")
        ctx.emit(TXT001, msg, sp.loc(issue.start, issue.end), excerpt, stated=str(issue.year),
                 computed=str(issue.expected), explanation=expl, related=[title] if title else [],
                 key=f"year:{issue.year}")



@checker("TXT002")
def check_dates(ctx: Context) -> None:
    for issue in ctx.doc.derive(date_issues):
        y, mo, d = issue.date
        places = sorted({c[1].line for c in issue.cited if c[1].line is not None})
        expl = f"dated {issue.text}: " + "; ".join(issue.reasons)
        if len(places) > 1:
            expl += f"; the same document is cited at lines {', '.join(str(p) for p in places)}"
        seen: set[int | None] = set()
        related = []
        for c in issue.cited:
            if c[1].line not in seen:
                seen.add(c[1].line)
                related.append(c[1])
        ctx.emit(TXT002, f"dated {issue.text}, " + issue.reasons[0], issue.block.loc(0, len(issue.block.norm)),
                 issue.text, stated=issue.text, explanation=expl, related=related, key=f"date:{y}-{mo}-{d}")
