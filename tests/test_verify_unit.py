"""verify without an engine: layer and waste accounting on hand-made tarballs,
the comparisons, the lost-files rule, the run's clean-up (with a fake engine)
and the command line's exit codes."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass

import pytest

from dslim_rewrite import engine as eng
from dslim_rewrite import verify as ver
from dslim_rewrite.cli import main

# ---------------------------------------------------------------------------
# building tarballs


def tar_bytes(entries, fmt=tarfile.PAX_FORMAT, gz=False) -> bytes:
    """entries: (name, kind, arg) with kind file (arg = size or bytes), dir,
    symlink/hardlink (arg = target), whiteout, opaque, fifo."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for name, kind, arg in entries:
            info = tarfile.TarInfo(name)
            data = None
            if kind == "file":
                data = arg if isinstance(arg, bytes) else b"x" * arg
                info.size = len(data)
            elif kind == "dir":
                info.type = tarfile.DIRTYPE
            elif kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, arg
            elif kind == "hardlink":
                info.type, info.linkname = tarfile.LNKTYPE, arg
            elif kind == "fifo":
                info.type = tarfile.FIFOTYPE
            elif kind == "whiteout":
                head, _, base = name.rpartition("/")
                info.name = (head + "/" if head else "") + ".wh." + base
            elif kind == "opaque":
                info.name = name.rstrip("/") + "/.wh..wh..opq"
            t.addfile(info, io.BytesIO(data) if data is not None else None)
    raw = buf.getvalue()
    return gzip.compress(raw) if gz else raw


def layer(entries, **kw) -> eng.Layer:
    return eng.read_layer(io.BytesIO(tar_bytes(entries, **kw)))


def saved_image(layer_tars: list[bytes], history=None, oci=False, duplicate_as_link=False) -> bytes:
    """A tarball laid out as `docker save` writes it (classic or OCI)."""
    diff_ids = [f"sha256:{i:064x}" for i in range(len(layer_tars))]
    config = {"rootfs": {"type": "layers", "diff_ids": diff_ids},
              "history": history or [{"created_by": f"step {i}"} for i in range(len(layer_tars))],
              "config": {"Cmd": ["true"]}}
    members = []
    paths = []
    for i, data in enumerate(layer_tars):
        path = f"blobs/sha256/{i:064x}" if oci else f"{i:064x}/layer.tar"
        if duplicate_as_link and i > 0 and data == layer_tars[0]:
            members.append((path, "symlink", f"../{0:064x}/layer.tar"))
        else:
            members.append((path, "file", data))
        paths.append(path)
    cfg_name = "blobs/sha256/" + "c" * 64 if oci else "c" * 64 + ".json"
    members.append((cfg_name, "file", json.dumps(config).encode()))
    members.append(("manifest.json", "file", json.dumps([{"Config": cfg_name, "RepoTags": ["x:y"],
                                                          "Layers": paths}]).encode()))
    return tar_bytes(members, fmt=tarfile.USTAR_FORMAT)


# ---------------------------------------------------------------------------
# reading tars


@pytest.mark.parametrize("fmt", [tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])
def test_reader_agrees_with_tarfile(fmt):
    long = "usr/lib/" + "/".join(["deep-folder-name"] * 8) + "/file.txt"
    entries = [("etc", "dir", None), ("etc/hosts", "file", 12), ("bin", "symlink", "usr/bin"),
               ("etc/hosts.link", "hardlink", "etc/hosts"), ("dev/fifo", "fifo", None), ("empty", "file", 0)]
    if fmt != tarfile.USTAR_FORMAT:
        entries += [(long, "file", 700), ("usr/bin/" + "x" * 120, "symlink", "/" + "y" * 150)]
    if fmt == tarfile.PAX_FORMAT:
        entries.append(("srv/caf\u00e9-\u00fcber.txt", "file", 3))
    data = tar_bytes(entries, fmt=fmt)
    ours = [(m.name, m.size, m.linkname) for m in eng._iter_tar(eng._Stream(io.BytesIO(data)))]
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        theirs = [(m.name, m.size if m.isreg() else 0, m.linkname) for m in t]
    assert ours == theirs


