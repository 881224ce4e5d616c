"""DSL001 collapse-run."""

from __future__ import annotations

import re

from dslim_rewrite.context import POSIX_SHELLS
from dslim_rewrite.document import lstrip_space
from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pragmas import PRAGMA
from dslim_rewrite.records import record
from dslim_rewrite.registry import register

# Flags a merged RUN may carry (only when every RUN of the group has the very same ones).
_KNOWN_FLAGS = {"mount", "network", "security"}
# Mount types whose contents are the same for every RUN that mounts them.
_SHARED_MOUNTS = {"bind", "cache", "secret", "ssh"}

# Special builtins: an assignment in front of one stays set in the shell (POSIX).
_SPECIAL_BUILTINS_NOT_FLAGGED = {":", "break", "continue", "times"}

# Values that depend on the commands run before them in the same shell.
_HISTORY_VARS = re.compile(rb"\$\{?_(?![A-Za-z0-9_])|PIPESTATUS|BASH_REMATCH|BASH_COMMAND")

# What a subshell sees differently from the shell itself: its own PID, its depth.
_SUBSHELL_VARS = re.compile(rb"BASHPID|BASH_SUBSHELL")

# One argument to exec() is at most 128 KiB on Linux (MAX_ARG_STRLEN), and the
# whole body is one argument of `sh -c`: stay well below.
MAX_MERGED_BODY = 64 * 1024
# ... and at most this many `&&`-joined commands: nobody reads a longer RUN, and
# each `&&` nests one level deeper in the shell parser's tree.
MAX_MERGED_COMMANDS = 200

# Environment variables that make a non-interactive shell read options or a
# startup file (ENV is only read by interactive shells: `ARG ENV=prod` is fine).
_SHELL_ENV = {"SHELLOPTS", "BASH_ENV"}

# Commands that run code this transform cannot see.
_HIDDEN_CODE = {"eval", "source", "."}

# Operators that keep errexit meaningless: after a failure nothing else runs
# except the right side of `||` (which runs with or without -e).
_FLAT_OPERATORS = {"&&", "||", "|", "|&"}


@record(slots=True)
class _Body:
    index: int
    start: int  # file offsets of the body
    end: int
    size: int  # bytes the body adds to a merged body, joint included, continuation indent not
    commands: int  # simple commands in the body (what the 200-command limit counts)
    flags: tuple[str, ...]
    needs_subshell: bool  # leaks shell state into what follows
    needs_group: bool  # not a plain `a && b` chain
    trailing_semicolon: bool
    must_end: bool  # may only be the last body of a merged RUN
    must_start: bool  # may only be the first body of a merged RUN


