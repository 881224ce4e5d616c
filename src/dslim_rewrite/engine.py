"""Talking to a Docker engine: build, inspect, history, run, export layers, clean up.

Used by ``dslim-rewrite verify`` and by the end-to-end tests. Nothing here is
imported at CLI start-up: the Docker SDK for Python is loaded by ``connect()``
only.

- API calls (ping, inspect, history, save, run, remove) go through the Docker
  SDK, which honours ``DOCKER_HOST`` (and ``DOCKER_TLS_VERIFY``/``DOCKER_CERT_PATH``).
- Builds go through the docker CLI with ``DOCKER_BUILDKIT=1`` when a client that
  can use BuildKit is found (``$DSLIM_DOCKER_CLI``, else Debian's
  ``/usr/bin/docker``, else a ``docker`` on PATH that has buildx); otherwise
  (or with ``DSLIM_DOCKER_CLI=sdk``) through the SDK's classic builder. Builds use host networking (no bridge
  exists on the machines this runs on); containers run with no network.

The second half of the module reads an image as ``docker save`` writes it and
replays its layers the way overlayfs stacks them: the files each image really
shows, and the bytes each layer adds that a later layer deletes or overwrites
("wasted" bytes, as dive counts them, except that the copy that survives is not
counted). It needs no engine and is unit-tested on hand-made tarballs.
"""

from __future__ import annotations

import heapq
import io
import itertools
import json
import os
import posixpath
import secrets
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

from .records import field, record

DEFAULT_CLI = "/usr/bin/docker"
START_HINT = ("start one with `tests/e2e/engine.sh` (as root), or "
              "`dockerd --bridge=none --iptables=false --ip6tables=false &`, "
              "or point DOCKER_HOST at a running engine")

_tag_counter = itertools.count(1)


class EngineUnavailable(RuntimeError):
    """No Docker engine answers (or the Docker SDK for Python is missing)."""


class BuildError(RuntimeError):
    """``docker build`` failed; ``log`` holds the builder's output."""

    def __init__(self, message: str, log: str = ""):
        super().__init__(message)
        self.log = log

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.rstrip("\n").splitlines()[-lines:])


def unique_repo(prefix: str = "dslim-verify") -> str:
    """A repository name no other run uses: ``<prefix>-<pid>-<n>-<random>``.

    The pid and counter keep runs of one machine apart; the random part keeps
    apart processes of different PID namespaces sharing one engine.
    """
    return f"{prefix}-{os.getpid()}-{next(_tag_counter)}-{secrets.token_hex(3)}"


def engine_host() -> str:
    return os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"


def find_cli() -> tuple[str | None, bool]:
    """(path of a docker CLI, whether it builds with BuildKit)."""
    forced = os.environ.get("DSLIM_DOCKER_CLI")
    if forced == "sdk":  # the SDK's classic builder, even when a CLI is there
        return None, False
    if forced:
        return forced, True
    if os.access(DEFAULT_CLI, os.X_OK):
        # Debian's 20.10 client has BuildKit built in (DOCKER_BUILDKIT=1)
        return DEFAULT_CLI, True
    other = shutil.which("docker")
    if other:
        # newer clients need the buildx plugin for BuildKit; without it
        # DOCKER_BUILDKIT=1 is an error, so use the SDK's builder instead
        ok = subprocess.run([other, "buildx", "version"], capture_output=True).returncode == 0
        return (other, True) if ok else (None, False)
    return None, False


@record
class Built:
    tag: str
    image_id: str
    seconds: float
    log: str


@record
class RunResult:
    exit_code: int | None  # None: killed after the timeout
    stdout: bytes
    stderr: bytes
    timed_out: bool
    seconds: float


@record
class HistoryEntry:
    created_by: str
    size: int
    empty_layer: bool
    layer: int | None = None  # index in the image's layers, None for a metadata-only step


