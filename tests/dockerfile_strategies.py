"""Hypothesis strategies that write Dockerfiles.

``dockerfiles()`` builds a file from parts: parser directives, a BOM, ARGs
before the first FROM, stages, every instruction in its shell and JSON forms,
flags, heredocs (several per RUN, ``<<-``, quoted names), keyword case,
continuation lines with comment and blank lines between them, odd white space,
and CRLF, LF or mixed line endings with or without a final newline. Most of
what it writes is a file BuildKit accepts; some of it is not, on purpose (bad
JSON, a stray escape character, an unterminated heredoc): the properties say
what must happen either way.

``noise()`` glues fragments and arbitrary text together for the cases the
structured generator does not think of.
"""

from __future__ import annotations

import json
import os

from functools import lru_cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Building a strategy costs more than drawing from it: the composites below
# take theirs from these caches instead of building new ones on every draw.
_ints = lru_cache(maxsize=None)(st.integers)
_bools = st.booleans()
_lists = lru_cache(maxsize=None)(st.lists)


@lru_cache(maxsize=None)
def _pick(options: tuple):
    return st.sampled_from(options)


def pick(options) -> st.SearchStrategy:
    try:
        return _pick(tuple(options))
    except TypeError:  # unhashable options (lists)
        return st.sampled_from(options)

