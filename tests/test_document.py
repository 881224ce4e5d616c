"""The document layer reads every corpus file exactly as BuildKit does, and
hands back every byte it was given."""

from __future__ import annotations

from pathlib import Path

import pytest

from dslim_rewrite import document, oracle
from dslim_rewrite.chain import RewriteError, rewrite
from dslim_rewrite.context import Options

CORPUS = Path(__file__).resolve().parent / "corpus"
VALID = sorted(CORPUS.glob("*.Dockerfile"))
INVALID = sorted(p for p in (CORPUS / "invalid").glob("*") if p.is_file())
NOTHING = Options(select=frozenset())

needs_oracle = pytest.mark.skipif(not oracle.available(), reason="BuildKit parser binding not installed")


def test_corpus_size():
    assert len(VALID) >= 150


@needs_oracle
@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_agrees_with_buildkit(path: Path):
    data = path.read_bytes()
    doc = document.parse(data)
    assert oracle.disagreements(data, doc) == []


@needs_oracle
@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_refuses_what_buildkit_refuses(path: Path):
    data = path.read_bytes()
    with pytest.raises(ValueError):
        oracle.parse(data)
    with pytest.raises(document.DocumentError):
        document.parse(data)


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_spans_cover_the_file(path: Path):
    """Instructions are ordered, do not overlap, start with their keyword, and
    every byte outside them is a blank line, a comment or a directive."""
    data = path.read_bytes()
    doc = document.parse(data)
    pos = 3 if doc.bom else 0
    for ins in doc.instructions:
        assert ins.line_start >= pos
        gap = data[pos : ins.line_start]
        for line in gap.split(b"\n"):
            s = line.strip(b" \t\r")
            assert not s or s.startswith(b"#"), (path.name, line)
        assert data[ins.start : ins.start + len(ins.raw_keyword)].decode() == ins.raw_keyword
        assert ins.start <= ins.end <= ins.next
        pos = ins.next
    rest = data[pos:]
    assert all(not ln.strip(b" \t\r") or ln.strip().startswith(b"#") for ln in rest.split(b"\n"))


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_no_edit_round_trip(path: Path):
    data = path.read_bytes()
    assert rewrite(data, NOTHING).output == data


def test_flag_spans_point_at_the_flag_text():
    data = b"FROM a\nRUN --mount=type=cache,target=/root/.cache \\\n    --network=none echo hi\n"
    ins = document.parse(data).instructions[1]
    assert [f.name for f in ins.flags] == ["mount", "network"]
    assert [data[f.start : f.end] for f in ins.flags] == [b"--mount=type=cache,target=/root/.cache", b"--network=none"]
    assert ins.args == b"echo hi"
    assert data[ins.file_offset(ins.args_offset) :].startswith(b"echo hi")


def test_body_offsets_map_through_continuations_and_comments():
    data = b"FROM a\r\nRUN a \\\r\n# note\r\n\r\n  && b\r\n"
    doc = document.parse(data)
    ins = doc.instructions[1]
    assert ins.text == b"RUN a   && b"
    j = ins.text.index(b"b")
    assert data[ins.file_offset(j) : ins.file_offset(j) + 1] == b"b"
    assert doc.newline == b"\r\n"
    assert [data[c.start : c.end] for c in ins.comments] == [b"# note"]


def test_directives_bom_and_backtick_escape():
    data = b"\xef\xbb\xbf# escape=`\n# syntax=docker/dockerfile:1\nFROM a\nRUN dir `\n  c:\\\n"
    doc = document.parse(data)
    assert doc.bom and doc.escape == "`"
    assert doc.directives == {"escape": "`", "syntax": "docker/dockerfile:1"}
    assert doc.instructions[1].args == b"dir   c:\\"


def test_directive_after_comment_is_a_comment():
    doc = document.parse(b"# hello\n# escape=`\nFROM a\nRUN a `\n")
    assert doc.escape == "\\" and doc.directives == {}


def test_heredocs():
    data = b"FROM a\nRUN <<EOF <<-'B' cat\nx\nEOF\n\ty\n\tB\nCOPY <<\"C\" /c\n$z\nC\n"
    doc = document.parse(data)
    run, copy = doc.instructions[1], doc.instructions[2]
    assert [(h.name, h.chomp, h.quoted, h.content) for h in run.heredocs] == [
        ("EOF", False, False, "x\n"), ("B", True, True, "\ty\n")]
    assert data[run.end - 2 : run.end] == b"\tB"
    assert copy.heredocs[0].quoted and copy.heredocs[0].content == "$z\n"


def test_trailing_backslash_swallows_the_next_instruction():
    doc = document.parse(b"FROM a\nRUN ls \\\n\n# c\n\nRUN x\n")
    assert [i.text for i in doc.instructions] == [b"FROM a", b"RUN ls RUN x"]


