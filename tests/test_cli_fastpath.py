"""The command-line fast path (``cli.fast_args``) reads a command line exactly
as typer does, or leaves it to typer.

Each command line is read twice, with ``rewrite_files`` replaced by a recorder:
once by typer, once by the fast path. Whenever the fast path takes a line, both
must hand over the same arguments."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dslim_rewrite import cli

SIGNATURE = inspect.signature(cli.rewrite_files)


def _bound(*args, **kwargs) -> dict:
    b = SIGNATURE.bind(*args, **kwargs)
    b.apply_defaults()
    return dict(b.arguments)


def _through_typer(argv: list[str], monkeypatch) -> dict | str:
    """What typer hands ``rewrite_files``, or the exit code if it does not call it."""
    seen: list[dict] = []
    monkeypatch.setattr(cli, "rewrite_files", lambda *a, **k: seen.append(_bound(*a, **k)) or 0)
    try:
        cli.typer_app()(args=list(argv), prog_name="dslim-rewrite", standalone_mode=True)
    except SystemExit as e:
        if not seen:
            return f"exit {e.code}"
    return seen[0] if seen else "not called"


def _through_fast_path(argv: list[str]) -> dict | None:
    fast = cli.fast_args(list(argv))
    return None if fast is None else _bound(**fast)


CASES = [
    ["Dockerfile"],
    ["--check", "a", "b"],
    ["a", "--check", "-q", "b"],
    ["-o", "out", "Dockerfile"],
    ["--output", "out", "-"],
    ["-"],
    ["--diff", "--select", "DSL001", "--select", "DSL011,DSL012", "--ignore", "DSL100", "x"],
    ["--in-place", "-i", "--unsafe-fixes", "--merge-builder-stages", "x"],
    ["--style", "cache-mount", "--format", "json", "--config", "c.toml", "x"],
    ["--style", "bogus", "x"],  # typer passes it on; rewrite_files refuses it
    ["-j", "2", "--check", "d"],
    ["--jobs", "0", "d"],
    ["--", "--check", "-x"],
    ["x", "--", "-"],
    ["--quiet", "--check", "--check", "x"],
    ["--format", "text", "--format", "json", "x"],
    ["-o", "a", "-o", "b", "x"],
]

FALLBACK = [
    [],
    ["--check"],
    ["--help"],
    ["-h", "x"],
    ["--version"],
    ["--list-transforms"],
    ["--explain", "DSL001"],
    ["--check=1", "x"],
    ["--output=o", "x"],
    ["-j2", "x"],
    ["-qi", "x"],
    ["-j", "-1", "x"],
    ["-j", "two", "x"],
    ["-j", " 2", "x"],
    ["-j", "1_0", "x"],
    ["-j", "٣", "x"],  # a digit for str.isdigit, not for every reader
    ["-o", "-", "x"],
    ["-o", "", "x"],
    ["--select"],
    ["--nope", "x"],
    ["--chec", "x"],
    ["-x", "x"],
]


@pytest.mark.parametrize("argv", CASES, ids=lambda a: " ".join(a) or "(none)")
def test_the_fast_path_reads_a_command_line_as_typer_does(argv, monkeypatch):
    fast = _through_fast_path(argv)
    assert fast is not None, "expected the fast path to take this command line"
    assert fast == _through_typer(argv, monkeypatch)


@pytest.mark.parametrize("argv", FALLBACK, ids=lambda a: " ".join(a) or "(none)")
def test_what_the_fast_path_leaves_to_typer(argv):
    assert cli.fast_args(list(argv)) is None


TOKENS = st.sampled_from([
    "--check", "--diff", "--in-place", "-i", "-q", "--quiet", "--unsafe-fixes", "--merge-builder-stages",
    "-o", "--output", "--select", "--ignore", "--style", "--format", "--config", "-j", "--jobs",
    "--", "-", "", "Dockerfile", "a b", "DSL001", "json", "0", "3", "07", "-1", "-x", "--x", "--output=o",
    "-j2", "-qi", "--help", "--version", "x=y", "é", " 2",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, max_size=8))
def test_random_command_lines_agree_or_go_to_typer(argv):
    fast = _through_fast_path(argv)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as mp:
        assert fast == _through_typer(argv, mp)


def test_the_fast_path_covers_options_typer_knows_by_the_same_names():
    """Every option the fast path reads is typer's, with the same kind (flag,
    one value, several values): a renamed or changed option fails here."""
    import typer.main

    command = typer.main.get_command(cli.typer_app())
    by_opt = {}
    for p in command.params:
        for opt in getattr(p, "opts", []):
            by_opt[opt] = p
    for opt, name in cli._FAST_FLAGS.items():
        assert by_opt[opt].name == name and by_opt[opt].is_flag, opt
    for opt, name in cli._FAST_VALUES.items():
        p = by_opt[opt]
        assert p.name == name and not p.is_flag, opt
        assert p.multiple == (name in cli._FAST_MULTIPLE), opt


def test_a_plain_check_does_not_load_typer(tmp_path: Path):
    df = tmp_path / "Dockerfile"
    df.write_bytes(b"FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n")
    probe = ("import json, sys\nfrom dslim_rewrite.cli import main\ncode = main(sys.argv[1:])\n"
             "sys.stderr.write('RESULT ' + json.dumps([code, 'typer' in sys.modules]) + '\\n')\n")
    proc = subprocess.run([sys.executable, "-c", probe, "--check", str(df)], capture_output=True, timeout=60)
    line = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("RESULT ")][-1]
    code, typer_loaded = json.loads(line[len("RESULT "):])
    assert code == 1  # the file would change: the check really ran
    assert not typer_loaded
    # and a command line the fast path leaves still works, through typer
    proc = subprocess.run([sys.executable, "-c", probe, "--check=1", str(df)], capture_output=True, timeout=60)
    line = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("RESULT ")][-1]
    code, typer_loaded = json.loads(line[len("RESULT "):])
    assert code == 2 and typer_loaded  # typer's usage error: --check takes no value


@pytest.mark.parametrize("reader", ["fast path", "typer"])
def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path, reader):
    """`dslim-rewrite --diff ... | head -1`: exit 1 and nothing on stderr, as typer does."""
    body = b"FROM debian\n" + b"".join(b"RUN apt-get install -y pkg%d\n" % k for k in range(60))
    files = []
    for k in range(40):  # diffs of well over a pipe's 64 KiB
        df = tmp_path / f"{k}.Dockerfile"
        df.write_bytes(body)
        files.append(str(df))
    # the same command line; `--format=text` (a glued value) is left to typer
    argv = ["--diff", "-q", *files] if reader == "fast path" else ["--diff", "-q", "--format=text", *files]
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())",
                             *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert first.startswith(b"--- a/")
    assert err == b""
