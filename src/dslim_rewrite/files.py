"""Finding Dockerfiles, reading them safely and writing them atomically."""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
             ".mypy_cache", ".pytest_cache", ".ruff_cache", "vendor", "third_party", "bower_components"}
# A Dockerfile larger than this is not one (the largest real ones are a few
# hundred KB); refusing it up front beats minutes of parsing.
MAX_BYTES = 4 * 1024 * 1024


class FileError(Exception):
    """A file that cannot be processed; the message names the reason."""


def is_dockerfile_name(name: str) -> bool:
    low = name.lower()
    return (
        name in ("Dockerfile", "Containerfile", "dockerfile", "containerfile")
        or name.startswith(("Dockerfile.", "Containerfile."))
        or low.endswith((".dockerfile", ".containerfile"))
    ) and not low.endswith((".dockerignore", ".md", ".orig", ".rej", ".swp", "~"))


def _is_venv(d: Path) -> bool:
    return (d / "pyvenv.cfg").is_file()


def excluded(path: Path, patterns: list[str], root: Path | None = None) -> bool:
    if not patterns:
        return False
    rel = path.as_posix()
    if root is not None:
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            pass
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*")
               for p in patterns)


def discover(root: Path, exclude: list[str] = ()) -> list[Path]:
    """Every Dockerfile below ``root``, sorted, without following symlinked folders."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        d = Path(dirpath)
        dirnames[:] = sorted(
            n for n in dirnames
            if n not in SKIP_DIRS and not _is_venv(d / n) and not excluded(d / n, list(exclude), root)
        )
        for name in sorted(filenames):
            p = d / name
            if is_dockerfile_name(name) and not excluded(p, list(exclude), root):
                found.append(p)
    return found


def read(path: Path) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise FileError("no such file") from None
    except OSError as e:
        raise FileError(e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise FileError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise FileError("not a regular file")
    if st.st_size > MAX_BYTES:
        raise FileError(f"too large ({st.st_size} bytes; the limit is {MAX_BYTES})")
    try:
        # O_NONBLOCK: should the path turn into a FIFO after the check above,
        # opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise FileError("not a regular file")
            data = _read_fd(fd, st.st_size)
        finally:
            os.close(fd)
    except OSError as e:
        raise FileError(e.strerror or str(e)) from None
    if len(data) > MAX_BYTES:  # it grew since the check: never go on with a truncated copy
        raise FileError(f"too large (more than {MAX_BYTES} bytes)")
    return data


def _read_fd(fd: int, size: int) -> bytes:
    """Up to MAX_BYTES + 1 bytes, asking for the size the file had (plus one,
    to see its end) rather than for the limit: a buffered read of MAX_BYTES + 1
    sets up a buffer that large for every file (reading the corpus took 7.9 ms
    that way, 2.3 ms this way)."""
    parts = []
    n = 0
    while n <= MAX_BYTES:
        chunk = os.read(fd, min(max(size + 1 - n, 1 << 16), MAX_BYTES + 1 - n))
        if not chunk:
            break
        parts.append(chunk)
        n += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def check_size(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise FileError(f"too large (more than {MAX_BYTES} bytes)")


def write_atomic(path: Path, data: bytes, *, like: Path | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: readers see
    the old file or the new one, never half of it. The mode of ``like`` (or of
    the file being replaced) is kept."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise FileError("is a directory")
    if target.exists() and not target.is_file():
        # a device, FIFO or socket: renaming over it would replace it (as root,
        # `-o /dev/null` would turn /dev/null into a regular file)
        raise FileError("not a regular file")
    folder = target.parent
    mode = None
    for src in (like, target):
        if src is not None:
            try:
                mode = stat.S_IMODE(src.stat().st_mode)
                break
            except OSError:
                continue
    fd = None
    tmp = None
    try:
        import tempfile  # only when writing: it costs start-up time

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".dslim-tmp", dir=folder)
        with os.fdopen(fd, "wb") as f:
            fd = None
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise FileError(f"cannot write: {e.strerror or e}") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