def test_stages_and_final_image():
    doc = document.parse(b"ARG V=1\nFROM a AS base\nFROM b AS build\nRUN x\nFROM base\nRUN y\n")
    assert doc.instructions[0].stage == -1
    assert [s.name for s in doc.stages] == ["base", "build", None]
    assert doc.final_stages() == {0, 2}


@pytest.mark.parametrize("data,reason", [
    (b"FROM a\nRUN \x00\n", "NUL"),
    (b"FROM a\nRUN \xff\n", "UTF-8"),
    (b"# only a comment\n", "no instructions"),
    (b"FROM a\nRUN <<EOF\nx\n", "unterminated heredoc"),
    (b"# escape=x\nFROM a\n", "escape"),
    (b"FROM a\nRUN " + b"x" * 70000 + b"\n", "max allowed size"),
])
def test_refused_inputs(data, reason):
    with pytest.raises(document.DocumentError, match=reason):
        document.parse(data)
    with pytest.raises(RewriteError):
        rewrite(data)


@pytest.mark.parametrize("line", ["HEALTHCHECK \u04a0", "HEALTHCHECK CMD\u00a0x", "HEALTHCHECK \u0105 CMD x",
                                  "HEALTHCHECK CMD \u04a0", "HEALTHCHECK NONE"])
def test_healthcheck_type_word_is_split_byte_by_byte(line):
    """Found by the property tests: BuildKit cuts HEALTHCHECK's first word at
    the bytes 0x85/0xA0 even inside a multi-byte character."""
    data = ("FROM a\n" + line + "\n").encode()
    try:
        oracle.parse(data)
    except ValueError:
        with pytest.raises(document.DocumentError):
            document.parse(data)
    else:
        assert oracle.disagreements(data, document.parse(data)) == []


# -- the word and flag readers' fast paths give what their walks give ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORD_TEXT = st.text(
    alphabet=st.sampled_from(list("ab=-_. \t\n\v\f\r'\"\\`$\x1c\x1f") + ["\u00a0", "\u0085", "\u2003", "é"]),
    max_size=24,
)


@settings(max_examples=600, deadline=None)
@given(_WORD_TEXT, st.sampled_from(["\\", "`"]))
def test_parse_words_fast_path_matches_the_walk(text, escape):
    assert document.parse_words(text, escape) == document._parse_words_walk(text, escape)


@settings(max_examples=600, deadline=None)
@given(st.binary(max_size=24).map(lambda b: b.replace(b"\x00", b"")) | _WORD_TEXT.map(str.encode),
       st.integers(0, 40))
def test_extract_flags_fast_path_matches_the_walk(line, base):
    assert document._extract_flags(line, base) == document._extract_flags_walk(line, base)


_FLAG_LINE = st.lists(
    st.sampled_from(["--", "--mount=type=cache,target=/x", "--from=b", "--link", "-", "x", "a=b", " ", "\t", "\n",
                     "'", '"', "\\", "\x85", "\xa0", "\xc3\xa9", "--a'b c'", '--x="y z"', "--\\\n"]),
    max_size=12,
).map(lambda parts: "".join(parts).encode("latin-1"))


@settings(max_examples=1500, deadline=None)
@given(_FLAG_LINE, st.integers(0, 40))
def test_plain_flags_fast_path_matches_the_walk(line, base):
    fast = document._extract_plain_flags(line, base)
    if fast is not None:
        assert fast == document._extract_flags_walk(line, base)
    assert document._extract_flags(line, base) == document._extract_flags_walk(line, base)


def test_plain_flags_fast_path_over_the_corpus():
    """Every instruction of the corpus: the fast path answers as the walk does,
    and answers for most lines with flags."""
    taken = 0
    for path in sorted((Path(__file__).parent / "corpus").glob("*.Dockerfile")):
        try:
            doc = document.parse(path.read_bytes())
        except document.DocumentError:
            continue
        for ins in doc.instructions:
            for target in filter(None, (ins, ins.sub)):
                parts = target.text.split(None, 1)  # the keyword, and the rest
                line = parts[1] if len(parts) > 1 else b""
                fast = document._extract_plain_flags(line, 0)
                if fast is not None:
                    taken += bool(fast[1])
                    assert fast == document._extract_flags_walk(line, 0), (path.name, line[:80])
    assert taken > 100


def test_the_fast_paths_are_taken_for_plain_text():
    # a plain ENV line and an argument that is not a flag never reach the walks
    assert document.parse_words("A=1 B=2\tC=3", "\\") == ["A=1", "B=2", "C=3"]
    assert document._extract_flags(b"apt-get update", 7) == (0, [])
    assert document._extract_flags(b"", 0) == (0, [])
    assert document._extract_flags(b"--mount=type=cache x", 0)[0] == 19
