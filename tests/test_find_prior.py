"""Last year's report found beside a report (``api.find_prior``, the workbench's y): by
identity, the likeliest file names read first, the search over once the report is whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from narrative import api

from .conftest import REAL_PDF_DIR, SAMPLES, SHARED, need

MORE = SHARED / "reports" / "more"


def _search(path: str | list[str], candidates: list[str] | None = None) -> tuple[str | None, list[str]]:
    read: list[str] = []
    found, _ = api.find_prior(api.analyse(path), candidates,
                              progress=lambda p, k, n: read.append(os.path.basename(p)))
    return found, read


def test_the_likeliest_name_is_read_first_and_the_search_stops_there() -> None:
    # real/ holds nine Shanghai PDFs; 万里街道's 2025 budget's prior is its 2024 budget, one file
    # holding prose and tables: read first (its name is the 2025 one's with another year), alone
    new = need(REAL_PDF_DIR / "putuo-wanli-jiedao-2025-budget.pdf")
    found, read = _search(str(new))
    assert found == str(REAL_PDF_DIR / "putuo-wanli-jiedao-2024-budget.pdf")
    assert read == ["putuo-wanli-jiedao-2024-budget.pdf"]


def test_a_prior_in_two_files_is_found_whole_before_the_search_stops() -> None:
    # 江苏省委办公厅 2018 (two files) beside 2017's two files and 2019's: both of 2017's, nothing else
    new = [str(need(MORE / f"jiangsu-shengwei-2018-budget-{part}.pdf")) for part in ("text", "tables")]
    found, read = _search(new)
    assert found == f"{MORE / 'jiangsu-shengwei-2017-budget-text.pdf'} + {MORE / 'jiangsu-shengwei-2017-budget-tables.pdf'}"
    assert sorted(read) == ["jiangsu-shengwei-2017-budget-tables.pdf", "jiangsu-shengwei-2017-budget-text.pdf"]


def test_names_only_order_the_search_the_identities_decide(tmp_path: Path) -> None:
    # the 2023 sample under a name unlike the report's, a 2024 copy under a name like it: the copy
    # is read first and is not last year's; the 2023 report is found by what it says
    shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt", tmp_path / "xuanchuan-2024.txt")
    shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2024.txt", tmp_path / "xuanchuan-2024-copy.txt")
    shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2023.txt", tmp_path / "zz-old.txt")
    found, read = _search(str(tmp_path / "xuanchuan-2024.txt"))
    assert found == str(tmp_path / "zz-old.txt")
    assert read == ["xuanchuan-2024-copy.txt", "zz-old.txt"]
