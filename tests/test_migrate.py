"""``dslim-rewrite migrate``: discovery, parallel work, dry runs, git, interruption.

Every test drives the real command in a subprocess, on temporary folders and
temporary git repositories.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from privileges import mode_respecting_prefix

OLD = b"FROM debian:bookworm\nRUN apt-get install curl\n"
NEW = b"FROM debian:bookworm\nRUN apt-get install -y curl\n"
CLEAN = b"FROM debian:bookworm\nRUN echo hi\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
CMD = [sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())", "migrate"]

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def migrate(*args, cwd=None, env=None, prefix=()):
    proc = subprocess.run([*prefix, *CMD, *map(str, args)], cwd=cwd, capture_output=True, timeout=300,
                          env={**os.environ, **GIT_ENV, **(env or {})})
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def git(repo: Path, *args) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, env={**os.environ, **GIT_ENV})
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


def write(root: Path, rel: str, data: bytes) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def make_repo(root: Path) -> Path:
    """A repository with Dockerfiles everywhere discovery must and must not look."""
    write(root, "Dockerfile", OLD)
    write(root, "services/api/Dockerfile.prod", OLD)
    write(root, "services/api/worker.Dockerfile", OLD)
    write(root, "services/web/web.dockerfile", OLD)
    write(root, "deep/a/b/c/d/Containerfile", OLD)
    write(root, "services/clean/Dockerfile", CLEAN)
    # vendored trees and tools' folders: never looked at
    for rel in ("vendor/lib/Dockerfile", "third_party/x/Dockerfile", "node_modules/pkg/Dockerfile",
                "src/_vendor/y/Dockerfile", ".venv/lib/Dockerfile", ".tox/py/Dockerfile"):
        write(root, rel, OLD)
    write(root, "envs/py311/pyvenv.cfg", b"home = /usr/bin\n")  # a virtualenv by its marker
    write(root, "envs/py311/Dockerfile", OLD)
    # ignored by .gitignore (a folder and a name), and one tracked file matching an ignore rule
    write(root, ".gitignore", b"build/\n*.generated.Dockerfile\nDockerfile.keep\n")
    write(root, "build/out/Dockerfile", OLD)
    write(root, "x.generated.Dockerfile", OLD)
    write(root, "Dockerfile.keep", OLD)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "add", "-f", "Dockerfile.keep")
    git(root, "commit", "-qm", "init")
    return root


@needs_git
def test_discovery_and_rewrite_in_a_git_repository(tmp_path):
    repo = make_repo(tmp_path / "repo")
    code, out, err = migrate(repo, "--select", "DSL010", "-j", "2", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    seen = {Path(f["path"]).relative_to(repo).as_posix(): f["status"] for f in report["files"]}
    assert seen == {
        "Dockerfile": "changed", "services/api/Dockerfile.prod": "changed",
        "services/api/worker.Dockerfile": "changed", "services/web/web.dockerfile": "changed",
        "deep/a/b/c/d/Containerfile": "changed", "services/clean/Dockerfile": "unchanged",
        "Dockerfile.keep": "changed",  # tracked: .gitignore does not apply to it
    }
    assert report["summary"]["ignored_by_gitignore"] == 2
    for rel in seen:
        assert (repo / rel).read_bytes() == (CLEAN if "clean" in rel else NEW)
    for rel in ("vendor/lib/Dockerfile", "node_modules/pkg/Dockerfile", "envs/py311/Dockerfile",
                "build/out/Dockerfile", "x.generated.Dockerfile", ".venv/lib/Dockerfile"):
        assert (repo / rel).read_bytes() == OLD, rel
    assert not list(repo.rglob("*.dslim-tmp"))


def test_symlinks_binary_and_unreadable_files(tmp_path):
    root = tmp_path / "root"
    outside = write(tmp_path, "outside/Dockerfile", OLD)
    write(root, "app/Dockerfile", OLD)
    (root / "loop").symlink_to(root, target_is_directory=True)  # a loop back to ROOT
    (root / "app" / "again").symlink_to(root / "app", target_is_directory=True)
    (root / "escape").symlink_to(tmp_path / "outside", target_is_directory=True)  # a folder outside
    (root / "Dockerfile.outside").symlink_to(outside)  # a file outside
    (root / "Dockerfile.alias").symlink_to(root / "app" / "Dockerfile")  # same file twice
    (root / "Dockerfile.self").symlink_to("Dockerfile.self")  # a link to itself
    (root / "Dockerfile.dangling").symlink_to(root / "nope")
    write(root, "bin/Dockerfile", b"\x7fELF\x02\x01\x01\x00\x00\x00binary")
    write(root, "latin/Dockerfile", b"FROM debian\nLABEL a=\xe9\n")
    write(root, "huge/Dockerfile", b"FROM debian\n" + b"# padding\n" * 120_000)
    os.mkfifo(root / "Dockerfile.fifo")  # unreadable as a file: opening it would block
    (root / "dir" / "Dockerfile").mkdir(parents=True)  # a folder named Dockerfile
    write(root, "broken/Dockerfile", b"FROM debian\nRUN cat <<EOF\nno end\n")  # BuildKit refuses it

    code, out, err = migrate(root, "--select", "DSL010", "-j", "2", "--format", "json")
    report = json.loads(out)
    by = {Path(f["path"]).relative_to(root).as_posix(): f for f in report["files"]}
    assert by["app/Dockerfile"]["status"] == "changed"
    assert (root / "app" / "Dockerfile").read_bytes() == NEW
    assert outside.read_bytes() == OLD  # never followed out of ROOT
    assert "outside ROOT" in by["Dockerfile.outside"]["reason"]
    assert "loop" in by["Dockerfile.self"]["reason"] and by["Dockerfile.self"]["status"] == "skipped"
    assert by["Dockerfile.dangling"]["status"] == "skipped"
    assert "Dockerfile.alias" not in by  # the same file is processed once
    assert not any(k.startswith(("loop/", "escape/", "app/again/")) for k in by)
    assert by["bin/Dockerfile"]["status"] == "skipped" and "binary" in by["bin/Dockerfile"]["reason"]
    assert by["latin/Dockerfile"]["status"] == "skipped"
    assert by["huge/Dockerfile"]["status"] == "skipped" and "huge" in by["huge/Dockerfile"]["reason"]
    assert by["Dockerfile.fifo"]["status"] == "skipped" and "regular" in by["Dockerfile.fifo"]["reason"]
    assert not any(k.startswith("dir/") for k in by)
    assert by["broken/Dockerfile"]["status"] == "failed"
    assert code == 123  # a file failed, and the others were still done
    assert (root / "bin" / "Dockerfile").read_bytes().startswith(b"\x7fELF")


def test_unreadable_file_is_skipped(tmp_path):
    prefix = mode_respecting_prefix()
    if prefix is None:
        pytest.skip("running as root without setpriv: chmod 000 does not stop root from reading")
    p = write(tmp_path, "Dockerfile", OLD)
    write(tmp_path, "ok/Dockerfile", OLD)
    os.chmod(p, 0)
    try:
        code, out, _ = migrate(tmp_path, "--select", "DSL010", "--format", "json", prefix=prefix)
    finally:
        os.chmod(p, 0o644)
    by = {os.path.relpath(f["path"], tmp_path): f for f in json.loads(out)["files"]}
    assert by["Dockerfile"]["status"] == "skipped" and "unreadable" in by["Dockerfile"]["reason"]
    assert by[os.path.join("ok", "Dockerfile")]["status"] == "changed"  # the others are still done
    assert p.read_bytes() == OLD


def test_dry_run_prints_one_diff_that_applies_and_writes_nothing(tmp_path):
    root = tmp_path / "r"
    for i in range(5):
        write(root, f"s{i}/Dockerfile", OLD)
    write(root, "s9/Dockerfile", CLEAN)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    code, out, err = migrate(".", "--dry-run", "--select", "DSL010,DSL200", cwd=root)
    assert code == 1, err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in root.rglob("*") if p.is_file()) == ["Dockerfile"] * 6
    assert out.count("--- a/s") == 5 and out.count("+++ b/s0/.dockerignore") == 1
    assert "\x1b[" not in out and "\x1b[" not in err
    # the diff is one patch for the whole tree: git apply takes it as is
    if shutil.which("git"):
        copy = tmp_path / "copy"
        shutil.copytree(root, copy)
        (copy / "change.patch").write_text(out)
        subprocess.run(["git", "apply", "change.patch"], cwd=copy, check=True)
        (copy / "change.patch").unlink()
        code, _, _ = migrate(".", "--select", "DSL010,DSL200", cwd=root)
        assert code == 0
        assert {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()} == \
               {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}


def test_check_writes_nothing_and_exits_1(tmp_path):
    write(tmp_path, "Dockerfile", OLD)
    assert migrate(tmp_path, "--check", "--select", "DSL010")[0] == 1
    assert (tmp_path / "Dockerfile").read_bytes() == OLD
    (tmp_path / "Dockerfile").write_bytes(CLEAN)
    assert migrate(tmp_path, "--check", "--select", "DSL010")[0] == 0


def test_select_ignore_unsafe_and_config_like_the_single_file_command(tmp_path):
    write(tmp_path, "Dockerfile", OLD)
    assert migrate(tmp_path, "--ignore", "DSL010", "--ignore", "DSL200", "--check")[0] == 0
    assert migrate(tmp_path, "--select", "nope")[0] == 2
    write(tmp_path, ".dslim-rewrite.toml", b'ignore = ["DSL010", "DSL200"]\n')
    code, _, err = migrate(tmp_path, "--check")
    assert code == 0, err
    write(tmp_path, ".dslim-rewrite.toml", b'select = ["DSL010"]\n')
    assert migrate(tmp_path, "--check")[0] == 1
    write(tmp_path, ".dslim-rewrite.toml", b"bogus = 1\n")
    code, _, err = migrate(tmp_path, "--check")
    assert code == 2 and "unknown setting" in err


def test_one_and_two_jobs_give_the_same_result(tmp_path):
    corpus = sorted((Path(__file__).parent / "corpus").glob("*.Dockerfile"))[:60]
    if len(corpus) < 10:
        pytest.skip("the corpus is not there")
    trees = []
    for jobs in (1, 2):
        root = tmp_path / f"j{jobs}"
        for i, src in enumerate(corpus):
            write(root, f"d{i % 7}/{src.name}", src.read_bytes())
        code, out, err = migrate(root, "-j", jobs, "--format", "json", cwd=root)
        assert code in (0, 123), err
        trees.append({p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()})
        rows = sorted((Path(f["path"]).name, f["status"], json.dumps(f["changes"])) for f in json.loads(out)["files"])
        trees.append(rows)
    assert trees[0] == trees[2] and trees[1] == trees[3]


def test_plain_line_output_when_not_a_terminal(tmp_path):
    write(tmp_path, "a/Dockerfile", OLD)
    write(tmp_path, "b/Dockerfile", CLEAN)
    code, _, err = migrate(".", "--select", "DSL010", cwd=tmp_path)
    assert code == 0
    lines = err.splitlines()
    assert lines[0] == "a/Dockerfile: changed (1 fix(es): DSL010)"
    assert lines[-1].startswith("1 file(s) changed, 1 unchanged, 0 failed, 0 skipped")


def test_progress_bar_on_a_terminal(tmp_path):
    import pty

    for i in range(30):
        write(tmp_path, f"d{i}/Dockerfile", OLD)
    master, slave = pty.openpty()
    proc = subprocess.Popen([*CMD, ".", "--select", "DSL010", "-j", "2"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=slave, env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "\x1b[" in text and "━" in text  # rich drew its bar
    assert "30 file(s) changed" in text


@needs_git
def test_git_branch_one_commit_listing_rules_per_file(tmp_path):
    repo = tmp_path / "repo"
    write(repo, "api/Dockerfile", OLD)
    write(repo, "web/Dockerfile", CLEAN)
    git(repo, "init", "-q", "-b", "main")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(repo, "remote", "add", "origin", str(remote))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    code, _, err = migrate(".", "--git-branch", "slim", "--select", "DSL010,DSL200", cwd=repo)
    assert code == 0, err
    assert "committed on branch slim" in err and "nothing was pushed" in err
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "slim"
    assert git(repo, "rev-list", "--count", "main..slim").strip() == "1"
    msg = git(repo, "log", "-1", "--format=%B")
    assert "- api/Dockerfile: DSL010 apt-assume-yes" in msg
    assert "- api/.dockerignore: DSL200 dockerignore" in msg and "web/Dockerfile:" not in msg
    assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == \
           ["api/.dockerignore", "api/Dockerfile", "web/.dockerignore"]
    assert git(repo, "status", "--porcelain") == ""
    assert git(remote, "branch", "--list") == ""  # never pushed
    # the branch exists now: refused before anything is written
    git(repo, "checkout", "-q", "main")
    code, _, err = migrate(".", "--git-branch", "slim", cwd=repo)
    assert code == 2 and "already exists" in err
    assert (repo / "api" / "Dockerfile").read_bytes() == OLD


@needs_git
def test_git_branch_refuses_a_dirty_worktree(tmp_path):
    repo = tmp_path / "repo"
    write(repo, "Dockerfile", OLD)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    write(repo, "notes.txt", b"uncommitted\n")
    code, _, err = migrate(".", "--git-branch", "slim", cwd=repo)
    assert code == 2
    assert "uncommitted changes or untracked files" in err and "notes.txt" in err
    assert (repo / "Dockerfile").read_bytes() == OLD
    assert "slim" not in git(repo, "branch", "--list")
    code, _, err = migrate(".", "--git-branch", "slim", "--dry-run", cwd=repo)
    assert code == 2


def _tree(root: Path) -> dict:
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("whom", ["process group", "parent only"])
def test_interrupted_run_leaves_every_file_old_or_new(tmp_path, whom):
    """SIGINT mid-run (a terminal's Ctrl-C reaches the whole process group):
    every file is byte-identical to its old or its new content; no temp file."""
    root, full = tmp_path / "root", tmp_path / "full"
    corpus = sorted((Path(__file__).parent / "corpus").glob("*.Dockerfile"))
    n = 3000
    for i in range(n):
        body = corpus[i % len(corpus)].read_bytes() if corpus and i % 2 else OLD.replace(b"curl", b"curl%d" % i)
        write(root, f"d{i // 50}/s{i}/Dockerfile", body)
    shutil.copytree(root, full)
    old = _tree(root)
    # the new content of every file: the same migration, not interrupted
    code, _, err = migrate(full, "-j", "2", "-q")
    assert code in (0, 123), err
    new = _tree(full)

    proc = subprocess.Popen([*CMD, str(root), "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    changed = 0
    deadline = time.time() + 120
    while changed < 150 and time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        changed += b": changed" in line
    if whom == "process group":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT)
    rest = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert code == 130, rest[-2000:]
    assert "interrupted" in rest
    after = _tree(root)
    temps = [p for p in after if p.name.endswith(".dslim-tmp")]
    assert temps == []
    n_old = n_new = 0
    for rel, data in after.items():
        assert data in (old.get(rel), new.get(rel)), rel
        n_old += data == old.get(rel) and data != new.get(rel)
        n_new += data == new.get(rel) and data != old.get(rel)
    for rel in new:
        if rel.name == ".dockerignore" and rel not in after:
            n_old += 1  # not planned yet: the old state (no file)
    assert n_new > 0 and n_old > 0, (n_new, n_old)  # it really stopped mid-run


def test_usage_errors(tmp_path):
    assert migrate(tmp_path / "missing")[0] == 2
    assert migrate(tmp_path, "--report", tmp_path / "r.txt")[0] == 2
    assert migrate(tmp_path, "--format", "xml")[0] == 2
    code, out, err = migrate("--help")
    assert code == 0 and "--dry-run" in out and "--git-branch" in out


def test_start_up_imports_stay_light(tmp_path):
    """A migrate run without reports, on a pipe, loads no jinja2, libcst, Docker client or rich progress."""
    write(tmp_path, "Dockerfile", OLD)
    probe = ("import sys, json; from dslim_rewrite.cli import main; code = main(sys.argv[1:]); "
             "sys.stderr.write('MODULES ' + json.dumps(sorted(sys.modules)) + '\\n')")
    proc = subprocess.run([sys.executable, "-c", probe, "migrate", str(tmp_path), "-j", "1", "--select", "DSL010"],
                          capture_output=True, timeout=120)
    line = [ln for ln in proc.stderr.decode().splitlines() if ln.startswith("MODULES ")][-1]
    mods = set(json.loads(line[len("MODULES "):]))
    assert "dslim_rewrite.migrate" in mods and (tmp_path / "Dockerfile").read_bytes() == NEW
    assert not [m for m in ("libcst", "jinja2", "docker", "rich.progress") if m in mods]


# -- pre-commit hooks -------------------------------------------------------------

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"


def _hooks() -> dict:
    yaml = pytest.importorskip("yaml")
    return {h["id"]: h for h in yaml.safe_load(HOOKS.read_text())}


def test_pre_commit_hooks_file():
    import re

    hooks = _hooks()
    assert set(hooks) == {"dslim-rewrite", "dslim-rewrite-check"}
    assert hooks["dslim-rewrite"]["entry"].startswith("dslim-rewrite --in-place")
    assert hooks["dslim-rewrite-check"]["entry"] == "dslim-rewrite --check"
    for h in hooks.values():
        files, exclude = re.compile(h["files"]), re.compile(h["exclude"])
        picked = lambda p: bool(files.search(p)) and not exclude.search(p)  # noqa: E731
        for p in ("Dockerfile", "a/b/Dockerfile", "Dockerfile.prod", "svc/api.Dockerfile", "x.dockerfile",
                  "Containerfile", "deploy/Containerfile.arm64"):
            assert picked(p), p
        for p in ("Dockerfile.dockerignore", "README.md", "Dockerfile.md", "notDockerfile", "src/dockerfile.py",
                  "Dockerfile~", "docker/compose.yaml", "Dockerfile.orig"):
            assert not picked(p), p
    try:
        from pre_commit.clientlib import load_manifest
    except ImportError:
        return
    assert [h["id"] for h in load_manifest(str(HOOKS))] == ["dslim-rewrite", "dslim-rewrite-check"]


@needs_git
def test_pre_commit_runs_the_hooks(tmp_path):
    """pre-commit itself, with the hooks' entries and file filters (as local
    system hooks: no environment to build)."""
    pytest.importorskip("pre_commit")
    yaml = pytest.importorskip("yaml")
    hooks = _hooks()
    repo = tmp_path / "repo"
    write(repo, "svc/Dockerfile", OLD)
    write(repo, "README.md", b"FROM x\n")
    local = []
    for h in hooks.values():
        local.append({**{k: h[k] for k in ("id", "name", "entry", "files", "exclude", "types")},
                      "language": "system"})
    write(repo, ".pre-commit-config.yaml", yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}).encode())
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
    run = lambda hook: subprocess.run([sys.executable, "-m", "pre_commit", "run", hook, "--all-files"],  # noqa: E731
                                      cwd=repo, capture_output=True, env=env, timeout=300)
    p = run("dslim-rewrite-check")
    assert p.returncode == 1, p.stdout.decode() + p.stderr.decode()
    assert (repo / "svc" / "Dockerfile").read_bytes() == OLD
    p = run("dslim-rewrite")
    assert p.returncode == 1  # files were modified: pre-commit stops the commit
    assert b"files were modified by this hook" in p.stdout
    assert (repo / "svc" / "Dockerfile").read_bytes() != OLD
    assert (repo / "README.md").read_bytes() == b"FROM x\n"
    git(repo, "add", "-A")
    assert run("dslim-rewrite-check").returncode == 0


def test_a_worker_that_crashes_fails_its_file_only(tmp_path):
    """A crash in native code kills a worker: the run goes on in a new pool,
    the file it died on is reported as failed, every other file is done."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\n"
        "if os.environ.get('DSLIM_TEST_CRASH'):\n"
        "    import dslim_rewrite.chain as chain\n"
        "    real = chain.rewrite\n"
        "    def rewrite(data, *a, **k):\n"
        "        if b'CRASH-HERE' in data:\n"
        "            os._exit(9)\n"
        "        return real(data, *a, **k)\n"
        "    chain.rewrite = rewrite\n")
    root = tmp_path / "root"
    for i in range(40):
        write(root, f"s{i:02d}/Dockerfile", OLD)
    write(root, "s17/Dockerfile", OLD + b"# CRASH-HERE\n")
    env = {"DSLIM_TEST_CRASH": "1", "PYTHONPATH": str(hook) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    code, out, err = migrate(root, "-j", "2", "--select", "DSL010", "--format", "json", env=env)
    assert code == 123, err
    by = {Path(f["path"]).parent.name: f for f in json.loads(out)["files"]}
    assert by["s17"]["status"] == "failed" and "crashed" in by["s17"]["reason"]
    assert (root / "s17" / "Dockerfile").read_bytes() == OLD + b"# CRASH-HERE\n"
    for i in range(40):
        if i != 17:
            assert by[f"s{i:02d}"]["status"] == "changed"
            assert (root / f"s{i:02d}" / "Dockerfile").read_bytes() == NEW
    assert not list(root.rglob("*.dslim-tmp"))