def test_layer_kinds_sizes_whiteouts():
    lay = layer([("a", "dir", None), ("a/f", "file", 10), ("a/l", "symlink", "f"), ("a/h", "hardlink", "a/f"),
                 ("a/gone", "whiteout", None), ("b", "opaque", None), ("./c/", "dir", None)])
    kinds = {p: (e.kind, e.size, e.link) for p, e in lay.entries}
    assert kinds == {"a": ("dir", 0, ""), "a/f": ("file", 10, ""), "a/l": ("symlink", 0, "f"),
                     "a/h": ("hardlink", 0, "a/f"), "c": ("dir", 0, "")}
    assert lay.whiteouts == ["a/gone"]
    assert lay.opaque == ["b"]
    assert lay.content_bytes == 10


def test_gzip_and_empty_layers():
    assert [p for p, _ in layer([("x", "file", 3)], gz=True).entries] == ["x"]
    assert layer([]).entries == []


def test_capture_dpkg_files_only():
    lay = layer([("var/lib/dpkg/status", "file", b"Package: a\nStatus: install ok installed\n"),
                 ("var/lib/dpkg/info/a.list", "file", b"/usr/bin/a\n"),
                 ("var/lib/dpkg/info/a.md5sums", "file", b"xx"), ("etc/passwd", "file", b"root")])
    assert set(lay.captured) == {"var/lib/dpkg/status", "var/lib/dpkg/info/a.list"}


# ---------------------------------------------------------------------------
# waste accounting


def test_whiteout_and_overwrite_are_wasted():
    fs = eng.merge_layers([
        layer([("big", "file", 1000), ("keep", "file", 7), ("over", "file", 300)]),
        layer([("big", "whiteout", None), ("over", "file", 5)]),
    ])
    assert fs.wasted_bytes == 1300
    assert fs.wasted_by_layer == [1300, 0]
    assert fs.hidden_by_layer == [0, 1300]
    assert {p: e.size for p, e in fs.files.items()} == {"keep": 7, "over": 5}
    assert [(w.path, w.size, w.layer, w.by) for w in fs.top_wasted] == [("big", 1000, 0, 1), ("over", 300, 0, 1)]


def test_same_layer_cleanup_wastes_nothing():
    # what the rewrite aims at: the file never reaches a layer
    fs = eng.merge_layers([layer([("etc/x", "file", 4)]), layer([("app", "file", 9)])])
    assert fs.wasted_bytes == 0


def test_whiteout_of_a_folder_hides_everything_below():
    fs = eng.merge_layers([
        layer([("var/lib/apt/lists", "dir", None), ("var/lib/apt/lists/a", "file", 100),
               ("var/lib/apt/lists/sub/b", "file", 50)]),
        layer([("var/lib/apt/lists", "whiteout", None)]),
    ])
    assert fs.wasted_bytes == 150
    assert not [p for p in fs.files if p.startswith("var/lib/apt/lists")]
    assert "var/lib/apt" in fs.files or "var/lib" not in fs.files  # parents stay as they were


def test_opaque_folder_hides_lower_contents_only():
    fs = eng.merge_layers([
        layer([("d", "dir", None), ("d/old", "file", 40), ("d/sub/older", "file", 2)]),
        # tar order puts the new file before the marker: it must survive
        layer([("d", "dir", None), ("d/new", "file", 3), ("d", "opaque", None)]),
    ])
    assert fs.wasted_bytes == 42
    assert sorted(fs.files) == ["d", "d/new"]


def test_folder_over_folder_merges_file_over_folder_hides():
    fs = eng.merge_layers([
        layer([("a", "dir", None), ("a/f", "file", 10), ("b", "dir", None), ("b/g", "file", 20)]),
        layer([("a", "dir", None), ("a/h", "file", 1), ("b", "file", 5)]),
    ])
    assert fs.wasted_bytes == 20
    assert sorted(fs.files) == ["a", "a/f", "a/h", "b"]
    assert fs.files["b"].kind == "file" and fs.files["b"].layer == 1


