"""The shell fast path (plain command lists read with regular expressions)
against tree-sitter-bash: wherever the fast path gives an answer, it is the
answer tree-sitter's walk gives, field for field."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dslim_rewrite import document
from dslim_rewrite.context import Context, Options
from dslim_rewrite.shell import _PLAIN_CHAIN, _parse_general, _parse_plain_chain, _parse_simple, _parse_tree, parse_shell

ROOT = Path(__file__).resolve().parent.parent


def _bodies() -> list[bytes]:
    files = sorted((ROOT / "tests" / "corpus").glob("*.Dockerfile"))
    files += sorted((ROOT / "golden").glob("*/*/*Dockerfile*"))
    out: dict[bytes, None] = {}
    for f in files:
        try:
            doc = document.parse(f.read_bytes())
        except document.DocumentError:
            continue
        ctx = Context(doc, Options())
        for ins in doc.instructions:
            body = ctx.body(ins)
            if body is not None:
                out[bytes(body)] = None
    return list(out)


BODIES = _bodies()


def test_agrees_with_tree_sitter_on_every_corpus_and_golden_body():
    accepted = 0
    for body in BODIES:
        fast = _parse_simple(body)
        if fast is None:
            continue
        accepted += 1
        assert fast == _parse_tree(body), body
    # the point of it: most real bodies take the fast path
    assert len(BODIES) > 1000 and accepted > 0.85 * len(BODIES), (accepted, len(BODIES))


@pytest.mark.parametrize(
    "body",
    [
        b"a | b | c || d",  # tree-sitter-bash nests the || inside the pipeline
        b"a | b | c && d",
        b"a &",
        b"a ;; b",
        b"a |& b",
        b"a && && b",
        b"a &&",
        b"a |",
        b"; a",
        b"X=1",  # a bare assignment
        b"X+=1 a",
        b"export A=1",
        b"if true; then a; fi",
        b"a 'unterminated",
        b'a "unterminated',
        b"echo ${A:=x}",
        b"echo $(date)",
        b"echo $1 $@",
        b"echo {a,b}",
        b"a < f",
        b"a > f x",  # tree-sitter gives x to the redirection
        b"a && b | c > f",  # a redirection after && inside a pipeline
        b"a >",
        b"a 2>&1x",
        b"a &> f",
        b"a # comment",
        b"",
        b"   ",
        b"echo \xc3\xa9",
        b"x@y",
        b"echo $A-$A.",
        b"in@ x",
        b"echo ==",
        b"{ a }",  # no ; before the }
        b"( a",
        b"a )",
        b"{ a; } > f",
        b"( a ) | b",
        b"a | { b; }",
        b"echo }",
        b"{ }",
        b"A=1 x/ y",  # tree-sitter's walk takes a nameless command (x/ -> "") for a bare assignment
        b"A=1 ./ y && b",
        b"_=a cmd",  # tree-sitter reads `_=a` as a command name, not an assignment
        b"A=1 _=2 cmd",
    ],
)
def test_hands_over_what_it_does_not_model(body):
    assert _parse_simple(body) is None


@pytest.mark.parametrize(
    "body",
    [
        b"apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
        b"DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \"$PKG\"",
        b"a;b&&c||d",
        b"a | b | c; d",
        b"cd /src;",
        b"echo 'a b'\"c\"${D}e $F",
        b"/usr/bin/pip install --no-cache-dir x==1.0",
        b"echo 'dev ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/dev; chmod 0440 /etc/sudoers.d/dev",
        b"make >/dev/null 2>&1 && make install",
        b"a | b || c",
        b"a && b | c",
        b"a && b > f && c >> g; d && e 2>&1",  # tree-sitter hangs each on the list before it
        # what DSL001 makes of several RUNs
        b"apt-get update && ( cd /tmp && make ) && { a; b; } && c",
        b"( cd /src; make ); ( exit 1 )",
        b"{ { a; }; ( b && ( c ) ); }",
    ],
)
def test_takes_the_plain_ones(body):
    fast = _parse_simple(body)
    assert fast is not None
    assert fast == _parse_tree(body)


_TOKENS = st.sampled_from(
    [
        "a", "apt-get", "/usr/bin/env", "-y", "--x=1", "x=1", "X=1", "A_B=c", "X+=1", "=x", "1=2",
        "'q r'", '"q r"', '"$A"', "'$A'", "$A", "${A}", "${A:=b}", "$1", "$@", "a${B}c", "'", '"',
        "*", "/var/lib/*", "10", "cd", "export", "set", "done", "if", "{", "}", "{a,b}", "[", "!",
        "&&", "||", ";", "|", "&", ";;", "|&", " ", "  ", "\t", "#", ">", "(", ")",
        # tree-sitter-bash's own readings, found by fuzzing: keywords with
        # something glued on, `==`, odd command names, $A$B and $A inside a word
        "export'a'", "in@", "==", "a==b", "x@y", "cd%", "x:y", "-", "$A$B", "$A-$A.", "'q'$A/",
        "${A}${B}x", "^", "^$A$B", "%", "@", ",", ":", "1.5", "0x1",
        ">", ">>", "2>", "2>&1", ">&2", "1>&2", "<", "&>", "'(a)'", '"(a) {} !"', "'#'", "'\\'", '"`"',
    ]
)
# words made of pieces: where expansions and quotes meet punctuation
_WORD = st.lists(
    st.sampled_from(["x", "-", ".", ",", ":", "/", "$A", "${A}", "'q'", '"q"', '"$A"', '"${A}"', "1", "_",
                     "=", "@", "%", "*", "+"]),
    min_size=1, max_size=5,
).map("".join)


_CMD = st.lists(st.sampled_from(["a", "b", "echo", "cd", "set", "kill", "x", "-y", "> f", "2>&1", "}", "{"]),
                min_size=1, max_size=4).map(" ".join)
_BODY = st.recursive(
    _CMD,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" && ", " || ", "; ", " | ", ";"]), inner).map("".join),
        st.tuples(inner, st.sampled_from([" )", ")", "; )"])).map(lambda t: "( " + t[0] + t[1]),
        st.tuples(inner, st.sampled_from(["; }", " }", ";}"])).map(lambda t: "{ " + t[0] + t[1]),
    ),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(_BODY)
def test_agrees_with_tree_sitter_on_generated_groups(body):
    fast = _parse_simple(body.encode())
    if fast is not None:
        assert fast == _parse_tree(body.encode()), body


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS | _WORD, min_size=1, max_size=12), st.lists(st.sampled_from(["", " ", "\t", "  "]), min_size=12, max_size=12))
def test_agrees_with_tree_sitter_on_generated_bodies(tokens, gaps):
    body = "".join(t + g for t, g in zip(tokens, gaps)).encode()
    fast = _parse_simple(body)
    if fast is not None:
        assert fast == _parse_tree(body), body


def test_deep_nesting_goes_to_tree_sitter():
    for body in (b"( " * 3000 + b"a" + b" )" * 3000, b"{ " * 3000 + b"a; " + b"}; " * 2999 + b"}"):
        assert _parse_simple(body) is None  # no RecursionError
        script = parse_shell(body)
        assert [c.name for c in script.commands] == ["a"]


def test_nesting_up_to_the_limit_agrees():
    body = b"( " * 16 + b"{ " * 16 + b"cd x && a" + b"; }" * 16 + b" )" * 16 + b" && b"
    fast = _parse_simple(body)
    assert fast is not None
    assert fast == _parse_tree(body)


# -- the plain-chain shortcut answers as the general fast path does -------------

_PLAIN_WORDS = st.sampled_from([
    "apt-get", "install", "-y", "curl", "/usr/bin/env", "A=1", "B+=2", "=x", "x=", "if", "in", "done", "do-it",
    "export", "cd", "1=2", "x@y", "cd%", "a,b", "*.txt", "./run", "_", "fi.x", "ex:port", "select1", "time",
    "x/", "/", "_=a", "_x=1",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(_PLAIN_WORDS, min_size=1, max_size=4), min_size=1, max_size=4),
       st.sampled_from([" && ", "&&", " &&  ", "\t&&\t"]), st.sampled_from(["", " ", "\t "]))
def test_plain_chain_shortcut_matches_the_general_parser(segments, joint, pad):
    body = (pad + joint.join(" ".join(words) for words in segments) + pad).encode()
    assert _PLAIN_CHAIN.fullmatch(body)
    short = _parse_plain_chain(body)
    assert short == _parse_general(body)
    if short is not None:
        assert short == _parse_tree(body)


def test_plain_chain_shortcut_over_the_corpus_bodies():
    taken = 0
    for body in BODIES:
        if _PLAIN_CHAIN.fullmatch(body):
            taken += 1
            assert _parse_plain_chain(body) == _parse_general(body), body
    assert taken > 300
