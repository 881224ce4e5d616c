"""``# dslim-rewrite ignore=DSL001`` (next instruction) and
``# dslim-rewrite global ignore=DSL001,DSL002`` (whole file) comments."""

from __future__ import annotations

import re

from .document import Document
from .records import field, record

PRAGMA = re.compile(rb"^\s*#\s*dslim-rewrite\s+(global\s+)?ignore\s*=\s*([\w,\s-]+?)\s*$", re.I)


@record
class Pragmas:
    global_ignore: set[str] = field(default_factory=set)
    per_instruction: dict[int, set[str]] = field(default_factory=dict)

    def suppressed(self, code: str, name: str, instructions: tuple[int, ...]) -> bool:
        keys = {code.upper(), name.lower(), "ALL"}
        if keys & self.global_ignore:
            return True
        return any(keys & self.per_instruction.get(i, set()) for i in instructions)


def _codes(raw: bytes) -> set[str]:
    out = set()
    for tok in re.split(rb"[,\s]+", raw):
        if tok:
            t = tok.decode()
            out.add(t.upper() if re.fullmatch(r"(?i)dsl\d+|all", t) else t.lower())
    return out




def mentioned(data: bytes) -> bool:
    """Could ``data`` hold a pragma at all? Every pragma says ``dslim-rewrite``,
    in any case (a case-blind regex search took 8 times as long as this)."""
    return b"dslim-rewrite" in data.lower()


def pragma_lines(doc: Document) -> list[bytes]:
    """Every pragma comment in the file, in order (transforms must keep them)."""
    out = []
    if not mentioned(doc.data):
        return out
    for ln in doc.lines:
        b = doc.data[ln.start : ln.end]
        if PRAGMA.match(b):
            out.append(b.strip())
    return out


def collect(doc: Document) -> Pragmas:
    p = Pragmas()
    data = doc.data
    if not mentioned(data):
        return p
    for ln in doc.lines:
        m = PRAGMA.match(data[ln.start : ln.end])
        if m and m.group(1):
            p.global_ignore |= _codes(m.group(2))
    for ins in doc.instructions:
        codes: set[str] = set()
        for ln in doc.comment_lines_before(ins) + ins.comments:
            m = PRAGMA.match(data[ln.start : ln.end])
            if m and not m.group(1):
                codes |= _codes(m.group(2))
        if codes:
            p.per_instruction[ins.index] = codes
    return p