def test_file_over_implied_folder():
    # lower layer has d/x without an entry for d itself
    fs = eng.merge_layers([layer([("d/x", "file", 8)]), layer([("d", "symlink", "/elsewhere")])])
    assert fs.wasted_bytes == 8
    assert list(fs.files) == ["d"]


def test_deleted_then_recreated_then_deleted_again():
    fs = eng.merge_layers([
        layer([("f", "file", 100)]),
        layer([("f", "whiteout", None)]),
        layer([("f", "file", 30)]),
        layer([("f", "whiteout", None)]),
    ])
    assert fs.wasted_by_layer == [100, 0, 30, 0]
    assert fs.hidden_by_layer == [0, 100, 0, 30]
    assert fs.files == {}


def test_links_and_folders_weigh_nothing():
    fs = eng.merge_layers([layer([("l", "symlink", "x"), ("h", "hardlink", "x"), ("d", "dir", None)]),
                           layer([("l", "whiteout", None), ("h", "whiteout", None), ("d", "whiteout", None)])])
    assert fs.wasted_bytes == 0


def test_captured_content_is_the_visible_version():
    fs = eng.merge_layers([layer([("var/lib/dpkg/status", "file", b"old")]),
                           layer([("var/lib/dpkg/status", "file", b"new!")])])
    assert fs.captured == {"var/lib/dpkg/status": b"new!"}
    assert fs.wasted_bytes == 3


def test_top_wasted_keeps_the_largest():
    fs = eng.merge_layers([layer([(f"f{i}", "file", i + 1) for i in range(50)]),
                           layer([(f"f{i}", "whiteout", None) for i in range(50)])], top=3)
    assert [w.size for w in fs.top_wasted] == [50, 49, 48]
    assert fs.wasted_bytes == sum(range(1, 51))


# ---------------------------------------------------------------------------
# docker save layouts


@pytest.mark.parametrize("oci", [False, True])
def test_read_saved_image(oci):
    l0 = tar_bytes([("etc", "dir", None), ("etc/big", "file", 500)])
    l1 = tar_bytes([("etc/big", "whiteout", None), ("app", "file", 10)])
    hist = [{"created_by": "base"}, {"created_by": "ENV A=1", "empty_layer": True}, {"created_by": "RUN x"}]
    data = saved_image([l0, l1], history=hist, oci=oci)
    img = eng.read_saved_image(io.BytesIO(data))
    assert len(img.layers) == 2
    assert img.config["config"]["Cmd"] == ["true"]
    fs = eng.merge_layers(img.layers)
    assert fs.wasted_bytes == 500
    hist_rows = eng.layer_history(img)
    assert [(h.created_by, h.empty_layer, h.layer, h.size) for h in hist_rows] == [
        ("base", False, 0, 500), ("ENV A=1", True, None, 0), ("RUN x", False, 1, 10)]
    # sizes from the engine's history call win when the steps line up
    sizes = [eng.HistoryEntry("", 4096, False), eng.HistoryEntry("", 0, False), eng.HistoryEntry("", 8192, False)]
    assert [h.size for h in eng.layer_history(img, sizes)] == [4096, 0, 8192]


def test_read_saved_image_with_a_linked_duplicate_layer():
    l0 = tar_bytes([("a", "file", 5)])
    data = saved_image([l0, l0], duplicate_as_link=True)
    img = eng.read_saved_image(io.BytesIO(data))
    assert len(img.layers) == 2
    assert eng.merge_layers(img.layers).wasted_bytes == 5


def test_read_saved_image_streams():
    # a non-seekable stream is enough
    class OneWay(io.RawIOBase):
        def __init__(self, data):
            self._b = io.BytesIO(data)

        def readable(self):
            return True

        def readinto(self, b):
            return self._b.readinto(b)

        def seekable(self):
            return False

    data = saved_image([tar_bytes([("x", "file", 70000)])])
    img = eng.read_saved_image(io.BufferedReader(OneWay(data)))
    assert img.layers[0].content_bytes == 70000
    chunks = [data[i:i + 777] for i in range(0, len(data), 777)]
    img = eng.read_saved_image(io.BufferedReader(eng._IterReader(chunks)))
    assert img.layers[0].content_bytes == 70000


