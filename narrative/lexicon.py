"""Access to the data in ``lexicons/`` (installed as the package ``narrative.lexicons``).

Files are loaded lazily and cached: a command that never needs a lexicon
never pays for parsing it.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .derived import Store
from .normalize import squash

# parsed lexicons kept beside the bytecode, keyed by their content (parsing the TOML of a
# check took ~30 ms of every cold start)
_PARSED = Store("lexicons")


def lexicon_path(name: str) -> Path:
    """Filesystem path of a lexicon file (for jieba, which wants a path)."""
    return Path(str(resources.files("narrative.lexicons").joinpath(name)))


def _parse_toml(text: str) -> dict[str, Any]:
    import tomllib  # only when a lexicon is not in the store

    return tomllib.loads(text)


@cache
def load_toml(name: str) -> dict[str, Any]:
    path = resources.files("narrative.lexicons").joinpath(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    # stored as pickled bytes, so that a caller changing the dictionary it was given can
    # never change what is stored
    frozen = _PARSED.get((name, digest), lambda: pickle.dumps(_parse_toml(text), pickle.HIGHEST_PROTOCOL))
    return pickle.loads(frozen)  # type: ignore[no-any-return]


@cache
def function_subject_names() -> dict[str, str]:
    """Name (squashed) → code for every 支出功能分类 subject in the lexicon, old names included."""
    out: dict[str, str] = {}
    for entry in load_toml("function_subjects.toml").get("subject", []):
        out.setdefault(squash(entry["name"]), str(entry["code"]))
    for entry in load_toml("subject_renames.toml").get("rename", []):
        if entry.get("code") and entry.get("old"):
            out.setdefault(squash(entry["old"]), str(entry.get("old_code") or entry["code"]))
    return out


@cache
def class_names() -> dict[str, str]:
    """Name (squashed) → 3-digit code of the 类 (classes)."""
    return {n: c for n, c in function_subject_names().items() if len(c) == 3}