class Engine:
    """One connection to one engine. Create it with ``connect()``."""

    def __init__(self, client, cli: str | None, buildkit: bool):
        self.client = client
        self.cli = cli
        self.buildkit = bool(cli and buildkit)
        self.host = engine_host()

    def clone(self) -> Engine:
        """Another connection to the same engine (one per thread)."""
        import docker

        return Engine(docker.from_env(timeout=3600), self.cli, self.buildkit)

    @property
    def builder(self) -> str:
        return f"BuildKit via {self.cli}" if self.buildkit else "classic builder via the Docker SDK"

    # -- build ------------------------------------------------------------
    def build(self, dockerfile: Path, context: Path, tag: str, *, build_args: dict[str, str] | None = None,
              no_cache: bool = False, network: str = "host", timeout: float | None = None) -> Built:
        """Build ``dockerfile`` with ``context`` and tag the image ``tag``."""
        t0 = time.monotonic()
        if self.buildkit:
            image_id, log = self._build_cli(dockerfile, context, tag, build_args or {}, no_cache, network, timeout)
        else:
            image_id, log = self._build_sdk(dockerfile, context, tag, build_args or {}, no_cache, network)
        return Built(tag, image_id, time.monotonic() - t0, log)

    def _build_cli(self, dockerfile, context, tag, build_args, no_cache, network, timeout):
        with tempfile.TemporaryDirectory(prefix="dslim-iid-") as tmp:
            iidfile = os.path.join(tmp, "iid")
            cmd = [self.cli, "build", "--progress=plain", f"--network={network}", "-f", str(dockerfile),
                   "-t", tag, "--iidfile", iidfile]
            if no_cache:
                cmd.append("--no-cache")
            for k, v in build_args.items():
                cmd += ["--build-arg", f"{k}={v}"]
            cmd.append(str(context))
            env = dict(os.environ, DOCKER_BUILDKIT="1")
            try:
                proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                      timeout=timeout, stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired as e:
                raise BuildError(f"build timed out after {timeout:.0f}s", (e.output or b"").decode("utf-8", "replace"))
            log = proc.stdout.decode("utf-8", "replace")
            if proc.returncode != 0:
                raise BuildError(_build_failure(log) or f"docker build exited with {proc.returncode}", log)
            with open(iidfile, encoding="ascii") as f:
                return f.read().strip(), log

    def _build_sdk(self, dockerfile, context, tag, build_args, no_cache, network):
        lines: list[str] = []
        image_id = None
        stream = self.client.api.build(path=str(context), dockerfile=str(Path(dockerfile).resolve()), tag=tag,
                                       rm=True, forcerm=True, nocache=no_cache, network_mode=network,
                                       buildargs=build_args or None, decode=True)
        for chunk in stream:
            if "stream" in chunk:
                lines.append(chunk["stream"])
            if "error" in chunk:
                log = "".join(lines) + chunk["error"]
                raise BuildError(chunk["error"].strip(), log)
            aux = chunk.get("aux")
            if isinstance(aux, dict) and "ID" in aux:
                image_id = aux["ID"]
        log = "".join(lines)
        if image_id is None:
            image_id = self.inspect(tag)["Id"]
        return image_id, log

    # -- read -------------------------------------------------------------
    def inspect(self, ref: str) -> dict:
        return self.client.api.inspect_image(ref)

    def exists(self, ref: str) -> bool:
        import docker.errors

        try:
            self.client.api.inspect_image(ref)
            return True
        except docker.errors.ImageNotFound:
            return False

    def history(self, ref: str) -> list[HistoryEntry]:
        """The image's steps, oldest first, with the size ``docker history`` shows."""
        rows = list(reversed(self.client.api.history(ref)))
        out = []
        for r in rows:
            created_by = r.get("CreatedBy") or ""
            out.append(HistoryEntry(created_by, int(r.get("Size") or 0), empty_layer=False))
        return out

    def save(self, ref: str) -> SavedImage:
        """Stream ``docker save`` of one image and read its layers (nothing is written to disk)."""
        raw = self.client.api.get_image(ref, chunk_size=1 << 20)
        return read_saved_image(io.BufferedReader(_IterReader(raw), 1 << 20))

    # -- run --------------------------------------------------------------
    def run(self, ref: str, command: list[str] | None = None, *, timeout: float = 60.0, network: str = "none",
            hostname: str = "dslim-verify") -> RunResult:
        """Run a container to completion (or kill it after ``timeout``) and remove it."""
        import requests.exceptions

        t0 = time.monotonic()
        c = self.client.containers.create(ref, command=command, network_mode=network, hostname=hostname,
                                          detach=True, stdin_open=False, tty=False,
                                          labels={"dslim-rewrite.verify": "1"})
        try:
            c.start()
            timed_out = False
            try:
                code = int(c.wait(timeout=timeout)["StatusCode"])
            except (requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError):
                timed_out, code = True, None
                try:
                    c.kill()
                except Exception:  # already stopped between the timeout and the kill
                    pass
                c.wait(timeout=30)
            stdout = c.logs(stdout=True, stderr=False)
            stderr = c.logs(stdout=False, stderr=True)
        finally:
            c.remove(force=True)
        return RunResult(code, stdout, stderr, timed_out, time.monotonic() - t0)

    # -- clean up ---------------------------------------------------------
    def remove_image(self, ref: str) -> bool:
        """Remove a tag (the image goes when no other tag names it). False when it was not there."""
        import docker.errors

        try:
            self.client.api.remove_image(ref, force=False, noprune=False)
            return True
        except docker.errors.ImageNotFound:
            return False
        except docker.errors.APIError as e:
            if e.status_code == 409:  # a container still uses it: only ours could, and they are gone
                self.client.api.remove_image(ref, force=True, noprune=False)
                return True
            raise

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:
            pass


