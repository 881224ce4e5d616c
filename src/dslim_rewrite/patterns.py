"""Regular expressions compiled when first used.

Every run imports every transform module (the registry reads their classes),
but a run without ``--unsafe-fixes`` whose notes nobody reads does not run the
unsafe ones, nor the opt-in or file-level ones. Compiling their module-level
patterns at import took about 2 ms of each start; a ``LazyPattern`` costs
nothing until a transform that runs uses it.
"""

from __future__ import annotations

import re


class LazyPattern:
    """``re.compile(pattern, flags)``, done on the first call of one of its methods."""

    __slots__ = ("_args", "_re")

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._re: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        rx = self._re
        if rx is None:
            rx = self._re = re.compile(*self._args)
        return rx

    @property
    def pattern(self):
        return self._args[0]


def _delegate(name: str):
    def method(self, *args):
        return getattr(self._re or self.compiled(), name)(*args)

    method.__name__, method.__qualname__ = name, f"LazyPattern.{name}"
    method.__doc__ = f"``re.Pattern.{name}``, compiling the pattern first if need be."
    return method


for _name in ("match", "fullmatch", "search", "finditer", "findall", "sub", "split"):
    setattr(LazyPattern, _name, _delegate(_name))
del _name
