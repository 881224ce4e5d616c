"""Fixtures of the end-to-end tests: a Docker engine, the stand-in base images,
and the ``E2E …`` lines printed at the end of the run.

Without a reachable engine the tests that need one are skipped with the reason;
with ``--require-docker`` they fail instead (after one attempt to start an
engine with ``engine.sh`` when running as root against the local socket).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
E2E_LINES = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[E2E_LINES] = []


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    lines = config.stash.get(E2E_LINES, [])
    if not lines:
        return
    terminalreporter.section("dslim-rewrite e2e")
    for line in lines:
        terminalreporter.write_line(line)
    out = os.environ.get("DSLIM_E2E_REPORT")
    if out:
        Path(out).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@pytest.fixture(scope="session")
def e2e_line(request):
    """Append one line to the run's e2e summary (shown whatever -s/-q say)."""
    lines = request.config.stash[E2E_LINES]
    return lines.append


def _start_engine() -> str:
    """Try engine.sh; returns a short account of what happened."""
    if os.geteuid() != 0:
        return "not root, so engine.sh was not tried"
    if os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock") != "unix:///var/run/docker.sock":
        return "DOCKER_HOST names another engine, so engine.sh was not tried"
    try:
        p = subprocess.run(["bash", str(HERE / "engine.sh")], capture_output=True, text=True, timeout=600,
                           stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"engine.sh: {e}"
    if p.returncode != 0:
        return "engine.sh failed: " + (p.stderr.strip().splitlines() or ["?"])[-1]
    return "engine.sh ran"


@pytest.fixture(scope="session")
def docker_engine(request):
    """A ``dslim_rewrite.engine.Engine``, or a skip (a failure under --require-docker)."""
    from dslim_rewrite.engine import EngineUnavailable, connect

    require = request.config.getoption("--require-docker")
    try:
        eng = connect()
    except EngineUnavailable as e:
        if not require:
            pytest.skip(f"{e} (start one with tests/e2e/engine.sh; --require-docker makes this a failure)")
        tried = _start_engine()
        try:
            eng = connect()
        except EngineUnavailable as e2:
            pytest.fail(f"--require-docker: {e2}; {tried}")
    yield eng
    eng.close()


@pytest.fixture(scope="session")
def standins(docker_engine, e2e_line):
    """The stand-in base images, built once per run (standins.sh skips present ones)."""
    t0 = time.monotonic()
    env = dict(os.environ, DOCKER_BUILDKIT="1")
    try:
        p = subprocess.run(["bash", str(HERE / "standins.sh")], capture_output=True, text=True, timeout=3600,
                           stdin=subprocess.DEVNULL, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("standins.sh took more than an hour")
    seconds = time.monotonic() - t0
    built = [ln for ln in p.stderr.splitlines() if "] built " in ln]
    e2e_line(f"E2E standins seconds={seconds:.0f} built={len(built)} rc={p.returncode}")
    if p.returncode != 0:
        pytest.fail("standins.sh failed:\n" + "\n".join(p.stderr.strip().splitlines()[-30:]))
    return seconds
