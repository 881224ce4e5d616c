"""Properties that hold for every input, checked on generated Dockerfiles.

- with no edit, the bytes come back identical;
- the document layer reads a file exactly as BuildKit's parser does, or both refuse it;
- the full chain (safe, and with unsafe fixes) is idempotent: rewriting its output changes nothing;
- every output is accepted by BuildKit and read by it as the document layer reads it;
- nothing but ``RewriteError``/``DocumentError`` escapes, and a file both parsers
  accept is never refused by an internal check (that would be a transform bug).

Example counts: ``DSLIM_HYPOTHESIS_PROFILE=ci`` (default, 200 per property) or
``dev`` (3000).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given

from dockerfile_strategies import dockerfiles, noise, profile
from dslim_rewrite import document, oracle
from dslim_rewrite.chain import RewriteError, rewrite
from dslim_rewrite.context import Options

NOTHING = Options(select=frozenset())
SAFE = Options()
UNSAFE = Options(unsafe=True)
PROFILE = profile()

needs_oracle = pytest.mark.skipif(not oracle.available(), reason="BuildKit parser binding not installed")


def oracle_safe(data: bytes) -> bool:
    """Whether BuildKit's binding can be handed ``data`` in this process (it
    aborts on a lone surrogate and truncates at NUL)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


def parse_or_none(data: bytes):
    try:
        return document.parse(data)
    except document.DocumentError:
        return None


def check_round_trip(data: bytes) -> None:
    doc = parse_or_none(data)
    if doc is None:
        with pytest.raises(RewriteError):
            rewrite(data, NOTHING, validate=False)
        return
    assert rewrite(data, NOTHING, validate=False).output == data
    # spans: ordered, inside the file, and every piece of the joined text is
    # the file's own bytes at the offset the piece names
    pos = 3 if doc.bom else 0
    for ins in doc.instructions:
        assert pos <= ins.line_start <= ins.start <= ins.end <= ins.next <= len(data)
        assert ins.pieces[0][1] == ins.start
        for j, f, n in ins.pieces:
            assert data[f : f + n] == ins.text[j : j + n]
        assert b"".join(data[f : f + n] for _, f, n in ins.pieces) == ins.text
        pos = ins.next
    # lines: contiguous, every byte belongs to exactly one line
    at = 0
    for ln in doc.lines:
        assert ln.start == at and ln.start <= ln.end <= ln.next
        at = ln.next
    assert at == len(data)


def has_check_directive(data: bytes) -> bool:
    """Whether a ``# check=`` directive opens the file.

    BuildKit made ``check`` a parser directive in v0.14; the binding used as the
    oracle wraps v0.12, where that line is a comment that ends the directives.
    The document layer follows the BuildKit that builds images (reading it the
    old way would miss a ``# escape=`` below it), so on such files the two may
    differ, and the chain must then refuse the file rather than rewrite it.
    """
    body = data[3:] if data.startswith(document.BOM) else data
    for line in body.split(b"\n"):
        m = document._DIRECTIVE.match(document.lstrip_space(line.rstrip(b"\r")))
        if not m or m.group(1).lower() not in (b"syntax", b"escape", b"check"):
            return False
        if m.group(1).lower() == b"check":
            return True
    return False


_MODIFIER = re.compile(rb"\$\{(?:[#!]|[A-Za-z0-9_]*[^A-Za-z0-9_}:+?-])")


def has_version_dependent_substitution(data: bytes) -> bool:
    """``${a%b}``, ``${#a}``, ``${a/b/c}`` and the like: BuildKit's lexer learned
    some of these after v0.12 (the oracle's version), and it finds no heredoc on
    a line it cannot lex. The document layer reads the heredoc; where that makes
    the two differ, the chain must not change the file."""
    return bool(_MODIFIER.search(data))


def check_agreement(data: bytes) -> None:
    doc = parse_or_none(data)
    if not oracle_safe(data):
        assert doc is None, "the document layer must refuse what BuildKit's binding cannot be handed"
        return
    try:
        cmds = oracle.parse(data)
    except ValueError:
        cmds = None
    if has_check_directive(data) or has_version_dependent_substitution(data):
        agree = doc is None and cmds is None or (
            doc is not None and cmds is not None and oracle.disagreements(data, doc) == [])
        if not agree:
            # the chain may not change a file the two read differently: it
            # refuses it, or hands it back untouched when no fix applies
            try:
                out = rewrite(data, UNSAFE).output
            except RewriteError:
                return
            assert out == data, "a file BuildKit reads differently was rewritten"
        return
    if doc is None or cmds is None:
        assert doc is None and cmds is None, (
            "one parser refuses what the other accepts: "
            + ("document layer refuses" if doc is None else "BuildKit refuses"))
        return
    assert oracle.disagreements(data, doc) == []


