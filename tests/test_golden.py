"""Every golden case: golden/<CODE>-<slug>/<case>/in.Dockerfile -> out.Dockerfile.

An absent out.Dockerfile means the input must not change. args.toml may set
``unsafe``, ``select`` (default: the case folder's own code), ``ignore``,
``merge-builder-stages`` and ``style``. Every case also checks that the
output is stable (rewriting it again changes nothing) and that BuildKit's
parser accepts it (the chain's own final check).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dslim_rewrite.chain import rewrite
from dslim_rewrite.context import Options
from dslim_rewrite.registry import by_code, resolve

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = sorted(p for p in GOLDEN.glob("DSL*-*/*") if (p / "in.Dockerfile").is_file())


def _options(case: Path) -> Options:
    args = {}
    if (case / "args.toml").is_file():
        args = tomllib.loads((case / "args.toml").read_text())
    code = case.parent.name.split("-", 1)[0]
    select = args.get("select", [code])
    codes = {t.code for tok in select for t in resolve(tok)}
    return Options(
        unsafe=args.get("unsafe", False),
        select=frozenset(codes),
        ignore=frozenset(t.code for tok in args.get("ignore", []) for t in resolve(tok)),
        merge_builder_stages=args.get("merge-builder-stages", False),
        style=args.get("style", "delete"),
        settings=args.get("settings", {}),
    )


def test_every_transform_has_cases():
    folders = {p.name.split("-", 1)[0]: p for p in GOLDEN.glob("DSL*-*") if p.is_dir()}
    for code, t in by_code().items():
        assert code in folders, f"{code} has no golden folder"
        assert folders[code].name == f"{code}-{t.name}", f"golden folder for {code} must be {code}-{t.name}"
        cases = [c for c in folders[code].iterdir() if (c / "in.Dockerfile").is_file()]
        assert len(cases) >= 3, f"{code} needs real, no-op and pragma cases"
        assert any(not (c / "out.Dockerfile").exists() for c in cases), f"{code} has no no-op case"
        assert any(b"dslim-rewrite" in (c / "in.Dockerfile").read_bytes() for c in cases), f"{code} has no pragma case"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_golden(case: Path, update_golden: bool):
    src = (case / "in.Dockerfile").read_bytes()
    expected_path = case / "out.Dockerfile"
    options = _options(case)
    result = rewrite(src, options)
    if update_golden:
        if result.output != src:
            expected_path.write_bytes(result.output)
        elif expected_path.exists():
            expected_path.unlink()
    expected = expected_path.read_bytes() if expected_path.exists() else src
    assert result.output == expected
    # stable: a second run changes nothing
    assert rewrite(result.output, options).output == result.output
