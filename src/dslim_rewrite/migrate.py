"""``dslim-rewrite migrate ROOT...``: rewrite every Dockerfile of a repository.

The parent process discovers the files and hands them to a pool of worker
processes in chunks; each worker reads, rewrites and (unless --dry-run)
writes its files atomically, and reports each one back as soon as it is
done. Workers are started with the ``spawn`` method: BuildKit's parser
binding can deadlock in forked children, and forked workers (tried) made a
worker crash race with the pool's shutdown of the others (a temporary file
left behind, a written file reported as not done).

Interrupting (Ctrl-C, SIGINT) stops handing out files; the files being
written finish, so every file is either the old one or the new one, and no
temporary file is left behind. A worker that dies (a crash in native code)
costs only the file it died on: the files in flight are run again one by one
in fresh workers to find it, and the run goes on.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
import time
from pathlib import Path
from typing import List, Optional

import typer

from .files import SKIP_DIRS, FileError, excluded, is_dockerfile_name
from .records import field, record

# A Dockerfile larger than this is skipped as "huge": real ones are a few KiB.
MAX_DOCKERFILE_BYTES = 1024 * 1024
MAX_PYTHON_BYTES = 4 * 1024 * 1024
# vendored trees, on top of the engine's own list
VENDORED_DIRS = {"_vendor", "vendored", "site-packages", "dist-packages", ".direnv", ".terraform"}
EXIT_OK, EXIT_CHANGES, EXIT_USAGE, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 123, 130

CHANGED, UNCHANGED, FAILED, SKIPPED, NOT_PROCESSED = "changed", "unchanged", "failed", "skipped", "not processed"


# ---------------------------------------------------------------------------
# results


@record
class FileResult:
    """What happened to one file. ``fixes`` and ``notes`` are (code, line, message)."""

    path: str  # as shown to the user (relative to the current folder when below it)
    kind: str  # "dockerfile", "dockerignore" or "python"
    status: str  # CHANGED, UNCHANGED, FAILED, SKIPPED or NOT_PROCESSED
    fixes: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    reason: str | None = None  # why it failed or was skipped
    diff: str | None = None  # --dry-run only
    context_bytes_saved: int | None = None  # .dockerignore: bytes no longer sent to the builder
    base_image: tuple | None = None  # (before, after): the final stage's FROM image changed

    def as_json(self) -> dict:
        row = lambda f: {"code": f[0], "line": f[1], "message": f[2]}  # noqa: E731
        out = {"path": self.path, "kind": self.kind, "status": self.status,
               "changes": [row(f) for f in self.fixes], "notes": [row(f) for f in self.notes],
               "reason": self.reason}
        if self.context_bytes_saved is not None:
            out["context_bytes_saved"] = self.context_bytes_saved
        if self.base_image:
            out["base_image"] = {"before": self.base_image[0], "after": self.base_image[1]}
        return out


# ---------------------------------------------------------------------------
# discovery


@record
class Discovery:
    dockerfiles: list[Path] = field(default_factory=list)
    python: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    gitignored: int = 0
    warnings: list[str] = field(default_factory=list)
    tops: dict[Path, Path | None] = field(default_factory=dict)  # file -> its git worktree (None: none)


def _skip_dir(d: Path, name: str, exclude: list[str], root: Path) -> bool:
    if name in SKIP_DIRS or name in VENDORED_DIRS:
        return True
    if (d / name / "pyvenv.cfg").is_file():  # a virtualenv, whatever its name
        return True
    return bool(exclude) and excluded(d / name, exclude, root)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def discover(roots: list[Path], exclude: list[str] = (), *, python: bool = False) -> Discovery:
    """Every Dockerfile (and, with ``python``, every ``*.py``) below the roots.

    Folder symlinks are never followed: what they point to inside ROOT is
    walked directly anyway, and so loops and exits from ROOT cannot happen. A
    symlinked file is used only when it resolves inside its ROOT, and once
    (by its real path). ``.gitignore`` is honoured through ``git check-ignore``
    for roots inside a git worktree (nested repositories and submodules ask
    their own); outside one, no ignore file is read, as git would not either.
    """
    from . import gitops

    found = Discovery()
    seen_real: set[str] = set()
    exclude = list(exclude)
    for root in roots:
        real_root = os.path.realpath(root)
        root_top = gitops.toplevel(root if root.is_dir() else root.parent)
        if root.is_file() or (root.is_symlink() and not root.is_dir()):
            entries = [(root, root_top)]
        else:
            entries = []
            tops_by_dir: dict[str, Path | None] = {}

            def walk_error(err: OSError) -> None:
                found.skipped.append((Path(err.filename or "?"), f"cannot read folder: {err.strerror}"))

            for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=walk_error):
                d = Path(dirpath)
                parent_top = tops_by_dir.get(os.path.dirname(dirpath), root_top)
                top = d if (d != root and os.path.lexists(d / ".git")) else parent_top
                if d == root:
                    top = root_top
                tops_by_dir[dirpath] = top
                dirnames[:] = sorted(n for n in dirnames
                                     if not (d / n).is_symlink() and not _skip_dir(d, n, exclude, root))
                for name in sorted(filenames):
                    if is_dockerfile_name(name) or (python and name.endswith(".py")):
                        p = d / name
                        if not (exclude and excluded(p, exclude, root)):
                            entries.append((p, top))
        # .gitignore, one git call per worktree
        by_top: dict[Path, list[Path]] = {}
        for p, top in entries:
            if top is not None:
                by_top.setdefault(top, []).append(p)
        ignored: set[Path] = set()
        for top, paths in by_top.items():
            rel = {}
            for p in paths:
                try:
                    rel[os.path.relpath(os.path.abspath(p), os.path.realpath(top))] = p
                except ValueError:
                    continue
            try:
                hits = gitops.ignored(Path(os.path.realpath(top)), sorted(rel))
            except gitops.GitError as e:
                found.warnings.append(f"{top}: .gitignore not applied: {e}")
                continue
            ignored |= {rel[h] for h in hits if h in rel}
        # plain files first: a symlink to one of them is then a duplicate
        entries.sort(key=lambda e: e[0].is_symlink())
        for p, top in entries:
            if p in ignored:
                found.gitignored += 1
                continue
            try:
                if p.is_symlink():
                    real = os.path.realpath(p, strict=True)
                    if not _inside(real, real_root):
                        found.skipped.append((p, "symlink pointing outside ROOT"))
                        continue
                else:
                    real = os.path.realpath(p)
            except OSError as e:
                found.skipped.append((p, f"broken symlink or symlink loop ({e.strerror})"))
                continue
            if real in seen_real:
                continue
            seen_real.add(real)
            (found.python if p.suffix == ".py" and not is_dockerfile_name(p.name) else found.dockerfiles).append(p)
            found.tops[p] = top
    found.dockerfiles.sort()
    found.python.sort()
    return found


# ---------------------------------------------------------------------------
# work units and the worker side


@record
class Job:
    """Everything a worker needs besides the files (sent once per worker)."""

    options: object  # context.Options
    write: bool  # False: --dry-run / --check
    want_diff: bool
    dockerignore: bool  # DSL200 is enabled
    python: bool


@record
class DockerUnit:
    """Dockerfiles that share one .dockerignore (usually one Dockerfile)."""

    files: list[tuple[str, str]]  # (path to open, path to show)
    ignore_path: str
    ignore_label: str
    tracked: list[str] | None  # tracked paths relative to the context folder; None: not in git


@record
class PythonUnit:
    path: str
    label: str


_JOB: Job | None = None
_STOP = None  # multiprocessing.Event in workers; a plain flag object in-process


class _Flag:
    def __init__(self) -> None:
        self.value = False

    def is_set(self) -> bool:
        return self.value

    def set(self) -> None:
        self.value = True


_RESULTS = None  # SimpleQueue to the parent, in workers


def _on_sigterm(signum, frame):
    os._exit(143)


def _init_worker(job: Job, stop, results) -> None:
    # the parent decides when to stop; a worker always finishes its file
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # When one worker dies the pool terminates the others (SIGTERM). It is
    # held while a unit runs and is reported (run_chunk): a worker killed
    # between writing a file and reporting it would leave a file changed on
    # disk that the parent takes for not done, and runs again.
    signal.signal(signal.SIGTERM, _on_sigterm)
    global _JOB, _STOP, _RESULTS
    _JOB, _STOP, _RESULTS = job, stop, results
    from .cli import tune_gc
    from .registry import all_transforms

    all_transforms()  # import the transforms once per worker, not per chunk
    tune_gc()


def run_chunk(chunk_id: int, units: list) -> int:
    """Run a chunk in a worker; each unit's result goes to the parent as soon
    as it is done (so a crash later in the chunk loses nothing already done).
    A SIGTERM waits until the unit in hand is written and reported."""
    for i, unit in enumerate(units):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            done = run_unit(unit)
            _RESULTS.put((chunk_id, i, done))
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    return len(units)


class _Skip(Exception):
    pass


def read_text_file(path: Path, limit: int) -> bytes:
    """The bytes of a file we may rewrite; _Skip says why not."""
    from .files import read

    try:
        st = os.stat(path)
    except OSError as e:
        raise _Skip(f"unreadable: {e.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise _Skip("not a regular file")
    if st.st_size > limit:
        raise _Skip(f"huge: {st.st_size} bytes (the limit is {limit})")
    try:
        data = read(path)
    except FileError as e:
        raise _Skip(f"unreadable: {e}") from None
    if b"\0" in data:
        raise _Skip("binary: contains NUL bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _Skip(f"binary or not UTF-8 (byte {e.start})") from None
    return data


def _diff(label: str, before: bytes | None, after: bytes) -> str:
    from .cli import unified_diff

    text = unified_diff(label, before or b"", after)
    if before is None:
        text = text.replace(f"--- a/{label}\n", "--- /dev/null\n", 1)
    return text


_FROM_IMAGE = re.compile(rb"(?im)^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*([^\s#]+)")


def final_base_change(before: bytes, after: bytes) -> tuple[str, str] | None:
    """(old, new) image of the last FROM when a rewrite changed it (for the
    report's base-image estimate). Only a cheap look at FROM lines: no
    parse; a FROM inside a heredoc could fool it, and then the estimate is
    merely missing or off, never the rewrite."""
    a, b = _FROM_IMAGE.findall(before), _FROM_IMAGE.findall(after)
    if not a or not b or a[-1] == b[-1]:
        return None
    return a[-1].decode("utf-8", "replace"), b[-1].decode("utf-8", "replace")


def _rows(fixes) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in fixes]


def _run_docker_unit(unit: DockerUnit, job: Job, stop) -> list[FileResult]:
    from .chain import RewriteError, rewrite
    from .files import write_atomic

    results: list[FileResult] = []
    docs = []  # (path, document after rewrite) for the .dockerignore plan
    complete = True
    for path, label in unit.files:
        if stop.is_set():
            results.append(FileResult(label, "dockerfile", NOT_PROCESSED, reason="interrupted"))
            complete = False
            continue
        try:
            data = read_text_file(Path(path), MAX_DOCKERFILE_BYTES)
        except _Skip as e:
            results.append(FileResult(label, "dockerfile", SKIPPED, reason=str(e)))
            complete = False
            continue
        try:
            res = rewrite(data, job.options)
        except RewriteError as e:
            results.append(FileResult(label, "dockerfile", FAILED, reason=str(e)))
            complete = False
            continue
        except Exception as e:  # a bug must not stop the run
            results.append(FileResult(label, "dockerfile", FAILED, reason=f"internal error: {type(e).__name__}: {e}"))
            complete = False
            continue
        r = FileResult(label, "dockerfile", CHANGED if res.changed else UNCHANGED,
                       fixes=_rows(res.applied), notes=_rows(res.notes))
        if res.changed:
            r.base_image = final_base_change(data, res.output)
            if job.want_diff:
                r.diff = _diff(label, data, res.output)
            if job.write:
                try:
                    write_atomic(Path(path), res.output)
                except FileError as e:
                    r.status, r.reason = FAILED, str(e)
                    complete = False
        results.append(r)
        docs.append((path, res.document))
    if job.dockerignore and docs and not stop.is_set():
        results.append(_run_dockerignore(unit, docs, complete, job))
    return results


def _run_dockerignore(unit: DockerUnit, docs, complete: bool, job: Job) -> FileResult:
    from .document import DocumentError
    from .files import write_atomic
    from .transforms.dsl200_dockerignore import Dockerignore, PlanError

    label = unit.ignore_label
    if not complete:
        return FileResult(label, "dockerignore", UNCHANGED,
                          notes=[("DSL200", 0, "not planned: a Dockerfile sharing this build context "
                                               "could not be processed")])
    try:
        parsed = [(Path(p), d) for p, d in docs]
        plan = Dockerignore().plan_details(parsed[0][0], parsed[0][1], others=[d for _, d in parsed[1:]],
                                           ignore_file=Path(unit.ignore_path), tracked=unit.tracked)
    except (DocumentError, PlanError) as e:
        return FileResult(label, "dockerignore", SKIPPED, reason=str(e))
    except Exception as e:
        return FileResult(label, "dockerignore", FAILED, reason=f"internal error: {type(e).__name__}: {e}")
    r = FileResult(label, "dockerignore", UNCHANGED, notes=[("DSL200", 0, m) for m in plan.skipped])
    if plan.content is None:
        return r
    r.status = CHANGED
    r.fixes = [("DSL200", line, msg) for line, msg in plan.added]
    r.context_bytes_saved = plan.context_bytes_saved
    if job.want_diff:
        r.diff = _diff(label, plan.current, plan.content)
    if job.write:
        try:
            write_atomic(Path(unit.ignore_path), plan.content)
        except FileError as e:
            r.status, r.reason = FAILED, str(e)
    return r


def _run_python_unit(unit: PythonUnit, job: Job, stop) -> list[FileResult]:
    from .files import write_atomic

    if stop.is_set():
        return [FileResult(unit.label, "python", NOT_PROCESSED, reason="interrupted")]
    try:
        data = read_text_file(Path(unit.path), MAX_PYTHON_BYTES)
    except _Skip as e:
        return [FileResult(unit.label, "python", SKIPPED, reason=str(e))]
    from .embedded import might_embed, rewrite_module

    if not might_embed(data):
        return []  # no Dockerfile in it: not worth a line in the report
    try:
        res = rewrite_module(data, job.options)
    except Exception as e:
        return [FileResult(unit.label, "python", FAILED, reason=f"{type(e).__name__}: {e}")]
    if not res.found:
        return []
    r = FileResult(unit.label, "python", CHANGED if res.changed else UNCHANGED,
                   fixes=res.fixes, notes=res.notes)
    if res.changed:
        if job.want_diff:
            r.diff = _diff(unit.label, data, res.output)
        if job.write:
            try:
                write_atomic(Path(unit.path), res.output)
            except FileError as e:
                r.status, r.reason = FAILED, str(e)
    return [r]


def run_unit(unit) -> tuple[int, list[FileResult]]:
    """One unit of work in a worker (or in-process with --jobs 1): the number
    of files it stands for (for progress) and the results."""
    job, stop = _JOB, _STOP
    try:
        if isinstance(unit, PythonUnit):
            return 1, _run_python_unit(unit, job, stop)
        return len(unit.files), _run_docker_unit(unit, job, stop)
    except Exception as e:  # never lose the other files of the chunk
        label = unit.label if isinstance(unit, PythonUnit) else unit.files[0][1]
        return _unit_size(unit), [FileResult(label, "python" if isinstance(unit, PythonUnit) else "dockerfile",
                                             FAILED, reason=f"internal error: {type(e).__name__}: {e}")]


# ---------------------------------------------------------------------------
# the parent side


def _label(p: Path) -> str:
    s = os.path.relpath(p) if _inside(os.path.abspath(p), os.getcwd()) else str(p)
    return s.replace(os.sep, "/")


def _ignore_target(dockerfile: Path) -> Path:
    """The ignore file BuildKit reads for this Dockerfile, its folder being the
    build context: ``<name>.dockerignore`` beside it if present, else the
    folder's ``.dockerignore``."""
    own = dockerfile.with_name(dockerfile.name + ".dockerignore")
    return own if own.is_file() else dockerfile.parent / ".dockerignore"


class _TrackedIndex:
    """Tracked paths per worktree, asked once, for the .dockerignore plans."""

    def __init__(self) -> None:
        self._by_top: dict[Path, list[str] | None] = {}

    def under(self, top: Path | None, folder: Path) -> list[str] | None:
        if top is None:
            return None
        from . import gitops

        real_top = Path(os.path.realpath(top))
        if real_top not in self._by_top:
            try:
                self._by_top[real_top] = gitops.tracked(real_top)
            except gitops.GitError:
                self._by_top[real_top] = None
        paths = self._by_top[real_top]
        if paths is None:
            return None
        rel = os.path.relpath(os.path.realpath(folder), real_top).replace(os.sep, "/")
        if rel == ".":
            return list(paths)
        prefix = rel + "/"
        return [p[len(prefix):] for p in paths if p.startswith(prefix)]


def make_units(found: Discovery, dockerignore: bool) -> list:
    groups: dict[Path, list[Path]] = {}
    for p in found.dockerfiles:
        groups.setdefault(_ignore_target(p), []).append(p)
    index = _TrackedIndex()
    units: list = []
    for target, paths in groups.items():
        tracked = index.under(found.tops.get(paths[0]), target.parent) if dockerignore else None
        units.append(DockerUnit([(str(p), _label(p)) for p in paths], str(target), _label(target), tracked))
    units += [PythonUnit(str(p), _label(p)) for p in found.python]
    return units


def _unit_size(unit) -> int:
    return len(unit.files) if isinstance(unit, DockerUnit) else 1


class _Reporter:
    """Progress on stderr: a rich progress bar on a terminal, else one line per
    file that changed, failed or was skipped."""

    def __init__(self, total: int, quiet: bool, dry: bool) -> None:
        self.quiet = quiet
        self.dry = dry
        self.progress = None
        if not quiet and sys.stderr.isatty() and os.environ.get("TERM") != "dumb":
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("migrate"), BarColumn(), MofNCompleteColumn(),
                                     TextColumn("files"), TimeRemainingColumn(), console=Console(stderr=True),
                                     transient=True)
            self.task = self.progress.add_task("migrate", total=total)
            self.progress.start()

    def line(self, text: str) -> None:
        if self.progress is not None:
            self.progress.console.print(text, markup=False, highlight=False)
        else:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()

    def advance(self, n: int) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, n)

    def file_done(self, r: FileResult) -> None:
        if self.quiet and r.status not in (FAILED,):
            return
        if r.status == CHANGED:
            codes = ", ".join(sorted({f[0] for f in r.fixes}))
            verb = "would change" if self.dry else "changed"
            self.line(f"{r.path}: {verb} ({len(r.fixes)} fix(es): {codes})")
        elif r.status in (FAILED, SKIPPED):
            self.line(f"{r.path}: {r.status}: {r.reason}")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def execute(units: list, job: Job, jobs: int, reporter: _Reporter) -> tuple[list[FileResult], bool]:
    """Run the units; returns the results and whether the run was interrupted."""
    global _JOB, _STOP
    results: list[FileResult] = []
    interrupted = False

    def take(done: tuple[int, list[FileResult]]) -> None:
        n, rs = done
        for r in rs:
            results.append(r)
            reporter.file_done(r)
        reporter.advance(n)

    if jobs <= 1 or len(units) <= 1:
        stop = _Flag()
        _JOB, _STOP = job, stop

        def on_sigint(signum, frame):  # finish the current file, then stop
            stop.set()

        old = signal.signal(signal.SIGINT, on_sigint)
        try:
            for unit in units:
                take(run_unit(unit))
        finally:
            signal.signal(signal.SIGINT, old)
        return results, stop.is_set()

    import multiprocessing
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("spawn")
    workers: dict = {}  # pool -> its worker processes
    stop = ctx.Event()
    queue = ctx.SimpleQueue()  # unit results; written synchronously by workers

    def new_pool(n: int) -> ProcessPoolExecutor:
        # Workers are spawned with SIGINT ignored, and keep ignoring it (a
        # terminal sends it to the whole process group): only the parent
        # reacts, by setting `stop`; a worker always finishes its file.
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            pool = ProcessPoolExecutor(n, mp_context=ctx, initializer=_init_worker, initargs=(job, stop, queue))
            # start them all now, while SIGINT is ignored (each submit that
            # finds no idle worker starts one)
            for f in [pool.submit(int) for _ in range(n)]:
                f.result()
            workers[pool] = list((getattr(pool, "_processes", None) or {}).values())
        finally:
            signal.signal(signal.SIGINT, old)
        return pool

    def wait_for_workers(pool: ProcessPoolExecutor) -> None:
        """Let the workers of a broken pool exit, taking what they report:
        the pool marks its futures failed before it terminates the workers,
        and a worker finishes (and reports) the unit in hand first."""
        procs = workers.pop(pool, [])
        if not procs:  # the executor's processes are not visible: wait for it
            pool.shutdown(wait=True)
        pool.shutdown(wait=False, cancel_futures=True)
        while any(p.is_alive() for p in procs):
            drain()
            time.sleep(0.005)
        drain()

    def on_sigint(signum, frame):
        nonlocal interrupted
        if not interrupted:
            interrupted = True
            stop.set()
            reporter.line("interrupted: finishing the files being written, then stopping")

    def failed(unit, reason: str, status: str = FAILED) -> tuple[int, list[FileResult]]:
        if isinstance(unit, PythonUnit):
            return 1, [FileResult(unit.label, "python", status, reason=reason)]
        return len(unit.files), [FileResult(lbl, "dockerfile", status, reason=reason) for _, lbl in unit.files]

    size = max(1, min(32, len(units) // (jobs * 8) or 1))
    chunks = {k: units[i:i + size] for k, i in enumerate(range(0, len(units), size))}
    pending = deque(chunks)
    received: dict[int, set[int]] = {k: set() for k in chunks}

    def drain(block_for: int | None = None) -> None:
        """Take the results that arrived (all of chunk ``block_for``)."""
        while (block_for is not None and len(received[block_for]) < len(chunks[block_for])) or not queue.empty():
            cid, i, done = queue.get()
            received[cid].add(i)
            take(done)

    old = signal.signal(signal.SIGINT, on_sigint)
    pool = new_pool(jobs)
    try:
        inflight: dict = {}
        while pending or inflight:
            if stop.is_set() and pending:
                for cid in pending:
                    for u in chunks[cid]:
                        take(failed(u, "interrupted", NOT_PROCESSED))
                pending.clear()
            broken = False
            while pending and len(inflight) < jobs * 2:
                cid = pending.popleft()
                try:
                    inflight[pool.submit(run_chunk, cid, chunks[cid])] = cid
                except BrokenProcessPool:  # a worker died since the last wait
                    pending.appendleft(cid)
                    broken = True
                    break
            if not inflight and not broken:
                break
            done, _ = (set(), None) if broken else wait(inflight, timeout=0.2, return_when=FIRST_COMPLETED)
            drain()
            for fut in done:
                cid = inflight.pop(fut)
                try:
                    fut.result()
                    drain(block_for=cid)
                except BrokenProcessPool:
                    broken = True
                    inflight[fut] = cid
            if not broken:
                continue
            # A worker died (a crash in native code): the pool is gone. Units
            # of the chunks in flight that reported nothing are run again one
            # at a time, each in a fresh worker, to find the one it died on.
            wait_for_workers(pool)
            suspects = [u for cid in inflight.values() for i, u in enumerate(chunks[cid]) if i not in received[cid]]
            inflight.clear()
            for unit in suspects:
                if stop.is_set():
                    take(failed(unit, "interrupted", NOT_PROCESSED))
                    continue
                solo = new_pool(1)
                try:
                    take(solo.submit(run_unit, unit).result())
                except BrokenProcessPool:
                    take(failed(unit, "the worker process crashed on it"))
                finally:
                    solo.shutdown(wait=True)
                    workers.pop(solo, None)
            pool = new_pool(jobs)
    except BaseException:
        stop.set()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # let workers finish their file: never half-written
        drain()
        signal.signal(signal.SIGINT, old)
    return results, interrupted or stop.is_set()


def _changed_paths(results: list[FileResult], top: Path) -> dict[str, FileResult]:
    """Changed files by their path relative to the worktree."""
    out = {}
    for r in sorted((r for r in results if r.status == CHANGED), key=lambda r: r.path):
        out[os.path.relpath(os.path.abspath(r.path), os.path.realpath(top)).replace(os.sep, "/")] = r
    return out


def _commit_message(changed: dict[str, FileResult]) -> tuple[list[str], str]:
    from .registry import by_code

    names = {c: t.name for c, t in by_code().items()}
    paths, lines = [], []
    for rel, r in changed.items():
        paths.append(rel)
        counts: dict[str, int] = {}
        for code, _, _ in r.fixes:
            counts[code] = counts.get(code, 0) + 1
        rules = ", ".join(f"{c} {names.get(c, '')}".strip() + (f" (x{n})" if n > 1 else "")
                          for c, n in sorted(counts.items()))
        lines.append(f"- {rel}: {rules}")
    head = f"Rewrite {len(changed)} file(s) with dslim-rewrite migrate"
    return paths, head + "\n\nRules applied per file:\n" + "\n".join(lines) + "\n"


app = typer.Typer(add_completion=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})


@app.command(help="Rewrite every Dockerfile below ROOT (in parallel), optionally on a new git branch, "
             "with a report. Also creates or extends each build context's .dockerignore (DSL200).")
def migrate_command(
    roots: List[Path] = typer.Argument(..., metavar="ROOT...", help="Folders (or files) to migrate."),
    jobs: int = typer.Option(0, "-j", "--jobs", help="Worker processes (default: the number of cores)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write nothing; print one unified diff for everything."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if a file would change."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes marked unsafe."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these transforms."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these transforms."),
    merge_builder_stages: bool = typer.Option(False, "--merge-builder-stages", help="Also collapse RUNs in builder stages."),
    style: Optional[str] = typer.Option(None, "--style", help="Cache handling: delete (default) or cache-mount."),
    config_file: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of searching."),
    report: Optional[Path] = typer.Option(None, "--report", help="Write a report: FILE.md, .html, .json or .sarif."),
    fmt: str = typer.Option("text", "--format", help="stdout: text (diff with --dry-run), json or sarif."),
    git_branch: Optional[str] = typer.Option(None, "--git-branch", help="Commit the changes on this new branch."),
    python: bool = typer.Option(False, "--python", help="Also rewrite Dockerfiles inside Python string literals "
                                "(needs dslim-rewrite[python])."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print only failures and the summary."),
) -> None:
    from . import config as cfgmod
    from .cli import OptionError, _err, build_options

    started = time.perf_counter()
    if fmt not in ("text", "json", "sarif"):
        _err("error: --format must be text, json or sarif")
        raise typer.Exit(EXIT_USAGE)
    if report is not None and report.suffix.lower() not in (".md", ".html", ".htm", ".json", ".sarif"):
        _err("error: --report needs a .md, .html, .json or .sarif file name")
        raise typer.Exit(EXIT_USAGE)
    if style not in (None, "delete", "cache-mount"):
        _err("error: --style must be delete or cache-mount")
        raise typer.Exit(EXIT_USAGE)
    if git_branch and (dry_run or check):
        _err("error: --git-branch commits changes; it cannot be combined with --dry-run or --check")
        raise typer.Exit(EXIT_USAGE)
    missing = [str(r) for r in roots if not os.path.lexists(r)]
    if missing:
        _err(f"error: no such file or folder: {', '.join(missing)}")
        raise typer.Exit(EXIT_USAGE)
    if python:
        try:
            import importlib.util

            if importlib.util.find_spec("libcst") is None:
                raise ImportError
        except ImportError:
            _err("error: --python needs libcst: pip install 'dslim-rewrite[python]'")
            raise typer.Exit(EXIT_USAGE)
    try:
        config = cfgmod.load(config_file if config_file is not None else cfgmod.find(roots[0]))
        options = build_options(config, select, ignore, unsafe_fixes, merge_builder_stages, style)
    except cfgmod.ConfigError as e:
        _err(f"error: config: {e}")
        raise typer.Exit(EXIT_USAGE)
    except OptionError as e:
        _err(f"error: {e}")
        raise typer.Exit(EXIT_USAGE)

    from . import gitops

    top = None
    if git_branch:
        tops = {gitops.toplevel(r if r.is_dir() else r.parent) for r in roots}
        if None in tops or len(tops) != 1:
            _err("error: --git-branch needs every ROOT inside one git worktree")
            raise typer.Exit(EXIT_USAGE)
        top = tops.pop()
        try:
            dirt = gitops.dirty(top)
            why = gitops.check_branch_name(top, git_branch)
        except gitops.GitError as e:
            _err(f"error: {e}")
            raise typer.Exit(EXIT_USAGE)
        if dirt:
            shown = "\n".join(f"  {d}" for d in dirt[:10]) + ("\n  ..." if len(dirt) > 10 else "")
            _err(f"error: the worktree {top} has uncommitted changes or untracked files; commit or stash "
                 f"them first (--git-branch commits only what migrate changes):\n{shown}")
            raise typer.Exit(EXIT_USAGE)
        if why:
            _err(f"error: --git-branch: {why}")
            raise typer.Exit(EXIT_USAGE)

    write = not (dry_run or check)
    dockerignore = "DSL200" not in options.ignore and (options.select is None or "DSL200" in options.select)
    found = discover(list(roots), config.exclude, python=python)
    units = make_units(found, dockerignore)
    job = Job(options=options, write=write, want_diff=dry_run and fmt == "text", dockerignore=dockerignore,
              python=python)
    n_jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    n_jobs = max(1, min(n_jobs, len(units)))
    reporter = _Reporter(sum(_unit_size(u) for u in units) + len(found.skipped), quiet, not write)
    for w in found.warnings:
        reporter.line(f"warning: {w}")
    results = [FileResult(_label(p), "python" if p.suffix == ".py" else "dockerfile", SKIPPED, reason=why)
               for p, why in found.skipped]
    for r in results:
        reporter.file_done(r)
    reporter.advance(len(results))
    try:
        done, interrupted = execute(units, job, n_jobs, reporter)
    finally:
        reporter.close()
    results += done
    results.sort(key=lambda r: (r.path, r.kind))
    elapsed = time.perf_counter() - started

    from .report import Summary

    summary = Summary.of(results, dry_run=not write, interrupted=interrupted, elapsed=elapsed,
                         gitignored=found.gitignored, jobs=n_jobs, settings=options.settings)
    if report is not None:
        from .files import write_atomic
        from .report import render

        try:
            write_atomic(report, render(report.suffix.lower().lstrip("."), summary).encode("utf-8"))
        except FileError as e:
            _err(f"error: cannot write the report {report}: {e}")
    if fmt == "text" and dry_run:
        for r in summary.results:
            if r.diff:
                sys.stdout.write(r.diff)
    elif fmt in ("json", "sarif"):
        from .report import render

        sys.stdout.write(render(fmt, summary))
    sys.stdout.flush()

    commit_note = ""
    if git_branch and not interrupted:
        changed = _changed_paths(summary.results, top)
        try:
            left_out = gitops.ignored(Path(os.path.realpath(top)), list(changed))
        except gitops.GitError:
            left_out = set()
        if left_out:
            _err("not committed (ignored by .gitignore): " + ", ".join(sorted(left_out)))
        paths, message = _commit_message({k: v for k, v in changed.items() if k not in left_out})
        if not paths:
            commit_note = "nothing changed: no branch created"
        else:
            try:
                sha = gitops.commit_on_new_branch(top, git_branch, paths, message)
                commit_note = f"committed on branch {git_branch} ({sha[:12]}); nothing was pushed"
            except gitops.GitError as e:
                _err(f"error: {e}")
                commit_note = "the changes are in the worktree, not committed"
    elif git_branch:
        commit_note = "interrupted: nothing committed; the files written so far are in the worktree"

    c = summary.counts
    verb = "would change" if not write else "changed"
    msg = (f"{c[CHANGED]} file(s) {verb}, {c[UNCHANGED]} unchanged, {c[FAILED]} failed, {c[SKIPPED]} skipped"
           + (f", {c[NOT_PROCESSED]} not processed (interrupted)" if c[NOT_PROCESSED] or interrupted else "")
           + (f", {found.gitignored} ignored by .gitignore" if found.gitignored else "")
           + f"; {summary.n_fixes} fix(es) in {elapsed:.1f}s with {n_jobs} job(s)")
    _err(msg + (f"\n{commit_note}" if commit_note else ""))
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if c[FAILED]:
        raise typer.Exit(EXIT_FAILED)
    if (dry_run or check) and c[CHANGED]:
        raise typer.Exit(EXIT_CHANGES)
    raise typer.Exit(EXIT_OK)
