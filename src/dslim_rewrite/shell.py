"""Shell analysis of RUN bodies with tree-sitter-bash.

A RUN body is parsed as Docker hands it to the shell: the joined line, with
continuations resolved and Docker comment lines removed. Every span here is a
byte offset into that body; ``Instruction.file_offset`` maps it back to the
file, so an edit lands on the right bytes of a multi-line RUN.

tree-sitter is imported on first use, not at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from functools import lru_cache

# Commands that change the state of the running shell for what follows.
STATE_COMMANDS = frozenset(
    {
        "cd", "pushd", "popd", "export", "unset", "set", "umask", "source", ".",
        "alias", "unalias", "shopt", "ulimit", "trap", "exec", "exit", "return",
        "eval", "declare", "typeset", "local", "readonly", "hash", "enable",
        "shift", "getopts", "read", "wait", "builtin", "command", "mapfile",
        "readarray", "let", "bind", "complete", "dirs", "disown", "fc", "jobs",
        "kill", "logout", "times", "caller", "compgen", "compopt", "suspend",
        "printf",  # printf -v sets a variable
    }
)

_ASSIGNING_EXPANSION = re.compile(r"^\$\{[A-Za-z_][A-Za-z0-9_]*:?=")
_ARITH_ASSIGN = re.compile(r"(\+\+|--|[^=!<>]=(?!=)|[-+*/%&|^]=)")

_OPERATORS = {"&&", "||", ";", "|", "&", "|&", ";;", "\n"}
_CONTROL = {
    "if_statement", "for_statement", "c_style_for_statement", "while_statement",
    "case_statement", "function_definition", "until_statement", "select_statement",
}


@dataclass(slots=True)
class Word:
    text: str  # the word with quotes removed where it is plain
    raw: str  # the word as written
    start: int
    end: int


@dataclass(slots=True)
class Command:
    """One simple command (or declaration/test command)."""

    kind: str  # tree-sitter node type
    name: str  # command name, "" for a bare assignment
    words: list[Word]  # argv, command name first
    assignments: list[str]  # prefix assignments (VAR=value)
    start: int
    end: int
    in_subshell: bool  # inside ( ), $( ) or ` `: cannot change the outer shell
    top_level: bool  # a direct item of the body's top-level and/or list
    redirects: list[str] = field(default_factory=list)

    @property
    def argv(self) -> list[str]:
        return [w.text for w in self.words]

    @property
    def args(self) -> list[str]:
        return [w.text for w in self.words[1:]]


@dataclass
class Script:
    source: bytes
    commands: list[Command]
    operators: set[str]  # every list/pipeline operator found anywhere
    top_operators: list[str]  # operators between the top-level items
    top_items: list[tuple[int, int]]  # spans of the top-level items
    has_error: bool
    has_comment: bool
    has_control_flow: bool
    has_heredoc: bool
    changes_state: bool  # something would leak into a following command
    state_reasons: list[str]

    @property
    def is_and_chain(self) -> bool:
        """Top level is commands joined by ``&&`` only (pipes inside items allowed)."""
        return all(op == "&&" for op in self.top_operators)

    def find(self, *names: str) -> list[Command]:
        return [c for c in self.commands if c.name in names]


@lru_cache(maxsize=1)
def _parser():
    import tree_sitter
    import tree_sitter_bash

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))


def _unquote(raw: str) -> str:
    """Remove shell quoting from a plain word; expansions are kept as text."""
    if "'" not in raw and '"' not in raw and "\\" not in raw:
        return raw  # nothing to remove (most words)
    out = []
    i = 0
    quote = ""
    while i < len(raw):
        c = raw[i]
        if quote == "'":
            if c == "'":
                quote = ""
            else:
                out.append(c)
        elif quote == '"':
            if c == '"':
                quote = ""
            elif c == "\\" and i + 1 < len(raw) and raw[i + 1] in '"\\$`':
                i += 1
                out.append(raw[i])
            else:
                out.append(c)
        elif c in "'\"":
            quote = c
        elif c == "\\" and i + 1 < len(raw):
            i += 1
            out.append(raw[i])
        else:
            out.append(c)
        i += 1
    return "".join(out)


_SUBSHELL_NODES = {"subshell", "command_substitution", "process_substitution"}


def parse_shell(body: bytes | str) -> Script:
    """The analysis of a RUN body. The chain parses the file again after each
    round and most bodies come back unchanged, so results are cached by body:
    the Script returned is shared, treat it as read-only."""
    return _parse_shell(body.encode("utf-8") if isinstance(body, str) else bytes(body))


@lru_cache(maxsize=4096)
def _parse_shell(src: bytes) -> Script:
    simple = _parse_simple(src)
    if simple is not None:
        return simple
    return _parse_tree(src)


# -- the fast path -----------------------------------------------------------
# Most RUN bodies are plain commands joined by &&, ||, ; and |: words of
# ordinary characters, quotes, $NAME / ${NAME} and trailing output
# redirections. For those the analysis is read off a regular-expression
# tokenisation instead of a tree-sitter tree (several times faster). Anything
# else -- input redirections, subshells, control flow, keywords, declarations,
# bare assignments, odd characters -- returns None and goes to tree-sitter.
# tests/test_shell_fastpath.py checks that the two agree on every body the
# fast path accepts.

_PRINTABLE = re.compile(rb"[\t\x20-\x7e]*+")
_QUOTED = re.compile(rb"""'[^']*+'|"[^"]*+\"""")
# outside quotes (each quoted part counts as one letter here)
_SIMPLE_CHARS = re.compile(rb"[A-Za-z0-9_./:=+,@%*\- \t&|;$'\"{}>]*+")
# one token, after optional blanks: an operator (group 1), an output
# redirection (group 2) or a word (group 3); possessive, so a body that does
# not tokenise fails fast
_SIMPLE_TOKEN = re.compile(
    r"""[ \t]*+(?:(&&|\|\||[;|&]++)|([12]?(?:>&[12](?![^ \t;&|])|>>?))|((?:[^ \t&|;'"<>]++|'[^']*+'|"[^"]*+")++))"""
)
_SIMPLE_DOLLAR = re.compile(rb"\$(?:[A-Za-z_][A-Za-z0-9_]*+|\{[A-Za-z_][A-Za-z0-9_]*+\})")
_COMMAND_NAME = re.compile(r"[A-Za-z_./][A-Za-z0-9_./+-]*+")
# an unbraced $NAME inside a word, with more of the word after it: tree-sitter
# sometimes splits such a word in two ($A-$B., 'q'$A/)
_DOLLAR_INSIDE = re.compile(rb"(?<![ \t])\$[A-Za-z_][A-Za-z0-9_]*+(?=[^ \t\"';&|])")
_WORD_HEAD = re.compile(r"[A-Za-z0-9_]*+")
_ASSIGNMENT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*+(\+?)=")
_RESERVED = frozenset(
    {
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
        "function", "select", "time", "in", "coproc", "[[", "]]", "{", "}",
        # declaration and unset commands are their own node types
        "export", "declare", "typeset", "local", "readonly", "unset", "unsetenv",
    }
)