@register
class CollapseRun(Transform):
    """## What it does
    Merges consecutive `RUN` instructions of a stage into one `RUN`, joined with
    `&&`, so that the sequence runs exactly as it did: a body that changes the
    shell's state (`cd`, `export`, `set`, a variable, `exit`, ...) runs in a
    subshell `( ... )`, and a body that is not a plain `&&` chain (`a; b`,
    `a || b`) is grouped with `{ ...; }`.

    ## Why is this bad?
    Every `RUN` adds a layer. Files a `RUN` deletes still take space in the
    layers before it, so `RUN apt-get update` followed by
    `RUN apt-get install ... && rm -rf /var/lib/apt/lists/*` ships the package
    lists anyway. One layer per group of commands keeps the image smaller and
    lets later clean-ups actually free space.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update
    # the compiler
    RUN apt-get install -y gcc
    RUN cd /src && make
    RUN make install
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && \\
    # the compiler
        apt-get install -y gcc && \\
        ( cd /src && make ) && \\
        make install
    ```

    ## Fix safety
    Safe. Only adjacent shell-form `RUN`s of a stage whose layers end up in the
    final image are merged (builder stages keep their layers for the build
    cache unless `--merge-builder-stages`). Each body starts with the shell state
    a new `RUN` would have had, and the merged `RUN` fails exactly when one of the
    original `RUN`s failed, at the same command. Not merged: exec form, heredocs,
    `ONBUILD`, differing flags, `tmpfs` or writable bind mounts, non-POSIX shells,
    bodies with a shell comment or a background `&`, bodies that do not parse,
    and RUNs with a `# dslim-rewrite` pragma attached. Where errexit may be on
    (`SHELL [..., "-e", ...]` or `set -e` in a body) a body with `;`, a loop or a
    conditional is only ever the last one of a merged `RUN`, because the shell
    ignores errexit on the left of `&&`. A body that runs `kill` is also kept
    last (in a subshell `$$` would still name the whole RUN's shell). A merged
    body stays below 64 KiB (the shell gets it as one argument) and 200
    commands. A sourced file that turns on `set -e` itself is not seen.
    """

    code = "DSL001"
    name = "collapse-run"
    safety = Safety.SAFE

    def check(self, ctx):
        doc = ctx.doc
        shells = _shell_contexts(doc)
        group: list[_Body] = []
        size = commands = 0
        prev = None
        for ins in doc.instructions:
            body = self._body(ctx, ins, shells.get(ins.index))
            if body is None:
                yield from self._merge(ctx, group)
                group, size, commands, prev = [], 0, 0, None
                continue
            if group and (
                body.flags != group[0].flags
                or group[-1].must_end
                or body.must_start
                or (ctx.may_have_pragmas and _pragma_between(doc, prev, ins))
                # each body also brings a continuation indent (the file's style,
                # read only once there is something to merge)
                or size + body.size + (len(group) + 1) * len(ctx.continuation_style[0]) > MAX_MERGED_BODY
                or commands + body.commands > MAX_MERGED_COMMANDS
            ):
                yield from self._merge(ctx, group)
                group, size, commands = [], 0, 0
            group.append(body)
            size += body.size
            commands += body.commands
            prev = ins
        yield from self._merge(ctx, group)

    # -- which RUNs may be merged ------------------------------------------
    def _body(self, ctx, ins, shell) -> _Body | None:
        if ins.keyword != "RUN" or ins.json or ins.heredocs:
            return None
        if not (ctx.options.merge_builder_stages or ctx.in_final_image(ins)):
            return None
        if not ctx.posix_shell[ins.index] or not shell.posix:
            return None
        script = ctx.script(ins)
        if script is None:
            return None
        facts = script.memo.get(self.code)
        if facts is None:
            facts = script.memo[self.code] = _script_facts(script)
        if facts is _NOT_MERGEABLE:
            return None
        if not _flags_ok(ins.flags) or (ctx.may_have_pragmas and _has_pragma(ctx.doc, ins)):
            return None
        start, end = ctx.span(ins, 0, len(script.source))
        return _Body(
            index=ins.index,
            start=start,
            end=end,
            flags=tuple(f.text for f in ins.flags),
            needs_subshell=facts.needs_subshell,
            needs_group=facts.needs_group,
            trailing_semicolon=facts.trailing_semicolon,
            size=facts.size,
            commands=facts.commands,
            must_end=((shell.errexit or facts.errexit) and facts.errexit_sensitive) or facts.must_end,
            must_start=facts.must_start,
        )

    # -- the edit ----------------------------------------------------------
    def _merge(self, ctx, group: list[_Body]):
        if len(group) < 2:
            return
        doc = ctx.doc
        data = doc.data
        last = len(group) - 1
        opens, closes = [], []
        for k, b in enumerate(group):
            if b.needs_subshell and k < last:
                opens.append(b"( ")
                closes.append(b" )")
            elif b.needs_group:
                opens.append(b"{ ")
                closes.append(b" }" if b.trailing_semicolon else b"; }")
            else:
                opens.append(b"")
                closes.append(b"")
        indent = _command_indent(doc, [doc.instructions[b.index] for b in group])
        edits = []
        if opens[0]:
            edits.append(self.insert(group[0].start, opens[0]))
        for k in range(last):
            a, b = group[k], group[k + 1]
            # comment lines between the bodies (between the RUNs, or between the
            # next RUN's keyword and its body) stay, as Docker comment lines
            lines = doc.lines[doc.instructions[a.index].end_line : doc.instructions[b.index].end_line]
            comments = [
                data[ln.start : ln.end]
                for ln in lines
                if ln.end <= b.start and lstrip_space(data[ln.start : ln.end]).startswith(b"#")
            ]
            edits.append(self.replace(a.end, b.start, closes[k] + ctx.join_text(comments, indent=indent) + opens[k + 1]))
        if closes[last]:
            edits.append(self.insert(group[last].end, closes[last]))
        yield self.fix(
            ctx,
            f"merge {len(group)} RUN instructions into one layer",
            [b.index for b in group],
            edits,
        )


