"""DSL200 dockerignore (a repository-level transform: run by ``migrate``)."""

from __future__ import annotations

import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.patterns import LazyPattern
from dslim_rewrite.records import field, record
from dslim_rewrite.registry import register

MAX_IGNORE_BYTES = 1024 * 1024
MAX_WALK = 50_000  # files looked at per build context

# what a default pattern is, which decides the conditions it must meet
BYPRODUCT = "byproduct"  # caches programs regenerate
VCS = "vcs"
LOCAL = "local"  # host-only state: virtualenvs, environment files, keys
INSTALLED = "installed"  # node_modules: only when the Dockerfile installs them itself
BUILT = "built"  # build outputs: only when the Dockerfile builds them itself


@record(frozen=True)
class Default:
    pattern: str  # as written to .dockerignore
    kind: str
    why: str
    mention: str | None = None  # regex: the Dockerfile refers to it, so leave it alone
    only_if_present: bool = False  # a cache few projects have: not worth a line otherwise


DEFAULTS = (
    Default(".git", VCS, "git history: not needed to build, often the largest part of the context"),
    Default("**/__pycache__", BYPRODUCT, "Python bytecode caches, regenerated at run time"),
    Default("**/*.pyc", BYPRODUCT, "Python bytecode, regenerated at run time"),
    Default("**/.pytest_cache", BYPRODUCT, "test run cache", only_if_present=True),
    Default("**/.mypy_cache", BYPRODUCT, "type checker cache", only_if_present=True),
    Default("**/.ruff_cache", BYPRODUCT, "linter cache", only_if_present=True),
    Default(".tox", BYPRODUCT, "test virtualenvs", only_if_present=True),
    Default(".venv", LOCAL, "a virtualenv built for the host, not for the image", r"(?<![\w.-])\.venv(?![\w-])"),
    Default(".env", LOCAL, "local environment settings, often secrets", r"(?<![\w.-])\.env(?![\w-])"),
    Default("**/*.pem", LOCAL, "keys and certificates: secrets must not reach the image", r"\.pem\b"),
    Default("**/*.key", LOCAL, "private keys: secrets must not reach the image", r"\.key\b"),
    Default("**/id_rsa", LOCAL, "an SSH private key", r"\bid_rsa\b"),
    Default("**/id_ed25519", LOCAL, "an SSH private key", r"\bid_ed25519\b"),
    Default("**/node_modules", INSTALLED, "the Dockerfile installs the node packages itself"),
    Default("dist", BUILT, "the Dockerfile builds it itself"),
    Default("target", BUILT, "the Dockerfile builds it itself"),
)

# build configuration that reads the version from git (then .git must stay)
_VCS_VERSIONING = LazyPattern(
    rb"setuptools[_-]scm|hatch-vcs|versioneer|versioningit|dunamai|dynamic-versioning|vcs-versioning|"
    rb"git-versioning|\bpbr\b|gitpython|git-rev-sync|git-revision|"
    rb"\bgit\s+(describe|rev-parse|rev-list|log|show|tag)\b", re.I)
_VCS_CONFIG_FILES = ("pyproject.toml", "setup.cfg", "setup.py", "package.json", "build.gradle", "pom.xml",
                     "Cargo.toml", "Makefile", "build.sbt")
_SEP = LazyPattern(r"&&|\|\||[;|\n]")


def _node_install(cmd: list[str]) -> bool:
    for i, w in enumerate(cmd):
        base = w.rsplit("/", 1)[-1]
        if base in ("npm", "pnpm", "cnpm", "yarn", "bun"):
            rest = [x for x in cmd[i + 1:] if not x.startswith("-")]
            if any(x in ("-g", "--global") for x in cmd[i + 1:]) or (rest[:1] == ["global"]):
                return False
            if base == "yarn" and not rest:
                return True
            return bool(rest) and rest[0] in ("ci", "install", "i", "add")
    return False


def _builds(cmd: list[str], out: str) -> bool:
    text = " ".join(cmd)
    if out == "dist":
        return bool(re.search(r"\b(npm|pnpm|yarn|bun)\b.*\b(build)\b|python3?\s+-m\s+build\b|setup\.py\s+\S*(sdist|bdist)"
                              r"|\b(poetry|hatch|uv|pdm|flit)\s+build\b", text))
    if out == "target":
        return bool(re.search(r"\b(mvn|mvnw)\b.*\b(package|install|verify)\b|\bcargo\s+(build|install)\b", text))
    return False