# -- profiles: `ci` (default) stays fast; `dev` for a longer look -------------
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile(
    "dev", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
PROFILE_ENV = "DSLIM_HYPOTHESIS_PROFILE"


def profile() -> settings:
    """The settings to run the property tests with: ``$DSLIM_HYPOTHESIS_PROFILE`` (ci or dev)."""
    return settings.get_profile(os.environ.get(PROFILE_ENV, "ci"))


BOM = "\ufeff"

# -- words --------------------------------------------------------------------

_PLAIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_./", min_size=1, max_size=10)
_ANY_WORD = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\x00"), min_size=1, max_size=6)
_KEY = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_./", min_size=1, max_size=10)
_ODD_CHARS = ["\u00a0", "\u2028", "\u3000", "\x0b", "\x0c", "\r", "\t", "é", "日本", "😀", "\u200b", "\ufeff"]


@lru_cache(maxsize=None)
def word(escape: str = "\\") -> st.SearchStrategy:
    return _word(escape)


@st.composite
def _word(draw, escape: str) -> str:
    kind = draw(_ints(0, 19))
    if kind < 11:
        return draw(_PLAIN)
    if kind == 11:
        return "$" + draw(pick(["HOME", "PATH", "{VERSION}", "{A:-x}", "{B:+y}", "1"]))
    if kind == 12:
        return '"' + draw(_PLAIN) + " " + draw(_PLAIN) + '"'
    if kind == 13:
        return "'" + draw(_PLAIN) + " " + draw(_PLAIN) + "'"
    if kind == 14:
        return draw(_PLAIN) + escape + draw(pick([" ", "$", '"', "n", escape])) + draw(_PLAIN)
    if kind == 15:
        return draw(_PLAIN) + draw(pick(_ODD_CHARS)) + draw(_PLAIN)
    if kind == 16:
        return draw(pick(["#", "[", "]", "<<", "--", "=", "`", "\\", "'", '"', "{{ 7*7 }}", "{%", "%}"]))
    if kind == 17:
        return draw(pick(["héllo", "日本語", "naïve", "Ω", "😀"]))
    if kind == 18:
        return draw(_PLAIN) + "=" + draw(_PLAIN)
    return draw(_ANY_WORD)


@lru_cache(maxsize=None)
def words(escape: str = "\\", min_size: int = 1, max_size: int = 5):
    return _lists(word(escape), min_size=min_size, max_size=max_size)


# -- shell bodies -------------------------------------------------------------

COMMANDS = [
    "apt-get update",
    "apt-get install curl",
    "apt-get install -y --no-install-recommends ca-certificates git",
    "apt-get -q install wget",
    "apt install vim",
    "apt-get upgrade",
    "apt-get purge -y --auto-remove curl",
    "rm -rf /var/lib/apt/lists/*",
    "apt-get clean",
    "pip install flask",
    "pip3 install --no-cache-dir -r requirements.txt",
    "npm ci",
    "apk add --no-cache bash",
    "apk add curl",
    "yum install -y make",
    "dnf install gcc",
    "echo hi > /tmp/x",
    "cd /app",
    "make -j4",
    "if [ -f x ]; then echo y; fi",
    "for i in 1 2; do echo $i; done",
    "curl -fsSL https://example.com/x.sh | sh",
    "export A=1",
    "true || false",
    "(cd /x && make)",
    'echo "$(date)"',
    "set -eux",
    "useradd -m app",
    "chown -R app:app /app",
    "ln -s /a /b",
    "[[ -d /x ]] && echo d",
    "case $A in a) echo a;; esac",
    "A=1 B=2 env",
    "go build -o /out ./...",
    "echo '{{ 7*7 }}' > /t",
    "echo '{% raw %}x{% endraw %}'",
]
OPERATORS = [" && ", " ; ", " || ", " | ", " &&", "&& ", "\n"]


@lru_cache(maxsize=None)
def shell_body(escape: str = "\\") -> st.SearchStrategy:
    return _shell_body(escape)


@st.composite
def _shell_body(draw, escape: str) -> list[str]:
    """Tokens of a shell command line (joined with spaces when rendered)."""
    n = draw(_ints(1, 5))
    toks: list[str] = []
    for k in range(n):
        if k:
            op = draw(pick(OPERATORS)).strip() or ";"
            toks.append(op)
        if draw(_ints(0, 5)) == 0:
            toks += draw(words(escape))
        else:
            toks += draw(pick(COMMANDS)).split(" ")
    return toks


# -- flags --------------------------------------------------------------------

RUN_FLAGS = [
    "--mount=type=cache,target=/var/cache/apt,sharing=locked",
    "--mount=type=cache,target=/root/.cache/pip",
    "--mount=type=bind,from=build,source=/out,target=/in",
    "--mount=type=secret,id=token",
    "--mount=type=ssh",
    "--mount=type=tmpfs,target=/tmp",
    "--network=none",
    "--network=host",
    "--security=insecure",
    '--mount="type=cache,target=/a b"',
]
COPY_FLAGS = ["--from=build", "--chown=1000:1000", "--chmod=755", "--link", "--parents", "--exclude=*.md",
              "--from=0", "--chown=app"]
ADD_FLAGS = ["--chown=app:app", "--checksum=sha256:" + "0" * 64, "--keep-git-dir=true", "--link", "--chmod=644"]
HEALTH_FLAGS = ["--interval=30s", "--timeout=3s", "--start-period=5s", "--retries=3", "--start-interval=1s"]


def _json(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False)


# -- instructions -------------------------------------------------------------
# An instruction is drawn as (head tokens, heredocs): the tokens are joined by
# single spaces (or broken over continuation lines); heredocs follow the line.


_LINE_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\x00"), max_size=12)
_HEREDOC_BODY = st.lists(
    st.one_of(
        st.sampled_from(["set -e", "echo $HOME", "apt-get install curl", "  indented", "\tTabbed", "",
                         "#!/bin/sh", "# a comment", "RUN not an instruction", "FROM x", "{{ 7*7 }}",
                         "EOF ", " EOF", "NAMEx", " NAME", "a \\", "\\", "`"]),
        _LINE_TEXT,
    ),
    max_size=4,
)


@st.composite
def _heredoc(draw) -> tuple[str, list[str], str]:
    """(marker as written, body lines, terminator line)."""
    name = draw(pick(["EOF", "EOT", "END", "SCRIPT", "x", "FILE1"]))
    chomp = draw(_bools)
    quote = draw(pick(["", "", "'", '"']))
    fd = draw(pick(["", "", "3"]))
    marker = f"{fd}<<{'-' if chomp else ''}{quote}{name}{quote}"
    body = [b.replace("NAME", name) for b in draw(_HEREDOC_BODY)]
    body = [b for b in body if b.rstrip("\r") != name and (not chomp or b.lstrip("\t").rstrip("\r") != name)]
    term = ("\t" if chomp and draw(_bools) else "") + name
    return marker, body, term


@lru_cache(maxsize=None)
def run_instruction(escape: str) -> st.SearchStrategy:
    return _run_instruction(escape)


HEREDOCS = st.lists(_heredoc(), min_size=1, max_size=2)


@st.composite
def _run_instruction(draw, escape: str):
    flags = draw(_lists(pick(RUN_FLAGS), max_size=2))
    form = draw(_ints(0, 9))
    if form <= 4:
        return ["RUN", *flags, *draw(shell_body(escape))], []
    if form == 5:
        return ["RUN", *flags, _json(["/bin/sh", "-c", " ".join(draw(shell_body(escape)))])], []
    if form == 6:
        return ["RUN", *flags, _json(draw(_lists(_PLAIN, min_size=1, max_size=3)))], []
    if form == 7:
        return ["RUN", *flags, '["bad", json'], []  # bad JSON: shell form
    docs = draw(HEREDOCS)
    head = ["RUN", *flags]
    if draw(_bools):
        head += ["cat"]
    head += [d[0] for d in docs]
    if draw(_bools):
        head += ["&&", "echo", "done"]
    return head, docs


@lru_cache(maxsize=None)
def _pair(escape: str) -> st.SearchStrategy:
    return st.tuples(_KEY, word(escape))


@lru_cache(maxsize=None)
def _onbuild_sub(escape: str) -> st.SearchStrategy:
    return st.one_of(run_instruction(escape), st.just((["COPY", ".", "/app"], [])))


@lru_cache(maxsize=None)
def instruction(escape: str, stage_names: tuple[str, ...]) -> st.SearchStrategy:
    return _instruction(escape, stage_names)


@st.composite
def _instruction(draw, escape: str, stage_names: tuple[str, ...]):
    kw = draw(pick([
        "RUN", "RUN", "RUN", "RUN", "COPY", "ADD", "ENV", "LABEL", "ARG", "CMD", "ENTRYPOINT", "EXPOSE",
        "VOLUME", "USER", "WORKDIR", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ONBUILD", "MAINTAINER", "UNKNOWN",
    ]))
    if kw == "RUN":
        return draw(run_instruction(escape))
    if kw == "COPY":
        flags = draw(_lists(pick(COPY_FLAGS + ([f"--from={stage_names[0]}"] if stage_names else [])),
                              max_size=3, unique=True))
        form = draw(_ints(0, 3))
        if form == 0:
            return ["COPY", *flags, _json(["a b.txt", "/dst dir/"])], []
        if form == 1:
            docs = draw(HEREDOCS)
            return ["COPY", *flags, *[d[0] for d in docs], "/etc/"], docs
        return ["COPY", *flags, *draw(words(escape, 1, 3)), "/app/"], []
    if kw == "ADD":
        flags = draw(_lists(pick(ADD_FLAGS), max_size=2, unique=True))
        src = draw(pick(["https://example.com/a.tar.gz", "app.tar.gz", "git@github.com:x/y.git", "."]))
        return ["ADD", *flags, src, "/opt/"], []
    if kw in ("ENV", "LABEL"):
        if draw(_ints(0, 3)) == 0:
            return [kw, draw(_PLAIN).replace("=", ""), *draw(words(escape, 1, 3))], []  # legacy form
        pairs = draw(_lists(_pair(escape), min_size=1, max_size=3))
        return [kw, *[f"{k}={v}" for k, v in pairs]], []
    if kw == "ARG":
        names = draw(_lists(pick(["A", "VERSION", "B=1", 'C="x y"', "D="]), min_size=1, max_size=3))
        return ["ARG", *names], []
    if kw in ("CMD", "ENTRYPOINT"):
        form = draw(_ints(0, 3))
        if form == 0:
            return [kw, _json(draw(_lists(word(escape), min_size=1, max_size=3)))], []
        if form == 1:
            return [kw, '["unterminated"'], []
        return [kw, *draw(shell_body(escape))], []
    if kw == "EXPOSE":
        return ["EXPOSE", *draw(_lists(pick(["80", "443/tcp", "53/udp", "$PORT", "8000-8010"]),
                                         min_size=1, max_size=3))], []
    if kw == "VOLUME":
        if draw(_bools):
            return ["VOLUME", _json(["/data", "/var/log"])], []
        return ["VOLUME", *draw(words(escape, 1, 2))], []
    if kw in ("USER", "WORKDIR", "STOPSIGNAL", "MAINTAINER"):
        return [kw, *draw(words(escape, 1, 2))], []
    if kw == "HEALTHCHECK":
        form = draw(_ints(0, 2))
        if form == 0:
            return ["HEALTHCHECK", "NONE"], []
        flags = draw(_lists(pick(HEALTH_FLAGS), max_size=3, unique=True))
        if form == 1:
            return ["HEALTHCHECK", *flags, "CMD", _json(["curl", "-f", "http://localhost/"])], []
        return ["HEALTHCHECK", *flags, "CMD", "curl", "-f", "http://localhost/", "||", "exit", "1"], []
    if kw == "SHELL":
        return ["SHELL", _json(draw(pick([
            ["/bin/bash", "-o", "pipefail", "-c"], ["/bin/sh", "-c"], ["powershell", "-Command"], ["cmd", "/S", "/C"],
            ["/bin/ash", "-eo", "pipefail", "-c"]])))], []
    if kw == "ONBUILD":
        sub, docs = draw(_onbuild_sub(escape))
        return ["ONBUILD", *sub], docs
    return [draw(pick(["FOO", "BUILDKIT", "EXEC"])), *draw(words(escape, 0, 2))], []


@st.composite
def from_instruction(draw, k: int, names: list[str]):
    toks = ["FROM"]
    if draw(_ints(0, 3)) == 0:
        toks.append(draw(pick(["--platform=$BUILDPLATFORM", "--platform=linux/amd64"])))
    base = draw(pick(["debian:bookworm", "ubuntu:22.04", "alpine:3.19", "python:3.12-slim",
                                 "scratch", "golang:1.22", "registry.example.com:5000/team/app@sha256:" + "a" * 64,
                                 "${BASE}", "node"] + names))
    toks.append(base)
    if draw(_bools):
        name = f"stage{k}"
        toks += [draw(pick(["AS", "as", "As"])), name]
        names.append(name)
    return toks


# -- rendering ----------------------------------------------------------------


@lru_cache(maxsize=None)
def _keyword_case(kw: str) -> st.SearchStrategy:
    return pick([kw, kw, kw, kw.lower(), kw.capitalize()])


@st.composite
def render_instruction(draw, toks: list[str], docs, escape: str) -> list[str]:
    """Lines (without line endings) for one instruction."""
    toks = list(toks)
    toks[0] = draw(_keyword_case(toks[0]))
    if toks[0].upper() == "ONBUILD" and len(toks) > 1:
        toks[1] = draw(_keyword_case(toks[1]))
    indent = draw(pick(["", "", "", "  ", "\t"]))
    sep = draw(pick([" ", " ", " ", "  ", "\t"]))
    lines: list[str] = []
    cur = indent + toks[0]
    rest = toks[1:]
    first = True
    for t in rest:
        if draw(_ints(0, 5)) == 0:
            # break here: escape + optional blanks, then comments/blank lines, then indent
            lines.append(cur + draw(pick([" ", "", " "])) + escape + draw(pick(["", "", " ", "\t"])))
            for _ in range(draw(_ints(0, 2))):
                lines.append(draw(pick(["# inside", "  # indented comment", "", "#", "   ",
                                                   "# dslim-rewrite ignore=DSL010"])))
            cur = draw(pick(["    ", "  ", "\t", ""])) + t
        else:
            cur += (sep if first else " ") + t
        first = False
    trailing = draw(pick(["", "", "", "", " ", "\t", " " + escape]))
    lines.append(cur + trailing)
    for marker, body, term in docs:
        lines += body
        lines.append(term)
    return lines


@st.composite
def dockerfiles(draw) -> bytes:
    """A Dockerfile as bytes (see the module docstring)."""
    lines: list[str] = []
    escape = "\\"
    directives = draw(_lists(pick([
        "# syntax=docker/dockerfile:1", "# escape=`", "# escape=\\", "#check=skip=all", "# Syntax = x",
        "#escape=`", "# not a directive", "# check=error=true"]), max_size=3))
    for d in directives:
        lines.append(d)
    for d in directives:  # the first non-directive line ends them (as the parsers do)
        low = d.replace(" ", "").lower()
        if not low.startswith(("#syntax=", "#escape=", "#check=")):
            break
        if low.startswith("#escape="):
            escape = d.split("=", 1)[1].strip()
            break
    if directives and draw(_bools):
        lines.append("")
    if draw(_bools):
        lines.append(f"ARG BASE={draw(pick(['debian:bookworm', 'alpine']))}")
    names: list[str] = []
    for k in range(draw(_ints(1, 3))):
        lines += draw(render_instruction(draw(from_instruction(k, names)), [], escape))
        for _ in range(draw(_ints(0, 6))):
            for _ in range(draw(_ints(0, 1))):
                lines.append(draw(pick(["", "# a comment", "  # indented", "# dslim-rewrite ignore=DSL010",
                                                   "# dslim-rewrite global ignore=DSL001", "\t"])))
            toks, docs = draw(instruction(escape, tuple(names)))
            lines += draw(render_instruction(toks, docs, escape))
    ending = draw(pick(["lf", "lf", "crlf", "mixed"]))
    out = []
    for ln in lines:
        nl = {"lf": "\n", "crlf": "\r\n"}.get(ending) or draw(pick(["\n", "\r\n"]))
        out.append(ln + nl)
    text = "".join(out)
    if draw(_ints(0, 4)) == 0:
        text = text.rstrip("\r\n")
    if draw(_ints(0, 5)) == 0:
        text = BOM + text
    return text.encode("utf-8")


# -- less structure -------------------------------------------------------------

FRAGMENTS = [
    "FROM ", "FROM alpine", "RUN ", "run ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "CMD ", "ONBUILD ",
    "HEALTHCHECK ", "SHELL ", "apt-get install curl", "&&", "\\", "`", "\n", "\r\n", "\r", " ", "\t", "#", "# escape=`",
    "# syntax=x", "<<EOF", "<<-EOF", "EOF", "\tEOF", '["a", "b"]', "[", "]", '"', "'", "--mount=type=cache,target=/x",
    "--from=a", "=", "$A", "\u00a0", "\u2028", "\ufeff", "é", "{{ 7*7 }}", "{% if %}", "x" * 20,
    "\ud800",  # a lone surrogate: invalid UTF-8 once encoded (surrogatepass)
]


_NOISE_PARTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40)


@st.composite
def noise(draw) -> bytes:
    parts = draw(_NOISE_PARTS)
    text = "FROM a\n" + "".join(parts) if draw(_bools) else "".join(parts)
    return text.encode("utf-8", "surrogatepass")
