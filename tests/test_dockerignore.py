"""DSL200: the .dockerignore plan, its golden cases, and its pattern matching.

A golden case is golden/DSL200-dockerignore/<case>/ with ``in.Dockerfile``,
an optional ``in.dockerignore`` (the existing file), ``out.dockerignore``
(absent: the plan must leave the file as it is) and an optional
``context.toml``: ``files`` are created in the build context (``contents``,
a table of path = text, creates files with that text), ``tracked``
(when present) are the files git tracks; without it the context is not in git.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from dslim_rewrite.chain import rewrite
from dslim_rewrite.context import Options
from dslim_rewrite.document import parse
from dslim_rewrite.transforms.dsl200_dockerignore import (
    DEFAULTS, Dockerignore, IgnoreRules, _overlap, could_exclude, matches, usage,
)

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "DSL200-dockerignore"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "in.Dockerfile").is_file())


def _context(case: Path, tmp: Path) -> list[str] | None:
    shutil.copyfile(case / "in.Dockerfile", tmp / "Dockerfile")
    if (case / "in.dockerignore").exists():
        shutil.copyfile(case / "in.dockerignore", tmp / ".dockerignore")
    spec = tomllib.loads((case / "context.toml").read_text()) if (case / "context.toml").exists() else {}
    contents = spec.get("contents", {})
    for rel in [*spec.get("files", []), *contents]:
        p = tmp / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(contents.get(rel, f"contents of {rel}\n").encode())
    return spec.get("tracked")


def test_cases_exist():
    assert len(CASES) >= 3
    assert any(not (c / "out.dockerignore").exists() for c in CASES)
    assert any(b"dslim-rewrite" in (c / "in.Dockerfile").read_bytes() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, tmp_path: Path, update_golden: bool):
    tracked = _context(case, tmp_path)
    before = (tmp_path / ".dockerignore").read_bytes() if (tmp_path / ".dockerignore").exists() else None
    doc = parse((tmp_path / "Dockerfile").read_bytes())
    plan = Dockerignore().plan_details(tmp_path / "Dockerfile", doc, tracked=tracked)
    expected_path = case / "out.dockerignore"
    if update_golden:
        if plan.content is not None:
            expected_path.write_bytes(plan.content)
        elif expected_path.exists():
            expected_path.unlink()
    if not expected_path.exists():
        assert plan.content is None
        return
    expected = expected_path.read_bytes()
    assert plan.content == expected
    # existing lines kept byte for byte
    if before:
        assert plan.content.startswith(before)
    # stable: planning again on the result adds nothing
    (tmp_path / ".dockerignore").write_bytes(plan.content)
    again = Dockerignore().plan_details(tmp_path / "Dockerfile", doc, tracked=tracked)
    assert again.content is None
    # the added lines are reported with their line numbers in the new file
    lines = plan.content.decode().splitlines()
    for line, msg in plan.added:
        pattern = re.search(r"`([^`]+)`", msg).group(1)
        assert lines[line - 1] == pattern


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_added_pattern_matches_a_copy_source(case: Path, tmp_path: Path):
    """The promise of the transform, checked independently of its own reasons:
    no added line excludes a file the Dockerfile names, or a tracked file."""
    tracked = _context(case, tmp_path)
    doc = parse((tmp_path / "Dockerfile").read_bytes())
    plan = Dockerignore().plan_details(tmp_path / "Dockerfile", doc, tracked=tracked)
    if plan.content is None:
        return
    added = [re.search(r"`([^`]+)`", m).group(1) for _, m in plan.added]
    rules = IgnoreRules(added)
    for src in usage([doc])[0].sources:
        if src and not any(c in src for c in "*?["):
            assert not rules.excluded(src), src
            for p in tmp_path.rglob("*"):
                rel = p.relative_to(tmp_path).as_posix()
                if rel.startswith(src + "/") and p.is_file():
                    assert not rules.excluded(rel), rel
    for rel in tracked or []:
        assert not rules.excluded(rel), rel


def test_the_dockerfile_chain_never_changes_the_dockerfile():
    for case in CASES:
        src = (case / "in.Dockerfile").read_bytes()
        assert rewrite(src, Options(select=frozenset({"DSL200"}))).output == src


def test_plan_returns_bytes_or_none(tmp_path: Path):
    (tmp_path / "Dockerfile").write_bytes(b"FROM scratch\nCOPY . /\n")
    doc = parse((tmp_path / "Dockerfile").read_bytes())
    out = Dockerignore().plan(tmp_path / "Dockerfile", doc)
    assert out.startswith(b"# Added by dslim-rewrite (DSL200)") and b"\n.git\n" in out
    (tmp_path / ".dockerignore").write_bytes(out)
    assert Dockerignore().plan(tmp_path / "Dockerfile", doc) is None


def test_existing_symlink_or_binary_ignore_file_is_not_touched(tmp_path: Path):
    from dslim_rewrite.transforms.dsl200_dockerignore import PlanError

    (tmp_path / "Dockerfile").write_bytes(b"FROM scratch\nCOPY . /\n")
    doc = parse(b"FROM scratch\nCOPY . /\n")
    (tmp_path / "real").write_bytes(b".git\n")
    (tmp_path / ".dockerignore").symlink_to(tmp_path / "real")
    with pytest.raises(PlanError, match="symlink"):
        Dockerignore().plan_details(tmp_path / "Dockerfile", doc, tracked=None)
    (tmp_path / ".dockerignore").unlink()
    (tmp_path / ".dockerignore").write_bytes(b"\xff\xfe.git\n")
    with pytest.raises(PlanError, match="UTF-8"):
        Dockerignore().plan_details(tmp_path / "Dockerfile", doc, tracked=None)


def test_dockerfile_specific_ignore_file_and_shared_context(tmp_path: Path):
    (tmp_path / "Dockerfile").write_bytes(b"FROM scratch\nCOPY . /\n")
    (tmp_path / "Dockerfile.tls").write_bytes(b"FROM scratch\nCOPY server.key /k\n")
    a, b = parse((tmp_path / "Dockerfile").read_bytes()), parse((tmp_path / "Dockerfile.tls").read_bytes())
    plan = Dockerignore().plan_details(tmp_path / "Dockerfile", a, others=[b], tracked=None)
    added = plan.content.decode().splitlines()
    assert "**/*.key" not in added and ".git" in added  # the other Dockerfile copies a key


def test_context_bytes_saved_counts_newly_excluded_files(tmp_path: Path):
    (tmp_path / "Dockerfile").write_bytes(b"FROM scratch\nCOPY . /\n")
    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "__pycache__" / "m.pyc").write_bytes(b"x" * 1000)
    (tmp_path / "pkg" / "m.py").write_bytes(b"y" * 50)
    doc = parse((tmp_path / "Dockerfile").read_bytes())
    plan = Dockerignore().plan_details(tmp_path / "Dockerfile", doc, tracked=["pkg/m.py", "Dockerfile"])
    assert plan.context_bytes_saved == 1000


def test_in_a_real_git_repository(tmp_path: Path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "Dockerfile").write_bytes(b"FROM scratch\nCOPY . /\n")
    (tmp_path / "svc" / "ca.pem").write_bytes(b"cert")
    (tmp_path / "svc" / "local.key").write_bytes(b"secret")
    subprocess.run(["git", "add", "svc/Dockerfile", "svc/ca.pem"], cwd=tmp_path, check=True)
    subprocess.run(["git", "commit", "-qm", "x"], cwd=tmp_path, check=True, env={**__import__("os").environ, **env})
    doc = parse(b"FROM scratch\nCOPY . /\n")
    plan = Dockerignore().plan_details(tmp_path / "svc" / "Dockerfile", doc)  # asks git itself
    lines = plan.content.decode().splitlines()
    assert "**/*.pem" not in lines  # ca.pem is tracked: part of the repository
    assert "**/*.key" in lines  # local.key is not


# -- the pattern layer ----------------------------------------------------------

@pytest.mark.parametrize("pattern,path,expected", [
    (".git", ".git/config", True),
    (".git", "sub/.git/config", False),
    ("**/__pycache__", "a/b/__pycache__/x.pyc", True),
    ("**/__pycache__", "__pycache__/x.pyc", True),
    ("**/*.pyc", "x.pyc", True),
    ("**/*.pyc", "a/x.pyc", True),
    ("*.pyc", "a/x.pyc", False),
    ("/.venv/", ".venv/bin/python", True),
    ("./dist", "dist/app.js", True),
    ("dist", "src/dist/app.js", False),
    ("**/node_modules", "packages/a/node_modules/x/i.js", True),
    ("docs/*.md", "docs/a.md", True),
    ("docs/*.md", "docs/sub/a.md", False),
    ("docs/**", "docs/sub/a.md", True),
    ("a?c", "abc", True),
    ("[ab]x", "bx", True),
    ("[!ab]x", "bx", False),
])
def test_matches(pattern, path, expected):
    assert matches(pattern, path) is expected


def test_last_matching_line_wins():
    rules = IgnoreRules(["*.md", "!README.md", "# c", "", "docs"])
    assert rules.excluded("CHANGES.md") and not rules.excluded("README.md") and rules.excluded("docs/x.txt")


@pytest.mark.parametrize("a,b,expected", [
    ("*.pem", "server.*", True),
    ("*.pem", "*.crt", False),
    (".env", "package*.json", False),
    (".git", "*", True),
    ("node_modules", "node_*", True),
    ("id_rsa", "id_rsa", True),
    ("id_rsa", "id_rsa.pub", False),
    ("*.key", "[abc].key", True),
    ("x?y", "xay", True),
])
def test_glob_overlap(a, b, expected):
    assert _overlap(a, b) is expected and _overlap(b, a) is expected


@pytest.mark.parametrize("pattern,source,expected", [
    (".env", ".env", True),
    (".env", "config/.env", False),
    ("**/*.key", "tls/server.key", True),
    ("**/*.key", "tls", False),
    ("dist", "dist/index.js", True),
    ("**/node_modules", "node_modules", True),
    (".git", "*", True),
    ("**/__pycache__", "src/*", True),
    ("**/*.pem", "*.json", False),
])
def test_could_exclude(pattern, source, expected):
    assert could_exclude(pattern, source) is expected


def test_every_default_is_a_clean_pattern():
    for d in DEFAULTS:
        assert d.pattern == d.pattern.strip() and not d.pattern.startswith(("/", "!"))


def _docker() -> str | None:
    exe = "/usr/bin/docker" if Path("/usr/bin/docker").exists() else shutil.which("docker")
    if not exe:
        return None
    try:
        ok = subprocess.run([exe, "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return None
    return exe if ok else None


@pytest.mark.e2e
def test_pattern_semantics_agree_with_buildkit(tmp_path):
    """BuildKit is the oracle: build FROM scratch with COPY . / and export the
    result; exactly the files our matcher keeps must arrive."""
    exe = _docker()
    if exe is None:
        pytest.skip("no Docker engine reachable (tests/e2e/engine.sh starts one)")
    ctx = tmp_path / "ctx"
    paths = [".git/config", "sub/.git/config", "a/__pycache__/x.cpython-312.pyc", "x.pyc", "deep/y/z.pyc",
             ".venv/bin/python", "sub/.venv/x", ".env", "sub/.env", ".env.example", "k.pem", "certs/a.pem",
             "certs/b.pem", "node_modules/m/i.js", "pkg/node_modules/m/i.js", "dist/a.js", "src/dist/b.js",
             "id_rsa", "keys/id_rsa", "id_rsa.pub", "keep.txt", "x.key", "docs/a.md", "docs/sub/b.md"]
    for rel in paths:
        write = ctx / rel
        write.parent.mkdir(parents=True, exist_ok=True)
        write.write_bytes(rel.encode())
    (ctx / "Dockerfile").write_bytes(b"FROM scratch\nCOPY . /\n")
    lines = [d.pattern for d in DEFAULTS] + ["docs/*.md", "!certs/a.pem", "# comment", ""]
    (ctx / ".dockerignore").write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    proc = subprocess.run([exe, "build", "--network=host", "-q", "-o", f"type=local,dest={out}", str(ctx)],
                          capture_output=True, env={**__import__("os").environ, "DOCKER_BUILDKIT": "1"}, timeout=300)
    if proc.returncode != 0:
        pytest.skip(f"the engine cannot build here: {proc.stderr.decode()[-300:]}")
    got = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    rules = IgnoreRules(lines)
    want = sorted(rel for rel in [*paths, "Dockerfile", ".dockerignore"] if not rules.excluded(rel))
    assert got == want