class PlanError(Exception):
    """The .dockerignore cannot be planned (the message says why)."""


@record
class Plan:
    content: bytes | None  # the new .dockerignore, or None: leave it as it is
    current: bytes | None  # the existing one (None: there is none)
    added: list = field(default_factory=list)  # (line in the new file, message)
    skipped: list = field(default_factory=list)  # messages: why a default was not added
    context_bytes_saved: int = 0  # bytes of existing files the additions exclude
    walk_complete: bool = True


# -- .dockerignore patterns -----------------------------------------------------


def clean_pattern(p: str) -> str:
    """A pattern as BuildKit reads it: path cleaned, no leading ``/`` or ``./``."""
    p = p.strip().replace("\\", "/")
    parts: list[str] = []
    for seg in p.split("/"):
        if seg in ("", "."):
            continue
        if seg == ".." and parts:
            parts.pop()
            continue
        parts.append(seg)
    return "/".join(parts)


@lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern:
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            if pattern.startswith("**", i):
                i += 2
                if pattern.startswith("/", i):
                    i += 1
                    out.append("(?:.*/)?")
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:j]
                if body.startswith("^"):
                    body = "!" + body[1:]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
                i = j
        elif c == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("^" + "".join(out) + "$", re.S)


def matches(pattern: str, rel: str) -> bool:
    """Does ``pattern`` exclude ``rel``: the path itself or one of its folders?"""
    rx = _regex(clean_pattern(pattern))
    parts = rel.split("/")
    return any(rx.match("/".join(parts[:k])) for k in range(1, len(parts) + 1))


class IgnoreRules:
    """A .dockerignore's lines, applied as BuildKit does: the last matching line wins."""

    def __init__(self, lines: list[str]):
        self.rules: list[tuple[bool, str]] = []
        for line in lines:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            neg = s.startswith("!")
            pat = clean_pattern(s[1:] if neg else s)
            if pat:
                self.rules.append((neg, pat))

    def excluded(self, rel: str) -> bool:
        out = False
        for neg, pat in self.rules:
            if matches(pat, rel):
                out = not neg
        return out


def _overlap(a: str, b: str) -> bool:
    """Can one path segment match both globs (``*``, ``?``, ``[...]``)?"""
    a, b = _tokens(a), _tokens(b)
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(a) and j == len(b):
            r = True
        elif i < len(a) and a[i] == "*":
            r = go(i + 1, j) or (j < len(b) and go(i, j + 1))
        elif j < len(b) and b[j] == "*":
            r = go(i, j + 1) or (i < len(a) and go(i + 1, j))
        elif i < len(a) and j < len(b):
            r = (a[i] == "?" or b[j] == "?" or a[i] == b[j]) and go(i + 1, j + 1)
        else:
            r = False
        memo[key] = r
        return r

    return go(0, 0)


def _tokens(glob: str) -> list[str]:
    out = []
    i = 0
    while i < len(glob):
        c = glob[i]
        if c == "[":
            j = glob.find("]", i + 1)
            if j > 0:
                out.append("?")  # a class: some single character
                i = j + 1
                continue
        if c == "\\" and i + 1 < len(glob):
            out.append(glob[i + 1])
            i += 2
            continue
        if c == "*":
            if not out or out[-1] != "*":
                out.append("*")
        else:
            out.append(c)
        i += 1
    return out


@lru_cache(maxsize=4096)
def could_exclude(pattern: str, source: str) -> bool:
    """Could ``pattern`` exclude ``source`` (a COPY source, maybe a glob) or a
    folder above it? Globs on both sides: True when some path fits both."""
    pat = clean_pattern(pattern)
    src = [s if s != "**" else "*" for s in clean_pattern(source).split("/") if s]
    if not src:
        return False
    if pat.startswith("**/"):
        seg = pat[3:]
        if "/" in seg:
            return True  # not one of ours; be careful
        return any(_overlap(seg, s) for s in src)
    if "/" in pat:
        return True
    return _overlap(pat, src[0])