def connect(timeout: float = 10.0) -> Engine:
    """An ``Engine`` for the engine at ``DOCKER_HOST``, or ``EngineUnavailable``."""
    try:
        import docker
    except ImportError:
        raise EngineUnavailable("the Docker SDK for Python is not installed "
                                "(pip install 'dslim-rewrite[verify]')") from None
    host = engine_host()
    try:
        client = docker.from_env(timeout=timeout)
        client.ping()
    except Exception as e:  # DockerException, requests errors, bad DOCKER_HOST …
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise EngineUnavailable(f"no Docker engine reachable at {host} ({reason[:200]})") from None
    client.close()
    # a long timeout for builds, saves and waits; ping above used a short one
    client = docker.from_env(timeout=3600)
    cli, buildkit = find_cli()
    return Engine(client, cli, buildkit)


def _build_failure(log: str) -> str:
    """The most telling line of a failed BuildKit build."""
    for line in reversed(log.splitlines()):
        s = line.strip()
        if s.startswith(("ERROR:", "error:", "failed to solve")) or "did not complete successfully" in s:
            return s[:300]
    return ""


class _IterReader(io.RawIOBase):
    """A readable stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterable[bytes]):
        self._it = iter(chunks)
        self._buf = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not len(self._buf):
            try:
                self._buf = memoryview(next(self._it))
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


# ---------------------------------------------------------------------------
# Layers: reading ``docker save`` output and replaying it as overlayfs does
# ---------------------------------------------------------------------------

WHITEOUT = ".wh."
OPAQUE = ".wh..wh..opq"
CAPTURE_LIMIT = 16 << 20


def default_capture(path: str) -> bool:
    """Small files worth keeping the content of: dpkg's database."""
    if path == "var/lib/dpkg/status" or path.startswith("var/lib/dpkg/status.d/"):
        return True
    return path.startswith("var/lib/dpkg/info/") and path.endswith(".list")


@record(slots=True)
class Entry:
    """One path as a layer writes it."""

    kind: str  # file, dir, symlink, hardlink, other
    size: int  # content bytes of a regular file, else 0
    layer: int = -1  # the layer that wrote this version
    link: str = ""  # target of a symlink or hardlink


@record
class Layer:
    """What one layer tar says: paths it writes, paths it deletes."""

    entries: list[tuple[str, Entry]] = field(default_factory=list)
    whiteouts: list[str] = field(default_factory=list)  # paths deleted (with everything below)
    opaque: list[str] = field(default_factory=list)  # folders whose lower contents are hidden
    captured: dict[str, bytes] = field(default_factory=dict)

    @property
    def content_bytes(self) -> int:
        return sum(e.size for _, e in self.entries)


