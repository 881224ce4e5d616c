"""Sharing files out between forked workers (the command line's --jobs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dslim_rewrite import parallel

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


# Run in a fresh interpreter: once any test has loaded BuildKit's parser
# (a Go runtime) into this one, map_items rightly refuses to fork.
_ORDER = """
import os, time
from dslim_rewrite import parallel
assert parallel.can_fork()
items = list(range(37))

def fn(x):
    time.sleep(0.01)  # long enough for every worker to take some
    return x * x, os.getpid()

out = parallel.map_items(fn, items, 3)
assert [r[0] for r in out] == [x * x for x in items]
assert len({r[1] for r in out}) == 3, "three processes"
"""

_DYING = """
import os, time
from dslim_rewrite import parallel
me = os.getpid()
done_here = []

def fn(x):
    time.sleep(0.01)
    if os.getpid() != me:
        done_here.append(x)
        if len(done_here) == 3:
            os._exit(3)  # a crash in native code, say, on the child's third item
    return x

out = parallel.map_items(fn, list(range(40)), 2)
lost = [k for k, r in enumerate(out) if r is None]
assert len(lost) == 1, "only the item the child died on"
assert [r for r in out if r is not None] == [x for x in range(40) if x not in lost], "the parent took the rest"
"""


@pytest.mark.parametrize("script", [_ORDER, _DYING], ids=["order", "dying-worker"])
def test_map_items(script):
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_no_fork_once_buildkits_parser_is_loaded(monkeypatch):
    monkeypatch.setitem(sys.modules, "dockerfile", object())
    assert not parallel.can_fork()
    out = parallel.map_items(lambda x: os.getpid(), [1, 2, 3], 2)
    assert set(out) == {os.getpid()}


CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.Dockerfile"))


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "dslim_rewrite.cli", *args], capture_output=True, cwd=cwd)


def test_check_and_diff_print_the_same_with_one_or_two_jobs():
    files = [str(p) for p in CORPUS[:60]]
    for mode in ("--check", "--diff"):
        one = _cli(mode, "-j", "1", *files)
        two = _cli(mode, "-j", "2", *files)
        assert one.returncode == two.returncode == 1
        assert one.stdout == two.stdout and one.stderr == two.stderr


def test_in_place_with_two_jobs_writes_what_one_job_writes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        for p in CORPUS[-80:]:
            (d / p.name).write_bytes(p.read_bytes())
    r1 = _cli("--in-place", "-j", "1", *sorted(str(p) for p in a.iterdir()))
    r2 = _cli("--in-place", "-j", "2", *sorted(str(p) for p in b.iterdir()))
    assert r1.returncode == r2.returncode
    changed = 0
    for p in CORPUS[-80:]:
        assert (a / p.name).read_bytes() == (b / p.name).read_bytes()
        changed += (a / p.name).read_bytes() != p.read_bytes()
    assert changed > 5
    assert not [p for p in b.iterdir() if not p.name.endswith(".Dockerfile")]  # no temp file left


def test_no_writable_temporary_folder_means_one_process(monkeypatch):
    def refuse(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tempfile.TemporaryFile", refuse)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)  # whatever this process has loaded

    def no_fork():
        raise AssertionError("forked without a file for the child's results")

    monkeypatch.setattr(parallel.os, "fork", no_fork)
    assert parallel.map_items(lambda x: x * 2, list(range(8)), 2) == [x * 2 for x in range(8)]


def test_share_gives_a_heavy_item_a_worker_of_its_own():
    weights = [5, 5, 5, 5, 100, 5, 5, 5, 5, 5]
    shares = parallel.share(weights, 2)
    assert sorted(k for s in shares for k in s) == list(range(10)), "every item once"
    heavy = next(s for s in shares if 4 in s)
    assert heavy == [4], "the big one alone: the other worker takes every small one"
    # equal weights: round robin, the parent (worker 0) first
    assert parallel.share([1] * 7, 3) == [[0, 3, 6], [1, 4], [2, 5]]


def test_the_queue_holds_every_index_heaviest_first():
    order = parallel.heaviest_first([3, 9, 1, 9, 0])
    assert order == [1, 3, 0, 2, 4]
    fd = parallel._work_queue(order)
    assert fd is not None
    try:
        assert list(parallel._taken(fd)) == order
    finally:
        os.close(fd)


_BALANCED = """
import os, time
from dslim_rewrite import parallel

def fn(x):
    time.sleep(1.0 if x == 0 else 0.01)
    return os.getpid()

# item 0 is the heavy one: whoever takes it (first) takes little else, as the
# other worker goes through the light ones meanwhile
out = parallel.map_items(fn, list(range(21)), 2, weights=[1000] + [1] * 20)
heavy = out[0]
assert sum(1 for p in out[1:] if p == heavy) <= 3, out
"""


def test_a_free_worker_takes_the_next_item():
    r = subprocess.run([sys.executable, "-c", _BALANCED], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_items_beyond_a_pipe_are_shared_out_up_front():
    script = (
        "import os\nfrom dslim_rewrite import parallel\n"
        "parallel._work_queue = lambda order: None\n"
        "out = parallel.map_items(lambda x: (x, os.getpid()), list(range(9)), 2, weights=[1] * 8 + [50])\n"
        "assert [r[0] for r in out] == list(range(9))\n"
        "assert out[8][1] == os.getpid() and all(r[1] != os.getpid() for r in out[:8])\n"
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
