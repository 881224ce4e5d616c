"""Shell analysis of RUN bodies with tree-sitter-bash.

A RUN body is parsed as Docker hands it to the shell: the joined line, with
continuations resolved and Docker comment lines removed. Every span here is a
byte offset into that body; ``Instruction.file_offset`` maps it back to the
file, so an edit lands on the right bytes of a multi-line RUN.

tree-sitter is imported on first use, not at start-up.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .records import field, record

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


@record(slots=True)
class Word:
    text: str  # the word with quotes removed where it is plain
    raw: str  # the word as written
    start: int
    end: int


@record(slots=True)
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


@record
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
    # what is worked out from the body alone, once, keyed by who works it out
    # (a transform's code, a helper's name): a Script is shared by every round
    # and file that meets the same body
    memo: dict = field(default_factory=dict, repr=False, compare=False)

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
# Most RUN bodies are plain commands joined by &&, ||, ; and |, maybe in
# { ...; } groups and ( ... ) subshells (what merging RUNs makes): words of
# ordinary characters, quotes, $NAME / ${NAME} and trailing output
# redirections. For those the analysis is read off a regular-expression
# tokenisation instead of a tree-sitter tree. Anything else -- input
# redirections, command substitution, control flow, keywords, declarations,
# bare assignments, odd characters, and the places where tree-sitter-bash
# reads a body its own way -- returns None and goes to tree-sitter.
# tests/test_shell_fastpath.py checks that the two agree, field for field, on
# every body the fast path accepts.

_PRINTABLE = re.compile(rb"[\t\x20-\x7e]*+")
_QUOTED = re.compile(rb"""'[^']*+'|"[^"]*+\"""")
_QUOTED_STR = re.compile(r"""'[^']*+'|"[^"]*+\"""")
# outside quotes (each quoted part counts as one letter here)
_SIMPLE_CHARS = re.compile(rb"[A-Za-z0-9_./:=+,@%*\- \t&|;$'\"{}()>]*+")
# one token, after optional blanks: an operator (group 1), a parenthesis (2),
# an output redirection (3) or a word (4); possessive, so a body that does not
# tokenise fails fast
_SIMPLE_TOKEN = re.compile(
    r"""[ \t]*+(?:(&&|\|\||[;|&]++)|([()])|([12]?(?:>&[12](?![^ \t;&|()])|>>?))"""
    r"""|((?:[^ \t&|;'"<>()]++|'[^']*+'|"[^"]*+")++))"""
)
_SIMPLE_DOLLAR = re.compile(rb"\$(?:[A-Za-z_][A-Za-z0-9_]*+|\{[A-Za-z_][A-Za-z0-9_]*+\})")
_BRACED_NAME = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*+\}")
_COMMAND_NAME = re.compile(r"[A-Za-z_./][A-Za-z0-9_./+-]*+")
# an unbraced $NAME inside a word, with more of the word after it: tree-sitter
# sometimes splits such a word in two ($A-$B., 'q'$A/)
_DOLLAR_INSIDE = re.compile(rb"(?<![ \t])\$[A-Za-z_][A-Za-z0-9_]*+(?=[^ \t\"';&|()])")
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
# a word can only start with a keyword (`export'a'`, `in@`) if it starts with one of these
_RESERVED_FIRST = frozenset(w[0] for w in _RESERVED)
_MAX_GROUP_DEPTH = 32


class _NotSimple(Exception):
    """The body is beyond the fast path: tree-sitter reads it."""


# the plainest bodies of all: words of these letters joined by && (what most
# RUNs and the RUNs merged from them are); `_parse_plain_chain` reads them
# without the general parser, and gives what it gives
_PLAIN_WORD = rb"[A-Za-z0-9_./:=+,@%*-]++"
_PLAIN_CHAIN = re.compile(
    rb"[ \t]*+" + _PLAIN_WORD + rb"(?:[ \t]++" + _PLAIN_WORD + rb")*+"
    rb"(?:[ \t]*+&&(?!&)[ \t]*+" + _PLAIN_WORD + rb"(?:[ \t]++" + _PLAIN_WORD + rb")*+)*+[ \t]*+"
)
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9_./:=+,@%*-]++|&&")


