"""The few git operations ``migrate`` needs, through the ``git`` command.

Nothing here pushes, fetches or rewrites history: it reads the worktree's
state, asks which paths ``.gitignore`` excludes, lists tracked files, and
makes one branch with one commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


class GitError(Exception):
    """A git command failed; the message says which and why."""


def _git(args: list[str], cwd: Path, *, input: bytes | None = None, ok=(0,)) -> subprocess.CompletedProcess:
    exe = shutil.which("git")
    if exe is None:
        raise GitError("git is not installed")
    env = dict(os.environ)
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    env["LC_ALL"] = "C"  # messages we show are git's own, in English
    proc = subprocess.run([exe, *args], cwd=cwd, input=input, capture_output=True, env=env)
    if proc.returncode not in ok:
        msg = proc.stderr.decode("utf-8", "replace").strip() or f"exit code {proc.returncode}"
        raise GitError(f"git {args[0]}: {msg}")
    return proc


def toplevel(path: Path) -> Path | None:
    """The worktree that contains ``path`` (a folder), or None when it is in none
    (or git is missing, or refuses the folder, e.g. for its ownership)."""
    try:
        proc = _git(["rev-parse", "--show-toplevel"], path)
    except (GitError, OSError):
        return None
    out = proc.stdout.decode("utf-8", "surrogateescape").strip()
    return Path(out) if out else None


def ignored(top: Path, rel_paths: list[str]) -> set[str]:
    """Which of ``rel_paths`` (relative to ``top``) ``.gitignore`` and friends
    exclude. Tracked files are never reported: git keeps them whatever the
    ignore files say."""
    if not rel_paths:
        return set()
    data = b"".join(p.encode("utf-8", "surrogateescape") + b"\0" for p in rel_paths)
    # exit code 1: none of them is ignored
    proc = _git(["check-ignore", "--stdin", "-z"], top, input=data, ok=(0, 1))
    return {p.decode("utf-8", "surrogateescape") for p in proc.stdout.split(b"\0") if p}


def tracked(top: Path) -> list[str]:
    """Every path in the index, relative to ``top``."""
    proc = _git(["ls-files", "-z"], top)
    return [p.decode("utf-8", "surrogateescape") for p in proc.stdout.split(b"\0") if p]


def dirty(top: Path) -> list[str]:
    """``git status --porcelain`` lines: changed, staged or untracked paths."""
    proc = _git(["status", "--porcelain", "-z"], top)
    return [p.decode("utf-8", "replace") for p in proc.stdout.split(b"\0") if p]


def check_branch_name(top: Path, name: str) -> str | None:
    """Why ``name`` cannot be a new branch here, or None when it can."""
    try:
        _git(["check-ref-format", "--branch", name], top)
    except GitError:
        return f"{name!r} is not a valid branch name"
    proc = _git(["rev-parse", "--verify", "--quiet", f"refs/heads/{name}"], top, ok=(0, 1))
    if proc.returncode == 0:
        return f"branch {name!r} already exists"
    return None


def commit_on_new_branch(top: Path, name: str, paths: list[str], message: str) -> str:
    """Create branch ``name`` at HEAD with the worktree as it is, stage
    ``paths`` (relative to ``top``) and commit them. Returns the new commit id."""
    _git(["checkout", "-q", "-b", name], top)
    _git(["add", "--", *paths], top)
    _git(["commit", "-q", "-F", "-", "--", *paths], top, input=message.encode("utf-8"))
    return _git(["rev-parse", "HEAD"], top).stdout.decode().strip()
