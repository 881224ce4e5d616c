"""Shared set-up for the fuzz targets: instrument the engine, reuse the
property checks of ``tests/test_properties.py`` (one definition of what must
hold), and turn every violated property into a crash libFuzzer records."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["dslim_rewrite"]):
    from dslim_rewrite import chain, document, oracle, shell  # noqa: F401
    from dslim_rewrite.registry import all_transforms

    all_transforms()  # import every transform now, so that it is instrumented too

import test_properties as checks  # noqa: E402

__all__ = ["atheris", "checks"]