# -- what the Dockerfiles take from the context ----------------------------------

_VAR = LazyPattern(r"\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)")


@record
class Usage:
    sources: set[str] = field(default_factory=set)  # cleaned, "" = the whole context
    broad_stages: set[int] = field(default_factory=set)  # stages copying the whole context
    producer_stages: dict[str, set[int]] = field(default_factory=dict)  # "node_modules"/"dist"/"target"
    text: str = ""  # every instruction's text, for mentions
    uses_git: bool = False
    parents: dict[int, int] = field(default_factory=dict)  # stage -> stage it is built FROM


def _source_of(raw: str) -> str:
    """A source as a cleaned glob; "" for the whole context (``.``, ``*``).
    A variable could hold anything, so it becomes a ``*`` that is *not* the
    whole context: it then collides with every pattern."""
    if "$" in raw:
        return clean_pattern(_VAR.sub("*", raw)) or "*"
    src = clean_pattern(raw)
    return "" if src == "*" else src


def usage(docs) -> list[Usage]:
    out = []
    for doc in docs:
        u = Usage()
        texts = []
        names = {}
        for st in doc.stages:
            if st.name:
                names[st.name.lower()] = st.index
            parent = names.get(st.base.lower())
            if parent is not None:
                u.parents[st.index] = parent
        for ins in doc.instructions:
            text = ins.text.decode("utf-8", "replace")
            texts.append(text)
            if ins.keyword == "ONBUILD":
                continue  # runs in another build, with another context
            if ins.keyword in ("COPY", "ADD") and not ins.flag("from"):
                values = list(ins.value)
                for raw in values[:-1]:
                    if raw.startswith("<<") or (ins.keyword == "ADD" and re.match(r"^[a-z][\w+.-]*://|^git@", raw)):
                        continue
                    src = _source_of(raw)
                    u.sources.add(src)
                    if src == "":
                        u.broad_stages.add(ins.stage)
            if ins.keyword == "RUN":
                for f in ins.flag("mount"):
                    opts = dict(kv.split("=", 1) if "=" in kv else (kv, "") for kv in (f.value or "").split(","))
                    if opts.get("type", "bind") == "bind" and "from" not in opts:
                        src = _source_of(opts.get("source", opts.get("src", "")))
                        u.sources.add(src)
                        if src == "":
                            u.broad_stages.add(ins.stage)
                body = ins.args.decode("utf-8", "replace") + "".join(h.content for h in ins.heredocs)
                for seg in _SEP.split(body):
                    cmd = seg.split()
                    if _node_install(cmd):
                        u.producer_stages.setdefault("node_modules", set()).add(ins.stage)
                    for out_dir in ("dist", "target"):
                        if _builds(cmd, out_dir):
                            u.producer_stages.setdefault(out_dir, set()).add(ins.stage)
        u.text = "\n".join(texts)
        u.uses_git = bool(re.search(r"(?<![\w.-])\.?git(?![\w-])", u.text))
        out.append(u)
    return out


def _stage_has(u: Usage, stage: int, what: str) -> bool:
    have = u.producer_stages.get(what, set())
    seen = set()
    while stage not in seen:
        seen.add(stage)
        if stage in have:
            return True
        if stage not in u.parents:
            return False
        stage = u.parents[stage]
    return False


# -- the context on disk ---------------------------------------------------------


def walk_context(folder: Path, limit: int = MAX_WALK) -> tuple[list[tuple[str, int]], bool]:
    """(relative path, size) of the files below ``folder`` without following
    folder symlinks, and whether the walk saw everything (``limit``)."""
    out: list[tuple[str, int]] = []
    base = str(folder)
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
        rel_dir = os.path.relpath(dirpath, base)
        for name in filenames:
            p = os.path.join(dirpath, name)
            try:
                size = os.lstat(p).st_size
            except OSError:
                size = 0
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            out.append((rel.replace(os.sep, "/"), size))
            if len(out) >= limit:
                return out, False
    return out, True


