"""``dslim-rewrite verify`` on a real Docker engine, over every sample app.

For each sample of ``samples/`` and each mode (the safe fixes, then
``--unsafe-fixes`` with whatever transforms exist), verify builds the original
and the rewrite on the stand-in base images, runs both without network and
compares them. The test asserts that both build, the sample prints what its
``sample.toml`` expects, behaviour and config are preserved, the image is not
larger (beyond a small slack for lists fetched at another time), and, per
transform that was applied, that what it promises to remove is gone. Safe
fixes must also lose no file of the application (verify exits 0).

Builds use the engine's build cache (the rewrite's unchanged first steps are
the original's layers, and a second run reuses both); set
``DSLIM_E2E_NO_CACHE=1`` to build every image from scratch.

One ``E2E …`` line per sample and mode is printed at the end of the run.
Sizes are those of stand-in images: only ratios mean something.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tomllib
from pathlib import Path

import pytest

from dslim_rewrite import registry
from dslim_rewrite.cli import main
from dslim_rewrite.fixes import Safety, Transform

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent
SAMPLES = sorted(p.name for p in (HERE / "samples").iterdir() if (p / "Dockerfile").is_file())
# Two builds of the same steps at different times may fetch package lists
# that differ by a few kB; anything above this is a real difference.
SIZE_SLACK = 256 * 1024
# What a transform promises to remove, as (cache tree in verify's report, most bytes left after).
PROMISES = {
    "DSL011": ("apt lists", 0),
    "DSL040": ("pip cache", 0),
    "DSL050": ("npm cache", 0),
}
# Config changes an unsafe transform makes on purpose and documents in its
# "Fix safety" section; any other config difference fails the test.
DOCUMENTED_CONFIG_CHANGES: dict[str, set[str]] = {}
# Transforms that change the base image or drop the tool chain: "clearly smaller".
SHRINKERS = {"DSL070", "DSL100", "DSL110", "DSL120"}
CLEARLY_SMALLER = 0.9


def verify(*args: str) -> tuple[int, dict]:
    """Run ``dslim-rewrite verify … --format json`` in this process."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["verify", *args, "--format", "json"])
    text = out.getvalue()
    return code, (json.loads(text) if text.strip() else {})


def sample_args(name: str) -> tuple[list[str], str]:
    d = HERE / "samples" / name
    meta = tomllib.loads((d / "sample.toml").read_text(encoding="utf-8"))
    args = [str(d / "Dockerfile")]
    if os.environ.get("DSLIM_E2E_NO_CACHE"):
        args.append("--no-cache")
    if meta.get("smoke"):
        args += ["--smoke", meta["smoke"]]
    return args, meta["expect"]


def assert_cleaned_up(engine, report: dict) -> None:
    tags = list(report["images"].values())
    assert sorted(report["images_removed"]) == sorted(tags)
    for tag in tags:
        assert not engine.exists(tag), f"{tag} left behind"


def e2e_summary(sample: str, mode: str, code: int, r: dict) -> str:
    s = r.get("size")
    if not s:
        return f"E2E {sample} {mode} exit={code} problems={r.get('problems')}"
    codes = ",".join(sorted({f["code"] for f in r.get("fixes", [])})) or "-"
    return (f"E2E {sample} {mode} before={s['before']} after={s['after']} ratio={s['ratio']:.3f} "
            f"wasted_before={s['wasted_before']} wasted_after={s['wasted_after']} "
            f"fixes={codes} lost={len(r['files']['lost'])} exit={code} "
            f"config_changed={','.join(f['field'] for f in r['config']['fields'] if not f['same']) or '-'} "
            f"build_s={r['seconds'].get('build_before', 0):.0f}+{r['seconds'].get('build_after', 0):.0f}")


