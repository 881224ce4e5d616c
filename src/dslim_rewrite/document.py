"""Lossless byte-span view of a Dockerfile.

The document keeps the original bytes and describes every instruction by
byte offsets into them, so that an edit replaces exactly the bytes it means to
and everything else is written back untouched.

Line handling follows BuildKit's parser rule for rule (it is the oracle in the
tests): lines end at ``\\n`` only, trailing ``\\r`` is dropped, a continuation
is the escape character followed by spaces or tabs at the end of a line,
comment lines and blank lines inside a continuation are skipped, parser
directives count only before the first line that is not one, and a heredoc
body is read raw, line by line, up to its terminator.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cached_property

from .records import field, record

BOM = b"\xef\xbb\xbf"

# Go's unicode.IsSpace, as UTF-8 byte sequences (ASCII handled separately).
MAX_LINE = 65535  # BuildKit refuses longer lines
_ASCII_SPACE = b" \t\n\v\f\r"
_UNICODE_SPACES = tuple(
    ch.encode()
    for ch in "\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_BYTE_SPACE = frozenset(b" \t\n\v\f\r\x85\xa0")  # unicode.IsSpace(rune(b)) for one byte b
_WS_SPLIT = re.compile(rb"[\t\v\f\r ]+")  # BuildKit's reWhitespace
_DIRECTIVE = re.compile(rb"^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$")
_VALID_DIRECTIVES = {"syntax", "escape", "check"}
_HEREDOC_WORD = re.compile(rb"^(\d*)<<(-?)([^<]*)$")

HEREDOC_KEYWORDS = frozenset({"RUN", "COPY", "ADD"})
# instructions whose arguments BuildKit's parser reads (it ignores an unknown one's)
_READS_ARGS = frozenset({
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
    "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
})


class DocumentError(ValueError):
    """The bytes are not a Dockerfile BuildKit would read."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message if line is None else f"line {line}: {message}")
        self.reason = message
        self.line = line


def lstrip_space(b: bytes) -> bytes:
    """Strip leading white space as Go's ``unicode.IsSpace`` defines it."""
    b = b.lstrip(_ASCII_SPACE)
    if not b or b[0] < 0x80:  # the common case: no non-ASCII space to look at
        return b
    i = 0
    n = len(b)
    while i < n:
        c = b[i]
        if c in _ASCII_SPACE:
            i += 1
            continue
        if c >= 0x80:
            for sp in _UNICODE_SPACES:
                if b.startswith(sp, i):
                    i += len(sp)
                    break
            else:
                break
            continue
        break
    return b[i:]


def strip_space(b: bytes) -> bytes:
    return _rstrip_space(lstrip_space(b))


def _rstrip_space(b: bytes) -> bytes:
    b = b.rstrip(_ASCII_SPACE)
    if not b or b[-1] < 0x80:  # no non-ASCII space can end it
        return b
    # Right side: ASCII is what occurs in practice; handle unicode too.
    while b:
        if b[-1] in _ASCII_SPACE:
            b = b[:-1]
            continue
        for sp in _UNICODE_SPACES:
            if b.endswith(sp):
                b = b[: -len(sp)]
                break
        else:
            break
    return b


def _is_comment(line: bytes) -> bool:
    return lstrip_space(line).startswith(b"#")


@record(slots=True)
class Line:
    """One physical line: ``start``..``end`` is its text without ``\\r\\n``."""

    number: int  # 1-based
    start: int
    end: int  # end of content (trailing \r and \n stripped)
    next: int  # offset of the next line (past the \n), or len(data)


@record(slots=True)
class Flag:
    name: str  # without the leading --, e.g. "mount"
    value: str | None  # after "=", quotes removed; None for "--link"
    text: str  # the flag word as BuildKit reports it, e.g. "--mount=type=cache" (bytes as Latin-1)
    start: int  # file byte offsets of the raw flag word
    end: int


