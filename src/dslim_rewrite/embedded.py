"""Dockerfiles inside Python code (``dslim-rewrite migrate --python``; needs the
``python`` extra: libcst, imported only here and only for files that may hold one).

A string literal is taken for a Dockerfile when it sits where one goes —
passed as ``fileobj=`` or ``dockerfile=`` (docker-py, testcontainers; also
inside ``BytesIO(...)``, ``"...".encode()``, ``textwrap.dedent(...)``), or
assigned to a name containing ``DOCKERFILE`` — and parses as one (it has a
FROM and only known instructions).

It is rewritten in place: the literal keeps its prefix and quotes, and a
non-raw literal has its backslashes escaped again. A literal is left alone
(and reported) when writing it back the same way would not reproduce the
original text exactly (unusual escapes, a backslash-newline continuation),
so the rest of its formatting is always kept. f-strings, concatenations,
``%`` and ``.format`` templates are reported, never touched. The rest of the
module is written back byte for byte (libcst round-trips it).
"""

from __future__ import annotations

import ast
import re

from .records import field, record

_KEYWORDS = {"fileobj", "dockerfile"}
_WRAPPERS = {"dedent", "cleandoc", "BytesIO", "StringIO"}
_METHODS = {"encode", "strip", "lstrip", "rstrip"}
_KNOWN = {"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
          "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}
_HINT = re.compile(rb"(?i)dockerfile|fileobj")
_FROM = re.compile(rb"(?i)\bFROM\s+\S")


def might_embed(data: bytes) -> bool:
    """Cheap test before paying for libcst: a FROM line and a hint word."""
    return bool(_HINT.search(data)) and bool(_FROM.search(data))


@record
class ModuleResult:
    output: bytes
    changed: bool = False
    found: int = 0  # string literals taken for Dockerfiles (touched or reported)
    fixes: list = field(default_factory=list)  # (code, line in the .py file, message)
    notes: list = field(default_factory=list)


def looks_like_dockerfile(data: bytes) -> bool:
    from .document import DocumentError, parse

    try:
        doc = parse(data)
    except (DocumentError, UnicodeDecodeError):
        return False
    kws = [(ins.sub or ins).keyword for ins in doc.instructions]
    return bool(kws) and "FROM" in kws and all(k in _KNOWN or k == "ONBUILD" for k in kws)


def split_literal(text: str) -> tuple[str, str, str]:
    """(prefix, quote, body) of a Python string literal's source text."""
    i = 0
    while text[i] not in "'\"":
        i += 1
    prefix = text[:i]
    q = text[i]
    quote = q * 3 if text.startswith(q * 3, i) and len(text) - i >= 6 else q
    return prefix, quote, text[i + len(quote): len(text) - len(quote)]


_SIMPLE_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t", "v": "\v"}


def pieces(body: str, raw: bool, is_bytes: bool) -> list[tuple[int, int, str]] | None:
    """The literal's body as (source start, source end, value) pieces: a plain
    character, an escape sequence, or a backslash-newline (value "")."""
    out = []
    i = 0
    n = len(body)
    while i < n:
        ch = body[i]
        if ch != "\\" or raw:
            out.append((i, i + 1, ch))
            i += 1
            continue
        if i + 1 >= n:
            return None
        nxt = body[i + 1]
        if nxt in "\r\n":
            j = i + 2 + (nxt == "\r" and body.startswith("\n", i + 2))
            out.append((i, j, ""))
            i = j
        elif nxt in _SIMPLE_ESCAPES:
            out.append((i, i + 2, _SIMPLE_ESCAPES[nxt]))
            i += 2
        elif nxt in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append((i, i + 1 + m.end(), chr(int(m.group(), 8))))
            i += 1 + m.end()
        elif nxt == "x":
            m = re.match(r"[0-9a-fA-F]{2}", body[i + 2:])
            if not m:
                return None
            out.append((i, i + 4, chr(int(m.group(), 16))))
            i += 4
        elif nxt in "uU" and not is_bytes:
            k = 4 if nxt == "u" else 8
            m = re.match(r"[0-9a-fA-F]{%d}" % k, body[i + 2:])
            if not m:
                return None
            out.append((i, i + 2 + k, chr(int(m.group(), 16))))
            i += 2 + k
        elif nxt == "N" and not is_bytes:
            j = body.find("}", i)
            if j < 0:
                return None
            import unicodedata

            try:
                out.append((i, j + 1, unicodedata.lookup(body[i + 3:j])))
            except KeyError:
                return None
            i = j + 1
        else:  # an unknown escape keeps its backslash
            out.append((i, i + 2, "\\" + nxt))
            i += 2
    return out


def escape_fragment(text: str, quote: str, raw: bool, is_bytes: bool) -> str | None:
    """``text`` as it goes between this literal's quotes (None: impossible)."""
    triple = len(quote) == 3
    q = quote[0]
    if raw:
        if "\\" in text or (not triple and (q in text or "\n" in text or "\r" in text)) or (triple and q in text):
            return None
        return text
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == q:
            out.append("\\" + q)
        elif ch == "\n":
            out.append("\n" if triple else "\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or (is_bytes and ord(ch) > 0x7E):
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def rewrite_literal(text: str, old: str | bytes, new: str | bytes) -> str | None:
    """The literal ``text`` (whose value is ``old``) changed to value ``new``:
    the source of every unchanged character is kept as it was (its escapes,
    its backslash-newlines); only the changed parts are written, escaped for
    this literal. None when that cannot be done exactly."""
    from difflib import SequenceMatcher

    prefix, quote, body = split_literal(text)
    raw = "r" in prefix.lower()
    is_bytes = "b" in prefix.lower()
    old_s = old.decode("latin-1") if is_bytes else old
    new_s = new.decode("latin-1") if is_bytes else new
    ps = pieces(body, raw, is_bytes)
    if ps is None or "".join(v for _, _, v in ps) != old_s:
        return None
    # source offset where value position v starts (None: inside one escape)
    at: list[int | None] = []
    pending = None
    for start, end, value in ps:
        if not value:
            pending = start if pending is None else pending
            continue
        at.append(start if pending is None else pending)
        at += [None] * (len(value) - 1)
        pending = None
    at.append(len(body) if pending is None else pending)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_s, new_s, autojunk=False).get_opcodes():
        if at[i1] is None or at[i2] is None:
            return None
        if tag == "equal":
            out.append(body[at[i1]:at[i2]])
            continue
        frag = escape_fragment(new_s[j1:j2], quote, raw, is_bytes)
        if frag is None:
            return None
        out.append(frag)
    src = prefix + quote + "".join(out) + quote
    try:
        if ast.literal_eval(src) != new:
            return None
    except (SyntaxError, ValueError):
        return None
    return src


def _line_mapper(text: str, value: str | bytes, first_line: int):
    """Line in the .py file of line ``k`` of the Dockerfile held by literal ``text``."""
    prefix, quote, body = split_literal(text)
    val = value.decode("latin-1") if isinstance(value, bytes) else value
    ps = pieces(body, "r" in prefix.lower(), isinstance(value, bytes)) or []
    starts = []  # value offset -> source offset, for the first char of each piece
    for start, _, v in ps:
        starts += [start] * len(v)

    def line_of(k: int) -> int:
        off = 0
        for _ in range(max(0, k - 1)):
            nxt = val.find("\n", off)
            if nxt < 0:
                break
            off = nxt + 1
        src = starts[off] if off < len(starts) else len(body)
        return first_line + (prefix + quote + body[:src]).count("\n")

    return line_of


def rewrite_module(data: bytes, options) -> ModuleResult:
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    from .chain import RewriteError, rewrite

    result = ModuleResult(output=data)
    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError as e:
        raise ValueError(f"not valid Python: {str(e).splitlines()[0]}") from None
    wrapper = MetadataWrapper(module)
    candidates: list = []  # (node, how it was found)
    reported: list = []  # (node, why it is not touched)

    def take(expr, how: str) -> None:
        if isinstance(expr, cst.SimpleString):
            candidates.append((expr, how))
        elif isinstance(expr, cst.FormattedString):
            reported.append((expr, "an f-string"))
        elif isinstance(expr, cst.ConcatenatedString):
            reported.append((expr, "concatenated string literals"))
        elif isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Modulo) and \
                isinstance(expr.left, (cst.SimpleString, cst.ConcatenatedString)):
            reported.append((expr.left, "a %-format template"))
        elif isinstance(expr, cst.Call):
            func = expr.func
            name = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else ""
            if isinstance(func, cst.Attribute) and name == "format":
                if isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString)):
                    reported.append((func.value, "a .format() template"))
            elif isinstance(func, cst.Attribute) and name in _METHODS:
                take(func.value, how)
            elif name in _WRAPPERS and expr.args and expr.args[0].keyword is None:
                take(expr.args[0].value, how)
        elif isinstance(expr, cst.Name) or expr is None:
            return

    def target_name(t) -> str:
        if isinstance(t, cst.Name):
            return t.value
        if isinstance(t, cst.Attribute):
            return t.attr.value
        return ""

    class Finder(cst.CSTVisitor):
        def visit_Arg(self, node: cst.Arg) -> None:
            if node.keyword is not None and (node.keyword.value in _KEYWORDS
                                             or "dockerfile" in node.keyword.value.lower()):
                take(node.value, f"{node.keyword.value}=")

        def visit_Assign(self, node: cst.Assign) -> None:
            for t in node.targets:
                name = target_name(t.target)
                if "dockerfile" in name.lower():
                    take(node.value, name)
                    break

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            name = target_name(node.target)
            if node.value is not None and "dockerfile" in name.lower():
                take(node.value, name)

    wrapper.visit(Finder())
    positions = wrapper.resolve(PositionProvider)

    def line_of(node) -> int:
        return positions[node].start.line

    replacements: dict = {}
    seen: set[int] = set()
    for node, how in candidates:
        if id(node) in seen:
            continue
        seen.add(id(node))
        try:
            value = node.evaluated_value
        except Exception:
            continue
        body = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
        if not looks_like_dockerfile(body):
            continue  # e.g. dockerfile="Dockerfile.prod": a name, not the text
        result.found += 1
        line = line_of(node)
        lines_at = _line_mapper(node.value, value, line)
        try:
            res = rewrite(body, options)
        except RewriteError as e:
            result.notes.append(("embedded", line, f"Dockerfile in a string literal not rewritten: {e}"))
            continue
        for f in res.notes:
            result.notes.append((f.code, lines_at(f.line), f.message))
        if not res.changed:
            continue
        new_value = res.output if isinstance(value, bytes) else res.output.decode("utf-8")
        text = rewrite_literal(node.value, value, new_value)
        if text is None:
            result.notes.append(("embedded", line, "the rewritten Dockerfile cannot be written with this "
                                 "literal's quotes: not touched"))
            continue
        replacements[node] = text
        for f in res.applied:
            result.fixes.append((f.code, lines_at(f.line), f.message))
    for node, why in reported:
        result.found += 1
        result.notes.append(("embedded", line_of(node), f"possible Dockerfile in {why}: reported, not touched"))
    if not replacements:
        return result

    class Replace(cst.CSTTransformer):
        def leave_SimpleString(self, original, updated):
            if original in replacements:
                return updated.with_changes(value=replacements[original])
            return updated

    new_module = wrapper.module.visit(Replace())
    result.output = new_module.bytes
    result.changed = result.output != data
    return result
