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