@record(slots=True)
class Heredoc:
    name: str
    chomp: bool  # <<-
    quoted: bool  # <<"EOF" or <<'EOF': no expansion
    fd: int
    content: str  # as BuildKit reports it: each body line + "\n"
    body_start: int  # file offset of the first body line
    body_end: int  # file offset of the terminator line's start
    end: int  # end of the terminator line's content


@record(slots=True)
class Instruction:
    index: int
    keyword: str  # upper case, e.g. "RUN"; "ONBUILD" keeps its sub keyword in `sub`
    raw_keyword: str
    start: int  # first byte of the keyword
    line_start: int  # first byte of the first physical line (leading blanks)
    end: int  # end of the last line's content (before its newline)
    next: int  # first byte after the instruction's last newline
    start_line: int
    end_line: int
    text: bytes  # the Docker-joined line ("original")
    pieces: list[tuple[int, int, int]]  # (joined offset, file offset, length)
    flags: list[Flag]
    args_offset: int  # offset in `text` where the arguments start
    args: bytes  # arguments after the flags, stripped
    json: bool
    value: tuple[str, ...]
    heredocs: list[Heredoc]
    sub: Instruction | None = None  # ONBUILD's instruction
    stage: int = -1  # index of the stage (FROM) it belongs to; -1 before the first FROM
    comments: list[Line] = field(default_factory=list)  # comment lines inside it
    piece_starts: list[int] = field(default_factory=list, repr=False, compare=False)  # file_offset's index

    # -- mapping joined-text offsets back to file bytes --------------------
    def file_offset(self, j: int, *, end: bool = False) -> int:
        """File byte offset of joined-text offset ``j``.

        With ``end=True`` an offset that falls between two pieces maps to the end
        of the earlier piece (the right place to end a span); otherwise to the
        start of the later one.
        """
        pieces = self.pieces
        if not pieces:
            return self.start
        starts = self.piece_starts
        if len(starts) != len(pieces):  # built once, not on every call
            starts = self.piece_starts = [p[0] for p in pieces]
        k = bisect_right(starts, j) - 1
        if k < 0:
            k = 0
        jo, fo, ln = pieces[k]
        if end and j == jo and k > 0:
            pj, pf, pl = pieces[k - 1]
            return pf + pl
        if j - jo > ln and k + 1 < len(pieces):
            return pieces[k + 1][1]
        return fo + (j - jo)

    @property
    def args_text(self) -> str:
        return self.args.decode("utf-8")

    def flag(self, name: str) -> list[Flag]:
        return [f for f in self.flags if f.name == name]

    @property
    def is_shell_form(self) -> bool:
        return not self.json

    @property
    def continued(self) -> bool:
        return self.end_line > self.start_line


@record(slots=True)
class Stage:
    index: int
    from_index: int  # instruction index of FROM
    name: str | None
    base: str
    instructions: list[int] = field(default_factory=list)  # indices, FROM included


@record
class Document:
    data: bytes
    bom: bool
    newline: bytes  # the file's dominant line ending
    escape: str
    directives: dict[str, str]
    lines: list[Line]
    instructions: list[Instruction]
    stages: list[Stage]

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    @cached_property
    def _line_starts(self) -> list[int]:
        return [ln.start for ln in self.lines]

    def line_of(self, offset: int) -> int:
        return max(1, bisect_right(self._line_starts, offset))

    def comment_lines_before(self, ins: Instruction) -> list[Line]:
        """The comment lines directly above ``ins`` (no blank line in between)."""
        out = []
        k = ins.start_line - 2  # index of the line above
        while k >= 0:
            ln = self.lines[k]
            b = self.data[ln.start : ln.end]
            if _is_comment(b):
                out.append(ln)
                k -= 1
                continue
            break
        out.reverse()
        return out

    def final_stages(self) -> set[int]:
        """Stages whose layers end up in the final image: the last stage and the
        stages it is built FROM by name (``FROM builder``)."""
        if not self.stages:
            return set()
        by_name = {s.name.lower(): s.index for s in self.stages if s.name}
        out: set[int] = set()
        cur: int | None = len(self.stages) - 1
        while cur is not None and cur not in out:
            out.add(cur)
            parent = by_name.get(self.stages[cur].base.lower())
            cur = parent if parent is not None and parent < cur else None
        return out