# ---------------------------------------------------------------------------


@record(frozen=True, slots=True)
class _ScriptFacts:
    """What ``_body`` reads from a body alone (kept in ``Script.memo``)."""

    needs_subshell: bool
    needs_group: bool
    trailing_semicolon: bool
    size: int  # the body and its joint, without the continuation indent
    commands: int
    errexit: bool  # the body may turn errexit on itself
    errexit_sensitive: bool  # with errexit on, it may only end a merged RUN
    must_end: bool  # may only end a merged RUN, errexit or not
    must_start: bool


_NOT_MERGEABLE = object()


def _script_facts(script):
    if script.has_error or script.has_comment or script.has_heredoc or "&" in script.operators:
        return _NOT_MERGEABLE
    body = script.source
    commands = script.commands
    ops, items = script.top_operators, script.top_items
    flat = script.operators <= _FLAT_OPERATORS and not script.has_control_flow
    return _ScriptFacts(
        needs_subshell=(script.changes_state and not _only_failing_exits(script)) or any(
            c.name in _SPECIAL_BUILTINS_NOT_FLAGGED and c.assignments and not c.in_subshell for c in commands
        ),
        needs_group=not script.is_and_chain,
        trailing_semicolon=bool(ops) and len(ops) >= len(items) and ops[-1] == ";",
        size=len(body) + 10,
        commands=max(1, len(commands)),
        errexit=any(_may_set_errexit(c) for c in commands if c.name == "set"),
        errexit_sensitive=not flat or any(c.name in _HIDDEN_CODE for c in commands),
        # `kill $$` in a subshell would signal the whole merged RUN
        must_end=any(c.name == "kill" for c in commands) or bool(_SUBSHELL_VARS.search(body)),
        must_start=bool(_HISTORY_VARS.search(body)),
    )


@record(frozen=True, slots=True)
class _Shell:
    posix: bool = True
    errexit: bool = False


def _shell_contexts(doc) -> dict[int, _Shell]:
    """The shell every instruction's RUN uses, following SHELL and the
    environment, and inheriting both from a stage used as ``FROM <stage>``."""
    by_name = {s.name.lower(): s.index for s in doc.stages if s.name}
    at_end: dict[int, _Shell] = {}
    out: dict[int, _Shell] = {}
    cur = _Shell()
    for ins in doc.instructions:
        if ins.keyword == "FROM" and ins.stage >= 0:
            parent = by_name.get(doc.stages[ins.stage].base.lower())
            cur = at_end.get(parent, _Shell()) if parent is not None and parent < ins.stage else _Shell()
        elif ins.keyword == "SHELL" and ins.json and ins.value:
            exe = ins.value[0].replace("\\", "/").rsplit("/", 1)[-1].lower()
            cur = _Shell(exe in POSIX_SHELLS, _shell_errexit(ins.value[1:]))
        elif ins.keyword in ("ENV", "ARG") and _SHELL_ENV & _names(ins):
            cur = _Shell(cur.posix, True)
        out[ins.index] = cur
        at_end[ins.stage] = cur
    return out


