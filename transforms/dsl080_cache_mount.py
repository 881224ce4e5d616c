"""DSL080 cache-mount."""

from __future__ import annotations

import re

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.patterns import LazyPattern
from dslim_rewrite.records import field, record
from dslim_rewrite.registry import register

DOCKER_CLEAN = "/etc/apt/apt.conf.d/docker-clean"
APT_TARGETS = ("/var/cache/apt", "/var/lib/apt/lists")
PIP_CACHE = "/root/.cache/pip"
NPM_CACHE = "/root/.npm"
YARN_CACHE = "/usr/local/share/.cache/yarn"
GO_BUILD_CACHE = "/root/.cache/go-build"

_APT_ACTIONS = {"update", "install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source",
                "download", "reinstall", "satisfy"}
_PIP_ACTIONS = {"install", "download", "wheel"}
_NPM_ACTIONS = {"install", "i", "ci", "add", "update", "up", "rebuild", "isntall", "in"}
_YARN_ACTIONS = {"", "install", "add", "upgrade"}
_GO_BUILD_ACTIONS = {"build", "install", "test", "run", "vet", "generate", "list"}
_GO_MOD_ACTIONS = _GO_BUILD_ACTIONS | {"mod", "get", "work"}
_CARGO_ACTIONS = {"build", "b", "install", "fetch", "test", "t", "run", "r", "check", "c", "doc", "d", "update",
                  "vendor", "generate-lockfile", "bench", "clippy", "rustc", "rustdoc", "fix", "tree", "metadata"}
# A `# syntax=` frontend older than 1.2 has no RUN --mount (1.0/1.1 outside the experimental channel).
_OLD_FRONTEND = LazyPattern(r"^(docker\.io/)?docker/dockerfile:1\.[01](\.\d+)?$")
_NPM_VALUE_OPTS = {"--cache", "--prefix", "-C", "--workspace", "-w", "--registry", "--tag", "--omit", "--include"}


@record(frozen=True)
class Mount:
    target: str
    locked: bool = False  # sharing=locked: apt takes its own locks in these folders

    def flag(self) -> str:
        return f"--mount=type=cache,target={self.target}" + (",sharing=locked" if self.locked else "")


def mount_targets(ins) -> list[str]:
    """Targets of every ``--mount`` of a RUN (any type)."""
    from dslim_rewrite.pkgmgr import mount_specs

    return [s["target"] for s in mount_specs(ins) if s.get("target")]


def has_cache_mount(ins, path: str) -> bool:
    """A ``--mount`` of the RUN already holds ``path`` (or lies inside it):
    a cache there must not be deleted, nor mounted again."""
    from dslim_rewrite.pkgmgr import path_covers

    return any(path_covers(t, path) or path_covers(path, t) for t in mount_targets(ins))


# -- what a RUN uses ----------------------------------------------------------------

@record
class RunUse:
    ins: object
    script: object
    invs: list
    apt: bool = False
    pip: bool = False
    npm: bool = False
    yarn: bool = False
    go_build: bool = False
    go_mod: bool = False
    cargo: bool = False
    apk_without_no_cache: bool = False


def _action(inv, value_opts=()):
    from dslim_rewrite.pkgmgr import subcommand

    w = subcommand(inv, value_opts)
    return w.text if w is not None else ""