# ---------------------------------------------------------------------------
# word splitting, as BuildKit does it


def _is_space_char(ch: str) -> bool:
    return ch in " \t\n\v\f\r\u0085\u00a0" or (ch > "\u00ff" and ch.encode() in _UNICODE_SPACES)


# what parse_words splits on and treats specially: with none of these (and
# ASCII text) its words are str.split()'s
_PLAIN_WORDS = re.compile(r"[\x20-\x7e\t\n\v\f\r]*+")


def parse_words(rest: str, escape: str) -> list[str]:
    """BuildKit's parseWords: split on white space, keep quotes and escapes."""
    if "'" not in rest and '"' not in rest and escape not in rest and _PLAIN_WORDS.fullmatch(rest):
        return rest.split()  # ASCII white space only, no quote, no escape
    return _parse_words_walk(rest, escape)


def _parse_words_walk(rest: str, escape: str) -> list[str]:
    words: list[str] = []
    word = ""
    phase = 0  # 0 spaces, 1 word, 2 quote
    quote = ""
    blank_ok = False
    n = len(rest)
    pos = 0
    while pos <= n:
        ch = rest[pos] if pos < n else ""
        if phase == 0:
            if pos == n:
                break
            if _is_space_char(ch):
                pos += 1
                continue
            phase = 1
        if phase in (1, 2) and pos == n:
            if blank_ok or word:
                words.append(word)
            break
        if phase == 1:
            if _is_space_char(ch):
                phase = 0
                if blank_ok or word:
                    words.append(word)
                word = ""
                blank_ok = False
                pos += 1
                continue
            if ch in "'\"":
                quote = ch
                blank_ok = True
                phase = 2
            if ch == escape:
                if pos + 1 == n:
                    pos += 1
                    continue
                word += ch
                pos += 1
                ch = rest[pos]
            word += ch
            pos += 1
            continue
        if phase == 2:
            if ch == quote:
                phase = 1
            if ch == escape and quote != "'":
                if pos + 1 == n:
                    phase = 1
                    pos += 1
                    continue
                pos += 1
                word += ch
                ch = rest[pos]
            word += ch
            pos += 1
    return words


_FLAG_BLANKS = frozenset(_ASCII_SPACE) | {0x85, 0xA0}  # where the flag walk skips blanks


def _extract_flags(line: bytes, base: int) -> tuple[int, list[tuple[str, int, int]]]:
    """BuildKit's extractBuilderFlags on ``line``.

    Returns the offset in ``line`` where the arguments start and the flags as
    (word, start, end) with offsets relative to ``base``. BuildKit walks the
    line byte by byte and turns each byte into a rune, so a non-ASCII flag word
    comes out as Latin-1 text; the word here does too (to re-write a flag, take
    its bytes from the file, ``data[flag.start:flag.end]``).
    """
    if not line.startswith(b"--") and (not line or line[0] not in _FLAG_BLANKS):
        return 0, []  # what the walk returns for an argument that is not a flag
    plain = _extract_plain_flags(line, base)
    return plain if plain is not None else _extract_flags_walk(line, base)


_BLANK_RUN = re.compile(rb"[ \t\n\v\f\r]*+")
_NONBLANK_RUN = re.compile(rb"[^ \t\n\v\f\r]*+")
_FLAG_SPECIAL = re.compile(rb"['\"\\\x85\xa0]")  # quotes, backslash, the walk's other blanks


def _extract_plain_flags(line: bytes, base: int) -> tuple[int, list[tuple[str, int, int]]] | None:
    """The walk's answer when no flag word holds a quote, a backslash or a
    0x85/0xA0 byte (which the walk reads as a blank); else None. Each word is
    taken whole instead of byte by byte (two cache mounts: 15 -> 2.5 us)."""
    words: list[tuple[str, int, int]] = []
    n = len(line)
    pos = 0
    while True:
        p = _BLANK_RUN.match(line, pos).end()
        if p == n:
            return n, words
        if not line.startswith(b"--", p):
            return None if line[p] in (0x85, 0xA0) else (p, words)
        e = _NONBLANK_RUN.match(line, p).end()
        word = line[p:e]
        if _FLAG_SPECIAL.search(word):
            return None
        if word == b"--":
            return e, words  # the end of the flags (at the end of the line, e == n)
        words.append((word.decode("latin-1"), base + p, base + e))
        if e == n:
            return n, words
        pos = e + 1  # past the blank that ended the word