@record
class SavedImage:
    config: dict
    layers: list[Layer]
    diff_ids: list[str]

    @property
    def history(self) -> list[dict]:
        return list(self.config.get("history") or [])


def norm_path(name: str) -> str:
    """A tar member name as a path relative to / without ./ or trailing / ("" is /)."""
    p = posixpath.normpath("/" + name).lstrip("/")
    return "" if p == "." else p


class _Stream:
    """Exact reads and fast skips over a binary stream, optionally bounded to
    ``limit`` bytes (a member of an enclosing tar)."""

    _scratch = bytearray(1 << 20)

    def __init__(self, fileobj, limit: int | None = None):
        self._f = fileobj
        self.left = limit

    def readinto(self, b) -> int:
        view = memoryview(b)
        if self.left is not None:
            if self.left <= 0:
                return 0
            view = view[: self.left]
        n = self._f.readinto(view) or 0
        if self.left is not None:
            self.left -= n
        return n

    def read(self, n: int) -> bytes:
        buf = bytearray(n)
        view = memoryview(buf)
        got = 0
        while got < n:
            k = self.readinto(view[got:])
            if not k:
                break
            got += k
        return bytes(buf[:got])

    def skip(self, n: int) -> None:
        view = memoryview(self._scratch)
        while n > 0:
            k = self.readinto(view[: min(n, len(view))])
            if not k:
                raise ValueError("tar stream ends inside a member")
            n -= k


@record
class _Member:
    name: str
    type: bytes
    size: int
    linkname: str
    data: _Stream  # the member's content; read it before asking for the next member


def _pax_records(buf: bytes) -> dict[str, str]:
    out = {}
    pos = 0
    while pos < len(buf):
        sp = buf.find(b" ", pos)
        if sp < 0:
            break
        length = int(buf[pos:sp])
        if length <= 0:
            raise ValueError("bad pax record")
        rec = buf[sp + 1 : pos + length - 1]
        key, _, value = rec.partition(b"=")
        out[key.decode("utf-8", "surrogateescape")] = value.decode("utf-8", "surrogateescape")
        pos += length
    return out


def _iter_tar(src: _Stream) -> Iterable[_Member]:
    """The members of a tar stream (ustar, GNU long names, pax), read once, in order."""
    pax: dict[str, str] = {}
    global_pax: dict[str, str] = {}
    longname = longlink = None
    while True:
        head = src.read(512)
        if len(head) < 512 or head == b"\0" * 512:
            return
        info = tarfile.TarInfo.frombuf(head, "utf-8", "surrogateescape")
        size = info.size
        pad = -size % 512
        t = info.type
        if t in (tarfile.XHDTYPE, tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE):
            recs = _pax_records(src.read(size))
            src.skip(pad)
            (global_pax if t == tarfile.XGLTYPE else pax).update(recs)
            continue
        if t in (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK):
            value = src.read(size).rstrip(b"\0").decode("utf-8", "surrogateescape")
            src.skip(pad)
            if t == tarfile.GNUTYPE_LONGNAME:
                longname = value
            else:
                longlink = value
            continue
        fields = {**global_pax, **pax}
        name = fields.get("path") or longname or info.name
        link = fields.get("linkpath") or longlink or info.linkname
        if "size" in fields:
            size = int(fields["size"])
            pad = -size % 512
        pax, longname, longlink = {}, None, None
        if t in (tarfile.LNKTYPE, tarfile.SYMTYPE, tarfile.DIRTYPE, tarfile.CHRTYPE, tarfile.BLKTYPE,
                 tarfile.FIFOTYPE):
            size, pad = (0, 0) if info.size == 0 else (size, pad)
        data = _Stream(src, size)
        yield _Member(name, t, size, link, data)
        if data.left:
            src.skip(data.left)
        src.skip(pad)