def test_bad_save_output():
    with pytest.raises(ValueError):
        eng.read_saved_image(io.BytesIO(tar_bytes([("hello.txt", "file", b"hi")])))


# ---------------------------------------------------------------------------
# what the Dockerfile declares


def test_declared_keys_follow_the_final_stage_chain():
    df = (b"FROM debian AS build\nENV BUILD_ONLY=1\n"
          b"FROM debian AS base\nENV A=1 B=\"2 3\"\nLABEL \"my key\"=x other=y\n"
          b"FROM base\nENV C 4 5\nARG NOT_ENV=1\n")
    assert ver.declared_keys(df, "ENV") == {"A", "B", "C"}
    assert ver.declared_keys(df, "LABEL") == {"my key", "other"}
    assert ver.final_base(df) == "debian"
    assert ver.final_base(b"ARG V=1\nFROM python:${V}\n") is None
    assert ver.final_base(b"FROM scratch\nCOPY a /\n") == "scratch"


# ---------------------------------------------------------------------------
# comparisons


def test_compare_config():
    a = {"Cmd": ["app"], "Env": ["PATH=/bin", "A=1", "BASE=x"], "Labels": {"k": "v", "base": "1"},
         "ExposedPorts": {"80/tcp": {}}, "WorkingDir": "/app", "User": ""}
    b = {"Cmd": ["app"], "Env": ["PATH=/usr/bin", "A=1", "BASE=y"], "Labels": {"k": "v"},
         "ExposedPorts": {"80/tcp": {}}, "WorkingDir": "/app", "User": None}
    rows = {r["field"]: r for r in ver.compare_config(a, b, {"A"}, {"k"})}
    assert all(r["same"] for r in rows.values())  # PATH and BASE are the base image's, "" == None
    assert "Env.PATH" not in rows
    rows = {r["field"]: r for r in ver.compare_config(a, dict(b, Cmd=["other"]), {"A", "PATH"}, set())}
    assert not rows["Cmd"]["same"] and not rows["Env.PATH"]["same"] and rows["Env.A"]["same"]
    rows = {r["field"]: r for r in ver.compare_config(a, dict(b, Env=["PATH=/bin"]), {"A"}, set())}
    assert rows["Env.A"] == {"field": "Env.A", "before": "1", "after": None, "same": False}
    for name in ("Entrypoint", "Healthcheck", "Volumes", "User", "StopSignal"):
        rows = {r["field"]: r for r in ver.compare_config(a, dict(b, **{name: "changed"}), set(), set())}
        assert not rows[name]["same"], name


def _run(code=0, out=b"", err=b"", timed_out=False):
    return eng.RunResult(code, out, err, timed_out, 0.1)


def test_run_comparison():
    assert ver.same_run(_run(0, b"a"), _run(0, b"a"))
    assert ver.run_differences(_run(0, b"a"), _run(1, b"a")) == ["exit code 0 -> 1"]
    assert ver.run_differences(_run(0, b"a", b"e"), _run(0, b"b", b"f")) == ["stdout differs", "stderr differs"]
    assert ver.run_differences(_run(None, timed_out=True), _run(0)) == ["timed out (original)"]


def test_compare_layers_matches_steps_as_a_multiset():
    h = lambda *cmds: [eng.HistoryEntry(c, 10, False) for c in cmds]  # noqa: E731
    removed, added = ver.compare_layers(h("base", "RUN a", "RUN a", "RUN b"), h("base", "RUN a", "RUN a && b"))
    assert [r["created_by"] for r in removed] == ["RUN a", "RUN b"]  # one of the two "RUN a" is gone
    assert [r["created_by"] for r in added] == ["RUN a && b"]


# ---------------------------------------------------------------------------
# the lost-files rule


