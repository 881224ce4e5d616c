"""BuildKit's own parser (the ``dockerfile`` package) as the last word.

Used as the final check before anything is written, and in the tests. Its Go
runtime aborts the process on a lone surrogate and truncates at NUL: callers
only hand it text that decoded as UTF-8 and has no NUL (the document layer
refuses both first).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _module():
    try:
        import dockerfile
    except Exception:  # no wheel for this platform: degrade, do not crash
        return None
    return dockerfile


def available() -> bool:
    return _module() is not None


def parse(data: bytes):
    """BuildKit's commands for ``data``; raises ValueError if it refuses them."""
    mod = _module()
    if mod is None:
        return None
    text = data.decode("utf-8")
    if "\x00" in text:
        raise ValueError("NUL byte")
    try:
        return mod.parse_string(text)
    except mod.GoParseError as e:
        raise ValueError(str(e)) from None
    except UnicodeDecodeError as e:  # the binding cannot hand back what BuildKit cut mid-character
        raise ValueError(f"BuildKit's result is not valid UTF-8 ({e.reason})") from None


def disagreements(data: bytes, doc) -> list[str]:
    """Where the document layer and BuildKit read ``data`` differently."""
    cmds = parse(data)
    if cmds is None:
        return []
    if len(cmds) != len(doc.instructions):
        return [f"{len(cmds)} instructions for BuildKit, {len(doc.instructions)} here"]
    out = []
    for c, ins in zip(cmds, doc.instructions):
        mine = (
            ins.raw_keyword,
            ins.sub.raw_keyword if ins.sub else None,
            ins.json,
            ins.start_line,
            ins.end_line,
            tuple(f.text for f in ins.flags),
            tuple(ins.value),
            ins.text.decode("utf-8"),
            None if ins.sub else tuple((h.name, h.content) for h in ins.heredocs),
        )
        theirs = (
            # the binding reports an empty keyword and text (a line holding only
            # a continuation at the end of the file) as None
            c.cmd or "",
            c.sub_cmd,
            c.json,
            c.start_line,
            c.end_line,
            tuple(c.flags),
            tuple(c.value),
            c.original.split("\n", 1)[0] if c.heredocs else (c.original or ""),
            # the binding does not report ONBUILD's heredocs
            None if c.sub_cmd else tuple((h.name, h.content) for h in c.heredocs),
        )
        if mine != theirs:
            names = ("keyword", "sub", "json", "start", "end", "flags", "value", "text", "heredocs")
            diff = [n for n, a, b in zip(names, mine, theirs) if a != b]
            out.append(f"line {c.start_line}: {', '.join(diff)} differ")
    return out