def _open_layer(src: _Stream, head: bytes):
    """A _Stream of the (maybe gzip-compressed) layer tar whose first bytes are ``head``."""
    joined = _Stream(io.BufferedReader(_Prefixed(head, src), 1 << 20))
    if head[:2] == b"\x1f\x8b":
        import gzip

        return _Stream(gzip.GzipFile(fileobj=joined, mode="rb"))
    return joined


def read_layer(fileobj, capture: Callable[[str], bool] = default_capture) -> Layer:
    """Read one layer tar (a stream is enough, gzip allowed) into a ``Layer``."""
    src = fileobj if isinstance(fileobj, _Stream) else _Stream(fileobj)
    head = src.read(512)
    if not head:
        return Layer()
    return _read_layer(_open_layer(src, head), capture)


def _read_layer(src: _Stream, capture: Callable[[str], bool]) -> Layer:
    layer = Layer()
    for m in _iter_tar(src):
        path = norm_path(m.name)
        if not path:
            continue
        parent, base = posixpath.split(path)
        if base == OPAQUE:
            layer.opaque.append(parent)
            continue
        if base.startswith(WHITEOUT):
            layer.whiteouts.append(posixpath.join(parent, base[len(WHITEOUT):]))
            continue
        t = m.type
        if t in tarfile.REGULAR_TYPES:
            entry = Entry("file", m.size)
            if capture(path) and m.size <= CAPTURE_LIMIT:
                layer.captured[path] = m.data.read(m.size)
        elif t == tarfile.DIRTYPE:
            entry = Entry("dir", 0)
        elif t == tarfile.SYMTYPE:
            entry = Entry("symlink", 0, link=m.linkname)
        elif t == tarfile.LNKTYPE:
            entry = Entry("hardlink", 0, link=norm_path(m.linkname))
        else:
            entry = Entry("other", 0)
        layer.entries.append((path, entry))
    return layer


class _Prefixed(io.RawIOBase):
    """``head`` followed by the rest of ``rest``: lets us peek at a stream."""

    def __init__(self, head: bytes, rest):
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return self._rest.readinto(b)


