"""Sharing files out between this process and forked copies of it.

Start-up is most of what a worker costs when it is spawned (a new interpreter
importing everything again), so the command line forks instead: the children
start with every module imported and every table loaded, in a few
milliseconds. Forking is only safe while BuildKit's parser (a Go runtime,
which deadlocks in a forked child) is not loaded: ``can_fork`` says when.
Callers fall back to one process otherwise.

Workers take items one at a time from a shared queue (a pipe of indices),
the heaviest first, so one large file does not leave a worker idle. Each
child writes one record per finished item to an unnamed temporary file (never
a pipe, which would stall a child that gets ahead of the parent), so a child
that dies loses only the item it was doing: that one comes back as ``None``.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_LEN = 8


def can_fork() -> bool:
    return hasattr(os, "fork") and "dockerfile" not in sys.modules


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def share(weights: Sequence[int], jobs: int) -> list[list[int]]:
    """Item indices for each worker: the heaviest first, each to the worker
    with the least weight so far. Deterministic; used when the items do not
    fit in a pipe (see ``_work_queue``)."""
    shares: list[list[int]] = [[] for _ in range(jobs)]
    loads = [0] * jobs
    for k in heaviest_first(weights):
        w = min(range(jobs), key=lambda w: (loads[w], w))
        shares[w].append(k)
        loads[w] += weights[k] + 1
    return shares


def heaviest_first(weights: Sequence[int]) -> list[int]:
    return sorted(range(len(weights)), key=lambda k: (-weights[k], k))


def _work_queue(order: list[int]) -> int | None:
    """The read end of a pipe that holds the item indices, in order, 4 bytes
    each, its write end closed: every worker takes its next item with one
    4-byte read (a pipe read is atomic), so a worker that finishes early takes
    more. None if the indices do not fit in a pipe."""
    payload = b"".join(k.to_bytes(4, "little") for k in order)
    r, w = os.pipe()
    try:
        if len(payload) > 65536:
            import fcntl

            fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, len(payload))
        os.set_blocking(w, False)  # never wait on a full pipe: fall back instead
        if os.write(w, payload) != len(payload):
            raise OSError("short write")
    except (OSError, AttributeError, ImportError):
        os.close(r)
        return None
    finally:
        os.close(w)
    return r


def _taken(fd: int):
    while True:
        b = os.read(fd, 4)
        if len(b) < 4:
            return
        yield int.from_bytes(b, "little")


def map_items(fn: Callable[[T], R], items: Sequence[T], jobs: int,
              weights: Sequence[int] | None = None) -> list[R | None]:
    """``[fn(x) for x in items]``, done by this process (worker 0) and
    ``jobs - 1`` forked ones, each taking the next item when it is free, the
    heaviest by ``weights`` (an estimate of each item's cost, such as its
    size) first. A result lost with a dead child is None."""
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or not can_fork():
        return [fn(x) for x in items]
    import pickle  # only with workers: both cost start-up time
    import tempfile

    try:
        outs = [tempfile.TemporaryFile() for _ in range(1, jobs)]
    except OSError:  # no writable temporary folder: one process can still do it all
        return [fn(x) for x in items]
    weights = weights if weights is not None else [1] * len(items)
    queue = _work_queue(heaviest_first(weights))
    shares = share(weights, jobs) if queue is None else None

    def mine(w: int):
        return iter(shares[w]) if queue is None else _taken(queue)

    sys.stdout.flush()
    sys.stderr.flush()
    children: list[tuple[int, object]] = []
    try:
        for w, out in enumerate(outs, 1):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child, reported through `out`
                _child(fn, items, mine(w), out)
            children.append((pid, out))
        results: list[R | None] = [None] * len(items)
        for k in mine(0):
            results[k] = fn(items[k])
    finally:
        # always reap the children (an interrupt reaches them too; they stop
        # between items, so nothing is left half-written)
        for pid, _ in children:
            os.waitpid(pid, 0)
        if queue is not None:
            os.close(queue)
    for _, out in children:
        out.seek(0)
        data = out.read()
        out.close()
        pos = 0
        while pos + _LEN <= len(data):
            n = int.from_bytes(data[pos:pos + _LEN], "little")
            chunk = data[pos + _LEN:pos + _LEN + n]
            if len(chunk) < n:
                break  # a record cut short by a dying child
            k, r = pickle.loads(chunk)
            results[k] = r
            pos += _LEN + n
    return results


def _child(fn, items, mine, out) -> None:  # pragma: no cover - child process
    import pickle

    code = 0
    try:
        for k in mine:
            rec = pickle.dumps((k, fn(items[k])), protocol=pickle.HIGHEST_PROTOCOL)
            out.write(len(rec).to_bytes(_LEN, "little") + rec)
            out.flush()
    except KeyboardInterrupt:
        code = 130
    except BaseException:
        code = 1
    finally:
        try:
            out.flush()
        finally:
            os._exit(code)
