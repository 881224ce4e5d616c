"""docs/rules/<CODE>.md is generated from the transforms' docstrings and must be current.
Regenerate with: python -m dslim_rewrite.rules_doc docs/rules"""

from __future__ import annotations

from pathlib import Path

from dslim_rewrite.registry import all_transforms
from dslim_rewrite.rules_doc import render

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety")


def test_every_docstring_has_the_sections_in_order():
    for t in all_transforms():
        page = render(t)
        positions = [page.find(s) for s in SECTIONS]
        assert -1 not in positions, (t.code, positions)
        assert positions == sorted(positions), t.code


def test_rule_pages_are_current():
    stale = []
    for t in all_transforms():
        path = DOCS / f"{t.code}.md"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(t):
            stale.append(t.code)
    extra = sorted(p.stem for p in DOCS.glob("DSL*.md") if p.stem not in {t.code for t in all_transforms()})
    assert not stale and not extra, f"stale: {stale}, without a transform: {extra}; run python -m dslim_rewrite.rules_doc docs/rules"
