"""Multi-stage split on a real Docker engine, with stand-in base images.

Each folder of ``samples-multistage/`` holds a single-stage Dockerfile, its
build context and ``sample.toml``:

- ``expect``: text the program prints on stdout (required);
- ``smoke``: arguments for ``docker run`` instead of the image's CMD (optional);
- ``runtime``: the FROM the split is expected to choose (optional).

The test rewrites the Dockerfile with ``--unsafe-fixes``, builds the original
and the rewrite (BuildKit, ``--network=host``), runs both with
``--network=none``, and checks: both build, print the same stdout (which
contains ``expect``), have the same Cmd, Entrypoint, WorkingDir, User,
ExposedPorts, and the same value for every ENV key the Dockerfile sets
(other Env entries come from the base images, which differ on purpose, and
are printed; a Python split keeps PATH as it was), and the rewrite is
smaller. Sizes are of stand-in images (tests/e2e/standins.sh), so
only the ratio means something.

Without a reachable engine (or without the stand-ins) the test is skipped,
unless pytest runs with ``--require-docker``: then it fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SAMPLES = sorted(p for p in (HERE / "samples-multistage").iterdir() if (p / "sample.toml").is_file())
DOCKER = "/usr/bin/docker"
STANDINS = ["debian:bookworm", "debian:bookworm-slim", "python:3.11", "python:3.11-slim", "golang:1.22",
            "gcc:12", "eclipse-temurin:17-jdk", "eclipse-temurin:17-jre", "gcr.io/distroless/static-debian12",
            "gcr.io/distroless/cc-debian12"]
RESULTS: dict[str, dict] = {}


def docker(*args: str, check: bool = True, timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, DOCKER_BUILDKIT="1")
    p = subprocess.run([DOCKER, *args], capture_output=True, text=True, env=env, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"docker {' '.join(args[:3])}... failed ({p.returncode}):\n{p.stdout[-3000:]}\n"
                             f"{p.stderr[-3000:]}")
    return p


def engine_problem() -> str | None:
    """Why the e2e tests cannot run here, or None."""
    if not Path(DOCKER).exists():
        return f"{DOCKER} not installed (run tests/e2e/engine.sh)"
    try:
        if docker("info", check=False, timeout=30).returncode != 0:
            return "no Docker engine answers (run tests/e2e/engine.sh)"
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"docker info: {e}"
    missing = [t for t in STANDINS if docker("image", "inspect", t, check=False, timeout=60).returncode != 0]
    if missing:
        return f"stand-in images missing: {', '.join(missing)} (run tests/e2e/standins.sh)"
    return None


@pytest.fixture(scope="module")
def engine(request):
    problem = engine_problem()
    if problem:
        if request.config.getoption("--require-docker"):
            pytest.fail(problem)
        pytest.skip(problem)
    return DOCKER


def rewrite(dockerfile: Path) -> tuple[bytes, str]:
    """The rewritten Dockerfile and the tool's report (stderr)."""
    p = subprocess.run([sys.executable, "-m", "dslim_rewrite.cli", "--unsafe-fixes", "-"],
                       input=dockerfile.read_bytes(), capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout, p.stderr.decode()


def build(tag: str, context: Path, dockerfile: Path) -> None:
    docker("build", "--network=host", "-q", "-t", tag, "-f", str(dockerfile), str(context))


def run(tag: str, args: list[str]) -> tuple[int, str]:
    p = docker("run", "--rm", "--network=none", tag, *args, check=False, timeout=300)
    return p.returncode, p.stdout


def config(tag: str) -> dict:
    info = json.loads(docker("image", "inspect", tag).stdout)[0]
    return {"config": info["Config"], "size": info["Size"]}


def declared_env(dockerfile: bytes) -> set[str]:
    from dslim_rewrite.document import parse

    keys = set()
    for ins in parse(dockerfile).instructions:
        if ins.keyword == "ENV":
            keys |= set(ins.value[0::2])
    return keys


def env_map(cfg: dict) -> dict[str, str]:
    return dict(e.split("=", 1) for e in cfg.get("Env") or [])


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_split_builds_runs_and_shrinks(sample: Path, engine, tmp_path: Path):
    spec = tomllib.loads((sample / "sample.toml").read_text())
    original = sample / "Dockerfile"
    out, report = rewrite(original)
    assert out != original.read_bytes(), f"nothing rewritten:\n{report}"
    assert "DSL110" in report, report
    if "runtime" in spec:
        assert re.search(rb"^FROM " + re.escape(spec["runtime"].encode()) + rb"\s*$", out, re.M), out.decode()
    rewritten = tmp_path / "Dockerfile.rewritten"
    rewritten.write_bytes(out)

    before, after = f"dslim-e2e-ms/{sample.name}:before", f"dslim-e2e-ms/{sample.name}:after"
    build(before, sample, original)
    build(after, sample, rewritten)
    args = list(spec.get("smoke", []))
    rc_a, out_a = run(before, args)
    rc_b, out_b = run(after, args)
    assert rc_a == 0, f"original image failed to run: {out_a}"
    assert rc_b == 0, f"rewritten image failed to run: {out_b}"
    assert spec["expect"] in out_a, out_a
    assert out_a == out_b

    ca, cb = config(before), config(after)
    a, b = ca["config"], cb["config"]
    for key in ("Cmd", "Entrypoint", "WorkingDir", "User", "ExposedPorts"):
        assert a.get(key) == b.get(key), f"{key}: {a.get(key)!r} != {b.get(key)!r}"
    ea, eb = env_map(a), env_map(b)
    for key in declared_env(original.read_bytes()):
        assert ea.get(key) == eb.get(key), f"ENV {key}: {ea.get(key)!r} != {eb.get(key)!r}"
    if sample.name.startswith("python"):
        assert ea.get("PATH") == eb.get("PATH"), (ea.get("PATH"), eb.get("PATH"))
    base_env = sorted(k for k in set(ea) | set(eb) if ea.get(k) != eb.get(k))
    assert cb["size"] < ca["size"]
    RESULTS[sample.name] = {"before": ca["size"], "after": cb["size"],
                            "runtime": re.findall(rb"^FROM (\S+)", out, re.M)[-1].decode()}
    print(f"\n{sample.name}: {ca['size'] / 1e6:.0f} MB -> {cb['size'] / 1e6:.0f} MB "
          f"(x{ca['size'] / cb['size']:.1f} smaller; stand-in images); Env from the base images differs in: "
          f"{', '.join(base_env) or 'nothing'}")


def teardown_module(module):
    if RESULTS:
        lines = ["sample | runtime | before (MB) | after (MB) | ratio"]
        for name, r in sorted(RESULTS.items()):
            lines.append(f"{name} | {r['runtime']} | {r['before'] / 1e6:.0f} | {r['after'] / 1e6:.0f} | "
                         f"{r['before'] / r['after']:.1f}")
        text = "\n".join(lines) + "\n"
        out = os.environ.get("DSLIM_E2E_SIZES")
        if out:
            Path(out).write_text(text)
        sys.stderr.write("\nstand-in image sizes:\n" + text)