def check_chain(data: bytes, options: Options) -> None:
    doc = parse_or_none(data)
    accepted = doc is not None and oracle_safe(data) and _oracle_accepts(data, doc)
    try:
        first = rewrite(data, options)
    except RewriteError as e:
        assert not accepted, f"a file both parsers accept was refused: {e}"
        return
    out = first.output
    if not accepted:
        # only handed back untouched (nothing to fix, so BuildKit is not asked)
        assert out == data, "the chain rewrote a file a parser refuses"
        assert not first.applied
        return
    # BuildKit accepts the output and reads it as the document layer does
    out_doc = document.parse(out)
    assert oracle.disagreements(out, out_doc) == []
    # idempotence: a second pass changes nothing
    second = rewrite(out, options)
    assert second.output == out, "rewriting the output again changed it"
    assert not second.applied


def _oracle_accepts(data: bytes, doc) -> bool:
    try:
        return oracle.disagreements(data, doc) == []
    except ValueError:
        return False


# -- structured Dockerfiles ------------------------------------------------------


@PROFILE
@given(dockerfiles())
@example(b"FROM a\nRUN apt-get install curl\n")
@example(b"\xef\xbb\xbf# escape=`\r\nFROM a\r\nRUN dir `\r\n# c\r\n  c:\\\r\n")
def test_round_trip_without_edits(data):
    check_round_trip(data)


@needs_oracle
@PROFILE
@given(dockerfiles())
@example(b"FROM a\nRUN <<EOF <<-'B' cat\nx\nEOF\n\ty\n\tB\n")
@example(b"FROM a\nRUN ls \\\n\n# c\n\nRUN x\n")
def test_agrees_with_buildkit(data):
    check_agreement(data)


@needs_oracle
@PROFILE
@given(dockerfiles())
@example(b"FROM debian\nRUN apt-get update && apt-get install curl\nRUN apt-get install git\n")
def test_safe_chain_is_idempotent_and_accepted(data):
    check_chain(data, SAFE)


@needs_oracle
@PROFILE
@given(dockerfiles())
@example(b"FROM debian\nRUN apt-get update && apt-get install curl\nRUN apt-get install git\n")
def test_unsafe_chain_is_idempotent_and_accepted(data):
    check_chain(data, UNSAFE)


# -- fragments glued together -----------------------------------------------------


@PROFILE
@given(noise())
def test_noise_round_trip(data):
    check_round_trip(data)


@needs_oracle
@PROFILE
@given(noise())
def test_noise_agrees_with_buildkit(data):
    check_agreement(data)


@needs_oracle
@PROFILE
@given(noise())
def test_noise_through_the_unsafe_chain(data):
    check_chain(data, UNSAFE)


# -- regressions: inputs these properties found, kept as plain tests ------------

from dslim_rewrite import chain  # noqa: E402
from dslim_rewrite.fixes import Edit  # noqa: E402


