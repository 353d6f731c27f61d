"""Data derived from the installation's own code and files, kept beside its bytecode.

A cold ``narrative check`` spent most of its start-up rebuilding the same things in every
process: about 360 regular expressions compiled by ``regex``'s pure-Python parser (~80 ms),
the lexicons parsed from TOML (~30 ms), the words of jieba's dictionary that double a
character (~30 ms).  None of it depends on the report.  Python keeps compiled modules in
``__pycache__``; this module keeps these derived data the same way, in the same place and
under the same rules:

* next to the package's bytecode (``importlib.util.cache_from_source``: ``__pycache__``
  beside the modules, or under ``PYTHONPYCACHEPREFIX`` when that is set), never in the
  user's home or the working directory;
* written only when Python writes bytecode (not under ``PYTHONDONTWRITEBYTECODE`` / ``-B``),
  read whenever present;
* each entry keyed by everything it is derived from (a pattern's text; a file's content
  hash), the file name by the versions that shape the stored form (Python, regex), so a
  changed pattern or lexicon is a miss, never a stale hit;
* a missing, unreadable, corrupt or unwritable store is only a miss: the data are built as
  before, nothing is reported.

A store is one pickle file, loaded on first use and written back once, at exit, when the
process added entries (atomically: a temporary file renamed over it, so concurrent
processes each leave a whole file).  Only this installation's directories are read, and
anyone who can write there can already change the code, so unpickling it trusts nothing
new.  Built without this module's help, every result is the same: a test compares them.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 4000  # past this, a write keeps only the entries this process used


def store_dir() -> Path | None:
    """Where this installation's bytecode goes (None when that cannot be worked out)."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):
        return None
    return Path(pyc).parent


class Store:
    """A dictionary of derived values kept in one file beside the bytecode.

    ``get(key, build)`` returns the stored value for ``key``, or ``build()`` (then stored).
    ``directory`` is for tests; by default it is :func:`store_dir`."""

    def __init__(self, name: str, directory: Path | None = None) -> None:
        self.name = name
        self._directory = directory
        self._lock = threading.Lock()
        self._data: dict[Hashable, Any] | None = None
        self._used: set[Hashable] = set()
        self._added = False
        self._registered = False

    @property
    def path(self) -> Path | None:
        d = self._directory if self._directory is not None else store_dir()
        return None if d is None else d / f"narrative-{self.name}.{sys.implementation.cache_tag}.pickle"

    def _load(self) -> dict[Hashable, Any]:
        if self._data is None:
            data: dict[Hashable, Any] = {}
            path = self.path
            if path is not None:
                try:
                    with path.open("rb") as f:
                        loaded = pickle.load(f)
                    if isinstance(loaded, dict):
                        data = loaded
                except Exception:  # missing, unreadable, truncated, from another version: a miss
                    data = {}
            self._data = data
        return self._data

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._lock:
            data = self._load()
            self._used.add(key)
            if key in data:
                return data[key]  # type: ignore[no-any-return]
        value = build()
        with self._lock:
            data[key] = value
            self._added = True
            if not self._registered:
                self._registered = True
                atexit.register(self.save)
        return value

    def save(self) -> None:
        """Write the store if this process added to it and Python writes bytecode here."""
        with self._lock:
            if not self._added or self._data is None or sys.dont_write_bytecode:
                return
            path = self.path
            if path is None:
                return
            data = self._data
            if len(data) > MAX_ENTRIES:
                data = {k: v for k, v in data.items() if k in self._used}
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
            except OSError:
                return
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.chmod(tmp, 0o644)  # as bytecode is: mkstemp makes it private
                os.replace(tmp, path)
                self._added = False
            except Exception:  # a value that does not pickle, a full disk: no store, as before
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
