"""The Debian docker CLI for tests that build on the real engine (not e2e/ only)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

DOCKER = "/usr/bin/docker"


def docker(*args: str, check: bool = True, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run ``docker ARGS`` with BuildKit; raise with the output tail when it fails."""
    env = dict(os.environ, DOCKER_BUILDKIT="1")
    p = subprocess.run([DOCKER, *args], capture_output=True, text=True, env=env, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"docker {' '.join(args[:3])} failed:\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
    return p


def require_engine(request, image: str = "debian:bookworm-slim") -> str:
    """Skip (or fail under --require-docker) unless an engine and the stand-in ``image`` are there."""
    problem = None
    if not Path(DOCKER).exists():
        problem = f"{DOCKER} not installed (tests/e2e/engine.sh)"
    elif docker("info", check=False, timeout=30).returncode != 0:
        problem = "no Docker engine answers (tests/e2e/engine.sh)"
    elif docker("image", "inspect", image, check=False).returncode != 0:
        problem = f"stand-in {image} missing (tests/e2e/standins.sh)"
    if problem:
        if request.config.getoption("--require-docker"):
            pytest.fail(problem)
        pytest.skip(problem)
    return DOCKER