def _extract_flags_walk(line: bytes, base: int) -> tuple[int, list[tuple[str, int, int]]]:
    words: list[tuple[str, int, int]] = []
    word = bytearray()
    phase = 0
    quote = 0
    blank_ok = False
    wstart = 0
    n = len(line)
    pos = 0
    while pos <= n:
        ch = line[pos] if pos < n else 0
        if phase == 0:
            if pos == n:
                break
            if ch in _ASCII_SPACE or (ch in (0x85, 0xA0)):
                pos += 1
                continue
            if ch != 0x2D or pos + 1 == n or line[pos + 1] != 0x2D:
                return pos, words
            phase = 1
            wstart = pos
        if phase in (1, 2) and pos == n:
            if bytes(word) != b"--" and (blank_ok or word):
                words.append((word.decode("latin-1"), base + wstart, base + pos))
            break
        if phase == 1:
            if ch in _ASCII_SPACE or ch in (0x85, 0xA0):
                phase = 0
                if bytes(word) == b"--":
                    return pos, words
                if blank_ok or word:
                    words.append((word.decode("latin-1"), base + wstart, base + pos))
                word = bytearray()
                blank_ok = False
                pos += 1
                continue
            if ch in (0x27, 0x22):
                quote = ch
                blank_ok = True
                phase = 2
                pos += 1
                continue
            if ch == 0x5C:
                if pos + 1 == n:
                    pos += 1
                    continue
                pos += 1
                ch = line[pos]
            word.append(ch)
            pos += 1
            continue
        if phase == 2:
            if ch == quote:
                phase = 1
                pos += 1
                continue
            if ch == 0x5C:
                if pos + 1 == n:
                    phase = 1
                    pos += 1
                    continue
                pos += 1
                ch = line[pos]
            word.append(ch)
            pos += 1
    return n, words


class _NotStringArray(ValueError):
    pass


def _reject_constant(name: str):
    raise ValueError(name)


_JSON = json.JSONDecoder(parse_constant=_reject_constant)


def parse_json_array(rest: str) -> list[str] | None:
    """The strings of a JSON array, or None when ``rest`` is not one.

    Raises _NotStringArray for a JSON array holding something else (BuildKit
    refuses that instead of falling back to shell form).
    """
    s = rest.lstrip(" \t\n\v\f\r\u0085\u00a0")
    if not s.startswith("["):
        return None
    try:
        # BuildKit decodes the first JSON value and ignores any text after it
        val, _ = _JSON.raw_decode(s)
    except (ValueError, RecursionError):
        return None
    if not isinstance(val, list):
        return None
    out = []
    for item in val:
        if not isinstance(item, str):
            raise _NotStringArray("Dockerfile JSON array must contain only strings")
        # Go's decoder turns lone surrogate escapes into U+FFFD
        try:
            item.encode("utf-8")
        except UnicodeEncodeError:
            item = item.encode("utf-8", "replace").decode("utf-8").replace("?", "\ufffd")
        out.append(item)
    return out


def _ws_split(rest: bytes) -> tuple[str, ...]:
    if not rest:
        return ()
    return tuple(p.decode("utf-8") for p in _WS_SPLIT.split(rest))


