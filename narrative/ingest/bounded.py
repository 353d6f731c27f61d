"""Read one input once, within a size limit, whatever it is.

A report can arrive as a regular file, a pipe (``narrative check - < x.txt``,
``cat x | narrative check /dev/stdin``), a process substitution (``<(...)``, a
path like ``/dev/fd/63``), a FIFO or a device.  Only a regular file can be
opened twice and give the same bytes; from any other input a second open reads
what is left after the first, or nothing.  So every input is opened exactly
once here: the first chunk tells text from PDF, and the rest is read into
memory in chunks until end of file or until the limit is passed.  An endless
stream (``/dev/zero``, ``yes |``) is thus refused after at most ``limit`` plus
one chunk, never more.

Regular files keep two shortcuts: their size is known before reading (a
40 MiB file is refused without reading it), and a PDF among them is read by
name in the PDF worker (:attr:`Opened.reopenable`) instead of being copied.
"""

from __future__ import annotations

import os
import stat
import sys
from types import TracebackType
from typing import BinaryIO

from ..errors import InputError

CHUNK = 1024 * 1024
STDIN_NAMES = ("-",)  # "/dev/stdin" is opened like any other path: it gives the same pipe or file


def _mib(n: int) -> str:
    return f"{n / 1048576:.0f}"


class Opened:
    """One open input.  Use as a context manager; ``head()`` then ``read_all(limit)``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._own = path not in STDIN_NAMES
        self._fh: BinaryIO = self._open(path)
        self._chunks: list[bytes] = []
        self._total = 0
        self._eof = False
        try:
            st = os.fstat(self._fh.fileno())
            self.regular = stat.S_ISREG(st.st_mode)
            self.size: int | None = st.st_size if self.regular and st.st_size > 0 else None
        except (OSError, ValueError, AttributeError):
            self.regular, self.size = False, None

    @staticmethod
    def _open(path: str) -> BinaryIO:
        if path in STDIN_NAMES:
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise InputError("no standard input to read")
            return stream  # type: ignore[no-any-return]
        try:
            return open(path, "rb", buffering=0)  # noqa: SIM115 - closed by __exit__
        except IsADirectoryError:
            raise InputError("is a directory, not a report") from None
        except OSError as err:
            raise InputError(f"cannot open: {err.strerror or err}") from None

    def __enter__(self) -> Opened:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._chunks = []
        if self._own:
            self._fh.close()

    @property
    def reopenable(self) -> bool:
        """Can another process open ``path`` and read the same bytes?  Only a regular file
        named by an ordinary path (``/dev/stdin`` or ``/proc/self/fd/0`` name another
        file in another process, even when they lead to a regular file here)."""
        return self.regular and self._own and not os.path.abspath(self.path).startswith(("/dev/", "/proc/"))

    def _read_chunk(self) -> bytes:
        try:
            data = self._fh.read(CHUNK)
        except IsADirectoryError:
            raise InputError("is a directory, not a report") from None
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}") from None
        return data or b""

    def head(self) -> bytes:
        """The first chunk (up to 1 MiB; less only at end of file), kept for ``read_all``."""
        if not self._chunks and not self._eof:
            data = self._read_chunk()
            if data:
                self._chunks.append(data)
                self._total += len(data)
            else:
                self._eof = True
        return self._chunks[0] if self._chunks else b""

    def read_all(self, limit: int) -> bytes:
        """Everything, or InputError once more than ``limit`` bytes have been seen."""
        if self.size is not None and self.size > limit:
            raise InputError(f"file too large ({_mib(self.size)} MiB; limit {_mib(limit)} MiB)")
        self.head()
        while not self._eof:
            if self._total > limit:
                break
            data = self._read_chunk()
            if not data:
                self._eof = True
                break
            self._chunks.append(data)
            self._total += len(data)
        if self._total > limit:
            self._chunks = []  # free the memory before the error travels up
            what = "file" if self.regular else "input"
            raise InputError(f"{what} too large (more than {_mib(limit)} MiB; limit {_mib(limit)} MiB)")
        data = b"".join(self._chunks)
        self._chunks = [data]
        return data


def open_input(path: str) -> Opened:
    """Open ``path`` (``-`` is standard input) for one bounded read; InputError if it cannot be."""
    return Opened(os.fspath(path))


def read_bounded(path: str, limit: int) -> bytes:
    """All the bytes of ``path``, read once; InputError when there are more than ``limit``."""
    with open_input(path) as src:
        return src.read_all(limit)