def _parse_plain_chain(src: bytes) -> Script | None:
    """``_parse_general`` for a body ``_PLAIN_CHAIN`` matches whole: the same
    checks, word by word, and None exactly where it gives up too."""
    commands: list[Command] = []
    items: list[tuple[int, int]] = []
    words: list[Word] = []
    assigns: list[str] = []
    start = -1
    for m in _PLAIN_TOKEN.finditer(src.decode("ascii")):
        word = m.group()
        if word == "&&":
            command = _plain_command(words, assigns, start)
            if command is None:
                return None
            commands.append(command)
            items.append((start, words[-1].end))
            words, assigns, start = [], [], -1
            continue
        if (word[0] == "=" or word in _RESERVED
                or (word[0] in _RESERVED_FIRST and not word.isalnum()
                    and _WORD_HEAD.match(word).group() in _RESERVED)):
            return None
        w_start = m.start()
        if start < 0:
            start = w_start
        if not words:
            kind = _leading_word(word)
            if kind is None:
                return None
            if kind == _ASSIGNMENT:
                assigns.append(word)
                continue
        words.append(Word(word, word, w_start, m.end()))
    command = _plain_command(words, assigns, start)
    if command is None:
        return None
    commands.append(command)
    items.append((start, words[-1].end))
    state_reasons = [c.name for c in commands if c.name in STATE_COMMANDS]
    n = len(items)
    return Script(src, commands, {"&&"} if n > 1 else set(), ["&&"] * (n - 1), items,
                  False, False, False, False, bool(state_reasons), state_reasons)


_ASSIGNMENT, _NAME = 1, 2


def _leading_word(word: str) -> int | None:
    """A word before the command's name: a prefix assignment, the name, or
    None where tree-sitter reads it its own way: `A+=b`; `_=x`, a command name
    for tree-sitter; `1=2`, `x@y`, `cd%`, `A=1 x:y`."""
    a = _ASSIGNMENT_WORD.match(word)
    if a is not None:
        return None if a.group(1) or word.startswith("_=") else _ASSIGNMENT
    return _NAME if _COMMAND_NAME.fullmatch(word) is not None else None


def _command_name(words: list[Word], assigns: list[str]) -> str | None:
    """The name of a command (the first word's last path part), or None where
    tree-sitter's walk reads the command its own way: `A=1 x/`, whose nameless
    command the walk takes for a bare assignment. The first word is not a
    keyword: checked with the word."""
    name = words[0].text
    if "/" in name:
        name = name.rsplit("/", 1)[-1]
        if not name and assigns:
            return None
    return name


def _plain_command(words: list[Word], assigns: list[str], start: int) -> Command | None:
    """A top-level command of a plain chain, or None where ``command`` gives up."""
    if not words:
        return None  # only assignments
    name = _command_name(words, assigns)
    if name is None:
        return None
    return Command("command", name, words, assigns, start, words[-1].end, False, True, [])


def _parse_simple(src: bytes) -> Script | None:
    if _PLAIN_CHAIN.fullmatch(src) is not None:
        return _parse_plain_chain(src)  # about a fifth faster over the corpus bodies
    return _parse_general(src)