def fs_of(*layers_entries):
    return eng.merge_layers([layer(e) for e in layers_entries])


DPKG_BASE = [("usr", "dir", None), ("usr/bin", "dir", None), ("bin", "symlink", "usr/bin"),
             ("etc/os-release", "file", 10)]


def test_lost_files_rule():
    status_both = b"Package: base-files\nStatus: install ok installed\n\n"
    before = fs_of(
        DPKG_BASE,
        [("var/lib/dpkg/status", "file", status_both + b"Package: gcc-12\nStatus: install ok installed\n"),
         ("var/lib/dpkg/info/gcc-12:amd64.list", "file", b"/.\n/bin/gcc-12\n/usr/lib/gcc/cc1\n"),
         ("usr/bin/gcc-12", "file", 100), ("usr/lib/gcc/cc1", "file", 200),
         ("etc/alternatives/cc", "symlink", "/usr/bin/gcc-12"), ("usr/bin/cc", "symlink", "/etc/alternatives/cc"),
         ("var/lib/apt/lists/x", "file", 1000), ("root/.cache/pip/w", "file", 30),
         ("app/__pycache__/m.cpython-311.pyc", "file", 5), ("tmp/t", "file", 1),
         ("app/main.py", "file", 40), ("app/data", "dir", None), ("app/empty", "dir", None),
         ("src/main.c", "file", 9), ("src/main.o", "file", 90)],
    )
    after = fs_of(DPKG_BASE[:-1], [("var/lib/dpkg/status", "file", status_both), ("app", "dir", None)])
    # layer 0 of `before` is the base image: its /etc/os-release is not the app's
    out = ver.lost_files(before, after, base_layers=1)
    assert [x["path"] for x in out["lost"]] == ["/app/data", "/app/empty", "/app/main.py", "/src/main.c",
                                                 "/src/main.o"]
    assert out["lost_bytes"] == 139
    assert out["excused"]["base image"] == 1
    assert out["excused"]["packages not installed"] == 4  # gcc-12 (via /bin), cc1, both alternative links
    out = ver.lost_files(before, after, base_layers=1, allow=["/src/*", "/app/empty"])
    assert [x["path"] for x in out["lost"]] == ["/app/data", "/app/main.py"]
    assert out["excused"]["allowed"] == 3


def test_files_of_a_package_still_installed_are_lost():
    status = b"Package: curl\nStatus: install ok installed\n"
    before = fs_of([("var/lib/dpkg/status", "file", status), ("var/lib/dpkg/info/curl.list", "file", b"/usr/bin/curl\n"),
                    ("usr/bin/curl", "file", 50)])
    after = fs_of([("var/lib/dpkg/status", "file", status)])
    assert [x["path"] for x in ver.lost_files(before, after, 0)["lost"]] == ["/usr/bin/curl"]
    # removed but not purged: config-files only is not installed
    after = fs_of([("var/lib/dpkg/status", "file", b"Package: curl\nStatus: deinstall ok config-files\n")])
    assert ver.lost_files(before, after, 0)["lost"] == []


def test_dpkg_installed_reads_distroless_status_d():
    cap = {"var/lib/dpkg/status.d/libc6": b"Package: libc6\nVersion: 2.36\n",
           "var/lib/dpkg/status": b"Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: purge ok not-installed\n"}
    assert ver.dpkg_installed(cap) == {"libc6", "a"}


def test_cache_bytes():
    fs = fs_of([("var/lib/apt/lists/a", "file", 100), ("root/.cache/pip/x", "file", 7), ("root/.npm/_cacache/y", "file", 3),
                ("var/lib/apt/listsx", "file", 1)])
    c = ver.cache_bytes(fs)
    assert (c["apt lists"], c["pip cache"], c["npm cache"], c["go build cache"]) == (100, 7, 3, 0)


# ---------------------------------------------------------------------------
# the run, with a fake engine: verdicts and clean-up


@dataclass
class FakeBuilt:
    tag: str
    image_id: str
    seconds: float = 0.1
    log: str = ""


