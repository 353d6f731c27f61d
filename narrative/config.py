"""Settings from ``[tool.narrative]`` in the nearest pyproject.toml (as ruff does).

Command-line options override the file.  Recognised keys: ``select``,
``ignore`` (lists of rule codes or prefixes), ``min-severity`` and ``format``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

KEYS = {"select", "ignore", "min-severity", "format"}


@dataclass
class Settings:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    min_severity: str = "warning"
    format: str = "text"
    source: str | None = None


def find_pyproject(start: Path) -> Path | None:
    for d in [start, *start.parents]:
        p = d / "pyproject.toml"
        if p.is_file():
            return p
    return None


def load_settings(path: Path | None) -> Settings:
    s = Settings()
    if path is None:
        return s
    import tomllib  # only when there are settings to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read settings: {err}") from None
    table = data.get("tool", {}).get("narrative", {})
    unknown = set(table) - KEYS
    if unknown:
        raise InputError(f"{path}: unknown [tool.narrative] setting(s): {', '.join(sorted(unknown))}")
    s.select = _code_list(path, table, "select")
    s.ignore = _code_list(path, table, "ignore")
    s.min_severity = str(table.get("min-severity", s.min_severity))
    s.format = str(table.get("format", s.format))
    s.source = str(path)
    return s


def _code_list(path: Path, table: dict[str, object], key: str) -> list[str]:
    """A list of rule codes; a single string ("CLM" or "CLM,TBL") is read as codes, never as
    a list of its letters."""
    value = table.get(key, [])
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise InputError(f"{path}: [tool.narrative] {key} must be a list of rule codes")
    return [x.strip().upper() for x in value if x.strip()]