def _names(ins) -> set[str]:
    """The variable names an ENV (key, value, ...) or ARG (name=default ...) sets."""
    if ins.keyword == "ENV":
        return set(ins.value[0::2])
    return {w.split("=", 1)[0] for w in ins.value}


def _shell_errexit(args) -> bool:
    """Do the SHELL's options turn on errexit (``-e``, ``-eux``, ``-o errexit``)?"""
    for a in args:
        if a == "errexit":
            return True
        if a.startswith("-") and not a.startswith("--") and "e" in a[1:]:
            return True
    return False


def _may_set_errexit(cmd) -> bool:
    """Could this ``set`` command turn on errexit?"""
    args = cmd.args
    for k, a in enumerate(args):
        if a == "--":
            return False
        if "$" in a or "`" in a:
            return True
        if a[:1] not in ("-", "+"):
            return False  # positional parameters from here on
        letters = a[1:]
        if "e" in letters:
            return True
        if "o" in letters and (k + 1 >= len(args) or args[k + 1] in ("errexit",) or "$" in args[k + 1]):
            return True
    return False


def _only_failing_exits(script) -> bool:
    """Is ``exit N`` (N from 1 to 255) the only state change? Such an exit ends
    the merged RUN as it ended the original one: the build fails either way."""
    if any(r != "exit" for r in script.state_reasons):
        return False
    for c in script.commands:
        if c.name == "exit" and not c.in_subshell:
            if len(c.words) != 2 or not re.fullmatch(r"[0-9]{1,3}", c.words[1].raw) or not 1 <= int(c.args[0]) <= 255:
                return False
    return True


def _flags_ok(flags) -> bool:
    for f in flags:
        if f.name not in _KNOWN_FLAGS:
            return False
        if f.name == "mount" and not _mount_shared(f.value or ""):
            return False
    return True


def _mount_shared(value: str) -> bool:
    """A mount whose contents a RUN cannot change for the RUNs after it
    (a tmpfs and a writable bind mount start afresh in every RUN)."""
    if "$" in value:
        return False
    kind = "bind"
    writable = False
    for field in value.split(","):
        key, _, val = field.strip().partition("=")
        key = key.lower()
        if key == "type":
            kind = val.lower()
        elif key in ("rw", "readwrite") and val.lower() not in ("false", "0"):
            writable = True
    if kind not in _SHARED_MOUNTS:
        return False
    return not (kind == "bind" and writable)


_TRAILING_AND = re.compile(rb"&&[ \t]*[\\`][ \t]*$")


def _command_indent(doc, instructions) -> bytes | None:
    """The indent of the lines that start a command (``&& cmd``, or the line
    after ``cmd && \\``) in these RUNs, when they have some: package lists
    indented deeper must not decide where the next command goes."""
    data = doc.data
    counts: dict[bytes, int] = {}
    for ins in instructions:
        after_and = False
        for ln in doc.lines[ins.start_line - 1 : ins.end_line]:
            text = data[ln.start : ln.end]
            stripped = text.lstrip(b" \t")
            if not stripped or stripped.startswith(b"#"):
                continue
            if ln.number > ins.start_line and (stripped.startswith(b"&&") or after_and):
                indent = text[: len(text) - len(stripped)]
                if indent:
                    counts[indent] = counts.get(indent, 0) + 1
            after_and = bool(_TRAILING_AND.search(text))
    return max(counts, key=counts.__getitem__) if counts else None


def _has_pragma(doc, ins) -> bool:
    """A pragma directly above or inside a RUN would cover the RUNs merged into it."""
    data = doc.data
    return any(PRAGMA.match(data[ln.start : ln.end]) for ln in doc.comment_lines_before(ins) + ins.comments)


def _pragma_between(doc, prev, ins) -> bool:
    data = doc.data
    return any(
        PRAGMA.match(data[ln.start : ln.end]) for ln in doc.lines[prev.end_line : ins.start_line - 1]
    )