class FakeEngine:
    host = "fake://"
    builder = "fake"

    def __init__(self, images: dict, runs: dict, fail: dict | None = None, explode_in_save: bool = False):
        self.images = images  # "before"/"after" -> (config, layer tars)
        self.runs = runs  # "before"/"after" -> list of RunResult, used in turn
        self.fail = fail or {}
        self.explode = explode_in_save
        self.tags: dict[str, str] = {}
        self.removed: list[str] = []

    def clone(self):
        return self

    def close(self):
        pass

    def build(self, path, context, tag, **kw):
        which = tag.rsplit(":", 1)[1]
        if which in self.fail:
            raise eng.BuildError(self.fail[which], "step 1\nstep 2\n" + self.fail[which])
        self.tags[tag] = which
        return FakeBuilt(tag, "sha256:" + which)

    def inspect(self, ref):
        which = self.tags.get(ref, ref)
        cfg, _ = self.images[which]
        return {"Id": f"sha256:fake-{which}-{id(self)}", "Size": sum(len(t) for t in self.images[which][1]),
                "Config": cfg, "RootFS": {"Layers": [f"l{i}" for i in range(len(self.images[which][1]))]}}

    def save(self, ref):
        if self.explode:
            raise RuntimeError("the engine went away")
        cfg, tars = self.images[self.tags[ref]]
        return eng.read_saved_image(io.BytesIO(saved_image(tars)))

    def history(self, ref):
        return [eng.HistoryEntry(f"step {i}", len(t), False) for i, t in enumerate(self.images[self.tags[ref]][1])]

    def run(self, ref, command, timeout=60):
        return self.runs[self.tags[ref]].pop(0)

    def remove_image(self, ref):
        if ref in self.tags:
            self.removed.append(ref)
            del self.tags[ref]
            return True
        return False


BASE_TAR = tar_bytes([("etc/os-release", "file", 10)])


def fake(runs_before, runs_after, cfg_after=None, after_tars=None, **kw):
    cfg = {"Cmd": ["app"], "WorkingDir": "/app"}
    images = {"before": (cfg, [BASE_TAR, tar_bytes([("app/main", "file", 50)])]),
              "after": (cfg_after or cfg, after_tars or [BASE_TAR, tar_bytes([("app/main", "file", 50)])])}
    return FakeEngine(images, {"before": runs_before, "after": runs_after}, **kw)


def verify_with(engine, tmp_path, **kw):
    df = tmp_path / "Dockerfile"
    df.write_bytes(b"FROM debian\nRUN x\n")
    ver._ANALYSED.clear()
    return ver.run_verify(engine, df, df.read_bytes(), b"FROM debian\nRUN y\n", tmp_path, **kw)


def test_run_preserved(tmp_path):
    e = fake([_run(0, b"ok")], [_run(0, b"ok")])
    r = verify_with(e, tmp_path)
    assert r["ok"], r["problems"]
    assert r["behaviour"]["same"] is True and r["config"]["same"]
    assert e.tags == {} and len(r["images_removed"]) == 2


def test_run_behaviour_differs_and_is_deterministic(tmp_path):
    e = fake([_run(0, b"ok"), _run(0, b"ok")], [_run(0, b"changed")])
    r = verify_with(e, tmp_path)
    assert not r["ok"]
    assert r["behaviour"]["deterministic"] is True
    assert r["problems"] == ["behaviour differs: stdout differs"]


def test_run_nondeterministic_original_is_not_a_pass(tmp_path):
    e = fake([_run(0, b"1"), _run(0, b"2")], [_run(0, b"3")])
    r = verify_with(e, tmp_path)
    assert not r["ok"]
    assert r["behaviour"]["deterministic"] is False
    assert r["problems"][0].startswith("behaviour cannot be compared")


def test_run_config_and_files(tmp_path):
    e = fake([_run()], [_run()], cfg_after={"Cmd": ["app"], "WorkingDir": "/"}, after_tars=[BASE_TAR])
    r = verify_with(e, tmp_path)
    assert not r["ok"]
    assert any(p.startswith("config WorkingDir") for p in r["problems"])
    assert [x["path"] for x in r["files"]["lost"]] == ["/app/main"]
    assert r["files"]["base_layers"] == 0  # "debian" is not an image the fake knows: strict


