"""The base-image table: references, families, variants, runtimes, config overrides."""

from __future__ import annotations

import json
import tomllib
import zlib

import pytest

from dslim_rewrite import images
from dslim_rewrite.images import ImageError, parse_ref

DIGEST = "sha256:" + "ab" * 32


@pytest.mark.parametrize("text,name,prefix,tag,digest", [
    ("python:3.11", "python", "", "3.11", None),
    ("python", "python", "", None, None),
    ("docker.io/library/python:3.11", "python", "docker.io/library/", "3.11", None),
    ("library/node:20", "node", "library/", "20", None),
    ("mirror.example.com:5000/library/golang:1.22", "golang", "mirror.example.com:5000/library/", "1.22", None),
    ("gcr.io/distroless/static-debian12", "gcr.io/distroless/static-debian12", "", None, None),
    ("bitnami/python:3.11", "bitnami/python", "", "3.11", None),
    (f"python:3.11@{DIGEST}", "python", "", "3.11", DIGEST),
    ("localhost/app:dev", "localhost/app", "", "dev", None),
])
def test_parse_ref(text, name, prefix, tag, digest):
    r = parse_ref(text)
    assert (r.name, r.prefix, r.tag, r.digest) == (name, prefix, tag, digest)


@pytest.mark.parametrize("text", ["", "scratch", "python:${PY}", "$BASE", "Python:3", "python:3.11@sha256:zz",
                                  "python:-bad"])
def test_parse_ref_refuses(text):
    with pytest.raises(ImageError):
        parse_ref(text)


def test_mirror_is_hub_but_not_gcr():
    r = parse_ref("mirror.example.com/library/python:3.11")
    assert r.mirror and r.hub
    assert not parse_ref("gcr.io/distroless/cc-debian12").hub


@pytest.mark.parametrize("base,slim,alpine,runtime", [
    ("python:3.11", "python:3.11-slim", "python:3.11-alpine", "python:3.11-slim"),
    ("python:3.11-bookworm", "python:3.11-slim-bookworm", "python:3.11-alpine", "python:3.11-slim-bookworm"),
    ("python", "python:slim", "python:alpine", "python:slim"),
    ("node:20", "node:20-slim", "node:20-alpine", "node:20-slim"),
    ("node:20-bookworm", "node:20-bookworm-slim", "node:20-alpine", "node:20-bookworm-slim"),
    ("debian:bookworm", "debian:bookworm-slim", "alpine:3.20", "debian:bookworm-slim"),
    ("debian:12", "debian:12-slim", "alpine:3.20", "debian:12-slim"),
    ("eclipse-temurin:17-jdk", "eclipse-temurin:17-jre", "eclipse-temurin:17-jdk-alpine", "eclipse-temurin:17-jre"),
    ("eclipse-temurin:21", "eclipse-temurin:21-jre", "eclipse-temurin:21-jdk-alpine", "eclipse-temurin:21-jre"),
    ("maven:3.9-eclipse-temurin-17", None, None, "eclipse-temurin:17-jre"),
    ("gradle:8.7-jdk21", None, None, "eclipse-temurin:21-jre"),
    ("gcc:12", None, None, "debian:bookworm-slim"),
    ("buildpack-deps:bullseye", None, None, "debian:bullseye-slim"),
    ("golang:1.22", None, "golang:1.22-alpine", None),
    ("rust:1.78", "rust:1.78-slim", "rust:1.78-alpine", None),
    ("ruby:3.3", "ruby:3.3-slim", "ruby:3.3-alpine", "ruby:3.3-slim"),
    ("php:8.3-cli", None, "php:8.3-cli-alpine", None),
    ("ubuntu:22.04", None, None, "ubuntu:22.04"),
    ("docker.io/library/python:3.12", "docker.io/library/python:3.12-slim", "docker.io/library/python:3.12-alpine",
     "docker.io/library/python:3.12-slim"),
])
def test_variants_and_runtime(base, slim, alpine, runtime):
    t = images.table()
    img = t.identify(base)
    assert img is not None
    assert t.variant(img, "slim") == slim
    assert t.variant(img, "alpine") == alpine
    assert t.runtime(img) == runtime


@pytest.mark.parametrize("base", ["python:3.11-windowsservercore", "example.com/team/python:3.11",
                                  "golang:1.22-nanoserver", f"python:3.11@{DIGEST}", "scratch", "python:${V}"])
def test_unknown_images_are_left_alone(base):
    assert images.table().identify(base) is None