def _value_for(keyword: str, rest: bytes, escape: str, text: str | None = None) -> tuple[tuple[str, ...], bool]:
    """The parsed value of an instruction as BuildKit's parser reports it
    (``text``: ``rest`` decoded, when the caller has it)."""
    kw = keyword
    if kw not in _READS_ARGS:
        # unknown instruction: BuildKit's parser keeps it with an empty value
        return ("",), False
    if text is None:
        text = rest.decode("utf-8")
    if kw in ("RUN", "CMD", "ENTRYPOINT", "SHELL"):
        if not text:
            return (), False
        arr = parse_json_array(text)
        if arr is not None:
            return tuple(arr), True
        return (text,), False
    if kw in ("ADD", "COPY", "VOLUME"):
        arr = parse_json_array(text)
        if arr is not None:
            return tuple(arr), True
        return _ws_split(rest), False
    if kw in ("FROM", "EXPOSE"):
        return _ws_split(rest), False
    if kw in ("MAINTAINER", "STOPSIGNAL", "USER", "WORKDIR"):
        return ((text,) if text else ()), False
    if kw == "ARG":
        return tuple(parse_words(text, escape)), False
    if kw in ("ENV", "LABEL"):
        words = parse_words(text, escape)
        if not words:
            # BuildKit's parser accepts both with no value (the build refuses them later)
            return (), False
        if "=" not in words[0]:
            parts = _WS_SPLIT.split(rest, 1)
            if len(parts) < 2:
                raise DocumentError(f"{kw} must have two arguments")
            return (parts[0].decode(), parts[1].decode()), False
        out: list[str] = []
        for w in words:
            if "=" not in w:
                raise DocumentError(
                    f"Syntax error - can't find = in {w!r}. Must be of the form: name=value"
                )
            k, v = w.split("=", 1)
            out += [k, v]
        return tuple(out), False
    if kw == "HEALTHCHECK":
        # BuildKit finds the end of the type word byte by byte, taking each byte
        # as a character: the UTF-8 continuation bytes 0x85 and 0xA0 count as
        # white space there, so a multi-byte character can be cut in two.
        sep = 0
        while sep < len(rest) and rest[sep] not in _BYTE_SPACE:
            sep += 1
        nxt = sep
        while nxt < len(rest) and rest[nxt] in _BYTE_SPACE:
            nxt += 1
        if sep == 0:
            return (), False
        try:
            typ = rest[:sep].decode("utf-8")
            cmd = rest[nxt:].decode("utf-8")
        except UnicodeDecodeError:
            raise DocumentError("HEALTHCHECK: BuildKit splits a character of its first word in two") from None
        if not cmd:
            return (typ,), False
        arr = parse_json_array(cmd)
        if arr is not None:
            return (typ, *arr), True
        return (typ, cmd), False
    # unknown instruction: BuildKit's parser keeps it with an empty value
    return ("",), False


# ---------------------------------------------------------------------------


def _split_lines(data: bytes, begin: int) -> list[Line]:
    lines = []
    pos = begin
    n = len(data)
    number = 0
    while pos < n:
        nl = data.find(b"\n", pos)
        if nl < 0:
            nxt = n
            end = n
        else:
            nxt = nl + 1
            end = nl
        while end > pos and data[end - 1] in (0x0D, 0x0A):
            end -= 1
        number += 1
        if end - pos > MAX_LINE:
            raise DocumentError(f"dockerfile line greater than max allowed size of {MAX_LINE}", number)
        lines.append(Line(number, pos, end, nxt))
        pos = nxt
    return lines


class _Directives:
    def __init__(self) -> None:
        self.done = False
        self.seen: dict[str, str] = {}
        self.escape = "\\"

    def feed(self, line: bytes) -> None:
        if self.done:
            return
        m = _DIRECTIVE.match(line)
        if not m:
            self.done = True
            return
        key = m.group(1).decode().lower()
        if key not in _VALID_DIRECTIVES:
            self.done = True
            return
        if key in self.seen:
            raise DocumentError(f"only one {key} parser directive can be used")
        value = m.group(2).decode("utf-8")
        self.seen[key] = value
        if key == "escape":
            if value not in ("`", "\\"):
                raise DocumentError(f"invalid escape token '{value}' does not match ` or \\")
            self.escape = value


