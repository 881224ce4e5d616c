"""Start-up cost: the common paths import neither libcst, jinja2 nor a Docker client."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("libcst", "jinja2", "docker", "rich.progress", "pydantic")

PROBE = r"""
import io, json, sys
from dslim_rewrite.cli import main
args = json.loads(sys.argv[1])
if args[0] == "-":
    sys.stdin = io.TextIOWrapper(io.BytesIO(b"FROM debian\nRUN apt-get install curl\n"))
try:
    code = main(args)
finally:
    sys.stdout.flush()
sys.stderr.write("MODULES " + json.dumps(sorted(sys.modules)) + "\n")
"""


def _modules(args):
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, timeout=60)
    line = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("MODULES ")][-1]
    return set(json.loads(line[len("MODULES "):]))


def test_version_imports_nothing_heavy():
    mods = _modules(["--version"])
    assert not [m for m in HEAVY if m in mods]
    assert "tree_sitter" not in mods and "dockerfile" not in mods


def test_rewriting_a_small_file_imports_nothing_heavy():
    mods = _modules(["-"])
    assert "tree_sitter" in mods  # the probe really rewrote a RUN
    assert not [m for m in HEAVY if m in mods]
