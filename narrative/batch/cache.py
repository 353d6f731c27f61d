"""Results kept by content, so that re-running a region re-checks only the files that changed.

An entry's key is the SHA-256 of the file's bytes together with a *salt* naming everything
else the result depends on: the tool's version and a digest of its code and lexicons (a
changed rule or synonym is a new tool, even before the version number moves), the options
that change findings (select, ignore, lowest severity; not the time limit), and the prior
report (its path and the digest of its bytes).  The file's path is not in the key: a report
moved or copied is not checked again; the result comes back under the path asked for.

Several workers, on one machine or on a cluster sharing the directory, may write at once:
an entry is written to a temporary file in the same directory and renamed into place
(``os.replace`` is atomic), so a reader sees a whole entry or none.  An entry carries its
own length and digest; a truncated, corrupt or foreign entry is treated as absent, and the
result is recomputed and written again.  Entries are pickles, trusted as the directory is
(as Python trusts its own ``__pycache__``): point ``--cache`` at a directory you own.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

MAGIC = b"narrative-cache 1\n"
CHUNK = 1 << 20
MAX_HASHED = 256 * 1024 * 1024  # files beyond this are not cached (the readers refuse them anyway)


def file_digest(path: str) -> str | None:
    """SHA-256 of a regular file's bytes; None for anything else (standard input, a pipe,
    a device, a missing or unreadable file): those are simply not cached."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_HASHED:
                return None
            h = hashlib.sha256()
            while chunk := fh.read(CHUNK):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


@cache
def code_digest() -> str:
    """Digest of the package's code and lexicons, computed once per process."""
    import narrative

    from ..lexicon import lexicon_path

    roots = [Path(narrative.__file__).resolve().parent, lexicon_path("").resolve()]
    h = hashlib.sha256(narrative.__version__.encode())
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".toml", ".txt") and "__pycache__" not in p.parts:
                h.update(p.relative_to(root).as_posix().encode() + b"\0")
                with contextlib.suppress(OSError):
                    h.update(p.read_bytes())
    return h.hexdigest()


def salt(options: Any, prior_path: str | Sequence[str] | None) -> str:
    """What besides the file's bytes decides its result (see the module docstring)."""
    if dataclasses.is_dataclass(options) and not isinstance(options, type):
        fields = dataclasses.asdict(options)
    else:
        fields = {"options": options}
    fields.pop("timeout", None)
    priors = [prior_path] if isinstance(prior_path, str) else list(prior_path or [])
    prior = [(os.path.abspath(p), file_digest(p)) for p in priors] or None  # a prior directory: every file
    text = repr((code_digest(), sorted((k, repr(v)) for k, v in fields.items()), prior))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class ResultCache:
    """A directory of results keyed by content (picklable: it travels to the workers)."""

    directory: str
    salt: str

    def key(self, path: str) -> str | None:
        digest = file_digest(path)
        if digest is None:
            return None
        return hashlib.sha256(f"{self.salt}:{digest}".encode()).hexdigest()

    def _entry(self, key: str) -> Path:
        return Path(self.directory) / key[:2] / key

    def load(self, key: str, path: str) -> Any | None:
        """The result kept under ``key``, under ``path``; None when absent or unusable."""
        try:
            data = self._entry(key).read_bytes()
        except OSError:
            return None
        head = len(MAGIC) + 32
        if len(data) < head or not data.startswith(MAGIC):
            return None
        payload = data[head:]
        if hashlib.sha256(payload).digest() != data[len(MAGIC):head]:
            return None
        try:
            result = pickle.loads(payload)
        except Exception:  # an entry of another version of the classes, or damaged inside
            return None
        if dataclasses.is_dataclass(result) and hasattr(result, "path"):
            result = dataclasses.replace(result, path=path)  # type: ignore[type-var]
        return result

    def store(self, key: str, result: Any) -> None:
        """Keep ``result`` under ``key``; a cache that cannot be written is only slower."""
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=entry.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, entry)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
