"""Hostile files and environments, through the real CLI in a child process.

Each case gets a clear one-line error and exit 123 (or is processed, where the
file is a real Dockerfile), the original is never damaged, and nothing
half-written is left behind. Some cases need root (mounts, ``chattr``); they
are skipped with the reason when that is not possible.

Also here: security checks (no template evaluates Dockerfile text, no code path
hands Dockerfile text to a shell or to eval, nothing is written outside the
paths asked for) and engine regressions found with these files.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from dslim_rewrite import chain, document, shell
from dslim_rewrite.chain import RewriteError, rewrite
from dslim_rewrite.context import Options
from dslim_rewrite.fixes import Edit, Fix, Transform
from privileges import mode_respecting_prefix

ROOT = Path(__file__).resolve().parent.parent
FAILED = 123
SMALL = b"FROM debian:bookworm\nRUN apt-get update && apt-get install curl\n"
CLEAN = b"FROM debian:bookworm\nRUN echo hi\n"
TEMP_SUFFIX = ".dslim-tmp"


def cli(args, cwd, stdin: bytes | None = None, timeout: float = 120, prefix=()):
    proc = subprocess.run(
        [*prefix, sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())", *map(str, args)],
        cwd=cwd, input=stdin, capture_output=True, timeout=timeout,
    )
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def assert_one_line_error(err: str, name: str, *words: str) -> str:
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.startswith(f"{name}: error:")]
    assert len(lines) == 1, err
    for w in words:
        assert w.lower() in lines[0].lower(), (w, lines[0])
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_SUFFIX in p.name or p.name.startswith(".Dockerfile."))


def rewritten(data: bytes, unsafe: bool = False) -> bytes:
    return rewrite(data, Options(unsafe=unsafe)).output


@contextmanager
def mounted(target: Path, *options: str, size: str = "64k"):
    """A tmpfs at ``target`` (root only); unmounted whatever happens."""
    target.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs", str(target)],
                          capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def remount_read_only(target: Path) -> None:
    proc = subprocess.run(["mount", "-o", "remount,ro", str(target)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot remount read-only: {proc.stderr.decode().strip()}")


# -- big and odd files -----------------------------------------------------------------


def test_a_50_mb_file_is_refused_quickly_without_damage(tmp_path):
    """Far larger than any real Dockerfile: refused by size before it is parsed."""
    f = tmp_path / "Dockerfile"
    line = b"RUN echo " + b"x" * 70 + b"\n"
    data = b"FROM debian\n" + line * (50 * 1024 * 1024 // len(line))
    f.write_bytes(data)
    t0 = time.perf_counter()
    code, out, err = cli(["--in-place", f], cwd=tmp_path, timeout=300)
    elapsed = time.perf_counter() - t0
    assert code == FAILED, err
    assert_one_line_error(err, str(f), "too large")
    assert f.read_bytes() == data
    assert leftovers(tmp_path) == []
    print(f"50 MB file refused in {elapsed:.2f} s")
    # the same bytes on stdin: read up to the limit only, then refused
    code, out, err = cli(["-"], cwd=tmp_path, stdin=data, timeout=300)
    assert code == FAILED and out == b""
    assert_one_line_error(err, "<stdin>", "too large")


def test_a_file_that_grows_after_the_size_check_is_not_read_truncated(tmp_path, monkeypatch):
    from dslim_rewrite import files

    f = tmp_path / "Dockerfile"
    f.write_bytes(SMALL + b"RUN x\n" * 10)
    monkeypatch.setattr(files, "MAX_BYTES", len(SMALL))
    real_stat = os.stat
    monkeypatch.setattr(files.os, "stat", lambda path, **kw: os.stat_result(
        (*real_stat(path, **kw)[:6], 1, *real_stat(path, **kw)[7:])))  # reports 1 byte
    with pytest.raises(files.FileError, match="too large"):
        files.read(f)


@pytest.mark.parametrize("size_hint", [0, 5, 6, 7, 100_000])
def test_reading_a_file_takes_all_of_it_whatever_size_it_had(tmp_path, size_hint):
    from dslim_rewrite import files

    f = tmp_path / "Dockerfile"
    for data in (b"", SMALL, SMALL * 5000):
        f.write_bytes(data)
        fd = os.open(f, os.O_RDONLY)
        try:
            assert files._read_fd(fd, size_hint) == data
        finally:
            os.close(fd)


def test_a_line_over_65535_characters_is_refused(tmp_path):
    f = tmp_path / "Dockerfile"
    data = b"FROM debian\nRUN echo " + b"x" * 70000 + b"\n"
    f.write_bytes(data)
    code, _, err = cli(["--in-place", "Dockerfile"], cwd=tmp_path)
    assert code == FAILED
    assert_one_line_error(err, "Dockerfile", "65535")
    assert f.read_bytes() == data


def test_thousands_of_instructions(tmp_path):
    """3000 RUNs: processed, output accepted (the conflict checks were quadratic)."""
    f = tmp_path / "Dockerfile"
    data = b"FROM debian:bookworm\n" + b"".join(b"RUN apt-get install -y pkg%d\n" % i for i in range(3000))
    f.write_bytes(data)
    code, _, err = cli(["--in-place", "-q", "Dockerfile"], cwd=tmp_path, timeout=600)
    assert code == 0, err[-2000:]
    out = f.read_bytes()
    assert out == rewritten(data)
    assert leftovers(tmp_path) == []


def test_one_run_of_thousands_of_commands(tmp_path):
    """The shell analysis walked the tree recursively: past ~1000 `&&`-joined
    commands the CLI died with RecursionError."""
    f = tmp_path / "Dockerfile"
    data = b"FROM debian:bookworm\nRUN " + b" && ".join(b"echo %d" % i for i in range(3000)) + b"\n"
    f.write_bytes(data)
    code, _, err = cli(["--check", "Dockerfile"], cwd=tmp_path, timeout=600)
    assert code in (0, 1) and "Traceback" not in err, err[-2000:]
    assert f.read_bytes() == data


def test_invalid_utf8(tmp_path):
    f = tmp_path / "Dockerfile"
    data = b"FROM debian\nRUN echo \xc3\x28 \xed\xa0\x80\n"
    f.write_bytes(data)
    code, _, err = cli(["--in-place", "Dockerfile"], cwd=tmp_path)
    assert code == FAILED
    assert_one_line_error(err, "Dockerfile", "UTF-8")
    assert f.read_bytes() == data


# -- symlinks, FIFOs, folders ------------------------------------------------------------


def test_symlink_to_a_file_rewrites_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.Dockerfile"
    real.write_bytes(SMALL)
    link = tmp_path / "Dockerfile"
    link.symlink_to(real.name)
    code, _, err = cli(["--in-place", "Dockerfile"], cwd=tmp_path)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_bytes() == rewritten(SMALL)
    assert leftovers(tmp_path) == []


def test_symlink_to_a_directory_is_a_folder_of_dockerfiles(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "Dockerfile").write_bytes(SMALL)
    (tmp_path / "link").symlink_to("real", target_is_directory=True)
    code, _, err = cli(["--check", "link"], cwd=tmp_path)
    assert code == 1 and "Traceback" not in err
    code, out, err = cli(["link"], cwd=tmp_path)  # a folder of one file without a mode: to stdout
    assert code == 0 and out == rewritten(SMALL) and "Traceback" not in err
    code, _, err = cli(["--in-place", "link"], cwd=tmp_path)
    assert code == 0 and (tmp_path / "link").is_symlink()
    assert (tmp_path / "real" / "Dockerfile").read_bytes() == rewritten(SMALL)
    assert leftovers(tmp_path / "real") == []


def test_dangling_symlink(tmp_path):
    (tmp_path / "Dockerfile").symlink_to("nowhere")
    code, _, err = cli(["--in-place", "Dockerfile"], cwd=tmp_path)
    assert code == FAILED
    assert_one_line_error(err, "Dockerfile", "no such file")
    assert (tmp_path / "Dockerfile").is_symlink() and not (tmp_path / "nowhere").exists()


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "Dockerfile"
    os.mkfifo(fifo)
    for args in (["Dockerfile"], ["--check", "Dockerfile"], ["--in-place", "Dockerfile"],
                 ["Dockerfile", "-o", "out"], ["--check", "."]):
        # opening a FIFO for reading blocks until a writer comes: the timeout catches a hang
        code, _, err = cli(args, cwd=tmp_path, timeout=60)
        assert code == FAILED, (args, err)  # also when found by discovery
        assert_one_line_error(err, "Dockerfile", "not a regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert not (tmp_path / "out").exists()


def test_output_is_a_fifo_or_a_device(tmp_path):
    """Renaming over them would replace them: as root, `-o /dev/null` turned
    /dev/null into a regular file."""
    (tmp_path / "Dockerfile").write_bytes(SMALL)
    os.mkfifo(tmp_path / "pipe")
    code, _, err = cli(["Dockerfile", "-o", "pipe"], cwd=tmp_path, timeout=60)
    assert code == FAILED
    assert_one_line_error(err, "Dockerfile", "pipe: not a regular file")
    assert stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)  # not replaced by a regular file
    if os.geteuid() == 0 and subprocess.run(["mknod", str(tmp_path / "null"), "c", "1", "3"]).returncode == 0:
        (tmp_path / "null-link").symlink_to("null")
        for target in ("null", "null-link"):
            code, _, err = cli(["Dockerfile", "-o", target], cwd=tmp_path, timeout=60)
            assert code == FAILED
            assert_one_line_error(err, "Dockerfile", "not a regular file")
            assert stat.S_ISCHR((tmp_path / "null").lstat().st_mode)
    assert leftovers(tmp_path) == []


# -- places that cannot be written -----------------------------------------------------------


def _chattr(path: Path, flag: str) -> bool:
    return shutil.which("chattr") is not None and subprocess.run(
        ["chattr", flag, str(path)], capture_output=True).returncode == 0


def test_immutable_file(tmp_path):
    """Root ignores file modes; an immutable file cannot be replaced even by root."""
    f = tmp_path / "Dockerfile"
    f.write_bytes(SMALL)
    if os.geteuid() != 0 or not _chattr(f, "+i"):
        pytest.skip("needs root and chattr +i on this file system")
    try:
        code, _, err = cli(["--in-place", "Dockerfile"], cwd=tmp_path)
    finally:
        _chattr(f, "-i")
    assert code == FAILED
    assert_one_line_error(err, "Dockerfile", "cannot write")
    assert f.read_bytes() == SMALL
    assert leftovers(tmp_path) == []


def test_unreadable_file(tmp_path):
    prefix = mode_respecting_prefix()
    if prefix is None:
        pytest.skip("running as root without setpriv: file modes do not stop reading")
    f = tmp_path / "Dockerfile"
    f.write_bytes(SMALL)
    os.chmod(f, 0)
    try:
        code, _, err = cli(["--check", "Dockerfile"], cwd=tmp_path, prefix=prefix)
        assert code == FAILED
        assert_one_line_error(err, "Dockerfile", "permission")
        # and in place: the file is neither replaced nor has a neighbour left
        code, _, err = cli(["--in-place", "Dockerfile"], cwd=tmp_path, prefix=prefix)
        assert code == FAILED
        assert_one_line_error(err, "Dockerfile", "permission")
        assert [p.name for p in tmp_path.iterdir()] == ["Dockerfile"]
    finally:
        os.chmod(f, 0o644)
    assert f.read_bytes() == SMALL


def test_read_only_file_system_in_place(tmp_path):
    with mounted(tmp_path / "ro") as ro:
        (ro / "Dockerfile").write_bytes(SMALL)
        remount_read_only(ro)
        code, _, err = cli(["--in-place", "Dockerfile"], cwd=ro)
        assert code == FAILED
        assert_one_line_error(err, "Dockerfile", "read-only")
        assert (ro / "Dockerfile").read_bytes() == SMALL
        assert leftovers(ro) == []


def test_read_only_output_folder(tmp_path):
    (tmp_path / "Dockerfile").write_bytes(SMALL)
    with mounted(tmp_path / "ro") as ro:
        remount_read_only(ro)
        code, _, err = cli(["Dockerfile", "-o", ro / "Dockerfile.new"], cwd=tmp_path)
        assert code == FAILED
        assert_one_line_error(err, "Dockerfile", "read-only")
        assert list(ro.iterdir()) == []
    assert (tmp_path / "Dockerfile").read_bytes() == SMALL


def test_full_disk(tmp_path):
    """The rewrite cannot be stored: the original stays whole and no temp file stays."""
    with mounted(tmp_path / "full", size="64k") as full:
        f = full / "Dockerfile"
        data = b"FROM debian:bookworm\n" + b"RUN apt-get install -y curl\n" * 300  # ~8 KB
        data += b"RUN apt-get install curl\n"
        f.write_bytes(data)
        filler = full / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # fill every block left
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        code, _, err = cli(["--in-place", "Dockerfile"], cwd=full)
        assert code == FAILED, err
        assert_one_line_error(err, "Dockerfile", "cannot write")
        assert f.read_bytes() == data
        assert sorted(p.name for p in full.iterdir()) == ["Dockerfile", "filler"]


def test_two_processes_rewriting_the_same_file(tmp_path):
    """Each writes a whole file with one rename: the result is one of the two
    outputs, never a mix, and no temp file is left."""
    f = tmp_path / "Dockerfile"
    base = b"FROM debian:bookworm\n" + b"".join(
        b"RUN apt-get update && apt-get install curl%d\n" % i for i in range(200))
    outputs = {rewritten(base), rewritten(base, unsafe=True)}
    assert len(outputs) == 2
    cmd = [sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())", "--in-place", "-q"]
    for _ in range(5):
        f.write_bytes(base)
        procs = [subprocess.Popen([*cmd, "Dockerfile", *extra], cwd=tmp_path, stderr=subprocess.PIPE)
                 for extra in ([], ["--unsafe-fixes"])]
        errs = [p.communicate(timeout=300)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0, 0], errs
        assert f.read_bytes() in outputs
        assert leftovers(tmp_path) == []


# -- security -------------------------------------------------------------------------------

TEMPLATE_TEXT = (
    b"FROM debian:bookworm\n"
    b"LABEL note=\"{{ 7*7 }}\" other=\"{% if true %}yes{% endif %}\"\n"
    b"RUN apt-get update && apt-get install curl && echo '{{ 7*7 }}' > /a && echo \"{%raw%}\" > /b\n"
    b"# {{ config }} {% for x in range(3) %}{{ x }}{% endfor %}\n"
    b"RUN echo {{7*7}} && echo ${A:-{{x}}}\n"
    b"CMD [\"sh\", \"-c\", \"echo {{ 7*7 }} {# c #}\"]\n"
)


def test_template_syntax_in_a_dockerfile_comes_out_literally(tmp_path):
    f = tmp_path / "Dockerfile"
    f.write_bytes(TEMPLATE_TEXT)
    code, out, err = cli(["Dockerfile", "--unsafe-fixes"], cwd=tmp_path)
    assert code == 0, err
    assert out == rewritten(TEMPLATE_TEXT, unsafe=True) and out != TEMPLATE_TEXT
    assert b"49" not in out
    for piece in (b"{{ 7*7 }}", b"{% if true %}yes{% endif %}", b"{%raw%}", b"{{ config }}", b"{{7*7}}",
                  b"{# c #}", b"{% for x in range(3) %}{{ x }}{% endfor %}", b"${A:-{{x}}}"):
        assert piece in out, piece
    # the reports render templates: the text must come out there literally too
    for fmt_args in (["--check", "--format", "json"], ["--diff"]):
        code, out, err = cli(["Dockerfile", "--unsafe-fixes", *fmt_args], cwd=tmp_path)
        assert b"49" not in out and "Traceback" not in err


_SPAWNING_MODULES = {"subprocess", "os", "pty", "asyncio", "multiprocessing", "commands"}
_SPAWNING_FUNCTIONS = {"run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput",
                       "system", "popen", "spawnl", "spawnv", "spawnvp", "execv", "execve", "execvp", "execl",
                       "execlp", "posix_spawn", "posix_spawnp", "create_subprocess_exec",
                       "create_subprocess_shell", "spawn"}


def _process_calls(path: Path):
    """(line, call) for eval/exec/compile and every call that starts a process."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in ("eval", "exec", "compile", "__import__"):
            yield node.lineno, f.id
        elif isinstance(f, ast.Attribute) and f.attr in _SPAWNING_FUNCTIONS:
            base = f.value.id if isinstance(f.value, ast.Name) else ""
            if base in _SPAWNING_MODULES:
                yield node.lineno, f"{base}.{f.attr}"
        elif isinstance(f, ast.Name) and f.id in _SPAWNING_FUNCTIONS - {"run", "call", "spawn"}:
            yield node.lineno, f.id  # imported bare, e.g. `from subprocess import Popen`