def run_use(ctx, ins) -> RunUse | None:
    from dslim_rewrite.pkgmgr import apt_action, invocations
    from dslim_rewrite.shellcmd import has_option

    script = ctx.script(ins)
    if script is None:
        return None
    invs = invocations(script)
    use = RunUse(ins, script, invs)
    for v in invs:
        if apt_action(v) in _APT_ACTIONS:
            use.apt = True
        elif v.tool == "pip" and _action(v, {"-r", "--requirement", "-c", "--constraint"}) in _PIP_ACTIONS:
            use.pip = True
        elif v.tool == "npm" and _action(v, _NPM_VALUE_OPTS) in _NPM_ACTIONS:
            use.npm = True
        elif v.tool == "yarn" and _action(v, {"--cwd", "--cache-folder", "--modules-folder"}) in _YARN_ACTIONS:
            use.yarn = True
        elif v.tool == "go":
            act = _action(v, {"-C"})
            use.go_build |= act in _GO_BUILD_ACTIONS
            use.go_mod |= act in _GO_MOD_ACTIONS
        elif v.tool == "cargo" and _action(v, {"-Z", "--config", "-C"}) in _CARGO_ACTIONS:
            use.cargo = True
        elif v.tool == "apk" and _action(v, {"-X", "--repository", "-t", "--virtual", "-p", "--root"}) in \
                ("add", "upgrade") and not has_option(v, ("--no-cache",)):
            use.apk_without_no_cache = True
    return use


_TOOL_TEXT = {
    "apt": LazyPattern(r"(^|[\s/;&|(`'\"\[])(apt-get|apt|aptitude)(?=[\s;&|)`'\",\]]|$)"),
    "go": LazyPattern(r"(^|[\s/;&|(`'\"\[])go(?=[\s;&|)`'\",\]]|$)"),
    "cargo": LazyPattern(r"(^|[\s/;&|(`'\"\[])cargo(?=[\s;&|)`'\",\]]|$)"),
}


def _text(ins) -> str:
    target = ins.sub or ins
    out = target.text.decode("utf-8", "replace")
    for h in target.heredocs:
        out += "\n" + h.content
    return out


# -- stages that share files -------------------------------------------------------

