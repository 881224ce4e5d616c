"""``dslim-rewrite verify DOCKERFILE``: build the original and the rewrite on a
real Docker engine and show that the rewrite keeps what the image does.

The rewrite is made in memory exactly as the main command would make it (same
config file, same options). Both Dockerfiles are built with the same context
(host networking, BuildKit when the docker CLI has it), then compared:

build
    Both must build. If the original does not, that is the answer (exit 1).
size
    Total and per layer (the sizes ``docker history`` shows), the layers the
    rewrite removed or added, and each image's *wasted* bytes: bytes of files a
    layer writes that a later layer deletes (whiteout) or overwrites. Computed
    from ``docker save`` output by replaying the layers as overlayfs stacks
    them (see ``engine.merge_layers``). Same-layer cleanup drives this to zero.
config
    ``Cmd``, ``Entrypoint``, ``WorkingDir``, ``User``, ``ExposedPorts``,
    ``Volumes``, ``Healthcheck``, ``StopSignal``, ``Shell``, ``OnBuild`` must
    be equal; ``Env`` and ``Labels`` must be equal for every key that an
    ``ENV``/``LABEL`` of the final stage (or a stage it is built from) sets in
    either Dockerfile. Keys only a base image sets are the base image's.
behaviour
    The default command (or ``--smoke``, split like a shell command line and
    given as the command, ENTRYPOINT kept) runs in both images with no network
    (``--network=none``), a fixed hostname and a timeout. Exit code, stdout
    and stderr must be equal. When they differ the original is run a second
    time: if it disagrees with itself the output is not deterministic, which
    is reported as such (and still fails: nothing was proved).
files
    No file the application owns may be lost. A path the original image
    shows and the rewrite does not is *lost* unless one of these says it is
    not the application's:

    1. no step of this Dockerfile wrote it: it comes from the final stage's
       base image (a rewrite that changes the base is judged on behaviour and
       config);
    2. it is a folder with something in it (what was in it is judged);
    3. it lies in a package manager's cache or state, a log, scratch or
       documentation tree: ``CACHE_TREES`` below (``/var/cache``,
       ``/var/lib/apt``, ``/var/lib/dpkg``, ``/var/log``, ``/tmp``,
       ``/var/tmp``, ``/run``, ``/usr/share/{doc,man,info,lintian}``,
       ``~/.cache``, ``~/.npm``, Go's module cache …), or is a Python bytecode
       cache (``__pycache__/``, ``*.pyc``) or ``/etc/ld.so.cache``;
    4. the original's dpkg database says it belongs to packages of which none
       is installed in the rewrite (a purged toolchain, a recommended package
       no longer pulled in), or it is an ``update-alternatives`` link whose
       target went with them;
    5. it matches an ``--allow-lost`` pattern.

Exit codes: 0 build, behaviour, config and files preserved; 1 something
differs (or the original does not build); 2 usage or config error; 3 no Docker
engine reachable; 123 the file could not be rewritten. Images made here are
removed at the end unless ``--keep-images``; they are tagged
``dslim-verify-<pid>-<n>-<random>:before`` / ``:after`` so runs never clash.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import posixpath
import shlex
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Optional

import typer

EXIT_OK, EXIT_DIFFERS, EXIT_USAGE, EXIT_NO_ENGINE, EXIT_FAILED = 0, 1, 2, 3, 123

CONFIG_FIELDS = ("Cmd", "Entrypoint", "WorkingDir", "User", "ExposedPorts", "Volumes", "Healthcheck",
                 "StopSignal", "Shell", "OnBuild")

# Trees whose contents are caches, package-manager state, logs, scratch or docs.
CACHE_TREES = (
    "var/cache", "var/lib/apt", "var/lib/dpkg", "var/log", "tmp", "var/tmp", "run",
    "usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/lintian",
    "root/.cache", "root/.npm", "root/.node-gyp", "root/.m2/repository", "root/.gradle/caches",
    "usr/local/share/.cache", "go/pkg/mod", "root/go/pkg/mod", "root/.cargo/registry",
)
CACHE_GLOBS = ("home/*/.cache/*", "home/*/.npm/*", "*/__pycache__/*", "*.pyc", "etc/ld.so.cache")
# Cache trees whose bytes the report shows for both images (what cleanups target).
CACHE_REPORT = {
    "apt lists": "var/lib/apt/lists", "apt archives": "var/cache/apt", "debconf cache": "var/cache/debconf",
    "pip cache": "root/.cache/pip", "npm cache": "root/.npm/_cacache", "yarn cache": "usr/local/share/.cache/yarn",
    "go build cache": "root/.cache/go-build", "go module cache": "go/pkg/mod",
}
OUTPUT_KEEP = 4000  # characters of each output kept in the report

app = typer.Typer(add_completion=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})


def _err(msg: str) -> None:
    sys.stderr.write(msg + "\n")


# ---------------------------------------------------------------------------
# What the Dockerfile declares


def _final_chain(doc) -> list:
    """Stages whose ENV/LABEL reach the final image, base first."""
    if not doc.stages:
        return []
    by_name = {s.name.lower(): s for s in doc.stages if s.name}
    chain = []
    cur = doc.stages[-1]
    while cur is not None and cur not in chain:
        chain.append(cur)
        parent = by_name.get(cur.base.lower())
        cur = parent if parent is not None and parent.index < cur.index else None
    return list(reversed(chain))


def _unquote(key: str) -> str:
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def declared_keys(data: bytes, keyword: str) -> set[str]:
    """Keys that ``keyword`` (ENV or LABEL) instructions of the final stage chain set."""
    from . import document

    try:
        doc = document.parse(data)
    except document.DocumentError:
        return set()
    keys: set[str] = set()
    for stage in _final_chain(doc):
        for idx in stage.instructions:
            ins = doc.instructions[idx]
            if ins.keyword == keyword:
                keys |= {_unquote(k) for k in ins.value[0::2]}
    return keys


def final_base(data: bytes) -> str | None:
    """The image the final stage is built on (None when it cannot be told)."""
    from . import document

    try:
        doc = document.parse(data)
    except document.DocumentError:
        return None
    chain = _final_chain(doc)
    if not chain:
        return None
    base = chain[0].base
    return None if "$" in base else base


# ---------------------------------------------------------------------------
# Comparisons (pure: unit-tested without an engine)


def _env_map(env: list[str] | None) -> dict[str, str]:
    out = {}
    for item in env or []:
        k, _, v = item.partition("=")
        out[k] = v
    return out


def compare_config(before: dict, after: dict, env_keys: set[str], label_keys: set[str]) -> list[dict]:
    """One row per compared field: name, before, after, same."""
    rows = []
    for name in CONFIG_FIELDS:
        a, b = before.get(name) or None, after.get(name) or None
        rows.append({"field": name, "before": a, "after": b, "same": a == b})
    for name, keys, getter in (("Env", env_keys, _env_map), ("Labels", label_keys, lambda d: dict(d or {}))):
        a_all, b_all = getter(before.get(name)), getter(after.get(name))
        for k in sorted(keys):
            a, b = a_all.get(k), b_all.get(k)
            rows.append({"field": f"{name}.{k}", "before": a, "after": b, "same": a == b})
    return rows


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def describe_run(r) -> dict:
    return {
        "exit_code": r.exit_code,
        "timed_out": r.timed_out,
        "seconds": round(r.seconds, 2),
        "stdout": r.stdout.decode("utf-8", "replace")[:OUTPUT_KEEP],
        "stderr": r.stderr.decode("utf-8", "replace")[:OUTPUT_KEEP],
        "stdout_bytes": len(r.stdout),
        "stderr_bytes": len(r.stderr),
        "stdout_sha256": _digest(r.stdout),
        "stderr_sha256": _digest(r.stderr),
    }


def same_run(a, b) -> bool:
    return (a.exit_code, a.timed_out, a.stdout, a.stderr) == (b.exit_code, b.timed_out, b.stdout, b.stderr)


def run_differences(a, b) -> list[str]:
    out = []
    if a.timed_out != b.timed_out:
        out.append("timed out" + (" (original)" if a.timed_out else " (rewrite)"))
    elif a.exit_code != b.exit_code:
        out.append(f"exit code {a.exit_code} -> {b.exit_code}")
    if a.stdout != b.stdout:
        out.append("stdout differs")
    if a.stderr != b.stderr:
        out.append("stderr differs")
    return out


def compare_layers(before: list, after: list) -> tuple[list[dict], list[dict]]:
    """Steps of the original missing from the rewrite, and steps only the rewrite has,
    matched by the command that made them (layers with content or steps alike)."""
    def rows(hist):
        return [{"created_by": h.created_by, "size": h.size, "empty_layer": h.empty_layer} for h in hist]

    remaining = [h.created_by for h in after]
    removed = []
    for r in rows(before):
        if r["created_by"] in remaining:
            remaining.remove(r["created_by"])
        else:
            removed.append(r)
    remaining_b = [h.created_by for h in before]
    added = []
    for r in rows(after):
        if r["created_by"] in remaining_b:
            remaining_b.remove(r["created_by"])
        else:
            added.append(r)
    return removed, added


def cache_bytes(fs) -> dict[str, int]:
    """Bytes the image shows under each tree of ``CACHE_REPORT``."""
    out = dict.fromkeys(CACHE_REPORT, 0)
    trees = [(name, tree + "/") for name, tree in CACHE_REPORT.items()]
    for path, e in fs.files.items():
        if e.size:
            for name, prefix in trees:
                if path.startswith(prefix):
                    out[name] += e.size
    return out


def _in_cache_tree(path: str) -> bool:
    for tree in CACHE_TREES:
        if path == tree or path.startswith(tree + "/"):
            return True
    return any(fnmatch.fnmatchcase(path, g) for g in CACHE_GLOBS)


def dpkg_installed(captured: dict[str, bytes]) -> set[str]:
    """Names of the packages a dpkg status (or distroless status.d) lists as installed."""
    out: set[str] = set()
    for path, data in captured.items():
        if not (path == "var/lib/dpkg/status" or path.startswith("var/lib/dpkg/status.d/")):
            continue
        for para in data.decode("utf-8", "replace").split("\n\n"):
            fields = {}
            for line in para.splitlines():
                if line and not line[0].isspace() and ":" in line:
                    k, _, v = line.partition(":")
                    fields[k.strip().lower()] = v.strip()
            name = fields.get("package")
            status = fields.get("status")
            if name and (status is None or status.endswith(" installed")):
                out.add(name)
    return out


def _resolve_dirs(path: str, files: dict) -> str:
    """``path`` with symlinked folders (``bin`` -> ``usr/bin``) resolved in ``files``."""
    for _ in range(40):
        parts = path.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            e = files.get(prefix)
            if e is not None and e.kind == "symlink":
                target = e.link.lstrip("/") if e.link.startswith("/") else posixpath.join(posixpath.dirname(prefix), e.link)
                path = posixpath.normpath(posixpath.join(target, *parts[i:])).lstrip("/")
                break
        else:
            return path
    return path


def dpkg_owners(captured: dict[str, bytes], files: dict) -> dict[str, set[str]]:
    """path -> packages whose ``.list`` names it (paths resolved through symlinked folders)."""
    owners: dict[str, set[str]] = {}
    for path, data in captured.items():
        if not (path.startswith("var/lib/dpkg/info/") and path.endswith(".list")):
            continue
        pkg = posixpath.basename(path)[: -len(".list")].split(":")[0]
        for line in data.decode("utf-8", "replace").splitlines():
            p = line.strip().lstrip("/")
            if not p or p == ".":
                continue
            owners.setdefault(_resolve_dirs(p, files), set()).add(pkg)
    return owners


def lost_files(before, after, base_layers: int, allow: list[str] = ()) -> dict:
    """Paths of the original the rewrite lost, by the rule in this module's docstring.

    ``before``/``after`` are ``engine.Filesystem``s; ``base_layers`` is how many
    of the original's layers come from its final stage's base image.
    """
    excused = {"base image": 0, "folder with contents": 0, "cache, state, logs, docs": 0,
               "packages not installed": 0, "allowed": 0}
    installed = dpkg_installed(after.captured)
    owners = dpkg_owners(before.captured, before.files)
    gone = {p: e for p, e in before.files.items() if p not in after.files}
    parents = {posixpath.dirname(p) for p in before.files}
    lost = []

    def owned_by_removed(p: str) -> bool:
        pkgs = owners.get(p)
        return bool(pkgs) and not (pkgs & installed)

    def alternative_gone(p: str, e) -> bool:
        if e.kind != "symlink":
            return False
        target = posixpath.normpath(posixpath.join(posixpath.dirname(p), e.link)).lstrip("/")
        if p.startswith("etc/alternatives/"):
            return target not in after.files or owned_by_removed(target)
        return target.startswith("etc/alternatives/") and target not in after.files

    for path, e in sorted(gone.items()):
        if e.layer < base_layers:
            excused["base image"] += 1
        elif e.kind == "dir" and path in parents:
            excused["folder with contents"] += 1
        elif _in_cache_tree(path):
            excused["cache, state, logs, docs"] += 1
        elif owned_by_removed(path) or alternative_gone(path, e):
            excused["packages not installed"] += 1
        elif any(fnmatch.fnmatchcase("/" + path, g) for g in allow):
            excused["allowed"] += 1
        else:
            lost.append({"path": "/" + path, "kind": e.kind, "size": e.size})
    return {"lost": lost, "lost_bytes": sum(x["size"] for x in lost),
            "excused": {k: v for k, v in excused.items() if v}}


# ---------------------------------------------------------------------------
# The run


# Analyses by image ID: an image ID is the digest of its config, which names
# every layer's digest, so the same ID always means the same layers. Keeps a
# process that verifies several rewrites of one file from saving the same
# original again.
_ANALYSED: dict[str, dict] = {}
_ANALYSED_MAX = 4


def _analyse(engine, ref: str) -> dict:
    from .engine import layer_history, merge_layers

    info = engine.inspect(ref)
    hit = _ANALYSED.get(info["Id"])
    if hit is not None:
        return dict(hit, info=info)
    saved = engine.save(ref)
    fs = merge_layers(saved.layers)
    hist = layer_history(saved, engine.history(ref))
    out = {"info": info, "fs": fs, "history": hist}
    while len(_ANALYSED) >= _ANALYSED_MAX:
        _ANALYSED.pop(next(iter(_ANALYSED)))
    _ANALYSED[info["Id"]] = out
    return out


def _base_layers(engine, data: bytes, info: dict) -> int:
    """How many of the image's layers its final stage's base image provides."""
    base = final_base(data)
    if not base or base.lower() == "scratch":
        return 0
    try:
        base_layers = engine.inspect(base).get("RootFS", {}).get("Layers") or []
    except Exception:
        return 0
    layers = info.get("RootFS", {}).get("Layers") or []
    return len(base_layers) if layers[: len(base_layers)] == base_layers else 0


def _size_block(a: dict, b: dict) -> dict:
    size_a, size_b = int(a["info"]["Size"]), int(b["info"]["Size"])
    removed, added = compare_layers(a["history"], b["history"])

    def hist(x):
        return [{"created_by": h.created_by, "size": h.size, "empty_layer": h.empty_layer,
                 "wasted": x["fs"].wasted_by_layer[h.layer] if h.layer is not None else 0}
                for h in x["history"]]

    def top(x):
        return [{"path": "/" + w.path, "size": w.size, "layer": w.layer, "by": w.by} for w in x["fs"].top_wasted]

    return {
        "before": size_a, "after": size_b, "delta": size_b - size_a,
        "ratio": round(size_b / size_a, 4) if size_a else None,
        "wasted_before": a["fs"].wasted_bytes, "wasted_after": b["fs"].wasted_bytes,
        "layers_before": hist(a), "layers_after": hist(b),
        "removed_layers": removed, "added_layers": added,
        "top_wasted_before": top(a), "top_wasted_after": top(b),
        "caches_before": cache_bytes(a["fs"]), "caches_after": cache_bytes(b["fs"]),
    }


def run_verify(engine, dockerfile: Path, data: bytes, rewritten: bytes, context: Path, *,
               smoke: list[str] | None = None, timeout: float = 60.0, build_args: dict | None = None,
               no_cache: bool = False, keep_images: bool = False, allow_lost: list[str] = ()) -> dict:
    """Build, compare, clean up; returns the report (``report["ok"]`` is the verdict)."""
    from .engine import BuildError, unique_repo

    repo = unique_repo()
    tags = {"before": f"{repo}:before", "after": f"{repo}:after"}
    report: dict = {
        "dockerfile": str(dockerfile), "context": str(context), "engine": engine.host,
        "builder": engine.builder, "changed": rewritten != data, "images": tags,
        "images_kept": keep_images, "problems": [],
    }
    problems: list[str] = report["problems"]
    timings: dict[str, float] = {}
    report["seconds"] = timings
    tmp = Path(tempfile.mkdtemp(prefix="dslim-verify-"))
    made: list[str] = []
    try:
        rewritten_path = tmp / dockerfile.name
        rewritten_path.write_bytes(rewritten)
        ignore = dockerfile.with_name(dockerfile.name + ".dockerignore")
        if ignore.is_file():
            shutil.copyfile(ignore, tmp / ignore.name)

        builds: dict = {}
        report["build"] = builds
        side = None
        pending = None
        pool = ThreadPoolExecutor(max_workers=1)
        try:
            for which, path in (("before", dockerfile), ("after", rewritten_path)):
                made.append(tags[which])
                t0 = time.monotonic()
                try:
                    built = engine.build(path, context, tags[which], build_args=build_args, no_cache=no_cache)
                except BuildError as e:
                    builds[which] = {"ok": False, "error": str(e), "log_tail": e.tail()}
                    problems.append(("the original does not build: " if which == "before"
                                     else "the rewrite does not build: ") + str(e))
                    break
                finally:
                    timings[f"build_{which}"] = round(time.monotonic() - t0, 1)
                builds[which] = {"ok": True, "image_id": built.image_id, "seconds": round(built.seconds, 1)}
                if which == "before":
                    # read the original's layers while the rewrite builds
                    side = engine.clone()
                    pending = pool.submit(_analyse, side, tags["before"])
            t0 = time.monotonic()
            if not problems:
                b = _analyse(engine, tags["after"])
                a = pending.result()
            timings["layers"] = round(time.monotonic() - t0, 1)
        finally:
            pool.shutdown(wait=True)
            if side is not None:
                side.close()
        if problems:
            report["ok"] = False
            return report
        report["size"] = _size_block(a, b)

        cfg_a, cfg_b = a["info"].get("Config") or {}, b["info"].get("Config") or {}
        rows = compare_config(cfg_a, cfg_b, declared_keys(data, "ENV") | declared_keys(rewritten, "ENV"),
                              declared_keys(data, "LABEL") | declared_keys(rewritten, "LABEL"))
        report["config"] = {"same": all(r["same"] for r in rows), "fields": rows}
        for r in rows:
            if not r["same"]:
                problems.append(f"config {r['field']}: {json.dumps(r['before'])} -> {json.dumps(r['after'])}")

        t0 = time.monotonic()
        report["behaviour"] = _behaviour(engine, tags, cfg_a, smoke, timeout, problems)
        timings["runs"] = round(time.monotonic() - t0, 1)

        t0 = time.monotonic()
        base = _base_layers(engine, data, a["info"])
        files = lost_files(a["fs"], b["fs"], base, list(allow_lost))
        files["base_layers"] = base
        report["files"] = files
        timings["files"] = round(time.monotonic() - t0, 1)
        if files["lost"]:
            n = len(files["lost"])
            sample = ", ".join(x["path"] for x in files["lost"][:3])
            problems.append(f"{n} file(s) of the application lost ({files['lost_bytes']} bytes): {sample}"
                            + (" …" if n > 3 else ""))
        report["ok"] = not problems
        return report
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        removed = []
        if not keep_images:
            for tag in made:
                try:
                    if engine.remove_image(tag):
                        removed.append(tag)
                except Exception as e:  # report, never hide: a left-over image is junk
                    problems.append(f"could not remove image {tag}: {e}")
                    report["ok"] = False
        report["images_removed"] = removed


def _behaviour(engine, tags: dict, cfg: dict, smoke: list[str] | None, timeout: float, problems: list[str]) -> dict:
    if smoke is None and not (cfg.get("Cmd") or cfg.get("Entrypoint")):
        problems.append("behaviour not checked: the original has no default command and no --smoke was given")
        return {"same": None, "command": None, "reason": "no command to run"}
    command = smoke if smoke is not None else (cfg.get("Entrypoint") or []) + (cfg.get("Cmd") or [])
    ra = engine.run(tags["before"], smoke, timeout=timeout)
    rb = engine.run(tags["after"], smoke, timeout=timeout)
    out = {"command": command, "timeout": timeout, "before": describe_run(ra), "after": describe_run(rb)}
    if same_run(ra, rb):
        out["same"] = True
        if ra.timed_out:
            out["note"] = f"both were still running after {timeout:g}s; their output up to then is equal"
        return out
    out["same"] = False
    out["differences"] = run_differences(ra, rb)
    again = engine.run(tags["before"], smoke, timeout=timeout)
    out["before_again"] = describe_run(again)
    if not same_run(ra, again):
        out["deterministic"] = False
        problems.append("behaviour cannot be compared: the original's output changes from run to run ("
                        + ", ".join(run_differences(ra, again)) + ")")
    else:
        out["deterministic"] = True
        problems.append("behaviour differs: " + ", ".join(out["differences"]))
    return out


# ---------------------------------------------------------------------------
# Output


def _human(n: int | None) -> str:
    if n is None:
        return "-"
    sign = "-" if n < 0 else ""
    n = abs(n)
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{sign}{n:.0f} {unit}" if unit == "B" else f"{sign}{n:.1f} {unit}"
        n /= 1000
    return f"{sign}{n}"


def _short(v, width: int = 40) -> str:
    s = "-" if v is None else (v if isinstance(v, str) else json.dumps(v))
    return s if len(s) <= width else s[: width - 1] + "…"


def _run_cell(r: dict) -> str:
    if r["timed_out"]:
        head = "timed out"
    else:
        head = f"exit {r['exit_code']}"
    first = (r["stdout"] or r["stderr"]).strip().splitlines()
    return head + (f": {_short(first[0], 36)}" if first else "")


def print_table(report: dict, fixes: list, out=None) -> None:
    from rich.console import Console
    from rich.table import Table

    stream = out or sys.stdout
    width = None if stream.isatty() else 120  # rich assumes 80 columns when it cannot tell
    console = Console(file=stream, highlight=False, soft_wrap=False, width=width)
    console.print(f"verify {report['dockerfile']}  (engine {report['engine']}, {report['builder']})")
    if fixes:
        for f in fixes:
            console.print(f"  {f.code} line {f.line}: {f.message}", markup=False)
    else:
        console.print("  the rewrite changes nothing")
    t = Table(show_header=True, header_style="bold")
    t.add_column("check")
    t.add_column("original")
    t.add_column("rewrite")
    t.add_column("result")
    b = report.get("build", {})

    def build_cell(x):
        if not x:
            return "not built"
        return f"ok, {x['seconds']:.1f}s" if x["ok"] else "FAILED"

    bb, ba = b.get("before"), b.get("after")
    t.add_row("build", build_cell(bb), build_cell(ba),
              "ok" if bb and ba and bb["ok"] and ba["ok"] else "FAILED")
    s = report.get("size")
    if s:
        t.add_row("size", _human(s["before"]), _human(s["after"]),
                  f"{_human(s['delta'])} ({(s['ratio'] - 1) * 100:+.1f}%)" if s["ratio"] else _human(s["delta"]))
        t.add_row("wasted", _human(s["wasted_before"]), _human(s["wasted_after"]), "")
        t.add_row("layers", str(len([h for h in s["layers_before"] if not h["empty_layer"]])),
                  str(len([h for h in s["layers_after"] if not h["empty_layer"]])),
                  f"{len(s['removed_layers'])} step(s) removed, {len(s['added_layers'])} added")
    c = report.get("config")
    if c:
        for r in c["fields"]:
            if r["before"] is None and r["after"] is None:
                continue
            t.add_row(r["field"], _short(r["before"]), _short(r["after"]), "same" if r["same"] else "DIFFERS")
    beh = report.get("behaviour")
    if beh:
        if beh.get("same") is None:
            t.add_row("behaviour", "-", "-", "NOT CHECKED")
        else:
            t.add_row("behaviour", _run_cell(beh["before"]), _run_cell(beh["after"]),
                      "same" if beh["same"] else ("NOT DETERMINISTIC" if beh.get("deterministic") is False
                                                  else "DIFFERS"))
    f = report.get("files")
    if f:
        ex = sum(f["excused"].values())
        t.add_row("files", "", f"{len(f['lost'])} lost ({_human(f['lost_bytes'])})",
                  ("LOST" if f["lost"] else "none lost") + (f", {ex} gone by rule" if ex else ""))
    console.print(t)
    if s and (s["removed_layers"] or s["added_layers"]):
        lt = Table(title="steps that differ (- only in the original, + only in the rewrite)", show_header=True,
                   header_style="bold")
        lt.add_column("")
        lt.add_column("size", justify="right")
        lt.add_column("created by")
        for mark, rows in (("-", s["removed_layers"]), ("+", s["added_layers"])):
            for r in rows:
                lt.add_row(mark, _human(r["size"]), _short(r["created_by"], 90))
        console.print(lt)
    if s and s["top_wasted_before"]:
        console.print("largest wasted files of the original (written, then hidden by a later layer):")
        for w in s["top_wasted_before"][:5]:
            console.print(f"  {w['path']} {_human(w['size'])} (layer {w['layer']}, hidden by layer {w['by']})",
                          markup=False)
    if f and f["lost"]:
        console.print("lost files:")
        for x in f["lost"][:20]:
            console.print(f"  {x['path']} ({x['kind']}, {x['size']} bytes)", markup=False)
        if len(f["lost"]) > 20:
            console.print(f"  … and {len(f['lost']) - 20} more (see --format json)")
    for x in ("before", "after"):
        if bb is not None and b.get(x) and not b[x]["ok"]:
            console.print(f"{'original' if x == 'before' else 'rewrite'} build log (last lines):", markup=False)
            console.print(b[x]["log_tail"], markup=False)
    if report["ok"]:
        console.print("PRESERVED: build, behaviour, config and files", markup=False)
    else:
        console.print("DIFFERS:", markup=False)
        for p in report["problems"]:
            console.print(f"  - {p}", markup=False)
    if report.get("images_kept"):
        console.print(f"images kept: {report['images']['before']} {report['images']['after']}", markup=False)


# ---------------------------------------------------------------------------
# Command line


@app.command(help="Build DOCKERFILE and its rewrite on the local Docker engine and compare them: "
             "build, size (total, per layer, wasted bytes), config, behaviour of the default command "
             "(or --smoke) without network, and the application's files. "
             "Exit 0 preserved, 1 differs, 2 usage, 3 no engine, 123 cannot rewrite.")
def verify_command(
    dockerfile: Path = typer.Argument(..., metavar="DOCKERFILE"),
    context: Optional[Path] = typer.Option(None, "--context", help="Build context (default: the Dockerfile's folder)."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes marked unsafe."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these transforms."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these transforms."),
    merge_builder_stages: bool = typer.Option(False, "--merge-builder-stages", help="Also collapse RUNs in builder stages."),
    style: Optional[str] = typer.Option(None, "--style", help="Cache handling: delete (default) or cache-mount."),
    config_file: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of searching."),
    smoke: Optional[str] = typer.Option(None, "--smoke", metavar="CMD",
                                        help="Command to run in both images instead of the default (shell-like words; ENTRYPOINT kept)."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds each run may take before it is killed."),
    build_arg: Optional[List[str]] = typer.Option(None, "--build-arg", metavar="KEY=VALUE", help="Passed to both builds."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Build both images without the build cache."),
    allow_lost: Optional[List[str]] = typer.Option(None, "--allow-lost", metavar="GLOB",
                                                   help="Paths the rewrite may drop (e.g. '/src/*'; * matches /)."),
    keep_images: bool = typer.Option(False, "--keep-images", help="Keep the two images (tags are printed)."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
) -> None:
    from . import config as cfgmod
    from .cli import OptionError, build_options
    from .files import FileError, read

    if fmt not in ("text", "json"):
        _err("error: --format must be text or json")
        raise typer.Exit(EXIT_USAGE)
    if style not in (None, "delete", "cache-mount"):
        _err("error: --style must be delete or cache-mount")
        raise typer.Exit(EXIT_USAGE)
    if timeout <= 0:
        _err("error: --timeout must be positive")
        raise typer.Exit(EXIT_USAGE)
    args: dict[str, str] = {}
    for item in build_arg or []:
        k, sep, v = item.partition("=")
        if not sep or not k:
            _err(f"error: --build-arg {item!r} is not KEY=VALUE")
            raise typer.Exit(EXIT_USAGE)
        args[k] = v
    try:
        smoke_argv = shlex.split(smoke) if smoke is not None else None
    except ValueError as e:
        _err(f"error: --smoke: {e}")
        raise typer.Exit(EXIT_USAGE)
    if smoke_argv == []:
        _err("error: --smoke is empty")
        raise typer.Exit(EXIT_USAGE)
    ctx_dir = context if context is not None else dockerfile.parent
    if not ctx_dir.is_dir():
        _err(f"error: context {ctx_dir} is not a folder")
        raise typer.Exit(EXIT_USAGE)

    try:
        config = cfgmod.load(config_file if config_file is not None else cfgmod.find(dockerfile))
        options = build_options(config, select, ignore, unsafe_fixes, merge_builder_stages, style)
    except cfgmod.ConfigError as e:
        _err(f"error: config: {e}")
        raise typer.Exit(EXIT_USAGE)
    except OptionError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_USAGE)

    from .chain import RewriteError, rewrite

    try:
        data = read(dockerfile)
        result = rewrite(data, options)
    except (FileError, RewriteError) as e:
        _err(f"{dockerfile}: error: {e}")
        raise typer.Exit(EXIT_FAILED)

    from .engine import START_HINT, EngineUnavailable, connect

    try:
        engine = connect()
    except EngineUnavailable as e:
        _err(f"error: {e}; {START_HINT}")
        raise typer.Exit(EXIT_NO_ENGINE)

    # a SIGTERM must still run the clean-up (SystemExit unwinds `finally`);
    # handlers can only be set from the main thread
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM)) if main_thread else None
    try:
        report = run_verify(engine, dockerfile, data, result.output, ctx_dir, smoke=smoke_argv, timeout=timeout,
                            build_args=args, no_cache=no_cache, keep_images=keep_images,
                            allow_lost=list(allow_lost or []))
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
        engine.close()
    report["fixes"] = [{"code": f.code, "line": f.line, "message": f.message, "safety": str(f.safety)}
                       for f in result.applied]
    if fmt == "json":
        json.dump(report, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print_table(report, result.applied)
    raise typer.Exit(EXIT_OK if report["ok"] else EXIT_DIFFERS)