def _continuation(content: bytes, esc: int) -> int | None:
    r"""If ``content`` ends with the escape char + blanks, the length to keep.

    BuildKit's rule is ``(^|[^E])E[ \t]*$``: the escape char must start the
    line or follow a character that is not itself the escape char, so ``\\``
    at the end of a line is not a continuation, while a line holding only
    ``\`` is one.
    """
    k = len(content.rstrip(b" \t"))
    if k > 0 and content[k - 1] == esc and (k == 1 or content[k - 2] != esc):
        return k - 1
    return None


# What Go's unicode.IsSpace calls a space beyond ASCII, UTF-8 encoded: BuildKit's
# word lexer splits words there too (U+0085, U+00A0, U+1680, U+2000-U+200A,
# U+2028, U+2029, U+202F, U+205F, U+3000)
_UNICODE_SPACES = {
    chr(c).encode("utf-8")
    for c in (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
}


def _unicode_space_at(line: bytes, i: int) -> int:
    """The length of a non-ASCII space starting at ``line[i]``, or 0."""
    c = line[i]
    if c == 0xC2:
        return 2 if line[i : i + 2] in _UNICODE_SPACES else 0
    if c in (0xE1, 0xE2, 0xE3):
        return 3 if line[i : i + 3] in _UNICODE_SPACES else 0
    return 0


def _shell_words_raw(line: bytes) -> list[bytes]:
    """Split on blanks, keeping quotes and backslashes (BuildKit's heredoc scan;
    its lexer takes Unicode spaces for blanks too)."""
    words: list[bytes] = []
    word = bytearray()
    in_word = False
    quote = 0
    i = 0
    n = len(line)
    while i < n:
        c = line[i]
        if quote:
            word.append(c)
            if c == quote:
                quote = 0
            elif c == 0x5C and quote == 0x22 and i + 1 < n:
                i += 1
                word.append(line[i])
            i += 1
            continue
        blank = 1 if c in _ASCII_SPACE else (_unicode_space_at(line, i) if c >= 0xC2 else 0)
        if blank:
            if in_word:
                words.append(bytes(word))
                word = bytearray()
                in_word = False
            i += blank
            continue
        in_word = True
        if c in (0x27, 0x22):
            quote = c
            word.append(c)
        elif c == 0x5C and i + 1 < n:
            word.append(c)
            i += 1
            word.append(line[i])
        else:
            word.append(c)
        i += 1
    if in_word:
        words.append(bytes(word))
    return words


def _unquote_word(w: bytes) -> tuple[str, bool]:
    out = bytearray()
    quoted = False
    quote = 0
    i = 0
    while i < len(w):
        c = w[i]
        if quote:
            if c == quote:
                quote = 0
            elif c == 0x5C and quote == 0x22 and i + 1 < len(w) and w[i + 1] in b'"\\$`':
                i += 1
                out.append(w[i])
            else:
                out.append(c)
        elif c in (0x27, 0x22):
            quote = c
            quoted = True
        elif c == 0x5C and i + 1 < len(w):
            i += 1
            out.append(w[i])
            quoted = True
        else:
            out.append(c)
        i += 1
    return out.decode("utf-8"), quoted


def _lexer_fails(line: bytes) -> bool:
    """Whether BuildKit's word lexer gives up on ``line``; it then finds no
    heredoc in it at all. It gives up on an unterminated quote and on a ``${``
    that is never closed or is followed by ``}``, ``:`` or ``{``. (Its other
    complaints, about ``${a%b}``-style modifiers, changed between BuildKit
    versions; those lines are left to the final check against BuildKit.)"""
    i, n, quote = 0, len(line), 0
    while i < n:
        c = line[i]
        if quote == 0x27:  # single quotes: literal up to the next one
            quote = 0 if c == 0x27 else quote
        elif c == 0x5C:  # an escape takes the next byte with it
            i += 1
        elif c in (0x27, 0x22) and quote == 0:
            quote = c
        elif c == 0x22 and quote == 0x22:
            quote = 0
        elif c == 0x24 and line[i + 1 : i + 2] == b"{":
            if i + 2 >= n or line[i + 2] in b"}:{":
                return True
            close = line.find(b"}", i + 2)
            if close < 0:
                return True
            i = close
        i += 1
    return quote != 0


def heredoc_specs(line: bytes) -> list[tuple[str, bool, bool, int]]:
    """(name, chomp, quoted, fd) for every heredoc word in a joined line."""
    if _lexer_fails(line):
        return []
    out = []
    for w in _shell_words_raw(line):
        m = _HEREDOC_WORD.match(w)
        if not m or not m.group(3):
            continue
        name, quoted = _unquote_word(m.group(3))
        if not name:
            continue
        out.append((name, m.group(2) == b"-", quoted, int(m.group(1) or b"0")))
    return out


def parse(data: bytes) -> Document:
    """Parse Dockerfile bytes. Raises DocumentError for what BuildKit refuses
    and for bytes that are not text (NUL, invalid UTF-8)."""
    if b"\x00" in data:
        raise DocumentError("contains a NUL byte (not a text file)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DocumentError(f"not valid UTF-8 (byte {e.start})") from None
    bom = data.startswith(BOM)
    lines = _split_lines(data, 0)
    crlf = data.count(b"\r\n")
    newline = b"\r\n" if crlf and crlf * 2 >= data.count(b"\n") else b"\n"

    directives = _Directives()
    esc = ord("\\")
    instructions: list[Instruction] = []
    stages: list[Stage] = []
    nlines = len(lines)
    i = 0
    while i < nlines:
        ln = lines[i]
        content = data[ln.start : ln.end]
        if i == 0 and bom:
            content = content[3:]
            first_off = ln.start + 3
        else:
            first_off = ln.start
        stripped = lstrip_space(content)
        if not directives.done:
            directives.feed(stripped)
            esc = ord(directives.escape)
        i += 1
        if not stripped or stripped.startswith(b"#"):
            continue
        start = first_off + (len(content) - len(stripped))
        start_line = ln.number
        pieces: list[tuple[int, int, int]] = []
        comments: list[Line] = []
        joined = bytearray()
        keep = _continuation(stripped, esc)
        last = ln
        if keep is None:
            pieces.append((0, start, len(stripped)))
            joined += stripped
        else:
            pieces.append((0, start, keep))
            joined += stripped[:keep]
            while i < nlines:
                ln2 = lines[i]
                c2 = data[ln2.start : ln2.end]
                if not directives.done:
                    directives.feed(c2)
                i += 1
                last = ln2
                if _is_comment(c2):
                    comments.append(ln2)
                    continue
                if not lstrip_space(c2):
                    continue
                keep = _continuation(c2, esc)
                if keep is None:
                    pieces.append((len(joined), ln2.start, len(c2)))
                    joined += c2
                    break
                pieces.append((len(joined), ln2.start, keep))
                joined += c2[:keep]
            # trailing skipped lines (comments/blanks at EOF) still belong to it
        line_bytes = bytes(joined)
        ins = _make_instruction(line_bytes, pieces, directives.escape, len(instructions))
        ins.start = start
        ins.line_start = ln.start if not (ln.number == 1 and bom) else ln.start + 3
        ins.start_line = start_line
        ins.comments = comments
        # heredocs
        target = ins.sub if ins.sub is not None else ins
        if target.keyword in HEREDOC_KEYWORDS and not target.json and b"<<" in line_bytes:
            for name, chomp, quoted, fd in heredoc_specs(line_bytes):
                body_start = lines[i].start if i < nlines else len(data)
                parts: list[str] = []
                terminated = False
                while i < nlines:
                    hl = lines[i]
                    i += 1
                    last = hl
                    raw = data[hl.start : hl.next]
                    # BuildKit keeps a heredoc line's "\r": only "\n" is dropped
                    if raw.endswith(b"\n"):
                        raw = raw[:-1]
                    cand = data[hl.start : hl.end]
                    if chomp:
                        cand = cand.lstrip(b"\t")
                    if cand.decode("utf-8") == name:
                        terminated = True
                        target.heredocs.append(
                            Heredoc(name, chomp, quoted, fd, "".join(parts), body_start, hl.start, hl.end)
                        )
                        break
                    parts.append(raw.decode("utf-8") + "\n")
                if not terminated:
                    raise DocumentError("unterminated heredoc", start_line)
            if ins.sub is not None:
                ins.heredocs = ins.sub.heredocs
        ins.end_line = last.number
        ins.end = last.end
        ins.next = last.next
        if ins.sub is not None:
            sub = ins.sub
            sub.text = line_bytes
            sub.start, sub.line_start, sub.end, sub.next = ins.start, ins.line_start, ins.end, ins.next
            sub.start_line, sub.end_line = ins.start_line, ins.end_line
        instructions.append(ins)

    if not instructions:
        raise DocumentError("file with no instructions")

    # stages
    for ins in instructions:
        if ins.keyword == "FROM":
            vals = ins.value
            name = vals[2] if len(vals) >= 3 and vals[1].lower() == "as" else None
            stages.append(Stage(len(stages), ins.index, name, vals[0] if vals else ""))
        if stages:
            ins.stage = len(stages) - 1
            stages[-1].instructions.append(ins.index)

    return Document(
        data=data,
        bom=bom,
        newline=newline,
        escape=directives.escape,
        directives=dict(directives.seen),
        lines=lines,
        instructions=instructions,
        stages=stages,
    )


def _make_instruction(line: bytes, pieces, escape: str, index: int, offset: int = 0) -> Instruction:
    """Split a joined line into keyword, flags and value (BuildKit's newNodeFromLine)."""
    left = lstrip_space(line)
    lead = len(line) - len(left)
    s = _rstrip_space(left)
    m = _WS_SPLIT.search(s)
    if m:
        kw_raw = s[: m.start()]
        rest_off = lead + m.end()
        rest = s[m.end() :]
    else:
        kw_raw = s
        rest_off = lead + len(s)
        rest = b""
    # flags, with offsets into the joined line
    arg_pos, raw_flags = _extract_flags(rest, rest_off)
    tail = rest[arg_pos:] if arg_pos else rest
    tail_left = lstrip_space(tail)
    args = _rstrip_space(tail_left)
    keyword = kw_raw.decode("utf-8").upper()
    text = None
    if keyword in _READS_ARGS:
        try:
            text = args.decode("utf-8")
        except UnicodeDecodeError:
            # BuildKit ends a flag at a 0x85 or 0xA0 byte even inside a character;
            # what follows is then not text (an unknown instruction ignores it)
            raise DocumentError("a flag ends inside a multi-byte character (not valid UTF-8 after it)") from None
    args_offset = rest_off + arg_pos + (len(tail) - len(tail_left))
    # positional (index, keyword, raw_keyword, start, line_start, end, next,
    # start_line, end_line, text, pieces, flags, args_offset, args, json,
    # value, heredocs): one per instruction, and by keyword it took twice as long
    ins = Instruction(
        index, keyword, kw_raw.decode("utf-8"), 0, 0, 0, 0, 0, 0, line, pieces, [], args_offset + offset, args,
        False, (), [],
    )
    for word, a, b in raw_flags:
        body = word[2:]
        name, eq, val = body.partition("=")
        ins.flags.append(
            Flag(name, val if eq else None, word, ins.file_offset(a + offset), ins.file_offset(b + offset, end=True))
        )
    if keyword == "ONBUILD":
        if args:
            sub = _make_instruction(line[args_offset:], pieces, escape, index, offset + args_offset)
            ins.sub = sub
            # BuildKit reports one empty value for a nested ONBUILD ONBUILD
            # with arguments, and none for one without
            ins.value = (("",) if sub.args else ()) if sub.keyword == "ONBUILD" else sub.value
            ins.json = sub.json and sub.keyword != "ONBUILD"  # nor JSON form for it
        return ins
    try:
        ins.value, ins.json = _value_for(keyword, args, escape, text)
    except _NotStringArray as e:
        raise DocumentError(str(e)) from None
    return ins


def render_flags(flags: list[Flag]) -> str:
    return " ".join(f.text for f in flags)
