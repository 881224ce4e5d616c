"""What the cache-hygiene transforms know about package managers.

- ``invocations(script)``: every command of a RUN body with wrappers taken off
  (``sudo``, ``env VAR=x``, ``command``, ``python -m pip``), so that
  ``sudo /usr/bin/apt-get -qq install`` and ``python3 -m pip install`` are
  seen as the tools they run.
- recognisers for cleanups already there (``rm -rf`` in all its spellings,
  ``find … -delete``, ``<tool> clean``) and for cache mounts;
- the stage lineage: what runs before and after an instruction on the same
  filesystem (the rest of its stage, and stages built ``FROM`` it by name);
- ``append_command``: where and how to add a cleanup at the end of a RUN.

Why a cleanup is appended to the body's last top-level item with ``&&``,
never wrapped as ``{ a; b; } && cleanup``: ``a; b && cleanup`` exits with
``b``'s status when ``b`` fails and with the cleanup's status otherwise,
exactly like ``{ a; b; } && cleanup`` would, and ``&&``/``||`` bind left to
right, so ``a || b && cleanup`` is ``(a || b) && cleanup``. But braces on the
left of ``&&`` switch ``set -e`` off inside them: ``{ set -e; a; b; } && c``
carries on after a failing ``a``. Appending to the last item keeps every
failure the body had.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .fixes import Edit
from .records import field, record
from .shell import Command, Script, Word, parse_shell
from .shellcmd import apt_subcommand, has_option

if TYPE_CHECKING:
    from .context import Context
    from .document import Document, Instruction

APT_TOOLS = frozenset({"apt-get", "apt", "aptitude"})
YUM_TOOLS = frozenset({"yum", "dnf", "microdnf", "tdnf"})
CONDA_TOOLS = frozenset({"conda", "mamba", "micromamba"})

_PIP = re.compile(r"^pip(\d+(\.\d+)?)?$")
_PYTHON = re.compile(r"^python(\d+(\.\d+)?)?$")
_ASSIGN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")

# options of the wrappers that take a separate value
_SUDO_VALUE_OPTS = {"-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T",
                    "--user", "--group", "--host", "--prompt", "--close-from",
                    "--chdir", "--role", "--type", "--other-user", "--command-timeout"}
_ENV_VALUE_OPTS = {"-u", "-C", "-S", "--unset", "--chdir", "--split-string"}
_PYTHON_VALUE_OPTS = {"-W", "-X", "-c", "--check-hash-based-pycs"}


_UNREAD = object()


@record(slots=True)
class Invocation:
    """A command with its wrappers taken off.

    ``words`` starts with the tool's own word (``pip`` in ``python3 -m pip``),
    so the helpers of ``shellcmd`` (which read ``.words[1:]``) work on it.
    """

    cmd: Command
    tool: str  # canonical name: "apt-get", "pip", "rm", ...
    words: list[Word]
    sudo: bool = False
    env: dict[str, str] = field(default_factory=dict)  # VAR=value before the tool
    _apt_action: object = field(default=_UNREAD, init=False, repr=False, compare=False)  # see apt_action

    @property
    def args(self) -> list[str]:
        return [w.text for w in self.words[1:]]

    def option_values(self, *names: str) -> list[str]:
        """Values of ``--name value`` / ``--name=value`` options."""
        out = []
        ws = self.words[1:]
        for i, w in enumerate(ws):
            t = w.text
            for n in names:
                if t == n and i + 1 < len(ws):
                    out.append(ws[i + 1].text)
                elif t.startswith(n + "="):
                    out.append(t[len(n) + 1 :])
        return out


def _basename(text: str) -> str:
    return text.rsplit("/", 1)[-1]


def _skip_options(words: list[Word], i: int, value_opts: set[str]) -> int:
    while i < len(words) and words[i].text.startswith("-") and words[i].text != "-":
        t = words[i].text
        if t == "--":
            return i + 1
        i += 2 if t in value_opts else 1
    return i


def unwrap(cmd: Command) -> Invocation | None:
    """The tool ``cmd`` really runs, or None for a bare assignment."""
    words = cmd.words
    env = dict(a.split("=", 1) for a in cmd.assignments) if cmd.assignments else {}
    sudo = False
    i = 0
    while i < len(words):
        name = _basename(words[i].text)
        if name == "sudo":
            sudo = True
            i = _skip_options(words, i + 1, _SUDO_VALUE_OPTS)
        elif name == "env":
            i = _skip_options(words, i + 1, _ENV_VALUE_OPTS)
        elif name == "command" and i + 1 < len(words) and words[i + 1].text in ("-p", "--"):
            i += 2
        elif name == "command" and i + 1 < len(words) and not words[i + 1].text.startswith("-"):
            i += 1
        else:
            break
        # VAR=value words after sudo/env
        while i < len(words) and _ASSIGN.match(words[i].text):
            k, v = words[i].text.split("=", 1)
            env[k] = v
            i += 1
    if i >= len(words):
        return None
    name = _basename(words[i].text)
    rest = words[i:]
    if _PIP.match(name):
        return Invocation(cmd, "pip", rest, sudo, env)
    if _PYTHON.match(name):
        # python3 -m pip ...: skip the interpreter's own options up to -m
        k = i + 1
        while k < len(words):
            t = words[k].text
            if t == "-m" and k + 1 < len(words):
                mod = words[k + 1].text
                if _PIP.match(mod):
                    return Invocation(cmd, "pip", words[k + 1 :], sudo, env)
                if mod == "uv":
                    return Invocation(cmd, "uv", words[k + 1 :], sudo, env)
                break
            if not t.startswith("-") or t == "-c":
                break
            k += 2 if t in _PYTHON_VALUE_OPTS else 1
    return Invocation(cmd, name, rest, sudo, env)


def invocations(script: Script) -> list[Invocation]:
    """Every simple command of the body, unwrapped, in order. Computed once per
    parsed body (every transform asks); the list must not be changed."""
    out = script.memo.get("invocations")
    if out is None:
        out = script.memo["invocations"] = [
            inv for c in script.commands if c.kind == "command" and (inv := unwrap(c)) is not None
        ]
    return out


def subcommand(inv: Invocation, value_opts: Iterable[str] = ()) -> Word | None:
    """The first word after the tool that is not an option (or an option's value)."""
    vo = set(value_opts)
    ws = inv.words[1:]
    i = _skip_options(ws, 0, vo)
    return ws[i] if i < len(ws) else None


def positionals_after(inv: Invocation, word: Word | None, value_opts: Iterable[str] = ()) -> list[Word]:
    """Non-option words after ``word`` (e.g. the packages after ``install``)."""
    vo = set(value_opts)
    ws = inv.words[1:]
    if word is not None:
        for k, w in enumerate(ws):
            if w is word:
                ws = ws[k + 1 :]
                break
    out = []
    i = 0
    while i < len(ws):
        t = ws[i].text
        if t == "--":
            out += ws[i + 1 :]
            break
        if t.startswith("-") and t != "-":
            i += 2 if t in vo else 1
            continue
        out.append(ws[i])
        i += 1
    return out


# -- cleanups already there -----------------------------------------------------

_RM_RECURSIVE = re.compile(r"^-[a-zA-Z]*[rR][a-zA-Z]*$")


def _norm_target(t: str) -> str:
    """``/var/lib/apt/lists/*`` → ``/var/lib/apt/lists``; ``$HOME`` → ``~``."""
    t = t.replace("${HOME}", "~").replace("$HOME", "~")
    while t.endswith("/*") or (t.endswith("/") and len(t) > 1):
        t = t[:-2] if t.endswith("/*") else t[:-1]
    return t


def removed_paths(inv: Invocation) -> list[str]:
    """Paths a recursive ``rm`` or ``find PATH … -delete`` removes, normalised."""
    if inv.tool == "rm":
        args = inv.args
        recursive = any(_RM_RECURSIVE.match(a) or a == "--recursive" for a in args)
        if not recursive:
            return []
        out, opts = [], True
        for a in args:
            if opts and a == "--":
                opts = False
                continue
            if opts and a.startswith("-"):
                continue
            out.append(_norm_target(a))
        return out
    if inv.tool == "find" and ("-delete" in inv.args or "rm" in inv.args):
        paths = []
        for a in inv.args:
            if a.startswith("-") or a in ("(", "!"):
                break
            paths.append(_norm_target(a))
        return paths
    return []


def path_covers(outer: str, inner: str) -> bool:
    """True if removing/mounting ``outer`` reaches ``inner`` (same path or below it).

    Paths under a home folder may be written ``~/.npm``, ``$HOME/.npm`` or
    ``/root/.npm``: a ``~`` on either side matches any home.
    """
    def variants(p: str) -> list[str]:
        p = _norm_target(p)
        out = [p]
        m = re.match(r"^(~|/root|/home/[^/]+)(/.*)?$", p)
        if m:
            out = ["~" + (m.group(2) or "")]
        return out

    for o in variants(outer):
        for i in variants(inner):
            if o == i or (o != "" and i.startswith(o.rstrip("/") + "/")) or o == "/":
                return True
    return False


def removes(invs: Iterable[Invocation], path: str) -> bool:
    """Some command removes ``path`` (or a folder holding it) recursively."""
    return any(path_covers(p, path) for inv in invs for p in removed_paths(inv))


def tool_args_match(inv: Invocation, tools: Iterable[str], *args: str) -> bool:
    """``inv`` is one of ``tools`` and its positional words start with ``args``."""
    if inv.tool not in set(tools):
        return False
    pos = [w.text for w in positionals_after(inv, None)]
    return pos[: len(args)] == list(args)


# -- mounts -------------------------------------------------------------------

def mount_specs(ins: Instruction) -> list[dict[str, str]]:
    """Each ``--mount`` flag as a dict (``type`` defaults to bind)."""
    target = ins.sub or ins
    out = []
    for f in target.flag("mount"):
        spec: dict[str, str] = {}
        for part in (f.value or "").split(","):
            k, eq, v = part.partition("=")
            spec[k.strip().lower()] = v.strip() if eq else "true"
        spec.setdefault("type", "bind")
        for alias in ("dst", "destination"):
            if alias in spec and "target" not in spec:
                spec["target"] = spec[alias]
        out.append(spec)
    return out


def mount_overlaps(ins: Instruction, paths: Iterable[str]) -> str | None:
    """The target of a ``--mount`` (any type) that holds or lies inside one of
    ``paths``, or None. Deleting such a path would empty the cache the mount
    keeps, or fail on the mount point."""
    ps = list(paths)
    for spec in mount_specs(ins):
        t = spec.get("target")
        if not t:
            continue
        for p in ps:
            if path_covers(t, p) or path_covers(p, t):
                return t
    return None


# -- stages ---------------------------------------------------------------------

def _children(doc: Document, stage: int) -> list[int]:
    name = doc.stages[stage].name
    if not name:
        return []
    return [s.index for s in doc.stages if s.index > stage and s.base.lower() == name.lower()]


def lineage_after(doc: Document, ins: Instruction) -> Iterator[Instruction]:
    """Instructions that later run on top of ``ins``'s filesystem: the rest of
    its stage, then every stage built ``FROM`` it by name (recursively)."""
    if ins.stage < 0:
        return
    for i in doc.stages[ins.stage].instructions:
        if i > ins.index:
            yield doc.instructions[i]
    todo = _children(doc, ins.stage)
    seen: set[int] = set()
    while todo:
        s = todo.pop(0)
        if s in seen:
            continue
        seen.add(s)
        for i in doc.stages[s].instructions:
            yield doc.instructions[i]
        todo += _children(doc, s)


def lineage_before(doc: Document, ins: Instruction) -> Iterator[Instruction]:
    """Instructions whose effects ``ins`` sees: earlier ones of its stage and
    of the stages it is built ``FROM`` by name."""
    if ins.stage < 0:
        return
    by_name = {s.name.lower(): s.index for s in doc.stages if s.name}
    cur: int | None = ins.stage
    seen: set[int] = set()
    while cur is not None and cur not in seen:
        seen.add(cur)
        for i in doc.stages[cur].instructions:
            if i >= ins.index:
                break
            yield doc.instructions[i]
        parent = by_name.get(doc.stages[cur].base.lower())
        cur = parent if parent is not None and parent < cur else None


def mentions(instructions: Iterable[Instruction], pattern: str) -> Instruction | None:
    """The first instruction whose joined text matches ``pattern`` (a regex)."""
    rx = re.compile(pattern)
    for i in instructions:
        if rx.search(i.text.decode("utf-8", "replace")):
            return i
    return None


def delete_style(ctx: Context) -> bool:
    """Caches are deleted in the layer (default), not kept in cache mounts."""
    return ctx.options.style != "cache-mount"


def is_run(ins: Instruction) -> bool:
    return (ins.sub or ins).keyword == "RUN"


# -- where a cleanup goes ---------------------------------------------------------

def item_of(script: Script, cmd: Command) -> int | None:
    """Index of the top-level item holding ``cmd``."""
    for k, (s, e) in enumerate(script.top_items):
        if s <= cmd.start and cmd.end <= e:
            return k
    return None


def last_segment_start(script: Script) -> int:
    """Index of the first top-level item after the last ``;`` / newline / ``&``."""
    ops = script.top_operators[: max(len(script.top_items) - 1, 0)]
    start = 0
    for k, op in enumerate(ops):
        if op in (";", "\n", "&"):
            start = k + 1
    return start


def _item_always_ran(script: Script, k: int) -> bool:
    """Top-level item ``k`` ran and succeeded whenever the whole body succeeded:
    it is in the last segment (after the last ``;`` or newline), which is
    joined by ``&&`` only."""
    start = last_segment_start(script)
    if k < start:
        return False
    ops = script.top_operators[start : len(script.top_items) - 1]
    return all(op == "&&" for op in ops)


# state a subshell may change without changing what a command after it finds
_LOCAL_STATE = {"cd", "pushd", "popd", "set", "umask"}


def _group(script: Script, k: int) -> tuple[Script, int, str] | None:
    """Top-level item ``k`` when it is a plain ``( … )`` or ``{ …; }`` group
    (as collapse-run writes them): its parsed inside, the offset of the
    inside in the body, and "subshell" or "group"."""
    s, e = script.top_items[k]
    text = script.source[s:e]
    if text.startswith(b"(") and not text.startswith(b"((") and text.endswith(b")"):
        kind = "subshell"
    elif text.startswith((b"{ ", b"{\t", b"{\n")) and text.endswith(b"}"):
        kind = "group"
    else:
        return None
    inner = parse_shell(text[1:-1])
    if inner.has_error or not inner.top_items:
        return None
    return inner, s + 1, kind


def _inside(script: Script, cmd: Command):
    """The group holding ``cmd`` at the top level of ``script``, and ``cmd``
    as seen inside it; None when ``cmd`` is elsewhere (if, loop, ``$( )``)."""
    k = item_of(script, cmd)
    if k is None:
        return None
    g = _group(script, k)
    if g is None:
        return None
    inner, off, kind = g
    found = next((c for c in inner.commands if c.start == cmd.start - off and c.end == cmd.end - off), None)
    if found is None:
        return None
    return k, inner, found, kind


def reachable(script: Script, cmd: Command) -> bool:
    """``cmd`` is an item of the body's top-level list, or of plain ``( )`` /
    ``{ }`` groups that are themselves such items, not inside an ``if``, a
    loop, a function or a command substitution."""
    if cmd.top_level and not cmd.in_subshell:
        return True
    found = _inside(script, cmd)
    return found is not None and reachable(found[1], found[2])


def always_ran(script: Script, cmd: Command) -> bool:
    """When a command appended with ``&&`` to the end of the body runs, has
    ``cmd`` run (and succeeded) before it, in a shell that leaves the same
    PATH behind?

    True when ``cmd`` is a top-level item of the body's last segment (what
    follows the last ``;`` or newline) and that segment is joined by ``&&``
    only; or the same holds, level by level, through ``{ }`` groups and
    ``( )`` subshells that change nothing but the directory or options. A
    cleanup that needs the tool (``npm cache clean``) is safe only then:
    ``test -f package.json && npm ci; echo ok`` may never run npm, and
    ``( . nvm.sh && npm ci )`` puts npm on the PATH of the subshell only.
    """
    if cmd.top_level and not cmd.in_subshell:
        k = item_of(script, cmd)
        return k is not None and _item_always_ran(script, k)
    found = _inside(script, cmd)
    if found is None:
        return False
    k, inner, inner_cmd, kind = found
    if not _item_always_ran(script, k):
        return False
    if kind == "subshell" and any(r.split(" ", 1)[0] not in _LOCAL_STATE for r in inner.state_reasons):
        return False
    return always_ran(inner, inner_cmd)


_FUNC_DEF = re.compile(rb"^\s*(function\s+[\w-]+|[\w-]+\s*\(\s*\))")


def append_command(ctx: Context, ins: Instruction, script: Script, text: bytes):
    """An insertion adding ``&& text`` after the body's last top-level item, in
    the file's own style, or a string saying why it cannot be done."""
    if script.has_error:
        return "the shell body does not parse"
    if script.has_heredoc:
        return "the body has a shell heredoc"
    if not script.top_items:
        return "empty body"
    if "&" in script.top_operators:
        return "the body starts a background job"
    s, e = script.top_items[-1]
    tail = script.source[e:].strip(b" \t\r\n;")
    if tail and not tail.startswith(b"#"):
        return "the body does not end with a command"
    last = script.source[s:e]
    if _FUNC_DEF.match(last):
        return "the body ends with a function definition"
    for c in script.commands:
        if s <= c.start and c.end <= e and c.top_level and c.name in ("exit", "exec", "return"):
            return f"the body ends with `{c.name}`"
    at = ctx.pos(ins, e)
    if ins.continued and not tail:
        new = continuation(ctx, ins, s) + text
    else:
        # one line, or a shell comment ends the body: stay on the same line,
        # before the comment
        new = b" && " + text
    data = ctx.doc.data
    if at < len(data):
        # Take the byte after the insertion point along (it is written back
        # unchanged): an edit that rewrites what follows this body, like
        # merging the next RUN into it, then overlaps and goes first, and the
        # cleanup lands once at the end of the merged RUN in the next round.
        return Edit(at, at + 1, new + data[at : at + 1])
    return Edit(at, at, new)


def continuation(ctx: Context, ins: Instruction, item_start: int) -> bytes:
    """`` && \\`` + newline + indent (or `` \\`` + newline + indent + ``&& ``),
    following this RUN's own layout when it has one and the file's otherwise;
    the indent is that of the line where the last command starts."""
    doc = ctx.doc
    data = doc.data
    indent, leading = ctx.continuation_style
    lead = trail = 0
    for ln in doc.lines[ins.start_line - 1 : ins.end_line]:
        body = data[ln.start : ln.end].lstrip(b" \t")
        if body.startswith(b"&&"):
            lead += 1
        if re.search(rb"&&\s*[\\`]\s*$", body):
            trail += 1
    if lead != trail:
        leading = lead > trail
    line = doc.line_of(ctx.pos(ins, item_start))
    if line > ins.start_line:
        ln = doc.lines[line - 1]
        text = data[ln.start : ln.end]
        own = text[: len(text) - len(text.lstrip(b" \t"))]
        if own:
            indent = own
    elif b"\t" not in indent and len(indent) > 4:
        # the last command starts on the RUN line: its continuation lines are
        # its arguments, often indented deeper than commands are
        indent = b"    "
    esc = doc.escape.encode()
    if leading:
        return b" " + esc + ctx.nl + indent + b"&& "
    return b" && " + esc + ctx.nl + indent


# -- apt -------------------------------------------------------------------------

APT_LISTS = "/var/lib/apt/lists"
APT_CACHE = "/var/cache/apt"
# apt actions that work without package lists
_APT_NO_LISTS = frozenset({"update", "clean", "autoclean", "dist-clean", "distclean", "remove", "purge",
                           "autoremove", "autopurge", "markauto", "unmarkauto", "showhold", "mark"})
_APT_WORD = re.compile(r"(^|[\s/;&|(`'\"])(apt-get|apt|apt-cache|aptitude)(?=[\s;&|)`'\"]|$)")


def apt_action(inv: Invocation) -> str | None:
    """``install``, ``update``, ... for apt-get/apt/aptitude/apt-cache, else None.
    Read once per invocation (invocations are cached per body; every apt
    transform asks)."""
    if inv.tool not in APT_TOOLS and inv.tool != "apt-cache":
        return None
    act = inv._apt_action
    if act is _UNREAD:
        w = apt_subcommand(inv)
        act = inv._apt_action = w.text if w is not None else None
    return act


def apt_lists_removed(invs: list[Invocation], after: int = -1) -> bool:
    """Some command after body offset ``after`` removes the package lists
    (``rm -rf /var/lib/apt/lists/*`` in any spelling, ``apt-get dist-clean``)."""
    for inv in invs:
        if inv.cmd.start <= after:
            continue
        if apt_action(inv) in ("dist-clean", "distclean") or removes([inv], APT_LISTS):
            return True
    return False


def needs_apt_lists(ctx: Context, ins: Instruction) -> bool:
    """Does ``ins`` run an apt action that reads the package lists before it
    fetched them itself (``apt-get install`` without ``apt-get update``)?
    Unreadable bodies (exec form, heredocs) that mention apt count as yes."""
    target = ins.sub or ins
    if target.keyword != "RUN":
        return False
    script = ctx.script(ins)
    if script is None or script.has_error:
        return bool(_APT_WORD.search(target.text.decode("utf-8", "replace")))
    updated = False
    for inv in invocations(script):
        act = apt_action(inv)
        if act is None:
            continue
        if act == "update":
            updated = updated or reachable(script, inv.cmd)
        elif act not in _APT_NO_LISTS and not updated:
            return True
    return False


# -- tool-run cleanups (yum clean all, npm cache clean, ...) -----------------------

def tool_cleanup_edit(ctx: Context, ins: Instruction, script: Script, triggers: list[Invocation], text: bytes):
    """Append ``text``, a cleanup that runs the package manager itself, after
    the body; or say why not. The tool must have run for sure whenever the
    cleanup runs (see ``always_ran``), and not through sudo (the cleanup would
    run as another user, and sudoers may not allow it)."""
    if any(t.sudo for t in triggers):
        return f"`{triggers[0].tool}` runs through sudo"
    sure = [t for t in triggers if always_ran(script, t.cmd)]
    if not sure:
        return f"`{triggers[0].tool}` may not have run by then (if, loop, subshell with its own environment, `;` or `||`)"
    # call the tool the way the body did (/opt/conda/bin/conda may not be on PATH)
    raw = sure[-1].words[0].raw
    tool = sure[-1].tool.encode()
    if "/" in raw and text.startswith(tool + b" "):
        if "`" in raw or "$(" in raw:
            return f"`{sure[-1].tool}` is called through a command substitution"
        text = raw.encode() + text[len(tool) :]
    return append_command(ctx, ins, script, text)


def later_uses(ctx: Context, ins: Instruction, tools: Iterable[str], options: Iterable[str]) -> Instruction | None:
    """A later RUN on this filesystem running one of ``tools`` with one of
    ``options`` (``dnf -C``, ``npm --offline``), or an unreadable RUN naming
    one of the tools."""
    tools = set(tools)
    opts = tuple(options)
    doc = ctx.doc
    later = list(lineage_after(doc, ins)) + [i for i in lineage_before(doc, ins) if i.sub is not None]
    for other in later:
        target = other.sub or other
        if target.keyword != "RUN":
            continue
        s = ctx.script(other)
        if s is None:
            text = target.text.decode("utf-8", "replace")
            if any(re.search(rf"(^|[\s/\"'\[]){re.escape(t)}\b", text) for t in tools):
                return other
            continue
        for v in invocations(s):
            if v.tool in tools and has_option(v, opts):
                return other
    return None


def cleanup_fixes(transform, ctx: Context, *, kept: Callable[[str], str],
                  triggers: Callable[[list[Invocation]], list[Invocation]],
                  cleaned: Callable[[list[Invocation]], bool],
                  skip: Callable[[Context, Instruction, Script, list[Invocation]], object],
                  later: tuple[Iterable[str], Iterable[str], str],
                  cleanup: Callable[[str], bytes],
                  message: Callable[[str, Invocation], str]) -> Iterator:
    """The fixes (and notes) of a transform that appends a package manager's
    own cleanup (``dnf clean all``, ``npm cache clean --force``) to each RUN
    filling its cache. What the transform knows:

    - ``triggers(invs)``: the commands of a body that fill the cache (none:
      nothing to do);
    - ``cleaned(after)``: the commands after the last trigger clean it already;
    - ``skip(ctx, ins, script, triggers)``: an option, a setting or a mount
      keeps the cache elsewhere or on purpose;
    - ``later``: ``(tools, options, what)``: a later RUN running one of the
      tools with one of the options needs the cache (noted as "a later RUN
      {what}");
    - ``kept(tool)``: how notes start (``npm cache kept``);
    - ``cleanup(tool)``: the command appended; ``message(tool, last trigger)``:
      the fix's message.
    """
    if not delete_style(ctx):
        return
    tools, options, what = later
    for ins, script in ctx.shell_runs():
        invs = invocations(script)
        found = triggers(invs)
        if not found:
            continue
        after = [v for v in invs if v.cmd.start > found[-1].cmd.start]
        if cleaned(after) or skip(ctx, ins, script, found):
            continue
        tool = found[-1].tool
        if later_uses(ctx, ins, tools, options):
            yield transform.note(ctx, f"{kept(tool)}: a later RUN {what}", ins.index)
            continue
        edit = tool_cleanup_edit(ctx, ins, script, [t for t in found if t.tool == tool], cleanup(tool))
        if isinstance(edit, str):
            yield transform.note(ctx, f"{kept(tool)}: {edit}", ins.index)
            continue
        yield transform.fix(ctx, message(tool, found[-1]), ins.index, [edit])


# -- yum / dnf -------------------------------------------------------------------

YUM_CACHES = ("/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5")
YUM_VALUE_OPTS = {"-c", "--config", "--installroot", "--releasever", "--setopt", "-e", "-d",
                  "--errorlevel", "--debuglevel", "--enablerepo", "--disablerepo", "-x", "--exclude",
                  "--repo", "--repoid", "--forcearch", "--downloaddir", "--destdir", "--color",
                  "--rpmverbosity", "--advisory", "--cve", "--bz", "--sec-severity"}


def yum_action(inv: Invocation) -> str | None:
    """The action word of a yum/dnf/microdnf/tdnf command, else None."""
    if inv.tool not in YUM_TOOLS:
        return None
    w = subcommand(inv, YUM_VALUE_OPTS)
    return w.text if w is not None else None


# -- zypper -------------------------------------------------------------------------

ZYPPER_CACHES = ("/var/cache/zypp",)
ZYPPER_VALUE_OPTS = {"-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir",
                     "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "-p", "--plus-repo",
                     "--plus-content", "--userdata", "--installroot", "-r", "--repo", "-t", "--type",
                     "--from"}


def zypper_action(inv: Invocation) -> str | None:
    """The action word of a zypper command, else None."""
    if inv.tool != "zypper":
        return None
    w = subcommand(inv, ZYPPER_VALUE_OPTS)
    return w.text if w is not None else None


# -- settings made elsewhere in the stage ----------------------------------------------

def set_in_stage(ctx: Context, ins: Instruction, inv: Invocation | None, script: Script, pattern: str) -> bool:
    """``pattern`` (a regex, e.g. a variable name) is set for this command: as
    a prefix assignment, anywhere in this RUN's body (``export``, a config
    file written), or in an earlier instruction of the stage or its parents
    (``ENV``, ``ARG``, a ``COPY`` of a config file)."""
    rx = re.compile(pattern)
    if inv is not None and any(rx.search(f"{k}={v}") for k, v in inv.env.items()):
        return True
    if rx.search(script.source.decode("utf-8", "replace")):
        return True
    return mentions(lineage_before(ctx.doc, ins), pattern) is not None


def cache_mounted(ins: Instruction, pattern: str) -> str | None:
    """The target of a ``--mount`` whose path matches ``pattern``, or None."""
    rx = re.compile(pattern)
    for spec in mount_specs(ins):
        t = spec.get("target", "")
        if t and rx.search(t):
            return t
    return None
