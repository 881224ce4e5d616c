"""patterns.LazyPattern answers as the compiled pattern does, compiling once, on first use."""

from __future__ import annotations

import re

from dslim_rewrite.patterns import LazyPattern


def test_lazy_pattern_answers_like_the_compiled_one():
    for pattern, flags, text in ((r"(a+)(b)?", 0, "xaab aab"), (rb"ignore\s*=", re.I, b"# IGNORE = x")):
        lazy, real = LazyPattern(pattern, flags), re.compile(pattern, flags)
        assert lazy._re is None and lazy.pattern == pattern
        for name in ("match", "fullmatch", "search"):
            a, b = getattr(lazy, name)(text), getattr(real, name)(text)
            assert (a and a.group(0)) == (b and b.group(0))
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert lazy.findall(text) == real.findall(text) and lazy.split(text) == real.split(text)
        repl = "-" if isinstance(text, str) else b"-"
        assert lazy.sub(repl, text) == real.sub(repl, text)
        assert lazy.compiled() is lazy.compiled() and lazy.compiled().flags == real.flags


def test_a_transform_module_compiles_nothing_it_does_not_use():
    from dslim_rewrite.transforms import dsl070_build_deps_purge as m

    lazies = [v for v in vars(m).values() if isinstance(v, LazyPattern)]
    assert lazies and all(isinstance(v, LazyPattern) for v in (m._TOOL_WORD, m._BUILD_PACKAGE))