def _parse_simple(src: bytes) -> Script | None:
    if _PRINTABLE.fullmatch(src) is None or b"`" in src or b"\\" in src:
        return None
    outside = _QUOTED.sub(b"q", src) if (b"'" in src or b'"' in src) else src
    if _SIMPLE_CHARS.fullmatch(outside) is None:
        return None
    if b"$" in src and (src.count(b"$") != len(_SIMPLE_DOLLAR.findall(src)) or _DOLLAR_INSIDE.search(src)):
        return None  # beyond $NAME and ${NAME}, or $NAME inside a word
    if b"{" in outside or b"}" in outside:
        braces = outside.count(b"${")
        if outside.count(b"{") != braces or outside.count(b"}") != braces:
            return None
    text = src.decode("ascii")
    # statements (split by ;) of and-or lists (&&, ||) of pipelines (|) of
    # commands, each with output redirections after its words
    commands: list[Command] = []
    top_items: list[tuple[int, int]] = []
    top_ops: list[str] = []
    piped = False  # some pipeline has two commands or more
    words: list[Word] = []
    assigns: list[str] = []
    start = -1
    end = -1  # of the current command with its redirections
    redirected = False  # the current command has had a redirection
    target = False  # a redirection waits for its file
    first = 0  # index in commands of the current pipeline's first command
    pos = 0
    for m in _SIMPLE_TOKEN.finditer(text):
        if m.start() != pos:
            return None  # something that is neither (an unterminated quote)
        pos = m.end()
        word = m.group(3)
        if word is not None:
            if word[0] == "=" or word in _RESERVED or _WORD_HEAD.match(word).group() in _RESERVED:
                # a keyword, also when something follows it (export'a', in@);
                # tree-sitter reads `==` as a test operator
                return None
            if target:
                target = False
                end = pos
                continue
            if redirected:
                return None  # a word after a redirection (tree-sitter gives it to the redirection)
            if start < 0:
                start = m.start(3)
            if not words:
                a = _ASSIGNMENT_WORD.match(word)
                if a is not None:
                    if a.group(1):
                        return None  # A+=b
                    assigns.append(word)
                    continue
                if _COMMAND_NAME.fullmatch(word) is None:
                    return None  # tree-sitter reads `1=2`, `x@y`, `cd%`, `A=1 x:y` as a command its own way
            words.append(Word(_unquote(word), word, m.start(3), pos))
            end = pos
            continue
        redirect = m.group(2)
        if redirect is not None:
            if (not words or target or (top_ops and top_ops[-1] in ("&&", "||")) or m.start(2) == m.start()
                    or words[-1].raw == "-"):
                # tree-sitter hangs `a && b > f` on the whole list, reads a
                # word glued to it (`x2>f`) as a file descriptor, and drops
                # the `-` of `a - 2>f`: let it say
                return None
            redirected = True
            if "&" in redirect:
                end = pos
            else:
                target = True
            continue
        op = m.group(1)
        if not words or target or op not in _OPS_SIMPLE:
            return None  # an empty command, a bare assignment, or & ;; |& ...
        name = words[0].text
        if name in _RESERVED:
            return None
        if "/" in name:
            name = name.rsplit("/", 1)[-1]
        commands.append(Command("command", name, words, assigns, start, words[-1].end, False, False, []))
        words, assigns, start, redirected = [], [], -1, False
        if op != "|":
            top_items.append((commands[first].start, end))
            top_ops.append(op)
            if len(commands) - first == 1:
                commands[first].top_level = True  # alone, not inside a pipeline
            else:
                piped = True
            first = len(commands)
    if (pos != len(text) and text[pos:].strip(" \t")) or target:
        return None
    if words:
        name = words[0].text
        if name in _RESERVED:
            return None
        if "/" in name:
            name = name.rsplit("/", 1)[-1]
        commands.append(Command("command", name, words, assigns, start, words[-1].end, False, False, []))
        top_items.append((commands[first].start, end))
        if len(commands) - first == 1:
            commands[first].top_level = True
        else:
            piped = True
    elif assigns or first != len(commands) or not commands or top_ops[-1] != ";":
        return None  # a bare assignment, a trailing | && ||, or nothing at all
    if piped and ("&&" in top_ops or "||" in top_ops):
        return None  # tree-sitter-bash nests `a | b || c` its own way: let it say
    operators = set(top_ops)
    if piped:
        operators.add("|")
    state_reasons = [c.name for c in commands if c.name in STATE_COMMANDS]
    return Script(
        source=src,
        commands=commands,
        operators=operators,
        top_operators=top_ops,
        top_items=top_items,
        has_error=False,
        has_comment=False,
        has_control_flow=False,
        has_heredoc=False,
        changes_state=bool(state_reasons),
        state_reasons=state_reasons,
    )


