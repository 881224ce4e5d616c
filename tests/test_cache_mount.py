"""DSL080 cache-mount: the style gate, the all-or-nothing groups, the shell
it leaves, and (with a Docker engine) that BuildKit really reuses the apt
cache while the image stays as it was."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from docker_cli import docker, require_engine

from dslim_rewrite.chain import rewrite
from dslim_rewrite.context import Options
from dslim_rewrite.document import parse
from dslim_rewrite.transforms import dsl080_cache_mount as m

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden" / "DSL080-cache-mount"
MOUNT = Options(select=frozenset({"DSL080"}), style="cache-mount")


def _run(src: bytes | str, options: Options = MOUNT):
    return rewrite(src.encode() if isinstance(src, str) else src, options)


def _runs(data: bytes):
    return [i for i in parse(data).instructions if i.keyword == "RUN"]


def test_only_with_the_cache_mount_style():
    src = (GOLDEN / "apt-and-pip" / "in.Dockerfile").read_bytes()
    assert not _run(src, Options(select=frozenset({"DSL080"}))).changed
    assert _run(src).changed


def test_mount_flag():
    assert m.Mount("/var/cache/apt", locked=True).flag() == "--mount=type=cache,target=/var/cache/apt,sharing=locked"
    assert m.Mount("/root/.npm").flag() == "--mount=type=cache,target=/root/.npm"


def test_existing_mounts_count():
    ins = _runs(b"FROM x\nRUN --mount=type=cache,dst=/var/lib/apt apt-get update\n")[0]
    assert m.has_cache_mount(ins, "/var/lib/apt/lists")  # a mount holding it
    assert not m.has_cache_mount(ins, "/var/cache/apt")
    ins = _runs(b"FROM x\nRUN --mount=type=cache,target=/root/.cache pip install x\n")[0]
    assert m.has_cache_mount(ins, "/root/.cache/pip")


def test_families():
    doc = parse(b"FROM a AS one\nFROM one AS two\nFROM b AS three\nFROM two\n")
    assert sorted(map(sorted, m.families(doc))) == [[0, 1, 3], [2]]


def test_apt_mounts_go_on_every_run_of_the_stage_or_none():
    out = _run("FROM debian:bookworm-slim\n"
               "RUN apt-get update && apt-get install -y curl\n"
               "RUN apt-get update && apt-get install -y jq\n").output
    runs = _runs(out)
    assert all(len(r.flag("mount")) == 2 for r in runs)
    # docker-clean goes once, in the first RUN
    assert [b"docker-clean" in r.text for r in runs] == [True, False]
    # a later install that relies on the lists of an earlier RUN stops it for all
    src = (GOLDEN / "apt-lists-from-earlier-run" / "in.Dockerfile").read_bytes()
    res = _run(src)
    assert not res.changed
    assert any("without its own `apt-get update`" in n.message for n in res.notes)


def test_docker_clean_once_per_lineage():
    out = _run("FROM debian:bookworm-slim AS base\n"
               "RUN apt-get update && apt-get install -y curl\n"
               "FROM base AS a\nRUN apt-get update && apt-get install -y jq\n"
               "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y git\n").output
    assert [b"docker-clean" in r.text for r in _runs(out)] == [True, False, True]


def test_pragma_is_what_stops_the_apt_group():
    src = (GOLDEN / "pragma" / "in.Dockerfile").read_bytes()
    runs = _runs(_run(src).output)
    assert [len(r.flag("mount")) for r in runs] == [0, 0, 1]
    without = b"\n".join(ln for ln in src.split(b"\n") if b"dslim-rewrite" not in ln)
    runs = _runs(_run(without).output)
    assert [len(r.flag("mount")) for r in runs] == [2, 2, 1]


def test_cleanups_only_when_everything_they_remove_is_mounted():
    out = _run("FROM debian:bookworm-slim\n"
               "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* /tmp/*\n").output
    assert b"rm -rf /var/lib/apt/lists/* /tmp/*" in out  # /tmp is not a cache
    out = _run("FROM debian:bookworm-slim\n"
               "RUN apt-get update && apt-get install -y curl || rm -rf /var/lib/apt/lists/*\n").output
    assert b"|| rm -rf /var/lib/apt/lists/*" in out  # removing it would change the exit status
    out = _run("FROM debian:bookworm-slim\n"
               "RUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\n").output
    assert b"clean" not in out.split(b"\n", 1)[1].replace(b"docker-clean", b"") and b"rm -rf" not in out


def test_no_cache_dir_goes_only_with_the_mount():
    out = _run("FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n    -r requirements.txt\n").output
    assert out == (b"FROM python:3.12-slim\n"
                   b"RUN --mount=type=cache,target=/root/.cache/pip \\\n"
                   b"    pip install \\\n    -r requirements.txt\n")
    src = (GOLDEN / "pip-no-cache-env" / "in.Dockerfile").read_bytes()
    assert not _run(src).changed


def test_go_modules_stay_in_the_image_when_something_reads_them():
    res = _run((GOLDEN / "go-run-at-start" / "in.Dockerfile").read_bytes())
    assert b"/go/pkg/mod" not in res.output and b"/root/.cache/go-build" in res.output
    res = _run((GOLDEN / "copy-from-module-cache" / "in.Dockerfile").read_bytes())
    assert b"target=/go/pkg/mod" not in res.output


def test_old_frontend_stops_everything():
    res = _run((GOLDEN / "old-syntax-frontend" / "in.Dockerfile").read_bytes())
    assert not res.changed and any("1.2" in n.message for n in res.notes)
    assert _run(b"# syntax=docker/dockerfile:1.4\nFROM python:3.12-slim\nRUN pip install flask\n").changed


def test_no_syntax_line_is_added():
    for out in GOLDEN.glob("*/out.Dockerfile"):
        src = (out.parent / "in.Dockerfile").read_bytes()
        assert out.read_bytes().count(b"# syntax=") == src.count(b"# syntax=")


def test_bom_crlf_and_directive_kept():
    case = GOLDEN / "syntax-kept-crlf-bom"
    out = (case / "out.Dockerfile").read_bytes()
    assert out.startswith(b"\xef\xbb\xbf# syntax=docker/dockerfile:1\r\n")
    assert out.count(b"\n") == out.count(b"\r\n")


SHELLS = [s for s in ("dash", "bash") if shutil.which(s)]


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("out", sorted(GOLDEN.glob("*/out.Dockerfile")), ids=lambda p: p.parent.name)
def test_generated_runs_parse(out: Path, shell: str):
    for ins in _runs(out.read_bytes()):
        if ins.json:
            continue
        proc = subprocess.run([shell, "-n"], input=ins.args, capture_output=True)
        assert proc.returncode == 0, (out, proc.stderr.decode())


# -- on a real engine ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(request):
    return require_engine(request)


@pytest.mark.e2e
@pytest.mark.slow
def test_apt_cache_is_reused_and_kept_out_of_the_image(engine, tmp_path: Path):
    before = ("FROM debian:bookworm-slim\n"
              "ARG BUST=0\n"
              "RUN echo \"$BUST\" && apt-get update && apt-get install -y --no-install-recommends jq \\\n"
              "    && apt-get clean && rm -rf /var/lib/apt/lists/*\n")
    after = _run(before).output.decode()
    assert "target=/var/lib/apt/lists" in after and "rm -rf" not in after.replace("docker-clean", "")
    (tmp_path / "Dockerfile.before").write_text(before)
    (tmp_path / "Dockerfile.after").write_text(after)
    tag = "dslim-test-dsl080"
    docker("build", "--network=host", "-q", "-f", str(tmp_path / "Dockerfile.before"), "-t", f"{tag}:before",
            str(tmp_path))
    logs = []
    for bust in ("1", "2"):  # --no-cache would also skip cache mounts: change a build arg instead
        p = docker("build", "--network=host", "--progress=plain", "--build-arg", f"BUST={bust}{os.getpid()}",
                    "-f", str(tmp_path / "Dockerfile.after"), "-t", f"{tag}:after", str(tmp_path))
        logs.append(p.stdout + p.stderr)
    # the second build found the package in the cache
    assert re.search(r"Need to get 0 B/[\d.,]+ [kM]B of archives", logs[1]), logs[1][-3000:]
    look = "ls -A /var/lib/apt/lists /var/cache/apt/archives; jq --version"
    out = {v: docker("run", "--rm", "--network=none", f"{tag}:{v}", "sh", "-c", look).stdout
           for v in ("before", "after")}
    # no lists and no .deb files in either image, and the same jq
    assert not re.search(r"\.deb|Packages|InRelease", out["after"]), out["after"]
    assert out["before"].split()[-1] == out["after"].split()[-1]
    sizes = {v: int(docker("image", "inspect", "-f", "{{.Size}}", f"{tag}:{v}").stdout) for v in ("before", "after")}
    assert abs(sizes["after"] - sizes["before"]) < 512 * 1024, sizes
    for v in ("before", "after"):
        docker("image", "rm", f"{tag}:{v}", check=False)