def test_no_code_path_executes_dockerfile_text():
    """Processes are started only where a fixed program runs by design (git in
    gitops, docker for `verify` in engine), never with Dockerfile text as the
    program or through a shell; no eval/exec anywhere but the one that
    compiles a record class's ``__init__`` from its field names (checked to be
    identifiers, see test_records)."""
    allowed_modules = {"gitops.py", "engine.py"}
    found = []
    for folder in (ROOT / "src" / "dslim_rewrite", ROOT / "transforms"):
        for path in sorted(folder.rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            for line, name in _process_calls(path):
                if path.name in allowed_modules and name.startswith("subprocess."):
                    continue
                if path.name == "records.py" and name == "exec":
                    continue
                found.append(f"{path.relative_to(ROOT)}:{line}: {name}")
            if re.search(r"shell\s*=\s*True", text):
                found.append(f"{path.relative_to(ROOT)}: shell=True")
    assert found == []


def test_templates_never_render_dockerfile_text_as_a_template():
    """jinja2 ``Template(...)``/``from_string(...)`` must only get the package's
    own template files, never text built from a Dockerfile."""
    found = []
    for folder in (ROOT / "src" / "dslim_rewrite", ROOT / "transforms"):
        for path in sorted(folder.rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            for m in re.finditer(r"\b(from_string|Template)\s*\(", text):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}")
    assert found == [], "templates built from strings: check none holds Dockerfile text"


def test_nothing_is_written_outside_the_paths_asked_for(tmp_path):
    work = tmp_path / "work"
    src = tmp_path / "src"
    dst = tmp_path / "dst"
    for d in (work, src, dst):
        d.mkdir()
    (src / "Dockerfile").write_bytes(SMALL)

    def snapshot():
        return {str(p.relative_to(tmp_path)): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None)
                for p in tmp_path.rglob("*")}

    before = snapshot()
    code, _, err = cli([src / "Dockerfile", "-o", dst / "Dockerfile.new", "--unsafe-fixes"], cwd=work)
    assert code == 0, err
    after = snapshot()
    assert set(after) - set(before) == {"dst/Dockerfile.new"}
    assert {k: v for k, v in after.items() if k in before and k != "dst"} == \
           {k: v for k, v in before.items() if k != "dst"}
    for mode in (["--check"], ["--diff"], ["--check", "--format", "json"]):
        before = snapshot()
        cli([*mode, src / "Dockerfile"], cwd=work)
        assert snapshot() == before, mode