def test_run_original_fails_to_build(tmp_path):
    e = fake([], [], fail={"before": "exit code 3"})
    r = verify_with(e, tmp_path)
    assert not r["ok"]
    assert r["problems"] == ["the original does not build: exit code 3"]
    assert "after" not in r["build"] and "exit code 3" in r["build"]["before"]["log_tail"]


def test_run_rewrite_fails_to_build_and_images_go(tmp_path):
    e = fake([], [], fail={"after": "no such file"})
    r = verify_with(e, tmp_path)
    assert r["problems"] == ["the rewrite does not build: no such file"]
    assert e.tags == {} and r["images_removed"] == [r["images"]["before"]]


def test_images_go_even_when_the_engine_fails_midway(tmp_path):
    e = fake([], [], explode_in_save=True)
    with pytest.raises(RuntimeError):
        verify_with(e, tmp_path)
    assert e.tags == {} and len(e.removed) == 2


def test_keep_images(tmp_path):
    e = fake([_run()], [_run()])
    r = verify_with(e, tmp_path, keep_images=True)
    assert r["ok"] and r["images_removed"] == [] and len(e.tags) == 2


def test_unique_repos():
    names = {eng.unique_repo() for _ in range(100)}
    assert len(names) == 100
    assert all(n.startswith(f"dslim-verify-{os.getpid()}-") for n in names)


# ---------------------------------------------------------------------------
# command line


def call(args, env=None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["verify", *args])
    return code, out.getvalue(), err.getvalue()


def test_no_engine_exits_3(tmp_path, monkeypatch):
    df = tmp_path / "Dockerfile"
    df.write_text("FROM debian\nRUN apt-get install curl\n")
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-engine.sock")
    code, out, err = call([str(df)])
    assert code == 3
    assert "no Docker engine reachable" in err and "engine.sh" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [["--format", "xml"], ["--build-arg", "NOEQUALS"], ["--smoke", "'unclosed"],
                                  ["--smoke", ""], ["--select", "DSL998"], ["--timeout", "0"],
                                  ["--style", "bogus"], ["--context", "/no/such/dir"]])
def test_usage_errors_exit_2(tmp_path, args):
    df = tmp_path / "Dockerfile"
    df.write_text("FROM debian\n")
    code, out, err = call([str(df), *args])
    assert code == 2, err
    assert out == ""


def test_unreadable_or_unrewritable_file_exits_123(tmp_path):
    code, _, err = call([str(tmp_path / "missing")])
    assert code == 123 and "error" in err
    bad = tmp_path / "Dockerfile"
    bad.write_bytes(b"FROM debian\nRUN echo \xff\xfe\n")
    code, _, err = call([str(bad)])
    assert code == 123


def test_verify_help_loads_no_docker_sdk():
    probe = ("import sys, contextlib, io\nfrom dslim_rewrite.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main(['verify', '--help'])\n"
             "print('docker' in sys.modules, 'requests' in sys.modules)\n")
    p = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert p.stdout.split() == ["False", "False"], p.stderr


def test_table_output(tmp_path):
    e = fake([_run(0, b"ok"), _run(0, b"ok")], [_run(2, b"no")], after_tars=[BASE_TAR])
    r = verify_with(e, tmp_path)
    out = io.StringIO()
    ver.print_table(r, [], out=out)
    text = out.getvalue()
    assert "the rewrite changes nothing" in text  # no fixes were passed
    assert "DIFFERS:" in text and "behaviour differs: exit code 0 -> 2, stdout differs" in text
    assert "/app/main" in text
    e = fake([_run(0, b"ok")], [_run(0, b"ok")])
    r = verify_with(e, tmp_path)
    out = io.StringIO()
    ver.print_table(r, [], out=out)
    assert "PRESERVED: build, behaviour, config and files" in out.getvalue()
