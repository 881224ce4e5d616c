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
if args[-1] == "PROBE-BODY":
    args.pop()
    sys.stdin = io.TextIOWrapper(io.BytesIO(b"FROM debian\nRUN apt-get install curl < /dev/null\n"))
elif args[0] == "-":
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
    assert "dockerfile" in mods  # the probe really rewrote its RUN (BuildKit checked the result)
    assert not [m for m in HEAVY if m in mods]
    # a plain `apt-get install curl` is read without tree-sitter (shell.py's fast path)
    assert "tree_sitter" not in mods


def test_a_body_beyond_the_fast_path_loads_tree_sitter():
    mods = _modules(["-", "PROBE-BODY"])
    assert "tree_sitter" in mods