@needs_oracle
@pytest.mark.parametrize("data", [
    b"LABEL ",  # BuildKit's parser takes LABEL with no value (the build refuses it later)
    b"FROM a\nLABEL\n",
    b"\\",  # a line holding only a continuation at the end of the file: an empty instruction
    b"FROM a\n\\\n\n",
    b"FROM --mount=type=cache,target=/x\xef\xbb\xbf a",  # flag words are bytes read as Latin-1
    b"COPY --chown=jos\xc3\xa9 a b\n",
    b'RUN --mount="type=bind,target=/a\xc2\xa0b" echo\n',
    b"RUN --x=\xe2\x80\x85y z\n",
    # BuildKit finds no heredoc on a line its lexer gives up on
    b"RUN <<EOF'",
    b"FROM a\nRUN <<EOF \"\nx\nEOF\n",
    b"FROM a\nRUN <<'EOF\nx\nEOF\n",
    b"FROM a\nRUN <<EOF ${A\nx\nEOF\n",
    b"FROM a\nRUN <<EOF ${}\nx\nEOF\n",
    b"FROM a\nRUN <<EOF ${:x}\nx\nEOF\n",
    b"FROM a\nRUN <<EOF '${A' && echo \"${B:-x}\" \\${\nx\nEOF\n",  # quoted or escaped: fine
    # BuildKit's lexer splits heredoc words on Unicode spaces too (found by the dev profile)
    b"RUN \xc2\xa0<<EOF",
    b"FROM a\nRUN \xc2\xa0<<EOF\nx\nEOF\n",
    b"FROM a\nRUN echo\xe2\x80\x83<<EOF\nx\nEOF\n",
    b"FROM a\nRUN echo\xc2\x85<<-EOF\n\tx\n\tEOF\n",
    b"FROM a\nRUN echo <<EOF\xe3\x80\x80x\nx\nEOF\n",
    b"FROM a\nRUN echo\xe2\x80\x8b<<EOF\nx\nEOF\n",  # U+200B is not a space: no heredoc
    b"FROM a\nRUN echo \"a\xc2\xa0<<EOF\"\n",  # quoted: no heredoc
    # a nested ONBUILD ONBUILD without arguments has no value (found by fuzz_document.py)
    b"FROM a\nONBUILD ONBUILD \n",
    b"FROM a\nONBUILD onbuild\n",
    b"FROM a\nONBUILD ONBUILD --x=1\n",
    b"FROM a\nONBUILD ONBUILD ONBUILD\n",
    b"FROM a\nONBUILD ONBUILD --x=1 y\n",
    b'FROM a\nONBUILD ONBUILD CMD ["npm", "start"]\n',  # not JSON form for BuildKit (fuzz_document.py)
    b'FROM a\nONBUILD ONBUILD ONBUILD RUN ["a"]\n',
    b'FROM a\nONBUILD RUN ["a"]\n',
    # an unknown instruction's arguments are ignored, even when a flag ends inside a character
    b"<<EOFFROM --mount=type=cache,target=/x\xe0\xa0\x80",
    b"FROM a\nFOO --a=\xe0\xa0\x80 x\n",
    b"FROM a\nONBUILD FOO --a=\xe0\xa0\x80 x\n",
])
def test_regression_agreement(data):
    check_agreement(data)
    check_chain(data, UNSAFE)


@needs_oracle
@pytest.mark.parametrize("data", [
    b"FROM --mount=type=cache,target=/x\xf0\xa0\x80\x80",  # 0xA0 ends the flag inside a character
    b"RUN --mount=x\xf0\xa0\x80\x80 echo\n",
    b"ONBUILD RUN --a=\xf0\xa0\x80\x80 x\n",
])
def test_regression_flag_ending_inside_a_character_is_refused(data):
    with pytest.raises(document.DocumentError, match="multi-byte"):
        document.parse(data)
    with pytest.raises(RewriteError):
        rewrite(data)
    check_agreement(data)


def test_regression_insertion_at_the_end_of_a_file_without_final_newline():
    old = document.parse(b"FROM a\nRUN apt-get update")
    edit = Edit(len(old.data), len(old.data), b" && rm -rf /var/lib/apt/lists/*")
    new = document.parse(chain.apply_edits(old.data, [edit]))
    chain._check_untouched(old, new, [edit])  # the RUN was touched: no complaint
    # an edit that really leaves an instruction alone is still checked
    bogus = document.parse(b"FROM b\nRUN apt-get update")
    with pytest.raises(RewriteError, match="changed although no edit touched it"):
        chain._check_untouched(old, bogus, [Edit(len(old.data), len(old.data), b"")])


@needs_oracle
@pytest.mark.parametrize("mod", [b"${A%x}", b"${A#x}", b"${A/x/y}", b"${#A}", b"${!A}", b"${A^^}", b"${A=x}"])
def test_version_dependent_substitution_next_to_a_heredoc_is_refused(mod):
    data = b"FROM a\nRUN <<EOF cat " + mod + b"\nx\nEOF\n"
    assert has_version_dependent_substitution(data)
    # nothing to fix: handed back untouched, BuildKit is not asked
    assert rewrite(data, UNSAFE).output == data
    # something to fix: BuildKit reads the input differently, so no rewrite
    with pytest.raises(RewriteError, match="differently"):
        rewrite(data + b"RUN apt-get update\nRUN apt-get install -y curl\n", UNSAFE)
