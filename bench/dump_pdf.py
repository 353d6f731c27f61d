"""Print the SourceLines that narrative's PDF ingest makes of a PDF.

    python bench/dump_pdf.py REPORT.pdf [--pages 7-9] [--plain]

Each line is shown as ``page:number  text`` with TABs as ⇥ and a trailing ↵ when
``wraps`` is True (the line runs to the right margin and the sentence goes on).
Notes (unmapped glyphs, image-only pages) are printed at the end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from narrative.errors import InputError  # noqa: E402
from narrative.ingest.pdf import read_pdf_with_notes  # noqa: E402


def _pages(spec: str | None) -> set[int] | None:
    if not spec:
        return None
    out: set[int] = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="+")
    ap.add_argument("--pages", help="only these pages, e.g. 7-9,12")
    ap.add_argument("--plain", action="store_true", help="print TABs as TABs")
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args(argv)
    only = _pages(args.pages)
    status = 0
    for path in args.pdf:
        print(f"== {path}")
        try:
            doc, notes = read_pdf_with_notes(path, timeout=args.timeout)
        except InputError as err:
            print(f"cannot read {path}: {err}")
            status = 2
            continue
        for ln in doc.lines:
            if only is not None and ln.page not in only:
                continue
            text = ln.text if args.plain else ln.text.replace("\t", "⇥")
            print(f"{ln.page:3d}:{ln.number:<3d} {text}{' ↵' if ln.wraps else ''}")
        print(f"-- {doc.pages} pages, {len(doc.lines)} lines, {sum(ln.is_table_row for ln in doc.lines)} table rows")
        for note in notes:
            print(f"note: {note}")
    return status


if __name__ == "__main__":
    sys.exit(main())
