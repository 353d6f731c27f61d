"""The core knows nothing of the terminal (as harlequin proves for its core):
importing any core module, or running a check, must not load Textual; a table
check of a text report must not load jieba or pdfminer either (cold start)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import narrative

CORE = sorted(
    m.name for m in pkgutil.walk_packages(narrative.__path__, "narrative.")
    if not m.name.startswith("narrative.tui") and m.name not in ("narrative.ingest.pdf", "narrative.ingest.pdf_parse")
    and not m.name.endswith(".__main__")  # runs the program when imported
)


def test_core_modules_do_not_import_textual() -> None:
    assert "narrative.structure" in CORE and "narrative.cli" in CORE
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print('textual' in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))[:3])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("False"), out.stdout


def test_table_check_of_a_text_report_loads_only_what_it_needs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    report = Path(__file__).parent / "data" / "tiny-report.txt"
    code = (
        "import sys\n"
        "from narrative.cli import main\n"
        f"rc = main(['check', {str(report)!r}, '--select', 'TBL,XTB,PRF', '--format', 'json'])\n"
        "loaded = [m for m in ('textual', 'jieba', 'pdfminer', 'rapidfuzz') if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "LOADED []" in out.stderr, out.stderr