# -- engine regressions found with these files ----------------------------------------------


def test_regression_a_run_of_thousands_of_commands_does_not_hit_the_recursion_limit():
    body = b" && ".join(b"echo %d" % i for i in range(5000))
    script = shell.parse_shell(body)
    assert len(script.commands) == 5000
    assert len(script.top_items) == 5000 and script.top_operators == ["&&"] * 4999


def test_regression_a_crashing_transform_fails_the_file_not_the_run(monkeypatch):
    class Boom(Transform):
        code, name = "DSL999", "boom"

        def check(self, ctx):
            raise IndexError("list index out of range\nsecond line")

    monkeypatch.setattr(chain, "running_transforms", lambda options: [Boom])
    with pytest.raises(RewriteError, match=r"^internal error in DSL999: IndexError: list index out of range$"):
        rewrite(SMALL)


def test_regression_conflict_checks_are_not_quadratic(monkeypatch):
    """One fix with thousands of edits and thousands of one-edit fixes: the
    conflict checks look at neighbours only (counted, not timed)."""
    n = 3000
    data = b"FROM a\n" + b"".join(b"RUN x%04d\n" % i for i in range(n))
    doc = document.parse(data)

    class Many(Transform):
        code, name = "DSL998", "many"

        def check(self, ctx):
            ins = ctx.doc.instructions[1:]
            if b"y" in ctx.doc.data:
                return
            yield self.fix(ctx, "one big fix", [i.index for i in ins[: n // 2]],
                           [Edit(i.start + 4, i.start + 5, b"y") for i in ins[: n // 2]])
            for i in ins[n // 2:]:
                yield self.fix(ctx, "small", i.index, [Edit(i.start + 4, i.start + 5, b"y")])
            yield self.fix(ctx, "conflicts with the first", ins[0].index, [Edit(ins[0].start + 4, ins[0].start + 6, b"z")])

    calls = {"n": 0}
    real = Edit.conflicts

    def counting(self, other):
        calls["n"] += 1
        return real(self, other)

    monkeypatch.setattr(chain, "running_transforms", lambda options: [Many])
    monkeypatch.setattr(Edit, "conflicts", counting)
    out = rewrite(data, validate=False).output
    assert out.count(b"RUN y") == n
    assert calls["n"] < 20 * n, calls["n"]  # every pair would be ~n*n/2 = 4.5 million
    assert doc.line_of(len(data) - 1) == n + 1


def test_regression_file_offset_and_line_of_do_not_rebuild_their_index():
    data = b"FROM a\nRUN " + b" \\\n  ".join(b"x%d" % i for i in range(2000)) + b"\n"
    doc = document.parse(data)
    ins = doc.instructions[1]
    assert len(ins.pieces) == 2000
    ins.file_offset(5)
    starts = ins.piece_starts
    assert [ins.file_offset(j) for j in (0, 4, len(ins.text) - 1)] == [ins.start, ins.start + 4, ins.end - 1]
    assert ins.piece_starts is starts  # built once
    assert doc.line_of(ins.end) == 2001


def test_the_process_call_scan_finds_what_it_looks_for(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import subprocess, os\nfrom subprocess import Popen\n"
                     "subprocess.run(text)\nos.system(text)\neval(text)\nPopen(text)\nengine.run(x)\npool.run(y)\n")
    assert [name for _, name in _process_calls(probe)] == ["subprocess.run", "os.system", "eval", "Popen"]