@pytest.mark.parametrize("mode", ["safe", "unsafe"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_sample(sample, mode, docker_engine, standins, e2e_line):
    args, expect = sample_args(sample)
    if mode == "unsafe":
        args.append("--unsafe-fixes")
    code, r = verify(*args)
    e2e_line(e2e_summary(sample, mode, code, r))
    assert r, f"verify printed no report (exit {code})"
    assert r["build"]["before"]["ok"], r["build"]["before"]
    assert r["build"].get("after", {}).get("ok"), r["build"].get("after")
    beh = r["behaviour"]
    printed = beh["before"]["stdout"] + beh["before"]["stderr"]
    assert expect in printed, f"the sample itself does not work: {printed[:500]!r}"
    assert beh["same"] is True, (beh.get("differences"), beh["before"], beh["after"])
    applied = {f["code"] for f in r["fixes"]}
    changed = {f["field"] for f in r["config"]["fields"] if not f["same"]}
    documented = set().union(*(DOCUMENTED_CONFIG_CHANGES.get(c, set()) for c in applied)) if mode == "unsafe" else set()
    assert changed <= documented, [f for f in r["config"]["fields"] if not f["same"]]
    size = r["size"]
    assert size["after"] <= size["before"] + SIZE_SLACK, size
    for code_, (tree, most) in PROMISES.items():
        if code_ in applied:
            assert size["caches_after"][tree] <= most, (code_, tree, size["caches_after"])
    if mode == "unsafe" and applied & SHRINKERS:
        assert size["ratio"] <= CLEARLY_SMALLER, (sorted(applied & SHRINKERS), size["ratio"])
    if mode == "safe":
        assert not r["files"]["lost"], r["files"]["lost"][:20]
        assert code == 0, r["problems"]
    else:
        # unsafe fixes may drop sources and build outputs (a multi-stage split
        # keeps only the program): verify reports them, and this is printed
        assert code in (0, 1)
        assert all("file(s) of the application lost" in p or p.startswith("config ") for p in r["problems"]), \
            r["problems"]
    assert_cleaned_up(docker_engine, r)


# -- a deliberately broken rewrite must be caught ---------------------------


class FoldCdIntoNextRun(Transform):
    """Test only, deliberately wrong: ``RUN cd DIR`` + ``RUN cmd`` becomes
    ``RUN cd DIR && cmd``, which runs ``cmd`` in DIR instead of the WORKDIR."""

    code = "DSL999"
    name = "test-fold-cd-into-next-run"
    safety = Safety.SAFE

    def check(self, ctx):
        ins = ctx.doc.instructions
        for cur, nxt in zip(ins, ins[1:]):
            body, next_body = ctx.body(cur), ctx.body(nxt)
            if body is None or next_body is None or cur.stage != nxt.stage or nxt.flags:
                continue
            if re.fullmatch(rb"cd\s+\S+", body.strip()):
                start = ctx.pos(cur, len(body))
                end = ctx.span(nxt, 0, 1)[0]
                yield self.fix(ctx, "fold `cd` into the next RUN", [cur.index, nxt.index],
                               [self.replace(start, end, b" && ")])
                return


@pytest.fixture
def broken_transform(monkeypatch):
    registry.all_transforms()  # load the real ones first
    monkeypatch.setitem(registry._REGISTRY, FoldCdIntoNextRun.code, FoldCdIntoNextRun)
    registry.all_transforms.cache_clear()
    yield FoldCdIntoNextRun
    monkeypatch.undo()
    registry.all_transforms.cache_clear()
    assert FoldCdIntoNextRun.code not in {t.code for t in registry.all_transforms()}


def test_broken_rewrite_is_caught(broken_transform, docker_engine, standins, e2e_line):
    args, expect = sample_args("shell-traps")
    code, r = verify(*args, "--select", "DSL999")
    beh = r.get("behaviour", {})
    e2e_line(f"E2E broken-rewrite shell-traps exit={code} behaviour_same={beh.get('same')} "
             f"differences={beh.get('differences')} problems={len(r.get('problems', []))}")
    assert [f["code"] for f in r["fixes"]] == ["DSL999"]
    assert r["changed"]
    assert r["build"]["before"]["ok"] and r["build"]["after"]["ok"]
    assert code == 1
    assert expect in beh["before"]["stdout"]
    assert beh["same"] is False and beh["deterministic"] is True
    assert "stdout differs" in beh["differences"]
    assert "cwd=/opt/traps/sub" not in beh["before"]["stdout"]
    assert any(p.startswith("behaviour differs") for p in r["problems"])
    assert_cleaned_up(docker_engine, r)


# -- smaller end-to-end checks ----------------------------------------------


def test_original_that_does_not_build(tmp_path, docker_engine, standins):
    (tmp_path / "Dockerfile").write_text("FROM debian:bookworm\nRUN echo about to fail && exit 3\n")
    code, r = verify(str(tmp_path / "Dockerfile"))
    assert code == 1
    assert r["build"]["before"]["ok"] is False
    assert "after" not in r["build"]
    assert r["problems"][0].startswith("the original does not build")
    assert "about to fail" in r["build"]["before"]["log_tail"]
    assert not any(docker_engine.exists(t) for t in r["images"].values())


def test_wasted_bytes_on_a_real_image_and_keep_images(tmp_path, docker_engine, standins):
    """Known waste: 300000 bytes deleted by a later RUN, 200000 overwritten by
    one, 100000 hidden by deleting their folder; the rewrite (DSL001 or not)
    must preserve behaviour, and --keep-images keeps both images."""
    (tmp_path / "Dockerfile").write_text(
        "FROM debian:bookworm\n"
        "RUN head -c 300000 /dev/zero > /big && head -c 200000 /dev/zero > /over"
        " && mkdir -p /d/e && head -c 100000 /dev/zero > /d/e/f\n"
        "RUN rm /big\n"
        "RUN head -c 5 /dev/zero > /over\n"
        "RUN rm -r /d\n"
        'CMD ["sh", "-c", "ls -l /over; test ! -e /big && test ! -e /d && echo fine"]\n')
    # DSL010 has nothing to do here: the rewrite is the original
    code, r = verify(str(tmp_path / "Dockerfile"), "--select", "DSL010", "--keep-images")
    try:
        assert code == 0, r["problems"]
        assert r["size"]["wasted_before"] == 600000
        assert r["size"]["wasted_after"] == 600000  # nothing was rewritten
        assert not r["changed"]
        assert {w["path"]: w["size"] for w in r["size"]["top_wasted_before"]} == {
            "/big": 300000, "/over": 200000, "/d/e/f": 100000}
        assert "fine" in r["behaviour"]["before"]["stdout"]
        assert r["images_removed"] == []
        assert all(docker_engine.exists(t) for t in r["images"].values())
    finally:
        for t in r["images"].values():
            docker_engine.remove_image(t)


def test_classic_builder_through_the_sdk(tmp_path, monkeypatch, docker_engine, standins):
    """Without a BuildKit-capable CLI, verify builds with the SDK's classic builder."""
    monkeypatch.setenv("DSLIM_DOCKER_CLI", "sdk")
    (tmp_path / "Dockerfile").write_text("FROM debian:bookworm\nRUN mkdir /w\nRUN echo one > /w/a\n"
                                         "COPY note.txt /w/\nCMD [\"cat\", \"/w/a\", \"/w/note.txt\"]\n")
    (tmp_path / "note.txt").write_text("from the context\n")
    code, r = verify(str(tmp_path / "Dockerfile"), "--select", "DSL001")
    assert r["builder"] == "classic builder via the Docker SDK"
    assert code == 0, r["problems"]
    assert r["changed"] and [f["code"] for f in r["fixes"]] == ["DSL001"]
    assert r["behaviour"]["before"]["stdout"] == "one\nfrom the context\n"
    assert len(r["size"]["removed_layers"]) == 2
    assert_cleaned_up(docker_engine, r)


def test_runs_are_killed_after_the_timeout(tmp_path, docker_engine, standins):
    """A service that never exits: both runs are killed after --timeout and
    their output up to then is compared; no container is left behind."""
    (tmp_path / "Dockerfile").write_text(
        'FROM debian:bookworm\nCMD ["sh", "-c", "echo serving; exec sleep 600"]\n')
    code, r = verify(str(tmp_path / "Dockerfile"), "--timeout", "3", "--keep-images")
    try:
        beh = r["behaviour"]
        assert code == 0, r["problems"]
        assert beh["before"]["timed_out"] and beh["after"]["timed_out"]
        assert beh["before"]["stdout"] == "serving\n"
        assert beh["before"]["seconds"] < 60
        assert "still running" in beh["note"]
        for tag in r["images"].values():
            assert docker_engine.client.containers.list(all=True, filters={"ancestor": tag}) == []
    finally:
        for tag in r["images"].values():
            docker_engine.remove_image(tag)


def test_sigterm_still_cleans_up(tmp_path, docker_engine, standins):
    """verify stopped with SIGTERM while a container runs removes the container and both images."""
    import signal
    import subprocess
    import sys
    import time

    (tmp_path / "Dockerfile").write_text('FROM debian:bookworm\nCMD ["sleep", "600"]\n')
    proc = subprocess.Popen([sys.executable, "-m", "dslim_rewrite.cli", "verify", str(tmp_path / "Dockerfile"),
                             "--timeout", "300"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    prefix = f"dslim-verify-{proc.pid}-"

    def ours(image_name: str) -> bool:
        return image_name.startswith(prefix)

    try:
        deadline = time.monotonic() + 300
        running = []
        while time.monotonic() < deadline and proc.poll() is None:
            running = [c for c in docker_engine.client.containers.list(filters={"label": "dslim-rewrite.verify"})
                       if ours(c.attrs["Config"]["Image"])]
            if running:
                break
            time.sleep(0.5)
        assert running, "verify never started its container"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    left_images = [t for i in docker_engine.client.images.list() for t in i.tags if ours(t)]
    left_containers = [c for c in docker_engine.client.containers.list(all=True)
                       if ours(c.attrs["Config"]["Image"])]
    for c in left_containers:  # do not leave this test's failure behind either
        c.remove(force=True)
    for t in left_images:
        docker_engine.remove_image(t)
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr.read().decode()[-2000:]
    assert left_images == [] and [c.name for c in left_containers] == []
