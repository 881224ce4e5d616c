"""Chain-level invariants over the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from dslim_rewrite.chain import rewrite
from dslim_rewrite.context import Options

CORPUS = sorted((Path(__file__).resolve().parent / "corpus").glob("*.Dockerfile"))


def _notes(result):
    return sorted((n.code, n.message) for n in result.notes)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_notes_describe_the_final_document(unsafe):
    """A note ("not done, because ...") is about the output: rewriting the output
    again reports the same notes, so no stale note from an early round survives."""
    opts = Options(unsafe=unsafe)
    stale = []
    for path in CORPUS:
        first = rewrite(path.read_bytes(), opts)
        again = rewrite(first.output, opts)
        assert again.output == first.output, path.name
        if _notes(first) != _notes(again):
            stale.append(path.name)
    assert not stale


GOLDEN_INPUTS = sorted((Path(__file__).resolve().parent.parent / "golden").glob("*/*/in.Dockerfile"))


def _outcome(data: bytes, opts: Options):
    from dslim_rewrite.chain import RewriteError

    try:
        r = rewrite(data, opts)
    except RewriteError as e:
        return ("error", str(e))
    return (r.output, [(f.code, f.line, f.message, f.safety) for f in r.applied]), r.notes


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_a_run_without_notes_rewrites_the_same(unsafe):
    """``Options.notes=False`` skips the transforms that can only make notes in
    this run: every corpus and golden file still gets the same output and the
    same applied fixes (or the same error), and no notes."""
    skipped_any = False
    for path in CORPUS + GOLDEN_INPUTS:
        data = path.read_bytes()
        with_notes = _outcome(data, Options(unsafe=unsafe))
        without = _outcome(data, Options(unsafe=unsafe, notes=False))
        assert with_notes[0] == without[0], path
        if with_notes[0][0] != "error":
            assert without[1] == []
            skipped_any = skipped_any or bool(with_notes[1])
    assert skipped_any  # the comparison covered files that do have notes


def test_a_fix_safer_than_its_transform_is_an_internal_error(monkeypatch):
    """The skipping above relies on it: an unsafe transform never yields a safe fix."""
    from dslim_rewrite import chain
    from dslim_rewrite.chain import RewriteError
    from dslim_rewrite.fixes import Edit, Fix, Safety, Transform

    class Sneaky(Transform):
        code = "DSL999"
        name = "sneaky"
        safety = Safety.UNSAFE

        def check(self, ctx):
            yield Fix(self.code, "a safe fix from an unsafe transform", 1, [Edit(0, 0, b"# x\n")], Safety.SAFE, (0,))

    monkeypatch.setattr(chain, "running_transforms", lambda options: [Sneaky])
    with pytest.raises(RewriteError, match="safer than the transform"):
        rewrite(b"FROM debian\n", Options())


def test_transforms_that_read_the_image_table_say_so():
    """``uses_image_table`` decides whether the command line loads the table
    before forking workers: every transform whose module reads it says so."""
    import inspect
    import re

    from dslim_rewrite.registry import all_transforms

    for t in all_transforms():
        reads = bool(re.search(r"\btable\(", inspect.getsource(inspect.getmodule(t))))
        assert t.uses_image_table == reads, t.code


def test_a_rewrite_that_drops_a_pragma_comment_fails(monkeypatch):
    from dslim_rewrite import chain
    from dslim_rewrite.chain import RewriteError
    from dslim_rewrite.fixes import Edit, Fix, Safety, Transform

    data = b"FROM debian\n# dslim-rewrite ignore=DSL010\nRUN echo hi\n"
    start = data.index(b"# dslim")
    end = data.index(b"RUN")

    class DropComment(Transform):
        code = "DSL998"
        name = "drop-comment"
        safety = Safety.SAFE

        def check(self, ctx):
            if b"# dslim" in ctx.doc.data:
                yield Fix(self.code, "drop a comment", 1, [Edit(start, end, b"")], Safety.SAFE, (0,))

    monkeypatch.setattr(chain, "running_transforms", lambda options: [DropComment])
    with pytest.raises(RewriteError, match="pragma comment was dropped"):
        rewrite(data, Options())


def _splice_one_by_one(data: bytes, edits) -> bytes:
    """The obvious way: each edit spliced in, from the end."""
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        data = data[: e.start] + e.text + data[e.end :]
    return data


def test_apply_edits_gives_what_splicing_one_by_one_gives():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from dslim_rewrite.chain import apply_edits
    from dslim_rewrite.fixes import Edit

    @settings(max_examples=500, deadline=None)
    @given(st.binary(max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.binary(max_size=4)),
                                            max_size=12))
    def check(data, raw):
        edits = []
        for start, length, text in raw:
            start = min(start, len(data))
            e = Edit(start, min(start + length, len(data)), text)
            if not any(e.conflicts(o) for o in edits):
                edits.append(e)
        assert apply_edits(data, edits) == _splice_one_by_one(data, edits)

    check()
