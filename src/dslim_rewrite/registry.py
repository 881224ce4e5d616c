"""Finds the transforms: every ``dslNNN_*.py`` module of ``dslim_rewrite.transforms``.

Adding a transform is adding a module; there is no list to edit.
"""

from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache

from .fixes import Transform

_MODULE = re.compile(r"^dsl\d{3}_\w+$")
_REGISTRY: dict[str, type[Transform]] = {}


def register(cls: type[Transform]) -> type[Transform]:
    """Class decorator used by each transform module."""
    if not re.fullmatch(r"DSL\d{3}", cls.code):
        raise ValueError(f"bad transform code {cls.code!r}")
    if cls.code in _REGISTRY and _REGISTRY[cls.code] is not cls:
        raise ValueError(f"duplicate transform code {cls.code}")
    _REGISTRY[cls.code] = cls
    return cls


@lru_cache(maxsize=1)
def all_transforms() -> tuple[type[Transform], ...]:
    from . import transforms as pkg

    for name in _module_names(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{name}")
    return tuple(_REGISTRY[c] for c in sorted(_REGISTRY))


def _module_names(paths) -> list[str]:
    """The ``dslNNN_*`` modules in the package's folders. (``pkgutil.iter_modules``
    would do, but it imports ``inspect``: 4 ms of every start.)"""
    names = set()
    for folder in paths:
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            stem, dot, ext = entry.partition(".")
            if dot and ext in ("py", "pyc") and _MODULE.match(stem):
                names.add(stem)
    return sorted(names)


def by_code() -> dict[str, type[Transform]]:
    return {t.code: t for t in all_transforms()}


def resolve(token: str) -> list[type[Transform]]:
    """Transforms named by a code, a code prefix (``DSL0``, ``ALL``) or a slug."""
    tok = token.strip()
    if not tok:
        return []
    up = tok.upper()
    ts = all_transforms()
    if up == "ALL":
        return list(ts)
    out = [t for t in ts if t.code.startswith(up) or t.name == tok.lower()]
    if not out:
        raise KeyError(tok)
    return out
