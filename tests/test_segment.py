"""jieba: each installation segments with its own dictionary, writes no cache, and starts
without pkg_resources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

# "我区重点精简类共发文" with the shipped dictionary is keyed as "重点精简类 发文" (segment.py's
# docstring); a dictionary that also holds "共发文" as a word must cut that out whole.
PHRASE = "我区重点精简类共发文"
WORDS = (
    "import json, sys\n"
    "from narrative.claims.segment import words\n"
    f"print(json.dumps(words({PHRASE!r}), ensure_ascii=False))\n"
    "print('pkg_resources' in sys.modules)\n"
)


def _install(where: Path, extra_words: str = "") -> Path:
    """A copy of the package as a second installation would have it, lexicons inside."""
    shutil.copytree(ROOT / "narrative", where / "narrative", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "lexicons", where / "narrative" / "lexicons", ignore=shutil.ignore_patterns("__pycache__"))
    if extra_words:
        d = where / "narrative" / "lexicons" / "jieba_dict.txt"
        d.write_text(d.read_text(encoding="utf-8") + extra_words, encoding="utf-8")
    return where


def _run(install: Path, home: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(install), HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"),
               TMPDIR=str(home / "tmp"))
    env.update(env_extra)
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-c", WORDS], capture_output=True, text=True, timeout=120,
                          cwd=str(home), env=env)


def _files(home: Path) -> list[Path]:
    return sorted(p for p in home.rglob("*") if p.is_file())


def test_two_installations_each_use_their_own_dictionary(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = _install(tmp_path / "first")
    second = _install(tmp_path / "second", "共发文 20 v\n")
    # The second installation's dictionary is older than anything the first may leave
    # behind: jieba's own cache trusted a cache file newer than the dictionary.
    os.utime(second / "narrative" / "lexicons" / "jieba_dict.txt", (946684800, 946684800))
    a = _run(first, home)
    b = _run(second, home)
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    assert a.stdout.splitlines()[0] == '["我区", "重点精简类", "共", "发文"]'
    assert b.stdout.splitlines()[0] == '["我区", "重点精简类", "共发文"]'
    assert a.stderr == "" and b.stderr == ""


def test_segmentation_writes_no_cache_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = _run(_install(tmp_path / "inst"), home)
    assert proc.returncode == 0, proc.stderr
    assert _files(home) == []


def test_an_unwritable_cache_directory_is_no_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "not-a-dir").write_text("a file where the cache directory should be", encoding="utf-8")
    proc = _run(_install(tmp_path / "inst"), home, XDG_CACHE_HOME=str(home / "not-a-dir" / "cache"))
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert proc.stdout.splitlines()[0] == '["我区", "重点精简类", "共", "发文"]'


def test_jieba_starts_without_pkg_resources(tmp_path: Path) -> None:
    proc = _run(_install(tmp_path / "inst"), tmp_path / "home")
    assert proc.stdout.splitlines()[1] == "False"


def test_the_doubling_check_finds_jiebas_dictionary_without_importing_jieba() -> None:
    code = (
        "import sys\n"
        "from narrative.claims.segment import jieba_dict_path\n"
        "p = jieba_dict_path()\n"
        "print(p.name, p.is_file(), 'jieba' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.stdout.strip() == "dict.txt True False", proc.stderr