def _looks_like_tar(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":  # gzip
        return True
    if len(head) >= 262 and head[257:262] == b"ustar":
        return True
    return len(head) == 512 and head == b"\0" * 512  # an empty tar (a layer with no changes)


def read_saved_image(stream, capture: Callable[[str], bool] = default_capture) -> SavedImage:
    """Read ``docker save`` output of one image (classic or OCI layout), as a stream."""
    layers: dict[str, Layer] = {}
    aliases: dict[str, str] = {}
    small: dict[str, bytes] = {}
    src = _Stream(stream if isinstance(stream, io.BufferedIOBase) else io.BufferedReader(stream, 1 << 20))
    for m in _iter_tar(src):
        name = norm_path(m.name)
        if m.type == tarfile.SYMTYPE:
            aliases[name] = norm_path(posixpath.join(posixpath.dirname(name), m.linkname))
        elif m.type == tarfile.LNKTYPE:
            aliases[name] = norm_path(m.linkname)
        elif m.type in tarfile.REGULAR_TYPES:
            head = m.data.read(min(512, m.size))
            if _looks_like_tar(head):
                layers[name] = _read_layer(_open_layer(m.data, head), capture)
            elif m.size <= (64 << 20):
                small[name] = head + m.data.read(m.size - len(head))

    def resolve(name: str) -> str:
        seen = set()
        while name in aliases and name not in seen:
            seen.add(name)
            name = aliases[name]
        return name

    try:
        manifest = json.loads(small[resolve("manifest.json")])[0]
        config = json.loads(small[resolve(norm_path(manifest["Config"]))])
        ordered = [layers[resolve(norm_path(p))] for p in manifest["Layers"]]
    except (KeyError, IndexError, ValueError) as e:
        raise ValueError(f"unexpected docker save output: {e}") from None
    return SavedImage(config, ordered, list(config.get("rootfs", {}).get("diff_ids", [])))


@record
class Wasted:
    path: str
    size: int
    layer: int  # the layer that wrote it
    by: int  # the layer that deleted or overwrote it


@record
class Filesystem:
    """The image's files as a container sees them, plus what got hidden on the way."""

    files: dict[str, Entry]  # path -> the visible version
    wasted_bytes: int
    wasted_by_layer: list[int]  # bytes layer i wrote that a later layer hid
    hidden_by_layer: list[int]  # bytes layer i hid (of lower layers)
    top_wasted: list[Wasted]  # the largest hidden files, largest first
    captured: dict[str, bytes]  # captured contents of visible files

    def bytes(self) -> int:
        return sum(e.size for e in self.files.values())


class _Tree:
    def __init__(self):
        self.files: dict[str, Entry] = {}
        self.children: dict[str, set[str]] = {}

    def add(self, path: str, entry: Entry) -> None:
        self.files[path] = entry
        p = path
        while p:
            parent = posixpath.dirname(p)
            kids = self.children.setdefault(parent, set())
            if p in kids:
                break
            kids.add(p)
            p = parent

    def remove(self, path: str) -> list[tuple[str, Entry]]:
        """Delete ``path`` and everything below it; returns what was visible."""
        gone = []
        stack = [path]
        while stack:
            p = stack.pop()
            e = self.files.pop(p, None)
            if e is not None:
                gone.append((p, e))
            stack.extend(self.children.pop(p, ()))
        if path:
            self.children.get(posixpath.dirname(path), set()).discard(path)
        return gone

    def remove_below(self, folder: str) -> list[tuple[str, Entry]]:
        gone = []
        for kid in list(self.children.get(folder, ())):
            gone += self.remove(kid)
        return gone


def merge_layers(layers: list[Layer], top: int = 20) -> Filesystem:
    """Stack the layers: whiteouts and opaque folders of a layer hide lower
    layers only, then its entries are written; a file (or link) written over a
    lower path hides that path and anything below it, a folder over a folder
    merges with it."""
    tree = _Tree()
    wasted_by = [0] * len(layers)
    hidden_by = [0] * len(layers)
    heap: list[tuple[int, str, int, int]] = []

    def hide(gone: list[tuple[str, Entry]], by: int) -> None:
        for path, e in gone:
            if e.kind != "file" or not e.size:
                continue
            wasted_by[e.layer] += e.size
            hidden_by[by] += e.size
            item = (e.size, path, e.layer, by)
            if len(heap) < top:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)

    for i, layer in enumerate(layers):
        for folder in layer.opaque:
            hide(tree.remove_below(folder), i)
        for path in layer.whiteouts:
            hide(tree.remove(path), i)
        for path, e in layer.entries:
            e = Entry(e.kind, e.size, i, e.link)
            old = tree.files.get(path)
            if old is not None:
                if old.kind == "dir" and e.kind == "dir":
                    tree.files[path] = e
                    continue
                hide(tree.remove(path), i)
            elif e.kind != "dir" and path in tree.children:
                # a file over a folder only implied by lower paths
                hide(tree.remove(path), i)
            tree.add(path, e)

    captured = {}
    for path, e in tree.files.items():
        if e.kind == "file" and 0 <= e.layer < len(layers):
            data = layers[e.layer].captured.get(path)
            if data is not None:
                captured[path] = data
    top_items = [Wasted(p, s, lw, by) for s, p, lw, by in sorted(heap, reverse=True)]
    return Filesystem(tree.files, sum(wasted_by), wasted_by, hidden_by, top_items, captured)


def layer_history(saved: SavedImage, sizes: list[HistoryEntry] | None = None) -> list[HistoryEntry]:
    """Each step of the image's config history, tied to its layer, with sizes.

    ``sizes`` (from the engine's history call, oldest first) gives the sizes
    ``docker history`` shows; without it the layer's content bytes are used.
    """
    out: list[HistoryEntry] = []
    n = 0
    for h in saved.history:
        empty = bool(h.get("empty_layer"))
        entry = HistoryEntry(h.get("created_by", ""), 0, empty, None if empty else n)
        if not empty:
            entry.size = saved.layers[n].content_bytes if n < len(saved.layers) else 0
            n += 1
        out.append(entry)
    if sizes is not None and len(sizes) == len(out):
        for e, s in zip(out, sizes):
            e.size = s.size
    return out