def families(doc) -> list[list[int]]:
    """Stages joined by ``FROM <stage>``: what one of them leaves in its
    filesystem the others can see."""
    parent = list(range(len(doc.stages)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name = {s.name.lower(): s.index for s in doc.stages if s.name}
    for s in doc.stages:
        p = by_name.get(s.base.lower())
        if p is not None and p < s.index:
            parent[find(s.index)] = find(p)
    groups: dict[int, list[int]] = {}
    for s in doc.stages:
        groups.setdefault(find(s.index), []).append(s.index)
    return list(groups.values())


def _copied_from(doc, stages: list[int], paths: list[str]) -> object | None:
    """A COPY/ADD --from one of ``stages`` whose source overlaps ``paths``."""
    from dslim_rewrite.pkgmgr import path_covers

    names = {doc.stages[s].name.lower() for s in stages if doc.stages[s].name} | {str(s) for s in stages}
    for ins in doc.instructions:
        target = ins.sub or ins
        if target.keyword not in ("COPY", "ADD"):
            continue
        src = [f.value for f in target.flag("from") if f.value]
        if not src or src[0].lower() not in names:
            continue
        for v in list(target.value)[:-1]:
            if any(path_covers(v, p) or path_covers(p, v) for p in paths):
                return ins
    return None


def _copied_into(doc, stages: list[int], paths: list[str]) -> object | None:
    """A COPY/ADD of one of ``stages`` whose destination overlaps ``paths``
    (a mount there would hide what it put in the image)."""
    from dslim_rewrite.pkgmgr import path_covers

    for s in stages:
        for k in doc.stages[s].instructions:
            target = doc.instructions[k].sub or doc.instructions[k]
            if target.keyword not in ("COPY", "ADD") or not target.value:
                continue
            dest = target.value[-1]
            if any(path_covers(dest, p) or path_covers(p, dest) for p in paths):
                return doc.instructions[k]
    return None


# -- settings ------------------------------------------------------------------------

def _env_value(env: dict[str, str], name: str) -> str | None:
    v = env.get(name)
    if v is None:
        return None
    return v if v.startswith("/") and "$" not in v else ""


def _set_here(use: RunUse, *names: str) -> bool:
    """One of ``names`` appears in the body (``VAR=… cmd``, ``export``, an
    option, a config file written)."""
    rx = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return bool(rx.search(use.script.source.decode("utf-8", "replace")))


@record
class _Group:
    """RUNs that must all get a cache's mounts, or none of them."""

    name: str
    members: list[int]
    mounts: dict[int, list[Mount]] = field(default_factory=dict)


@register
class CacheMount(Transform):
    """## What it does
    With `--style cache-mount`, gives the RUNs that run a package manager a
    BuildKit cache mount on its cache, and drops the commands that only
    emptied that cache:

    | tool | mounted | also |
    |---|---|---|
    | apt | `/var/cache/apt`, `/var/lib/apt/lists` (`sharing=locked`) | `rm -f /etc/apt/apt.conf.d/docker-clean` once per stage lineage; `apt-get clean` and `rm -rf /var/lib/apt/lists/*` go |
    | pip | `/root/.cache/pip` | `--no-cache-dir` goes |
    | npm | `/root/.npm` | `npm cache clean --force` goes |
    | yarn (v1) | `/usr/local/share/.cache/yarn` | `yarn cache clean` goes |
    | go | `/root/.cache/go-build`, `/go/pkg/mod` (`$GOPATH/pkg/mod`) | |
    | cargo | `/usr/local/cargo/registry`, `/usr/local/cargo/git` (`$CARGO_HOME`) | |

    The Debian and Ubuntu images ship `/etc/apt/apt.conf.d/docker-clean`,
    which deletes every downloaded `.deb` after each dpkg run and disables
    apt's binary caches, because those images expect the cache to end up in
    the layer. With the cache on a mount it must go, or the mount stays
    empty. Only the package lists are mounted, not all of `/var/lib/apt`:
    `/var/lib/apt/extended_states` (which packages were installed
    automatically) belongs in the image, and a cache shared between builds
    of different images must not carry it from one to the other.

    ## Why is this bad?
    Deleting caches keeps them out of the image but makes every build
    download everything again. A cache mount keeps them out of the image too
    (the mount is not part of the layer) and reuses them across builds.

    ## Example
    ```dockerfile
    RUN apt-get update && apt-get install -y --no-install-recommends curl \\
        && rm -rf /var/lib/apt/lists/*
    RUN pip install --no-cache-dir -r requirements.txt
    ```

    ## Use instead
    ```dockerfile
    RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
        --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\
        rm -f /etc/apt/apt.conf.d/docker-clean \\
        && apt-get update && apt-get install -y --no-install-recommends curl
    RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
    ```

    ## Fix safety
    Safe once chosen: `RUN --mount` needs BuildKit (the legacy builder stops
    at it), so the transform only runs with `--style cache-mount`. It adds no
    `# syntax=` line: the Dockerfile frontend built into Docker 20.10 and
    later reads `RUN --mount`, and a `# syntax=` line makes every build pull
    a frontend image first (which fails offline). A `# syntax=` pinning a
    frontend older than 1.2 stops the transform.

    What the image holds does not change, except that the caches are no
    longer in it and `docker-clean` is gone: an image built `FROM` this one
    that runs apt without a cache mount keeps its downloaded `.deb` files.

    Where a cache's content is state rather than a cache, a mount would hide
    it from what comes next, so every RUN of the stages joined by `FROM`
    gets the mount or none does: apt lists (each RUN reading them must run
    `apt-get update` itself), Go modules and Cargo registries (no other RUN,
    CMD or ENTRYPOINT may use them, and no COPY may put files where the
    mount would hide them). A RUN as a user other than root, a cache moved
    by an environment variable (`PIP_CACHE_DIR`, `GOMODCACHE`, `CARGO_HOME`
    set to something else than a plain path, …), an `ONBUILD` trigger, or a
    `COPY --from` reading the cache also stops it, with a note. The folder a
    mount goes on is left in the image, empty, when it did not exist. apk is left alone: `apk add --no-cache` writes nothing to keep,
    apk caches packages only when `/etc/apk/cache` is set up in the image,
    and a mounted index could be hours old. Never mount a Cargo `target/`
    folder whose build output the image needs: the files would stay on the
    mount.
    """

    code = "DSL080"
    name = "cache-mount"
    safety = Safety.SAFE

    def check(self, ctx):
        if ctx.options.style != "cache-mount":
            return
        doc = ctx.doc
        syntax = doc.directives.get("syntax", "").strip()
        uses = {}
        for ins in doc.instructions:
            if (ins.sub or ins).keyword != "RUN":
                continue
            use = run_use(ctx, ins) if ins.sub is None else None
            uses[ins.index] = use
        if not any(uses.values()):
            return
        if _OLD_FRONTEND.match(syntax):
            first = next(i for i, u in uses.items() if u is not None)
            yield self.note(ctx, f"no cache mounts: `# syntax={syntax}` has no RUN --mount (1.2 or later has)", first)
            return

        # what each RUN gets, per manager
        per_run: dict[int, list[tuple[str, list[Mount]]]] = {}
        notes: list[tuple[int, str]] = []
        groups: list[_Group] = []
        for fam in families(doc):
            runs = [i for s in fam for i in doc.stages[s].instructions if (doc.instructions[i].sub or
                                                                          doc.instructions[i]).keyword == "RUN"]
            for name in ("apt", "go_mod", "cargo"):
                result = self._group(ctx, fam, runs, uses, name)
                if isinstance(result, _Group):
                    groups.append(result)
                elif result is not None:
                    notes.append(result)
        for index, use in uses.items():
            if use is None:
                continue
            ins = doc.instructions[index]
            got = self._single(ctx, ins, use, notes)
            if got:
                per_run[index] = got

        for index, msg in notes:
            yield self.note(ctx, msg, index)
        for group in groups:
            name, members, mounts = group.name, group.members, group.mounts
            edits = []
            touched = []
            dc_done: set[int] = set()
            for index in members:
                ins = doc.instructions[index]
                want = [m for m in mounts[index] if not has_cache_mount(ins, m.target)]
                docker_clean = name == "apt" and self._needs_docker_clean(ctx, ins, dc_done, members)
                if docker_clean:
                    dc_done.add(index)
                cleanups = self._cleanup_edits(ctx, ins, uses[index], [m.target for m in mounts[index]], name)
                if not want and not cleanups and not docker_clean:
                    continue
                edits += self._mount_edit(ctx, ins, want, DOCKER_CLEAN if docker_clean else None) if (
                    want or docker_clean) else []
                edits += cleanups
                touched.append(index)
            if edits:
                what = {"apt": "apt caches", "go_mod": "Go module cache", "cargo": "Cargo registry"}[name]
                yield self.fix(ctx, f"cache mounts for the {what}" + (
                    f" in {len(touched)} RUNs" if len(touched) > 1 else ""), members, edits,
                    line=doc.instructions[touched[0]].start_line)
        for index, got in per_run.items():
            ins = doc.instructions[index]
            mounts = [m for _, ms in got for m in ms if not has_cache_mount(ins, m.target)]
            edits = self._mount_edit(ctx, ins, mounts, None) if mounts else []
            for name, ms in got:
                edits += self._cleanup_edits(ctx, ins, uses[index], [m.target for m in ms], name)
            if edits:
                names = ", ".join(dict.fromkeys(n.replace("_", "-") for n, _ in got))
                yield self.fix(ctx, f"cache mount for {names}", index, edits)

    # -- decisions ----------------------------------------------------------------
    def _user_root(self, ctx, ins) -> bool:
        from dslim_rewrite.transforms.dsl070_build_deps_purge import environment

        return environment(ctx, ins).user_root

    def _single(self, ctx, ins, use: RunUse, notes) -> list[tuple[str, list[Mount]]]:
        """The per-RUN caches (pure caches: nothing else reads them)."""
        from dslim_rewrite.transforms.dsl070_build_deps_purge import environment

        if not (use.pip or use.npm or use.yarn or use.go_build or use.apk_without_no_cache):
            return []
        if not ctx.posix_shell[ins.index] or use.script.has_error:
            return []
        env = environment(ctx, ins)
        out = []
        if use.apk_without_no_cache:
            notes.append((ins.index, "apk: no cache mount; `apk add --no-cache` keeps the index out of the layer "
                                     "(apk caches packages only with /etc/apk/cache set up, and a mounted "
                                     "index could be hours old)"))
        if not env.user_root:
            if use.pip or use.npm or use.yarn or use.go_build:
                notes.append((ins.index, "no cache mount: the RUN runs as another user than root"))
            return []
        home_moved = env.env.get("HOME", "/root") not in ("/root", "/root/") or _set_here(use, "HOME")
        if use.pip and not home_moved and not any(k in env.env for k in (
                "PIP_NO_CACHE_DIR", "PIP_CACHE_DIR", "XDG_CACHE_HOME")) and not _set_here(
                use, "PIP_NO_CACHE_DIR", "PIP_CACHE_DIR", "XDG_CACHE_HOME", "--cache-dir", "pip.conf", "pip config"):
            out.append(("pip", [Mount(PIP_CACHE)]))
        elif use.pip:
            notes.append((ins.index, "pip: no cache mount, its cache folder is set elsewhere"))
        offline = re.compile(r"--(prefer-)?offline")
        if use.npm and not home_moved and not any(k.lower() == "npm_config_cache" for k in env.env) and \
                not _set_here(use, "npm_config_cache", "NPM_CONFIG_CACHE", "--cache", ".npmrc") and \
                not _later_mentions(ctx, ins, offline):
            out.append(("npm", [Mount(NPM_CACHE)]))
        if use.yarn and "YARN_CACHE_FOLDER" not in env.env and not _set_here(
                use, "YARN_CACHE_FOLDER", "--cache-folder", ".yarnrc") and not _later_mentions(ctx, ins, offline):
            out.append(("yarn", [Mount(YARN_CACHE)]))
        if use.go_build and not _set_here(use, "GOCACHE"):
            gocache = _env_value(env.env, "GOCACHE")
            if gocache is None and not home_moved:
                out.append(("go", [Mount(GO_BUILD_CACHE)]))
            elif gocache:
                out.append(("go", [Mount(gocache)]))
        return out

    def _group(self, ctx, fam, runs, uses, name):
        """(name, RUN indices, mounts, mounts per RUN) for a cache whose
        content later RUNs may read; a (index, note) pair when it cannot be
        done; None when the family does not use it."""
        from dslim_rewrite.pkgmgr import needs_apt_lists
        from dslim_rewrite.transforms.dsl070_build_deps_purge import environment, root_base

        doc = ctx.doc
        flag = {"apt": "apt", "go_mod": "go_mod", "cargo": "cargo"}[name]
        text_rx = _TOOL_TEXT["apt" if name == "apt" else ("go" if name == "go_mod" else "cargo")]
        members = [i for i in runs if uses.get(i) is not None and getattr(uses[i], flag)]
        unreadable = [i for i in runs if uses.get(i) is None and text_rx.search(_text(doc.instructions[i]))]
        if not members:
            return None
        first = members[0]
        label = {"apt": "apt", "go_mod": "Go modules", "cargo": "Cargo registry"}[name]
        if unreadable:
            i = doc.instructions[unreadable[0]]
            why = "an ONBUILD trigger" if i.sub is not None else "an exec-form or heredoc RUN"
            return first, f"{label}: no cache mounts, line {i.start_line} is {why} using it"
        mounts: dict[int, list[Mount]] = {}
        for i in members:
            ins = doc.instructions[i]
            use = uses[i]
            if not ctx.posix_shell[i] or use.script.has_error:
                return i, f"{label}: no cache mounts, line {ins.start_line} is not a POSIX shell body that parses"
            env = environment(ctx, ins)
            if not env.user_root:
                return i, f"{label}: no cache mounts, line {ins.start_line} runs as another user than root"
            if name == "apt":
                mounts[i] = [Mount(t, locked=True) for t in APT_TARGETS]
                continue
            base = root_base(doc, ins)
            if name == "go_mod":
                if _set_here(use, "GOMODCACHE", "GOPATH"):
                    return i, f"{label}: no cache mounts, line {ins.start_line} sets GOPATH or GOMODCACHE"
                modcache = _env_value(env.env, "GOMODCACHE")
                gopath = _env_value(env.env, "GOPATH")
                if modcache == "" or gopath == "":
                    return i, f"{label}: no cache mounts, GOPATH or GOMODCACHE is not a plain path"
                path = modcache or (gopath and gopath.split(":")[0] + "/pkg/mod") or (
                    "/go/pkg/mod" if base == "golang" else "/root/go/pkg/mod")
                mounts[i] = [Mount(path)]
            else:
                if _set_here(use, "CARGO_HOME"):
                    return i, f"{label}: no cache mounts, line {ins.start_line} sets CARGO_HOME"
                home = _env_value(env.env, "CARGO_HOME")
                if home == "":
                    return i, f"{label}: no cache mounts, CARGO_HOME is not a plain path"
                home = home or ("/usr/local/cargo" if base == "rust" else "/root/.cargo")
                mounts[i] = [Mount(home.rstrip("/") + "/registry"), Mount(home.rstrip("/") + "/git")]
        paths = sorted({m.target for ms in mounts.values() for m in ms})
        if name == "apt":
            for i in runs:
                ins = doc.instructions[i]
                if needs_apt_lists(ctx, ins):
                    return first, (f"apt: no cache mounts, line {ins.start_line} installs without its own "
                                   "`apt-get update` (merge the RUNs first: DSL001 collapse-run)")
        else:
            # nothing else may read the cache: not a CMD, not another RUN
            for s in fam:
                for k in doc.stages[s].instructions:
                    other = doc.instructions[k]
                    kw = (other.sub or other).keyword
                    if k in members:
                        continue
                    if kw in ("CMD", "ENTRYPOINT", "HEALTHCHECK") and text_rx.search(" ".join(other.value)):
                        return first, f"{label}: no cache mounts, the {kw} on line {other.start_line} runs it"
                    if kw == "RUN" and any(p in _text(other) for p in paths):
                        return first, f"{label}: no cache mounts, line {other.start_line} reads the cache folder"
        copy = _copied_from(doc, fam, paths)
        if copy is not None:
            return first, f"{label}: no cache mounts, line {copy.start_line} copies from the cache folder"
        into = _copied_into(doc, fam, paths)
        if into is not None:
            return first, f"{label}: no cache mounts, line {into.start_line} puts files where the mount would hide them"
        return _Group(name, members, mounts)

    def _needs_docker_clean(self, ctx, ins, done: set[int], members: list[int]) -> bool:
        from dslim_rewrite.pkgmgr import lineage_before

        if "docker-clean" in _text(ins):
            return False
        for other in lineage_before(ctx.doc, ins):
            if other.index in done or "docker-clean" in _text(other):
                return False
        return True

    # -- edits ------------------------------------------------------------------------
    def _mount_edit(self, ctx, ins, mounts: list[Mount], remove_file: str | None):
        """Insert the mount flags (and a first command) before the RUN body."""
        at = ctx.span(ins, 0, 0)[0]
        indent = _run_indent(ctx, ins)
        cont = b" " + ctx.doc.escape.encode() + ctx.nl + indent
        flags = [m.flag().encode() for m in mounts]
        text = b""
        has_flags = bool((ins.sub or ins).flags)
        if len(flags) == 1 and not ins.continued and remove_file is None and not has_flags:
            text = flags[0] + b" "
        elif flags:
            if has_flags and ctx.doc.line_of(at) == ins.start_line:
                text = cont.lstrip(b" ")  # the flags before stay on the RUN line, each new one gets its own
            text += b"".join(f + cont for f in flags)
        if remove_file is not None:
            from dslim_rewrite.pkgmgr import continuation

            join = continuation(ctx, ins, 0)  # this RUN's `&&` style, with its own indent
            tail = join.rsplit(b"\n", 1)[-1]
            join = join[: len(join) - len(tail)] + indent + (b"&& " if tail.endswith(b"&& ") else b"")
            text += f"rm -f {remove_file}".encode() + join
        return [self.insert(at, text)]

    def _cleanup_edits(self, ctx, ins, use: RunUse, targets: list[str], name: str):
        """Delete what only emptied a now-mounted cache: whole `&&` items
        (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `npm cache clean
        --force`, …) and pip's `--no-cache-dir`."""
        from dslim_rewrite.pkgmgr import apt_action, item_of, path_covers, removed_paths

        script = use.script
        edits = []
        if name == "pip":
            for v in use.invs:
                if v.tool != "pip":
                    continue
                for k, w in enumerate(v.words):
                    if w.text == "--no-cache-dir" and w.raw == w.text and k > 0:
                        e = self._delete_span(ctx, ins, v.words[k - 1].end, w.end)
                        if e is not None:
                            edits.append(e)
        if not script.top_items or len(script.top_items) < 2:
            return edits
        ops = script.top_operators
        for v in use.invs:
            k = item_of(script, v.cmd)
            if k is None or k == 0 or not v.cmd.top_level or v.cmd.in_subshell or v.sudo:
                continue
            if ops[k - 1] != "&&":
                continue
            s, e = script.top_items[k]
            cmds = [c for c in script.commands if s <= c.start and c.end <= e]
            if len(cmds) != 1:
                continue
            removable = False
            if v.tool == "rm":
                paths = removed_paths(v)
                removable = bool(paths) and len(paths) == len(
                    [a for a in v.args if not a.startswith("-")]) and all(
                    any(path_covers(t, p) for t in targets) for p in paths)
            elif name == "apt":
                removable = apt_action(v) in ("clean",) and len(v.args) <= 2
            elif name == "pip":
                removable = v.tool == "pip" and [a for a in v.args if not a.startswith("-")] == ["cache", "purge"]
            elif name == "npm":
                removable = v.tool == "npm" and [a for a in v.args if not a.startswith("-")] == ["cache", "clean"]
            elif name == "yarn":
                removable = v.tool == "yarn" and [a for a in v.args if not a.startswith("-")] == ["cache", "clean"]
            if removable:
                prev_end = script.top_items[k - 1][1]
                edit = self._delete_span(ctx, ins, prev_end, e)
                if edit is not None:
                    edits.append(edit)
        return edits

    def _delete_span(self, ctx, ins, start: int, end: int):
        """Delete body bytes start..end, unless a comment line sits inside."""
        a, b = ctx.span(ins, start, end)
        lines = ins.comments
        if any(a <= ln.start < b for ln in lines):
            return None
        return self.replace(a, b, b"")


_MENTIONS: "weakref.WeakKeyDictionary" = None  # Context -> {pattern: indices of instructions matching}


def _run_indent(ctx, ins) -> bytes:
    """The indent of the RUN's own continuation lines, else the file's."""
    data = ctx.doc.data
    for ln in ctx.doc.lines[ins.start_line : ins.end_line]:
        text = data[ln.start : ln.end]
        body = text.lstrip(b" \t")
        if body and not body.startswith(b"#"):
            own = text[: len(text) - len(body)]
            if own:
                return own
    return ctx.continuation_style[0]


def _later_mentions(ctx, ins, rx) -> bool:
    """An instruction running later on this filesystem matches ``rx``."""
    global _MENTIONS
    import weakref

    from dslim_rewrite.pkgmgr import lineage_after

    if _MENTIONS is None:
        _MENTIONS = weakref.WeakKeyDictionary()
    per_ctx = _MENTIONS.setdefault(ctx, {})
    hits = per_ctx.get(rx.pattern)
    if hits is None:
        hits = per_ctx[rx.pattern] = {i.index for i in ctx.doc.instructions if rx.search(_text(i))}
    return bool(hits) and any(o.index in hits for o in lineage_after(ctx.doc, ins))