_OPS_SIMPLE = frozenset({"&&", "||", ";", "|"})


def _parse_tree(src: bytes) -> Script:
    tree = _parser().parse(src)
    root = tree.root_node
    commands: list[Command] = []
    operators: set[str] = set()
    state_reasons: list[str] = []
    flags = {"comment": False, "control": False, "heredoc": False}

    def text(n) -> str:
        return src[n.start_byte : n.end_byte].decode("utf-8", "replace")

    # Iterative walks (a stack, children pushed in reverse to keep the order):
    # a RUN of a few thousand `&&`-joined commands nests `list` nodes that deep,
    # more than Python's recursion limit.
    def walk(root_node, sub0: bool, top0: bool) -> None:
        stack = [(True, root_node, sub0, top0)]
        while stack:
            outer, n, sub, top = stack.pop()
            if outer:
                visit(n, sub, top, stack)
            else:
                visit_inner(n, sub, stack)

    def visit(n, sub: bool, top: bool, stack: list) -> None:
        t = n.type
        if t == "comment":
            flags["comment"] = True
            return
        if t in ("heredoc_redirect", "heredoc_body", "heredoc_start"):
            flags["heredoc"] = True
        if t in _CONTROL:
            flags["control"] = True
            if not sub and t in ("for_statement", "c_style_for_statement", "select_statement", "function_definition"):
                state_reasons.append(t.replace("_", " "))
        if t in ("variable_assignment",) and not sub and n.parent is not None and n.parent.type not in ("command", "declaration_command"):
            state_reasons.append("variable assignment " + text(n).split("=", 1)[0])
        if t == "expansion" and not sub and _ASSIGNING_EXPANSION.match(text(n)):
            state_reasons.append("assigning expansion " + text(n))
        if t in ("arithmetic_expansion", "arithmetic_statement") and not sub and _ARITH_ASSIGN.search(text(n)):
            state_reasons.append("arithmetic assignment")
        if t in ("command", "declaration_command", "unset_command", "test_command"):
            cmd = _command(n, sub, top)
            commands.append(cmd)
            if not sub:
                if cmd.kind in ("declaration_command", "unset_command"):
                    state_reasons.append(cmd.name or cmd.kind)
                elif cmd.name in STATE_COMMANDS:
                    state_reasons.append(cmd.name)
                elif not cmd.name and cmd.assignments:
                    state_reasons.append("variable assignment " + cmd.assignments[0].split("=", 1)[0])
            # nested commands inside arguments ($(...))
            for c in reversed(n.children):
                if c.type not in ("command_name",):
                    stack.append((False, c, sub, False))
            return
        child_sub = sub or t in _SUBSHELL_NODES
        child_top = top and t in ("program", "list", "redirected_statement")
        for c in reversed(n.children):
            if not c.is_named and c.type in _OPERATORS:
                operators.add(c.type)
            stack.append((True, c, child_sub, child_top))

    def visit_inner(n, sub: bool, stack: list) -> None:
        t = n.type
        if t in _SUBSHELL_NODES:
            for c in reversed(n.children):
                if not c.is_named and c.type in _OPERATORS:
                    operators.add(c.type)  # e.g. the ";" of "echo $(a; b)"
                stack.append((True, c, True, False))
            return
        if not sub:
            if t == "expansion" and _ASSIGNING_EXPANSION.match(text(n)):
                state_reasons.append("assigning expansion " + text(n))
            elif t == "arithmetic_expansion" and _ARITH_ASSIGN.search(text(n)):
                state_reasons.append("arithmetic assignment")
        for c in reversed(n.children):
            stack.append((False, c, sub, False))

    def _command(n, sub: bool, top: bool) -> Command:
        words: list[Word] = []
        assigns: list[str] = []
        redirects: list[str] = []
        name = ""
        kind = n.type
        if kind in ("declaration_command", "unset_command"):
            first = n.children[0]
            name = text(first)
            words.append(Word(name, name, first.start_byte, first.end_byte))
            for c in n.children[1:]:
                raw = text(c)
                words.append(Word(_unquote(raw), raw, c.start_byte, c.end_byte))
        elif kind == "test_command":
            name = text(n.children[0]) if n.children else "["
            for c in n.children:
                raw = text(c)
                words.append(Word(_unquote(raw), raw, c.start_byte, c.end_byte))
        else:
            for c in n.children:
                ct = c.type
                raw = text(c)
                if ct == "variable_assignment":
                    assigns.append(raw)
                elif ct == "command_name":
                    name = _unquote(raw)
                    words.append(Word(name, raw, c.start_byte, c.end_byte))
                elif ct in ("file_redirect", "herestring_redirect", "heredoc_redirect"):
                    redirects.append(raw)
                elif c.is_named:
                    words.append(Word(_unquote(raw), raw, c.start_byte, c.end_byte))
        # a path like /usr/bin/apt-get counts as apt-get
        base = name.rsplit("/", 1)[-1] if "/" in name and kind == "command" else name
        return Command(kind, base, words, assigns, n.start_byte, n.end_byte, sub, top, redirects)

    walk(root, False, True)

    # top-level items and the operators between them
    top_items: list[tuple[int, int]] = []
    top_ops: list[str] = []

    def flatten(n) -> None:
        stack = [n]  # iterative: `a && b && ...` nests one `list` per operator
        while stack:
            n = stack.pop()
            if n.type == "list":
                stack.extend(c for c in reversed(n.children) if c.type != "comment")
            elif not n.is_named and n.type in _OPERATORS:
                top_ops.append(n.type)
            else:
                top_items.append((n.start_byte, n.end_byte))

    prev_end = None
    for c in root.children:
        if c.type == "comment":
            continue
        if not c.is_named and c.type in _OPERATORS:
            top_ops.append(c.type)
            continue
        if prev_end is not None and (not top_ops or len(top_ops) < len(top_items)):
            # two statements separated by a newline
            top_ops.append("\n")
        flatten(c)
        prev_end = c.end_byte
    return Script(
        source=src,
        commands=commands,
        operators=operators,
        top_operators=top_ops,
        top_items=top_items,
        has_error=root.has_error,
        has_comment=flags["comment"],
        has_control_flow=flags["control"],
        has_heredoc=flags["heredoc"],
        changes_state=bool(state_reasons),
        state_reasons=state_reasons,
    )