def test_roles_follow_the_builders_release():
    t = images.table()
    assert t.role(t.identify("golang:1.22"), "static") == "gcr.io/distroless/static-debian12"
    assert t.role(t.identify("golang:1.22-bullseye"), "cc") == "gcr.io/distroless/cc-debian11"
    assert t.role(t.identify("eclipse-temurin:17-jdk"), "cc") is None  # Ubuntu: no distroless
    # a Docker Hub mirror cannot be assumed to serve gcr.io
    assert t.role(t.identify("mirror.example.com/library/golang:1.22"), "static") is None
    assert t.distro_slim(t.identify("mirror.example.com/library/golang:1.22")) == \
        "mirror.example.com/library/debian:bookworm-slim"


def test_config_overrides():
    settings = {"base-images": {
        f"python:3.11@{DIGEST}": {"slim": f"python:3.11-slim@{DIGEST}"},
        "registry.example.com/py-build:3": {"family": "python", "runtime": "registry.example.com/py-run:3",
                                           "distro": "bookworm"},
        "runtimes": {"static": "scratch"},
    }}
    t = images.table(settings)
    pinned = t.identify(f"python:3.11@{DIGEST}")
    assert pinned is not None and t.variant(pinned, "slim") == f"python:3.11-slim@{DIGEST}"
    corp = t.identify("registry.example.com/py-build:3")
    assert corp.ecosystem == "python" and t.runtime(corp) == "registry.example.com/py-run:3"
    assert t.role(t.identify("golang:1.22"), "static") == "scratch"
    # the built-in table is not changed by a project's settings
    assert images.table().role(images.table().identify("golang:1.22"), "static") != "scratch"


@pytest.mark.parametrize("bad", [{"x": 1}, {"runtimes": {"static": 3}}, {"img:1": {"family": "cobol"}}])
def test_bad_overrides(bad):
    with pytest.raises(ImageError):
        images.table({"base-images": bad})


def test_packages():
    t = images.table()
    assert t.is_build_only("build-essential") and t.is_build_only("libpq-dev") and t.is_build_only("gcc-12")
    assert not t.is_build_only("curl") and not t.is_build_only("libpq5")
    assert t.runtime_packages_of("libpq-dev", "bookworm") == ["libpq5"]
    assert t.runtime_packages_of("libssl-dev", "bullseye") == ["libssl1.1"]
    assert t.runtime_packages_of("python3-dev", "bookworm") == []
    assert t.runtime_packages_of("libfoo-dev", "bookworm") is None
    assert t.runtime_packages_of("gcc", "bookworm") == []
    assert "gcc" in t.provided_commands(["build-essential"])
    assert t.apk["build-essential"] == ["build-base"]


def test_size_estimates_are_labelled():
    t = images.table()
    est = t.size_estimate("python:3.11", "python:3.11-slim")
    assert "estimate" in est and t.meta["sizes-taken"] in est
    assert t.size_estimate("python:3.11-slim", "python:3.11") is None


def test_table_is_package_data():
    from pathlib import Path

    import dslim_rewrite.transforms as pkg

    assert (Path(pkg.__file__).parent / images.TABLE_FILE).is_file()
    assert (Path(pkg.__file__).parent / "templates" / "go.j2").is_file()


def test_json_copy_of_the_table_is_current():
    """The JSON copy (fast to load) records the TOML's hash and holds the same
    data; after editing the TOML, run `python -m dslim_rewrite.images`."""
    folder = images._table_dir()
    raw = (folder / images.TABLE_FILE).read_bytes()
    cached = json.loads((folder / images.TABLE_JSON).read_bytes())
    assert cached["source-crc32"] == f"{zlib.crc32(raw):08x}-{len(raw)}", "run: python -m dslim_rewrite.images"
    assert cached["table"] == tomllib.loads(raw.decode("utf-8"))


def test_a_stale_json_copy_is_ignored(tmp_path, monkeypatch):
    (tmp_path / images.TABLE_FILE).write_text('[meta]\nsizes-taken = "new"\n', encoding="utf-8")
    (tmp_path / images.TABLE_JSON).write_text(
        json.dumps({"source-crc32": "00000000-0", "table": {"meta": {"sizes-taken": "old"}}}), encoding="utf-8")
    monkeypatch.setattr(images, "_table_dir", lambda: tmp_path)
    images._builtin.cache_clear()
    try:
        assert images._builtin()["meta"]["sizes-taken"] == "new"
    finally:
        images._builtin.cache_clear()

