"""One report in two files (issue 10): checked as one with --as-one, paired automatically
by report identity when given together, locations naming the file they are in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from narrative.api import Options, analyse, iter_analyse
from narrative.cli import main

from .conftest import SAMPLES, SHARED, need

SLIPS = "qinghe-xuanchuanbu-2024-slips"


def _pairs(findings) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(f.rule, "".join((f.stated or "").split())) for f in findings if f.severity >= 1}


def test_as_one_gives_the_text_reports_findings_and_names_the_files() -> None:
    text = analyse(str(SAMPLES / f"{SLIPS}.txt"))
    both = analyse([str(SAMPLES / f"{SLIPS}-prose.pdf"), str(SAMPLES / f"{SLIPS}-tables.pdf")])
    assert both.error is None and both.path.endswith(f"{SLIPS}-prose.pdf + {SAMPLES / SLIPS}-tables.pdf")
    assert _pairs(both.findings) == _pairs(text.findings)
    files = {Path(f.span.file).name for f in both.findings if f.span.file}
    # table slips sit in the tables file, prose slips in the prose file
    assert files == {f"{SLIPS}-prose.pdf", f"{SLIPS}-tables.pdf"}
    tbl = [f for f in both.findings if f.rule in ("TBL001", "TBL002", "TBL003")]  # TBL004 sits on the 目录
    assert tbl and all(f.span.file and f.span.file.endswith("-tables.pdf") for f in tbl)


def test_alone_the_prose_file_says_its_claims_went_unchecked() -> None:
    prose = analyse(str(SAMPLES / f"{SLIPS}-prose.docx"), Options(select=("COV", "TBL004")))
    assert [f.rule for f in prose.findings] == ["COV001"]
    assert prose.findings[0].message.startswith("this file holds no tables:")


def test_a_prose_file_and_a_tables_file_given_together_are_paired(tmp_path: Path) -> None:
    for suffix in ("-prose.docx", "-tables.xlsx"):
        shutil.copy(SAMPLES / f"{SLIPS}{suffix}", tmp_path / f"{SLIPS}{suffix}")
    shutil.copy(SAMPLES / "qinghe-xuanchuanbu-2023.txt", tmp_path / "qinghe-xuanchuanbu-2023.txt")
    paths = sorted(str(p) for p in tmp_path.iterdir())
    results = list(iter_analyse(paths, pair=True))
    assert len(results) == 2
    paired = next(r for r in results if " + " in r.path)
    assert paired.path.startswith(str(tmp_path / f"{SLIPS}-prose.docx"))  # prose first
    assert not any(f.rule == "COV001" for f in paired.findings)
    alone = list(iter_analyse(paths, pair=False))
    assert len(alone) == 3


def test_cli_as_one_and_directory_pairing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    prose, tables = SAMPLES / f"{SLIPS}-prose.pdf", SAMPLES / f"{SLIPS}-tables.pdf"
    assert main(["check", str(prose), str(tables), "--as-one", "--format", "json"]) == 1
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert len(docs) == 1 and docs[0]["path"] == f"{prose} + {tables}"
    assert any(f["file"] == str(tables) for f in docs[0]["findings"])
    assert main(["check", str(prose), "--as-one"]) == 2
    assert "--as-one needs" in capsys.readouterr().err
    for p in (prose, tables):
        shutil.copy(p, tmp_path / p.name)
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    docs = json.loads(capsys.readouterr().out)["documents"]
    assert [d["path"] for d in docs] == [f"{tmp_path / prose.name} + {tmp_path / tables.name}"]


def test_jiangsu_two_file_reports_are_paired() -> None:
    more = need(SHARED / "reports" / "more")
    for year in (2017, 2018, 2019):
        files = [str(more / f"jiangsu-shengwei-{year}-budget-{part}.pdf") for part in ("text", "tables")]
        [r] = list(iter_analyse(files, pair=True))
        assert r.path == " + ".join(files), year
        assert r.identity_key is not None and r.identity_key[1] == year
        assert "T01" in r.tables and r.claims is not None and r.claims["total"] > 40


def test_a_prior_in_two_files_is_given_with_prior_twice(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import tomllib

    carry = SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.txt"
    manifest = tomllib.loads((SAMPLES / "qinghe-xuanchuanbu-2024-carry-slips.toml").read_text(encoding="utf-8"))
    expected = {(e["rule"], e["line"]) for slip in manifest["slip"] for e in slip["expect_prior"]}
    prose, tables = SAMPLES / "qinghe-xuanchuanbu-2023-prose.pdf", SAMPLES / "qinghe-xuanchuanbu-2023-tables.pdf"
    copy = tmp_path / "carry-copy.txt"
    shutil.copy(carry, copy)
    for jobs in ("1", "2"):  # in this process, and in workers that read the prior themselves
        rc = main(["check", str(carry), str(copy), "--prior", str(prose), "--prior", str(tables),
                   "--format", "json", "-j", jobs, "--no-pairing"])
        docs = json.loads(capsys.readouterr().out)["documents"]
        assert rc == 1 and len(docs) == 2
        for doc in docs:
            assert doc["prior"] == {"path": f"{prose} + {tables}", "error": None}
            found = {(f["rule"], f["line"]) for f in doc["findings"] if f["severity"] in ("error", "warning")}
            assert found == expected
    assert main(["check", str(carry), "--prior", str(prose), "--prior", str(tables), "--prior", str(prose)]) == 2
    assert "--prior is one report" in capsys.readouterr().err
