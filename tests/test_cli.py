"""The command-line contract: outputs, exit codes, errors, config, pragmas."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dslim_rewrite.cli import main

BEFORE = b"FROM debian:bookworm\nRUN apt-get install curl\n"
AFTER = b"FROM debian:bookworm\nRUN apt-get install -y curl\n"
CLEAN = b"FROM debian:bookworm\nRUN echo hi\n"


def run(args, cwd=None, stdin: bytes | None = None):
    """The installed entry point in a subprocess: real stdin/stdout/stderr and exit code."""
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())", *args],
        cwd=cwd, input=stdin, capture_output=True, timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr.decode()


@pytest.fixture
def proj(tmp_path):
    (tmp_path / "Dockerfile").write_bytes(BEFORE)
    return tmp_path


def test_single_file_to_stdout(proj):
    code, out, err = run(["Dockerfile", "--select", "DSL010"], cwd=proj)
    assert code == 0 and out == AFTER
    assert "Dockerfile:2 DSL010 add -y to `apt-get install`" in err
    assert (proj / "Dockerfile").read_bytes() == BEFORE


def test_output_file(proj):
    code, out, _ = run(["Dockerfile", "-o", "Dockerfile.opt", "--select", "DSL010"], cwd=proj)
    assert code == 0 and out == b""
    assert (proj / "Dockerfile.opt").read_bytes() == AFTER


def test_stdin_to_stdout(proj):
    code, out, _ = run(["-", "--select", "DSL010"], cwd=proj, stdin=BEFORE)
    assert code == 0 and out == AFTER


def test_in_place_keeps_mode_and_leaves_no_temp(proj):
    f = proj / "Dockerfile"
    os.chmod(f, 0o640)
    code, _, _ = run(["--in-place", "Dockerfile", "--select", "DSL010"], cwd=proj)
    assert code == 0 and f.read_bytes() == AFTER
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert sorted(p.name for p in proj.iterdir()) == ["Dockerfile"]


def test_diff_and_check_write_nothing(proj):
    code, out, _ = run(["--diff", "Dockerfile", "--select", "DSL010"], cwd=proj)
    assert code == 1
    assert b"-RUN apt-get install curl\n+RUN apt-get install -y curl\n" in out
    assert b"\x1b[" not in out  # no color when not a terminal
    code, out, _ = run(["--check", "Dockerfile", "--select", "DSL010"], cwd=proj)
    assert code == 1 and out == b""
    assert (proj / "Dockerfile").read_bytes() == BEFORE
    (proj / "Dockerfile").write_bytes(CLEAN)
    assert run(["--check", "Dockerfile"], cwd=proj)[0] == 0
    assert run(["--diff", "Dockerfile"], cwd=proj)[:2] == (0, b"")


def test_several_inputs_need_a_mode(proj):
    (proj / "b.Dockerfile").write_bytes(BEFORE)
    code, _, err = run(["Dockerfile", "b.Dockerfile"], cwd=proj)
    assert code == 2 and "several inputs" in err
    code, _, _ = run(["--check", "Dockerfile", "b.Dockerfile", "--select", "DSL010"], cwd=proj)
    assert code == 1


def test_folder_discovery_skips_vendored_trees(proj):
    for rel in ["svc/Dockerfile.prod", "svc/api.Dockerfile", "node_modules/x/Dockerfile",
                ".git/Dockerfile", "venv/Dockerfile", "other/Containerfile", "README.md"]:
        p = proj / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(BEFORE)
    (proj / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    code, _, err = run(["--check", ".", "--select", "DSL010", "--format", "json"], cwd=proj)
    assert code == 1
    code, out, _ = run(["--check", ".", "--select", "DSL010", "--format", "json"], cwd=proj)
    paths = sorted(f["path"] for f in json.loads(out)["files"])
    assert paths == ["Dockerfile", "other/Containerfile", "svc/Dockerfile.prod", "svc/api.Dockerfile"]


def test_bad_inputs_get_one_line_each_and_others_still_run(proj):
    (proj / "nul").write_bytes(b"FROM a\nRUN \x00\n")
    (proj / "latin1").write_bytes(b"FROM a\nRUN echo \xe9\n")
    (proj / "binary").write_bytes(bytes(range(256)))
    (proj / "refused").write_bytes(b"FROM a\nRUN <<EOF\nnever ends\n")
    (proj / "dir").mkdir()
    args = ["--in-place", "nul", "latin1", "binary", "refused", "missing", "dir/", "Dockerfile", "--select", "DSL010"]
    code, _, err = run(args, cwd=proj)
    assert code == 123
    assert "Traceback" not in err
    for name, why in [("nul", "NUL"), ("latin1", "UTF-8"), ("binary", "NUL"), ("refused", "heredoc"), ("missing", "no such file")]:
        assert any(line.startswith(f"{name}: error:") and why in line for line in err.splitlines()), (name, err)
    assert (proj / "Dockerfile").read_bytes() == AFTER
    assert (proj / "nul").read_bytes() == b"FROM a\nRUN \x00\n"


def test_output_to_a_directory_is_an_error(proj):
    (proj / "out").mkdir()
    code, _, err = run(["Dockerfile", "-o", "out", "--select", "DSL010"], cwd=proj)
    assert code == 123 and "is a directory" in err and "Traceback" not in err


def test_usage_errors(proj):
    assert run([], cwd=proj)[0] == 2
    assert run(["Dockerfile", "--select", "NOPE"], cwd=proj)[0] == 2
    assert run(["Dockerfile", "--in-place", "-o", "x"], cwd=proj)[0] == 2
    assert run(["Dockerfile", "--format", "json"], cwd=proj)[0] == 2  # stdout carries the file
    assert run(["Dockerfile", "--bogus-flag"], cwd=proj)[0] == 2


def test_json_report(proj):
    code, out, _ = run(["--check", "Dockerfile", "--format", "json", "--select", "DSL010"], cwd=proj)
    data = json.loads(out)
    assert code == 1
    assert data["summary"] == {"files": 1, "changed": 1, "failed": 0, "fixes": 1, "dry_run": True}
    assert data["files"][0]["fixes"] == [
        {"code": "DSL010", "line": 2, "message": "add -y to `apt-get install`", "safety": "safe"}]


def test_config_in_pyproject_and_own_file(proj):
    (proj / "pyproject.toml").write_text('[tool.dslim-rewrite]\nignore = ["DSL010"]\n')
    assert run(["--check", "Dockerfile"], cwd=proj)[0] == 0
    (proj / "pyproject.toml").write_text('[tool.dslim-rewrite]\nbogus = 1\n')
    code, _, err = run(["--check", "Dockerfile"], cwd=proj)
    assert code == 2 and "unknown setting" in err
    (proj / "pyproject.toml").unlink()
    (proj / ".dslim-rewrite.toml").write_text('select = ["apt-assume-yes"]\n')
    assert run(["--check", "Dockerfile"], cwd=proj)[0] == 1


def test_global_pragma(proj):
    (proj / "Dockerfile").write_bytes(b"# dslim-rewrite global ignore=DSL010\n" + BEFORE)
    assert run(["--check", "Dockerfile"], cwd=proj)[0] == 0


def test_pragmas_are_read_in_any_case(proj):
    (proj / "Dockerfile").write_bytes(b"# DSLIM-Rewrite GLOBAL ignore=DSL010\n" + BEFORE)
    assert run(["--check", "Dockerfile"], cwd=proj)[0] == 0
    # and a file without any pragma is rewritten
    (proj / "Dockerfile").write_bytes(b"# dslim rewrite global ignore=DSL010\n" + BEFORE)
    assert run(["--check", "Dockerfile"], cwd=proj)[0] == 1


def test_file_named_like_a_subcommand(proj):
    (proj / "migrate").write_bytes(BEFORE)
    code, out, _ = run(["./migrate", "--select", "DSL010"], cwd=proj)
    assert code == 0 and out == AFTER


def test_list_and_explain():
    code, out, _ = run(["--list-transforms"])
    assert code == 0 and b"DSL010  apt-assume-yes" in out
    code, out, _ = run(["--explain", "DSL010"])
    assert code == 0
    for section in (b"## What it does", b"## Why is this bad?", b"## Example", b"## Use instead", b"## Fix safety"):
        assert section in out
    assert run(["--explain", "DSL999"])[0] == 2


def test_version_in_process(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("dslim-rewrite ")


def test_console_script_exits_quickly_without_losing_output(tmp_path):
    """`run` (the installed command) leaves with os._exit after the rewrite
    command: whatever was printed must still arrive whole, with the exit code."""
    corpus = sorted((Path(__file__).parent / "corpus").glob("*.Dockerfile"))
    files = [str(p) for p in corpus]
    via_main = subprocess.run(
        [sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())", "--diff", *files],
        capture_output=True)
    via_run = subprocess.run([sys.executable, "-m", "dslim_rewrite.cli", "--diff", *files], capture_output=True)
    assert via_run.returncode == via_main.returncode == 1
    assert len(via_run.stdout) > 20_000 and via_run.stdout == via_main.stdout
    assert via_run.stderr == via_main.stderr
    # into a file instead of a pipe (block-buffered): still all of it
    out = tmp_path / "diff.txt"
    with out.open("wb") as f:
        code = subprocess.run([sys.executable, "-m", "dslim_rewrite.cli", "--diff", *files], stdout=f).returncode
    assert code == 1 and out.read_bytes() == via_main.stdout


def test_notes_are_reported_wherever_they_are_printed(proj):
    """A quiet check and a write do not compute notes (nobody reads them); a
    check that prints, and JSON, still report every one of them."""
    import json

    # DSL012 (unsafe) only makes a note without --unsafe-fixes
    (proj / "Dockerfile").write_bytes(b"FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n")
    code, _, err = run(["--check", "Dockerfile"], cwd=proj)
    assert "DSL012 note:" in err and "unsafe fix" in err
    quiet = run(["--check", "-q", "Dockerfile"], cwd=proj)
    assert quiet[0] == code and quiet[2] == ""
    code_json, out, _ = run(["--check", "--format", "json", "Dockerfile"], cwd=proj)
    notes = json.loads(out)["files"][0]["notes"]
    assert code_json == code and any(n["code"] == "DSL012" for n in notes)
    # a write prints its applied fixes, no notes (test_chain checks that the
    # output is the same with and without them)
    written = run(["Dockerfile", "-o", "out"], cwd=proj)
    assert written[0] == 0 and "note" not in written[2] and (proj / "out").read_bytes().startswith(b"FROM")
