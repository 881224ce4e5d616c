"""``[tool.dslim-rewrite]`` in the nearest pyproject.toml, or .dslim-rewrite.toml."""

from __future__ import annotations

import sys
from pathlib import Path

from .records import field, record

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KNOWN_KEYS = {
    "select", "ignore", "unsafe-fixes", "exclude", "merge-builder-stages", "style",
    "base-images", "templates", "extend-exclude",
}


class ConfigError(ValueError):
    pass


@record
class Config:
    path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    unsafe_fixes: bool = False
    exclude: list[str] = field(default_factory=list)
    merge_builder_stages: bool = False
    style: str = "delete"
    table: dict = field(default_factory=dict)


def _load_table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: {e}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("dslim-rewrite")
    return data.get("tool", {}).get("dslim-rewrite", data)


def find(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    d = start if start.is_dir() else start.parent
    d = d.resolve()
    for folder in (d, *d.parents):
        own = folder / ".dslim-rewrite.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                if _load_table(py) is not None:
                    return py
            except ConfigError:
                raise
    return None


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    table = _load_table(path) or {}
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")

    def strlist(key: str) -> list[str] | None:
        v = table.get(key)
        if v is None:
            return None
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(f"{path}: {key} must be a list of strings")
        return v

    style = table.get("style", "delete")
    if style not in ("delete", "cache-mount"):
        raise ConfigError(f"{path}: style must be 'delete' or 'cache-mount'")
    for key in ("unsafe-fixes", "merge-builder-stages"):
        if key in table and not isinstance(table[key], bool):
            raise ConfigError(f"{path}: {key} must be true or false")
    return Config(
        path=path,
        select=strlist("select"),
        ignore=strlist("ignore") or [],
        unsafe_fixes=bool(table.get("unsafe-fixes", False)),
        exclude=(strlist("exclude") or []) + (strlist("extend-exclude") or []),
        merge_builder_stages=bool(table.get("merge-builder-stages", False)),
        style=style,
        table=table,
    )