def _read_current(path: Path) -> bytes | None:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise PlanError(f"{path.name}: {e.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        raise PlanError(f"{path.name} is a symlink: not touched")
    if not stat.S_ISREG(st.st_mode):
        raise PlanError(f"{path.name} is not a regular file")
    if st.st_size > MAX_IGNORE_BYTES:
        raise PlanError(f"{path.name} is huge ({st.st_size} bytes): not touched")
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise PlanError(f"{path.name} is not UTF-8 text: not touched") from None
    if b"\0" in data:
        raise PlanError(f"{path.name} contains NUL bytes: not touched")
    return data


_ASK_GIT = object()


def tracked_in(folder: Path) -> list[str] | None:
    """Tracked paths below ``folder`` (relative to it), or None outside git."""
    from dslim_rewrite import gitops

    top = gitops.toplevel(folder)
    if top is None:
        return None
    try:
        paths = gitops.tracked(top)
    except gitops.GitError:
        return None
    rel = os.path.relpath(os.path.realpath(folder), os.path.realpath(top)).replace(os.sep, "/")
    if rel == ".":
        return paths
    return [p[len(rel) + 1:] for p in paths if p.startswith(rel + "/")]


@register
class Dockerignore(Transform):
    """## What it does
    Creates or extends the `.dockerignore` of each Dockerfile's build context
    (its folder) with patterns that keep the context small and secrets out:
    `.git`, Python caches (`**/__pycache__`, `**/*.pyc`, test and linter
    caches), `.venv`, `.env`, key files (`**/*.pem`, `**/*.key`, SSH keys),
    `**/node_modules` when the Dockerfile installs the node packages itself,
    and `dist`/`target` when it builds them itself. Existing lines are kept;
    new ones are appended under a comment. It runs from `dslim-rewrite
    migrate` (it works on the repository, not on the Dockerfile's text).

    ## Why is this bad?
    Without a `.dockerignore`, `COPY . .` sends and copies everything: the git
    history, the host's virtualenv or `node_modules` (built for another
    system, and overwriting what the image installed), caches, and local
    secrets such as `.env` or private keys, which then live in an image layer
    for anyone who pulls it.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    COPY . /app
    RUN pip install /app
    ```
    with no `.dockerignore` beside it.

    ## Use instead
    ```
    # Added by dslim-rewrite (DSL200): keep the build context small and secrets out of it.
    .git
    **/__pycache__
    **/*.pyc
    .venv
    .env
    ```

    ## Fix safety
    Safe: a pattern is added only when it cannot take away anything a build
    from the repository uses. Never a pattern that could match a COPY/ADD
    source or a `RUN --mount=type=bind` source (globs and `$VARIABLES`
    count as matching anything they could), nor one that a `!` line of the
    existing file would lose to, nor one matching a file tracked by git (it
    belongs to the repository), nor, outside git, one matching an existing
    file other than a cache. `.git` stays when a RUN uses git or the build
    configuration reads its version from git; `.venv`, `.env` and key
    patterns stay out when the Dockerfile names them; `node_modules`, `dist`
    and `target` only go in when every stage copying the whole context
    installs or builds them itself. `# dslim-rewrite global ignore=DSL200`
    in a Dockerfile leaves its context's `.dockerignore` alone.
    """

    code = "DSL200"
    name = "dockerignore"
    safety = Safety.SAFE
    file_level = True

    def check(self, ctx):
        return ()  # nothing to change in the Dockerfile itself

    def plan(self, dockerfile_path, doc) -> bytes | None:
        """The new .dockerignore for this Dockerfile's folder, or None."""
        return self.plan_details(Path(dockerfile_path), doc).content

    def plan_details(self, dockerfile_path: Path, doc, *, others=(), ignore_file: Path | None = None,
                     tracked=_ASK_GIT) -> Plan:
        """The plan for the context of ``dockerfile_path``, shared with the
        Dockerfiles ``others`` (parsed documents) when they use the same
        ignore file. ``tracked``: paths tracked by git relative to the
        context, None outside git, or left out to ask git."""
        from dslim_rewrite.pragmas import collect

        folder = Path(dockerfile_path).parent
        ignore_file = ignore_file or folder / ".dockerignore"
        current = _read_current(ignore_file)
        plan = Plan(None, current)
        docs = [doc, *others]
        for d in docs:
            if {"DSL200", "dockerignore", "ALL"} & collect(d).global_ignore:
                return plan
        if tracked is _ASK_GIT:
            tracked = tracked_in(folder)
        uses = usage(docs)
        text = (current or b"").decode("utf-8")
        lines = text.splitlines()
        rules = IgnoreRules(lines)
        existing = {p for _, p in rules.rules}
        negations = [p for neg, p in rules.rules if neg]
        files, complete = walk_context(folder)
        plan.walk_complete = complete
        config = b""
        top_level = {rel for rel, _ in files if "/" not in rel}
        for name in _VCS_CONFIG_FILES:
            if name in top_level:
                try:
                    with open(folder / name, "rb") as fh:
                        config += fh.read(MAX_IGNORE_BYTES)
                except OSError:
                    pass
        adds: list[Default] = []
        for d in DEFAULTS:
            why_not = self._why_not(d, uses, existing, negations, files, complete, tracked, config, folder)
            if why_not is None:
                adds.append(d)
            elif why_not:
                plan.skipped.append(f"`{d.pattern}` not added to {ignore_file.name}: {why_not}")
        if not adds:
            return plan
        nl = "\r\n" if text.count("\r\n") * 2 > text.count("\n") > 0 else "\n"
        out = text
        if out and not out.endswith("\n"):
            out += nl
        if out.strip():
            out += nl
        out += f"# Added by dslim-rewrite (DSL200): keep the build context small and secrets out of it.{nl}"
        first = out.count("\n") + 1
        for k, d in enumerate(adds):
            out += d.pattern + nl
            plan.added.append((first + k, f"exclude `{d.pattern}` from the build context: {d.why}"))
        plan.content = out.encode("utf-8")
        new_rules = IgnoreRules(out.splitlines())
        plan.context_bytes_saved = sum(size for rel, size in files
                                       if new_rules.excluded(rel) and not rules.excluded(rel))
        return plan

    @staticmethod
    def _why_not(d: Default, uses: list[Usage], existing, negations, files, complete, tracked, config,
                 folder) -> str | None:
        """None: add it. "" : not applicable (say nothing). Else the reason."""
        pat = clean_pattern(d.pattern)
        if pat in existing or "**/" + pat in existing:
            return ""  # already there
        if d.only_if_present and not any(matches(pat, rel) for rel, _ in files):
            return ""
        for u in uses:
            if d.kind in (INSTALLED, BUILT):
                what = pat.rsplit("/", 1)[-1]
                if not u.producer_stages.get(what):
                    return ""
                lacking = [s for s in u.broad_stages if not _stage_has(u, s, what)]
                if lacking:
                    return (f"a stage copies the whole context without "
                            f"{'installing' if d.kind == INSTALLED else 'building'} {what} itself")
            if d.mention and re.search(d.mention, u.text):
                return "the Dockerfile refers to it"
            if d.kind == VCS and u.uses_git:
                return "the Dockerfile uses git"
            for src in sorted(u.sources):
                if src and could_exclude(pat, src):
                    return f"it could exclude `{src}`, which the Dockerfile copies or mounts"
        for neg in negations:
            if could_exclude(pat, neg):
                return f"it would override the existing line `!{neg}`"
        if d.kind == VCS and _VCS_VERSIONING.search(config):
            return "the build configuration reads its version from git"
        if tracked is not None:
            hits = [t for t in tracked if matches(pat, t)]
            if hits:
                return f"it matches `{hits[0]}`, which is tracked by git"
        elif d.kind == LOCAL:
            if not complete:
                return "the build context is too large to inspect"
            hits = [rel for rel, _ in files if matches(pat, rel)]
            if hits:
                return f"`{hits[0]}` exists and this folder is not in git (nothing tells it is not meant to be copied)"
        # an explicit folder source holding matching files: it is copied on purpose
        if d.kind != BYPRODUCT:
            for u in uses:
                for src in u.sources:
                    if not src or any(c in src for c in "*?["):
                        continue
                    if not (folder / src).is_dir():
                        continue
                    if not complete:
                        return "the build context is too large to inspect"
                    inside = [rel for rel, _ in files if rel.startswith(src + "/") and matches(pat, rel)]
                    if inside:
                        return f"it would exclude `{inside[0]}`, inside `{src}` which the Dockerfile copies"
        return None
