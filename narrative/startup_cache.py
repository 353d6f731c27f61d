"""Parsed data kept between processes, so that a fresh ``narrative check`` does not parse
the same files again.

A batch over a province starts thousands of processes, and each parsed the lexicons
(tomllib: tens of milliseconds) and read jieba's 5 MB dictionary to look up a few
characters.  The parsed form is pickled under the user's cache directory
(``$XDG_CACHE_HOME/narrative``, else ``~/.cache/narrative``; ``NARRATIVE_CACHE_DIR``
overrides it) under a name that includes a digest of what it was made from, so an edited
file is parsed again and never answered from a stale entry.  Nothing here caches a result
of a check.  Any failure (a read-only home, a damaged entry) falls back to parsing: the
cache can only make a start faster, never change what is read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

VERSION = 1  # bump when the form of a cached value changes


def cache_dir() -> Path:
    """Where the entries live (created on first write)."""
    explicit = os.environ.get("NARRATIVE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "narrative"


def digest(*parts: bytes | str) -> str:
    """A short digest of the sources an entry is made from."""
    h = hashlib.blake2b(digest_size=12)
    h.update(str(VERSION).encode())
    for p in parts:
        h.update(b"\0")
        h.update(p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p)
    return h.hexdigest()


def cached(name: str, build: Callable[[], T]) -> T:
    """The value stored as ``name`` (which must carry the digest of its sources), else
    ``build()``, stored for the next process."""
    path = cache_dir() / f"{name}.pickle"
    try:
        with open(path, "rb") as f:
            value: T = pickle.load(f)
        return value
    except Exception:  # noqa: BLE001 - absent, unreadable or damaged: build it again
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry or the new one
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
    return value