def _parse_general(src: bytes) -> Script | None:
    if _PRINTABLE.fullmatch(src) is None or b"`" in src or b"\\" in src:
        return None
    outside = _QUOTED.sub(b"q", src) if (b"'" in src or b'"' in src) else src
    if _SIMPLE_CHARS.fullmatch(outside) is None:
        return None
    if b"$" in src and (src.count(b"$") != len(_SIMPLE_DOLLAR.findall(src)) or _DOLLAR_INSIDE.search(src)):
        return None  # beyond $NAME and ${NAME}, or $NAME inside a word
    text = src.decode("ascii")
    toks = []
    pos = 0
    for m in _SIMPLE_TOKEN.finditer(text):
        if m.start() != pos:
            return None  # something that is none of them (an unterminated quote)
        pos = m.end()
        toks.append(m)
    if pos != len(text) and text[pos:].strip(" \t"):
        return None
    try:
        return _SimpleParser(src, toks).script()
    except _NotSimple:
        return None


class _SimpleParser:
    """Statements (split by ; && || and |) of simple commands, ``{ ...; }``
    groups and ``( ... )`` subshells, read into what ``_parse_tree`` gives."""

    def __init__(self, src: bytes, toks: list) -> None:
        self.src = src
        self.toks = toks
        self.i = 0
        self.commands: list[Command] = []
        self.operators: set[str] = set()
        self.piped = False
        self.depth = 0  # groups and subshells open

    def script(self) -> Script:
        items, ops = self.seq(sub=False, top=True, closer=None)
        if self.piped:
            self.operators.add("|")
        state_reasons = [c.name for c in self.commands if not c.in_subshell and c.name in STATE_COMMANDS]
        return Script(
            source=self.src,
            commands=self.commands,
            operators=self.operators,
            top_operators=ops,
            top_items=items,
            has_error=False,
            has_comment=False,
            has_control_flow=False,
            has_heredoc=False,
            changes_state=bool(state_reasons),
            state_reasons=state_reasons,
        )

    def _closes(self, closer: str | None) -> bool:
        if self.i >= len(self.toks) or closer is None:
            return False
        m = self.toks[self.i]
        return (m.group(2) or m.group(4)) == closer

    def seq(self, sub: bool, top: bool, closer: str | None) -> tuple[list[tuple[int, int]], list[str]]:
        """Statements up to ``closer`` (``)``, ``}``) or the end: the spans of
        the and-or items and the operators between (and after) them."""
        items: list[tuple[int, int]] = []
        ops: list[str] = []
        toks = self.toks
        stmt = stmt_ops = 0  # where the current statement starts in items and ops
        while True:
            in_list = len(items) > stmt
            start, end, n, list_redirect = self.pipeline(sub, top, in_list)
            if list_redirect:
                # tree-sitter hangs the redirection of `a && b > f` on the
                # whole list before it: one item, up to the file
                start = items[stmt][0]
                del items[stmt:]
                del ops[stmt_ops:]
            items.append((start, end))
            if self.i >= len(toks) or self._closes(closer):
                break
            op = toks[self.i].group(1)
            if op not in ("&&", "||", ";"):  # a | was taken by the pipeline
                raise _NotSimple
            if n >= 3 and op != ";":
                raise _NotSimple  # tree-sitter nests `a | b | c && d` inside the pipeline
            self.i += 1
            ops.append(op)
            self.operators.add(op)
            if op == ";":
                stmt = len(items)
                stmt_ops = len(ops)
                if self.i >= len(toks) or self._closes(closer):
                    break  # a trailing ;
        if closer is None and self.i < len(toks):
            raise _NotSimple
        if closer is not None and not self._closes(closer):
            raise _NotSimple  # not closed
        return items, ops

    def pipeline(self, sub: bool, top: bool, in_list: bool) -> tuple[int, int, int, bool]:
        """A pipeline (or a group): its span, how many commands, and whether
        it is one command redirected after && or || in its statement."""
        toks = self.toks
        first = len(self.commands)
        start = end = -1
        n = 0
        while True:
            if self.i >= len(toks):
                raise _NotSimple  # nothing where a command should be
            m = toks[self.i]
            n += 1
            if m.group(2) == "(" or m.group(4) == "{":
                if n > 1:
                    raise _NotSimple  # a group inside a pipeline: let tree-sitter say
                closer = ")" if m.group(2) else "}"
                self.i += 1
                self.depth += 1
                if self.depth > _MAX_GROUP_DEPTH:
                    raise _NotSimple  # tree-sitter's walk has no recursion limit
                self.seq(sub=sub or closer == ")", top=False, closer=closer)
                self.depth -= 1
                if closer == "}" and toks[self.i - 1].group(1) != ";":
                    raise _NotSimple  # `{ a }`: no ; before the }
                c_start, c_end = m.start(2) if closer == ")" else m.start(4), toks[self.i].end()
                self.i += 1
                if self.i < len(toks) and toks[self.i].group(1) is None and not (
                    toks[self.i].group(2) == ")" or toks[self.i].group(4) == "}"
                ):
                    raise _NotSimple  # a redirection or a word after the group
                if self.i < len(toks) and toks[self.i].group(1) == "|":
                    raise _NotSimple
                return c_start, c_end, 1, False
            c_start, c_end, redirected = self.command(sub)
            if redirected and in_list and (n > 1 or (self.i < len(toks) and toks[self.i].group(1) == "|")):
                raise _NotSimple
            if start < 0:
                start = c_start
            end = c_end
            if self.i < len(toks) and toks[self.i].group(1) == "|":
                self.i += 1
                continue
            break
        if n == 1:
            if top:
                self.commands[first].top_level = True  # alone, not inside a pipeline
        else:
            self.piped = True
        return start, end, n, redirected and in_list

    def command(self, sub: bool) -> tuple[int, int, bool]:
        """One simple command with its trailing output redirections: the span
        of both, and whether there are any."""
        toks = self.toks
        n = len(toks)
        i = self.i
        words: list[Word] = []
        assigns: list[str] = []
        start = end = -1
        redirected = target = False
        while i < n:
            m = toks[i]
            word = m.group(4)
            if word is not None:
                if not words and not assigns and not target and word == "}":
                    break  # closes a group
                if (word[0] == "=" or word in _RESERVED
                        or (word[0] in _RESERVED_FIRST and not word.isalnum()  # else its head is the word
                            and _WORD_HEAD.match(word).group() in _RESERVED)
                        or (("{" in word or "}" in word)
                            and ("{" in (rest := _BRACED_NAME.sub("", _QUOTED_STR.sub("", word)))
                                 or "}" in rest))):
                    # a keyword, also when something follows it (export'a',
                    # in@); `==` (a test operator for tree-sitter); braces
                    # other than ${NAME}
                    raise _NotSimple
                i += 1
                if target:
                    target = False
                    end = m.end()
                    continue
                if redirected:
                    raise _NotSimple  # a word after a redirection (tree-sitter gives it to the redirection)
                w_start, w_end = m.span(4)
                if start < 0:
                    start = w_start
                if not words:
                    kind = _leading_word(word)
                    if kind is None:
                        raise _NotSimple
                    if kind == _ASSIGNMENT:
                        assigns.append(word)
                        continue
                # no backslash reaches the fast path: a word without quotes is its own text
                words.append(Word(word if ("'" not in word and '"' not in word) else _unquote(word),
                                  word, w_start, w_end))
                end = w_end
                continue
            redirect = m.group(3)
            if redirect is not None:
                if not words or target or m.start(3) == m.start() or words[-1].raw == "-":
                    # tree-sitter reads a word glued to it (`x2>f`) as a file
                    # descriptor, and drops the `-` of `a - 2>f`: let it say
                    raise _NotSimple
                i += 1
                redirected = True
                if "&" in redirect:
                    end = m.end()
                else:
                    target = True
                continue
            break  # an operator or a parenthesis
        self.i = i
        if not words or target:
            raise _NotSimple  # an empty command, a bare assignment, a redirection without its file
        name = _command_name(words, assigns)
        if name is None:
            raise _NotSimple
        self.commands.append(Command("command", name, words, assigns, start, words[-1].end, sub, False, []))
        return start, end, redirected


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
