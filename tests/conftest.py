"""Shared fixtures.  Real reports live in ../shared/reports beside the checkout
(CI has it; a user's clone may not): tests that need them skip with the reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("NARRATIVE_SHARED", ROOT.parent / "shared"))
REAL_TEXT = SHARED / "reports" / "zhushan-party-office-2024.txt"
REAL_PDF_DIR = SHARED / "reports" / "real"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/reports is not beside this checkout, as in a user's clone)")
    return path


@pytest.fixture(scope="session")
def real_text() -> Path:
    return need(REAL_TEXT)


@pytest.fixture(scope="session")
def real_doc(real_text: Path):  # type: ignore[no-untyped-def]
    from narrative.api import load_document

    return load_document(str(real_text))
