"""What a transform sees: the document, the options, and cached analyses."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from .document import Document, Instruction
from .fixes import Safety
from .pragmas import mentioned
from .records import field, record
from .shell import parse_shell

if TYPE_CHECKING:
    from .shell import Script

POSIX_SHELLS = {"sh", "bash", "dash", "ash", "ksh", "zsh", "busybox"}


@record
class Options:
    unsafe: bool = False
    select: frozenset[str] | None = None  # codes; None = every default transform
    ignore: frozenset[str] = frozenset()
    merge_builder_stages: bool = False
    style: str = "delete"  # or "cache-mount"
    settings: dict = field(default_factory=dict)  # the [tool.dslim-rewrite] table
    config_path: str | None = None  # the config file (relative paths in settings start at its folder)
    # False when nobody reads the notes (`--check -q`, a write without
    # --format json): the chain then skips the transforms that cannot apply a
    # fix in this run (unsafe ones without --unsafe-fixes), whose findings
    # would only be notes, and keeps no notes
    notes: bool = True

    def applies(self, safety) -> bool:
        """Does this run apply fixes of this safety?"""
        return safety is Safety.SAFE or (safety is Safety.UNSAFE and self.unsafe)


class Context:
    def __init__(self, doc: Document, options: Options):
        self.doc = doc
        self.options = options
        self._scripts: dict[int, Script | None] = {}

    def applies(self, safety) -> bool:
        """Would the chain apply a fix of this safety in this run? Transforms
        whose edits are costly to compute skip them when not (``Fix.pending``)."""
        return self.options.applies(safety)

    # -- RUN bodies ---------------------------------------------------------
    def body(self, ins: Instruction) -> bytes | None:
        """The shell body of a shell-form RUN (no heredoc), else None."""
        target = ins.sub or ins
        if target.keyword != "RUN" or target.json or target.heredocs or not target.args:
            return None
        return target.args

    def script(self, ins: Instruction) -> Script | None:
        """The parsed shell body of a shell-form RUN, or None."""
        if ins.index in self._scripts:
            return self._scripts[ins.index]
        body = self.body(ins)
        script = None
        if body is not None:
            script = parse_shell(body)
        self._scripts[ins.index] = script
        return script

    def shell_runs(self) -> Iterator[tuple[Instruction, Script]]:
        """Shell-form RUNs under a POSIX shell, with their parsed bodies."""
        return iter(self._shell_runs)

    @cached_property
    def _shell_runs(self) -> list[tuple[Instruction, Script]]:
        # every transform asks, often twice: read the document once
        out = []
        posix = self.posix_shell
        for ins in self.doc.instructions:
            script = self.script(ins)
            if script is not None and posix[ins.index]:
                out.append((ins, script))
        return out

    def span(self, ins: Instruction, start: int, end: int) -> tuple[int, int]:
        """File byte span of body span ``start:end`` of ``ins``."""
        target = ins.sub or ins
        base = target.args_offset
        return ins.file_offset(base + start), ins.file_offset(base + end, end=True)

    def pos(self, ins: Instruction, at: int) -> int:
        """File byte offset of body offset ``at`` (an insertion point)."""
        target = ins.sub or ins
        return ins.file_offset(target.args_offset + at, end=True)

    @cached_property
    def may_have_pragmas(self) -> bool:
        """False when the file has no ``dslim-rewrite`` comment anywhere."""
        return mentioned(self.doc.data)

    # -- stages and shells --------------------------------------------------
    @cached_property
    def final_stages(self) -> set[int]:
        return self.doc.final_stages()

    def in_final_image(self, ins: Instruction) -> bool:
        return ins.stage in self.final_stages

    @cached_property
    def posix_shell(self) -> dict[int, bool]:
        """For each instruction index: does RUN use a POSIX shell there?"""
        out = {}
        posix = self.doc.escape != "`"  # a backtick escape means a Windows file
        for ins in self.doc.instructions:
            if ins.keyword == "FROM":
                posix = self.doc.escape != "`"
            elif ins.keyword == "SHELL" and ins.json and ins.value:
                exe = ins.value[0].replace("\\", "/").rsplit("/", 1)[-1].lower()
                posix = exe in POSIX_SHELLS
            out[ins.index] = posix
        return out

    # -- layout -------------------------------------------------------------
    @property
    def nl(self) -> bytes:
        return self.doc.newline

    @cached_property
    def continuation_style(self) -> tuple[bytes, bool]:
        """(indent, leading_and) as the file's own continued RUNs write them."""
        data = self.doc.data
        indents: dict[bytes, int] = {}
        leading = trailing = 0
        for ins in self.doc.instructions:
            if ins.keyword != "RUN" or not ins.continued:
                continue
            for ln in self.doc.lines[ins.start_line : ins.end_line]:
                s = data[ln.start : ln.end]
                body = s.lstrip(b" \t")
                if not body or body.startswith(b"#"):
                    continue
                ind = s[: len(s) - len(body)]
                indents[ind] = indents.get(ind, 0) + 1
                if body.startswith(b"&&"):
                    leading += 1
            for ln in self.doc.lines[ins.start_line - 1 : ins.end_line - 1]:
                if re.search(rb"&&\s*[\\`]\s*$", data[ln.start : ln.end]):
                    trailing += 1
        indent = max(indents, key=lambda k: indents[k]) if indents else b"    "
        if not indent:
            indent = b"    "
        return indent, leading > trailing

    def join_text(self, comments: list[bytes] = (), op: bytes = b"&&", indent: bytes | None = None) -> bytes:
        """Text that ends one command and starts the next one on a new line,
        in the file's style: `` && \\`` + newline + indent, or `` \\`` +
        newline + indent + ``&& ``. Comment lines are kept between them.
        ``indent`` overrides the file's indent (e.g. the one of the RUN it extends)."""
        file_indent, leading = self.continuation_style
        indent = file_indent if indent is None else indent
        esc = self.doc.escape.encode()
        nl = self.nl
        middle = b"".join(c + nl for c in comments)
        if leading:
            return b" " + esc + nl + middle + indent + op + b" "
        return b" " + op + b" " + esc + nl + middle + indent
