"""DSL070 build-deps-purge: what counts as a build dependency, the shell it
writes (parsed by real shells), and the library lookup run for real on this
machine's binaries and packages.

The apt tests never change this machine: apt-mark writes into a copy of the
auto/manual marks (``Dir::State::extended_states`` in an ``APT_CONFIG`` file)
and apt-get only simulates (``APT::Get::Simulate``); both are checked before
anything runs, and the real state files are compared before and after.
"""

from __future__ import annotations

import hashlib
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
from dslim_rewrite.transforms import dsl070_build_deps_purge as m

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden" / "DSL070-build-deps-purge"
UNSAFE = Options(unsafe=True, select=frozenset({"DSL070"}))


def _run(src: bytes, options: Options = UNSAFE):
    return rewrite(src, options)


# -- what is a build dependency --------------------------------------------------

@pytest.mark.parametrize("name", [
    "gcc", "g++", "gcc-12", "g++-13", "cpp", "clang-16", "build-essential", "make", "cmake", "pkg-config",
    "autoconf", "automake", "libtool", "libpq-dev", "libssl-dev:amd64", "python3-dev", "python3.11-dev",
    "linux-headers-amd64", "binutils", "binutils-x86-64-linux-gnu", "musl-dev", "linux-headers", "build-base",
    "zlib-dev", "postgresql-dev", "libxml++2.6-dev",
])
def test_build_only_packages(name):
    assert m.is_build_package(name)


@pytest.mark.parametrize("name", [
    "libpq5", "python3", "python3-pip", "curl", "git", "ca-certificates", "udev", "devscripts",
    "libstdc++6", "postgresql-client", "libgcc-s1", "gcc-12-base", "openjdk-17-jdk-headless", "perl", "musl",
])
def test_runtime_packages_are_not_build_only(name):
    assert not m.is_build_package(name)


def test_interpreters_of_dev_packages():
    assert m.interpreter_of("python3-dev") == "python3"
    assert m.interpreter_of("python3.11-dev") == "python3.11"
    assert m.interpreter_of("ruby-dev") == "ruby"
    assert m.interpreter_of("libperl-dev") == "perl"
    assert m.interpreter_of("libpq-dev") is None


@pytest.mark.parametrize("word,name", [
    ("curl", "curl"), ("curl=7.88.1-10+deb12u5", "curl"), ("git/bookworm-backports", "git"),
    ("libc6:i386", "libc6:i386"), ("g++", "g++"), ("libstdc++6", "libstdc++6"),
    ("$PKGS", None), ("./local.deb", None), ("vim-", None), ("python3*", None),
])
def test_package_name(word, name):
    assert m.package_name(word) == name


# -- the shell it writes ------------------------------------------------------------

SHELLS = [s for s in ("dash", "bash", "busybox") if shutil.which(s)]


def _run_bodies(data: bytes) -> list[bytes]:
    doc = parse(data)
    return [i.args for i in doc.instructions if i.keyword == "RUN" and not i.json]


def _golden_outputs() -> list[Path]:
    return sorted(GOLDEN.glob("*/out.Dockerfile"))


def test_golden_outputs_exist():
    assert len(_golden_outputs()) >= 8


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("out", _golden_outputs(), ids=lambda p: p.parent.name)
def test_generated_runs_parse(out: Path, shell: str):
    for body in _run_bodies(out.read_bytes()):
        cmd = [shell, "sh", "-n"] if shell == "busybox" else [shell, "-n"]
        proc = subprocess.run(cmd, input=body, capture_output=True)
        assert proc.returncode == 0, (out, proc.stderr.decode())


@pytest.mark.parametrize("shell", SHELLS)
def test_snippets_parse(shell):
    apt = m.one_line(m.apt_purge_commands(["/usr/local", "/opt/venv"], ["curl", "python3"], False, True))
    apk = m.one_line(m.apk_purge_commands(["/usr/local"], [], ["--no-cache"], ".run-deps", ".build-deps"))
    for text in (m.SAVE_MARKS + " && " + apt, apk):
        cmd = [shell, "sh", "-n"] if shell == "busybox" else [shell, "-n"]
        proc = subprocess.run(cmd, input=text.encode(), capture_output=True)
        assert proc.returncode == 0, proc.stderr.decode()


def test_purge_keeps_marks_and_lists_in_order():
    cmds = [" ".join(c) for c in m.apt_purge_commands(["/usr/local"], ["curl"], True, True)]
    assert cmds[0] == "apt-mark -qq auto '.*'"
    assert "apt-mark -qq manual $savedAptMark" in cmds[1]
    assert cmds[2] == "apt-mark manual curl"
    assert "ldd" in cmds[3] and cmds[3].endswith("xargs -r apt-mark manual")
    assert cmds[4] == "apt-get purge -y --auto-remove"  # recommends stay important
    assert cmds[5] == "rm -rf /var/lib/apt/lists/*"
    cmds = [" ".join(c) for c in m.apt_purge_commands(["/usr/local"], [], False, False)]
    assert cmds[-1] == "apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false"


def _sh(script: str, stdin: str = "", env=None) -> str:
    proc = subprocess.run(["sh", "-c", script], input=stdin.encode(), capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


def test_ldd_line_formats():
    ldd = (
        "\tlinux-vdso.so.1 (0x00007ffd3b5f2000)\n"
        "\tlibpq.so.5 => /lib/x86_64-linux-gnu/libpq.so.5 (0x00007f0e1c5a1000)\n"
        "\tlibmissing.so.1 => not found\n"
        "\tlibself.so => /usr/local/lib/libself.so (0x00007f0e1c000000)\n"
        "\t/lib64/ld-linux-x86-64.so.2 (0x00007f0e1c62c000)\n"
        "\tstatically linked\n"
    )
    assert _sh(m.LDD_PATHS, ldd).split() == [
        "/lib/x86_64-linux-gnu/libpq.so.5", "/usr/local/lib/libself.so", "/lib64/ld-linux-x86-64.so.2"]


def test_dpkg_paths_cover_merged_usr_and_skip_unpackaged():
    paths = "\n".join([
        "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13", "/lib/x86_64-linux-gnu/libc.so.6",
        "/usr/lib64/libfoo.so.1", "/usr/local/lib/libself.so", "/opt/venv/lib/libbundled.so.2",
        "/usr/libexec/helper",
    ]) + "\n"
    assert _sh(m.DPKG_PATHS, paths).split() == [
        "/lib/x86_64-linux-gnu/libz.so.1.2.13", "/usr/lib/x86_64-linux-gnu/libz.so.1.2.13",
        "/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6",
        "/lib64/libfoo.so.1", "/usr/lib64/libfoo.so.1"]


def test_dpkg_owners_skip_diversions_and_split_shared_paths():
    answer = ("libpq5:amd64: /usr/lib/x86_64-linux-gnu/libpq.so.5\n"
              "diversion by dash from: /bin/sh\n"
              "diversion by dash to: /bin/sh.distrib\n"
              "libfoo1, libfoo2:i386: /usr/share/doc/foo\n")
    assert _sh(m.DPKG_OWNERS, answer).split() == ["libpq5:amd64", "libfoo1", "libfoo2:i386"]


# -- the library lookup, for real ------------------------------------------------------

_NEEDS = ("gcc", "ldd", "dpkg-query", "realpath", "xargs", "awk", "find")


def _have_toolchain() -> bool:
    return all(shutil.which(t) for t in _NEEDS) and Path("/usr/include/zlib.h").exists() and \
        Path("/usr/include/postgresql/libpq-fe.h").exists()


needs_debian_toolchain = pytest.mark.skipif(
    not _have_toolchain(), reason="needs gcc, dpkg and the zlib/libpq headers (Debian)")


@pytest.fixture
def built_prefix(tmp_path: Path) -> Path:
    """A prefix holding what a build would install: a program linked to libpq
    and zlib, a library of its own, a copy of python3, and a script."""
    prefix = tmp_path / "prefix"
    (prefix / "bin").mkdir(parents=True)
    (prefix / "lib").mkdir()
    (tmp_path / "self.c").write_text("int self_answer(void) { return 42; }\n")
    (tmp_path / "t.c").write_text(
        "#include <libpq-fe.h>\n#include <zlib.h>\n#include <stdio.h>\nint self_answer(void);\n"
        "int main(void) { printf(\"%d %s %d\\n\", PQlibVersion(), zlibVersion(), self_answer()); return 0; }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(prefix / "lib" / "libself.so"), str(tmp_path / "self.c")],
                   check=True)
    subprocess.run(["gcc", "-I/usr/include/postgresql", "-o", str(prefix / "bin" / "t"), str(tmp_path / "t.c"),
                    f"-L{prefix / 'lib'}", f"-Wl,-rpath,{prefix / 'lib'}", "-lself", "-lpq", "-lz"], check=True)
    assert subprocess.run([str(prefix / "bin" / "t")], capture_output=True).returncode == 0
    python = shutil.which("python3")
    if python:
        shutil.copy(os.path.realpath(python), prefix / "bin" / "python-copy")
    (prefix / "bin" / "script.sh").write_text("#!/bin/sh\necho hi\n")
    (prefix / "bin" / "script.sh").chmod(0o755)
    return prefix


def _shim_apt_mark(tmp_path: Path) -> tuple[dict, Path]:
    """An apt-mark that records its arguments instead of marking anything."""
    shim = tmp_path / "shim"
    shim.mkdir()
    log = tmp_path / "apt-mark.args"
    (shim / "apt-mark").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> {log}\n')
    (shim / "apt-mark").chmod(0o755)
    env = dict(os.environ, PATH=f"{shim}:{os.environ['PATH']}")
    return env, log


def _owner(path: str) -> str:
    out = subprocess.run(["dpkg-query", "--search", path], capture_output=True, text=True).stdout
    return out.split(":", 1)[0]


@needs_debian_toolchain
def test_lookup_finds_the_packages_of_linked_libraries(built_prefix: Path, tmp_path: Path):
    env, log = _shim_apt_mark(tmp_path)
    _sh(m.one_line([m.ldd_keep_command([str(built_prefix)])]), env=env)
    args = log.read_text().split()
    assert args[0] == "manual"
    kept = {a.split(":", 1)[0] for a in args[1:]}
    libpq = _owner("/usr/lib/x86_64-linux-gnu/libpq.so.5") or _owner("/lib/x86_64-linux-gnu/libpq.so.5")
    assert {libpq, "zlib1g", "libc6"} <= kept
    if (built_prefix / "bin" / "python-copy").exists():
        # Debian's python3 links libexpat and zlib
        needed = subprocess.run(["ldd", str(built_prefix / "bin" / "python-copy")], capture_output=True,
                                text=True).stdout
        if "libexpat" in needed:
            assert "libexpat1" in kept
    # the -dev packages themselves are never kept, only what their links point at
    assert not [p for p in kept if p.endswith("-dev")], kept


@needs_debian_toolchain
def test_lookup_tolerates_a_library_no_package_owns(built_prefix: Path, tmp_path: Path):
    """A library under /usr/lib that dpkg does not know (here: a symlink named
    like a system library, seen through a fake ldd) must not stop the lookup."""
    fake = tmp_path / "fakebin"
    fake.mkdir()
    (fake / "ldd").write_text(
        "#!/bin/sh\necho '\tlibnotpackaged.so.1 => /usr/lib/libnotpackaged-dslim-test.so.1 (0x1)'\n"
        "echo '\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x2)'\n")
    (fake / "ldd").chmod(0o755)
    env, log = _shim_apt_mark(tmp_path)
    env["PATH"] = f"{fake}:{env['PATH']}"
    script = m.one_line([m.ldd_keep_command([str(built_prefix / "bin" / "t")])])
    # realpath of a missing file still answers the path; dpkg-query then fails on it
    proc = subprocess.run(["sh", "-c", script], capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "zlib1g" in {a.split(":", 1)[0] for a in log.read_text().split()}


@needs_debian_toolchain
@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_lookup_holds_under_errexit_and_pipefail(built_prefix: Path, tmp_path: Path):
    """SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]: a scanned folder that
    is gone and a library no package owns must not fail the RUN."""
    fake = tmp_path / "fakebin"
    fake.mkdir()
    (fake / "ldd").write_text(
        "#!/bin/sh\necho '\tlibnotpackaged.so.1 => /usr/lib/libnotpackaged-dslim-test.so.1 (0x1)'\n"
        "echo '\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x2)'\n")
    (fake / "ldd").chmod(0o755)
    env, log = _shim_apt_mark(tmp_path)
    env["PATH"] = f"{fake}:{env['PATH']}"
    script = m.one_line([m.ldd_keep_command([str(built_prefix / "bin"), str(tmp_path / "gone")])])
    proc = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script + " && echo done"], capture_output=True,
                          env=env)
    assert proc.returncode == 0 and proc.stdout.strip().endswith(b"done"), proc.stderr.decode()
    assert "zlib1g" in {a.split(":", 1)[0] for a in log.read_text().split()}
    # the same pipeline without its `|| true` guards does fail there: they are what holds
    bare = script.replace(" || true;", ";").replace("{ xargs -r dpkg-query --search 2>/dev/null; }",
                                                     "xargs -r dpkg-query --search 2>/dev/null")
    assert bare != script
    proc = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", bare + " && echo done"], capture_output=True,
                          env=env)
    assert proc.returncode != 0


def _digest(p: str) -> str:
    return hashlib.sha256(Path(p).read_bytes()).hexdigest() if Path(p).exists() else ""


@pytest.mark.slow
@needs_debian_toolchain
@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("apt-mark"), reason="needs root and apt-mark")
def test_apt_idiom_keeps_the_linked_library_and_purges_its_dev_package(built_prefix: Path, tmp_path: Path):
    installed = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\\n", "libpq-dev", "libpq5"],
                               capture_output=True, text=True).stdout
    if installed.count(" installed") < 2:
        pytest.skip("libpq-dev and libpq5 are not installed")
    states = tmp_path / "extended_states"
    real_states = "/var/lib/apt/extended_states"
    if Path(real_states).exists():
        shutil.copy(real_states, states)
    else:
        states.write_text("")
    conf = tmp_path / "apt.conf"
    conf.write_text(f'Dir::State::extended_states "{states}";\nAPT::Get::Simulate "true";\n')
    env = dict(os.environ, APT_CONFIG=str(conf))
    dump = subprocess.run(["apt-config", "dump"], capture_output=True, text=True, env=env).stdout
    assert f'Dir::State::extended_states "{states}";' in dump
    assert 'APT::Get::Simulate "true";' in dump
    before = (_digest(real_states), _digest("/var/lib/dpkg/status"))

    # Pretend libpq-dev (and the libpq5 it pulled in) came with this RUN: they
    # are left out of the saved marks, as `apt-mark showmanual` run before the
    # install would have left them out.
    prelude = (
        "savedAptMark=\"$(apt-mark showmanual | grep -v -x -e libpq-dev -e libpq5 "
        "-e 'postgresql.*' -e 'libecpg.*' -e 'libpgtypes.*')\"")
    dirs = [str(built_prefix)]
    commands = m.apt_purge_commands(dirs, [], recommends_important=True, remove_lists=False)
    restore, lookup, purge = commands[:2], commands[2:-1], commands[-1]
    assert purge == ["apt-get purge -y --auto-remove"]
    out = _sh(prelude + " && " + m.one_line(restore) + " && apt-mark showmanual && echo ---- && "
              + m.one_line(lookup) + " > /dev/null && apt-mark showmanual", env=env)
    restored, looked_up = (part.split() for part in out.split("----"))
    # the restored marks alone would let libpq5 go (the control) ...
    assert "libpq5" not in restored
    # ... the ldd step keeps it, and not its -dev package
    assert "libpq5" in looked_up and "libpq-dev" not in looked_up
    simulated = _sh(" ".join(purge).replace("apt-get purge", "apt-get -s purge"), env=env)
    assert re.search(r"^Purg libpq-dev\b", simulated, re.M)
    assert not re.search(r"^Purg libpq5\b", simulated, re.M)
    assert (_digest(real_states), _digest("/var/lib/dpkg/status")) == before


# -- decisions --------------------------------------------------------------------------

def test_pragma_is_what_stops_it():
    src = (GOLDEN / "pragma" / "in.Dockerfile").read_bytes()
    assert not _run(src).changed
    without = b"\n".join(ln for ln in src.split(b"\n") if b"dslim-rewrite" not in ln)
    assert _run(without).changed


def test_unsafe_fixes_needed():
    src = (GOLDEN / "not-unsafe" / "in.Dockerfile").read_bytes()
    res = _run(src, Options(select=frozenset({"DSL070"})))
    assert not res.changed
    assert any("unsafe" in n.message for n in res.notes)
    assert _run(src).changed


@pytest.mark.parametrize("case,reason", [
    ("split-runs-need-collapse", "DSL001"),
    ("cmd-runs-make", "CMD on line 5"),
    ("onbuild-compiles", "ONBUILD"),
    ("child-stage-installs", "line 5"),
    ("custom-makefile-install", "Makefile"),
    ("configure-prefix-usr", "packaged files"),
    ("cd-in-subshell", "cd"),
    ("no-build-step", "nothing is built"),
    ("apk-alpine-python", "Alpine"),
])
def test_refusals_say_why(case, reason):
    res = _run((GOLDEN / case / "in.Dockerfile").read_bytes())
    assert not res.changed
    assert any(reason in n.message for n in res.notes if n.code == "DSL070"), [n.message for n in res.notes]


def test_scanned_folders():
    def dirs(src: str) -> str:
        out = _run(src.encode()).output.decode()
        found = re.search(r"\{ find (.*?) -type f", out)
        return found.group(1) if found else ""

    head = "FROM debian:bookworm\nWORKDIR /src\nRUN apt-get update && apt-get install -y gcc make && "
    assert dirs(head + "make && make install PREFIX=/opt/x\n") == "/src /opt/x"
    assert dirs(head + "./configure --prefix=/opt/y && make install\n") == "/opt/y"
    assert dirs(head + "./configure && make && make install && cd / && rm -rf /src\n") == "/usr/local"
    assert dirs(head + "make && cp app /app/bin/\n") == "/src /app/bin"
    assert dirs(head + "gcc -o /usr/local/bin/x x.c\n") == "/usr/local/bin/x"
    assert dirs(head + "cd /tmp/b && make -C sub\n") == "/tmp/b/sub"
    # a build whose output lands among packaged files is refused
    assert dirs(head + "make && cp app /usr/bin/\n") == ""


def test_message_names_what_goes():
    src = (GOLDEN / "apt-pip-psycopg2" / "in.Dockerfile").read_bytes()
    fix = _run(src).applied[0]
    assert fix.code == "DSL070" and "gcc, libpq-dev" in fix.message and "/usr/local" in fix.message


# -- on a real engine ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(request):
    return require_engine(request)


PQVER = """#include <stdio.h>
#include <libpq-fe.h>
int main(void) { printf("libpq %d\\n", PQlibVersion()); return 0; }
"""

PQVER_DOCKERFILE = """FROM debian:bookworm-slim
WORKDIR /src
COPY pqver.c .
RUN apt-get update \\
    && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev \\
    && gcc -O2 -I/usr/include/postgresql -o /usr/local/bin/pqver pqver.c -lpq \\
    && rm -rf /var/lib/apt/lists/*
CMD ["pqver"]
"""


@pytest.mark.e2e
@pytest.mark.slow
def test_purged_image_runs_and_keeps_the_linked_library(engine, tmp_path: Path):
    (tmp_path / "pqver.c").write_text(PQVER)
    (tmp_path / "Dockerfile.before").write_text(PQVER_DOCKERFILE)
    after = _run(PQVER_DOCKERFILE.encode()).output
    assert b"apt-get purge" in after
    (tmp_path / "Dockerfile.after").write_bytes(after)
    tag = "dslim-test-dsl070"
    sizes, outputs, packages = {}, {}, {}
    for v in ("before", "after"):
        docker("build", "--network=host", "-q", "-f", str(tmp_path / f"Dockerfile.{v}"), "-t", f"{tag}:{v}",
                str(tmp_path))
        outputs[v] = docker("run", "--rm", "--network=none", f"{tag}:{v}").stdout
        sizes[v] = int(docker("image", "inspect", "-f", "{{.Size}}", f"{tag}:{v}").stdout)
        packages[v] = set(docker("run", "--rm", "--network=none", f"{tag}:{v}", "dpkg-query", "-W",
                                  "-f=${Package}\\n").stdout.split())
    try:
        assert outputs["before"] == outputs["after"] and outputs["after"].startswith("libpq ")
        assert {"libpq5"} <= packages["after"]
        assert not {"gcc", "libpq-dev", "libc6-dev", "cpp"} & packages["after"]
        assert {"gcc", "libpq-dev"} <= packages["before"]
        # the toolchain is most of the first image; what stays is the base and libpq5
        assert sizes["after"] < sizes["before"] * 0.6, sizes
    finally:
        for v in ("before", "after"):
            docker("image", "rm", f"{tag}:{v}", check=False)


def test_environment_follows_stages():
    from dslim_rewrite.context import Context

    doc = parse(b"FROM python:3.12 AS base\nARG TOKEN=x\nENV PIP_TARGET=/opt/p\nWORKDIR app\nUSER app\n"
                b"RUN true\nFROM base\nRUN true\nFROM golang:1.22\nRUN true\n")
    ctx = Context(doc, UNSAFE)
    runs = [i for i in doc.instructions if i.keyword == "RUN"]
    first, child, other = (m.environment(ctx, r) for r in runs)
    assert (first.cwd, first.user_root, first.env) == ("/app", False, {"TOKEN": "x", "PIP_TARGET": "/opt/p"})
    assert (child.cwd, child.user_root, child.env) == ("/app", False, {"PIP_TARGET": "/opt/p"})  # ARG stays behind
    assert (other.cwd, other.user_root, other.env) == ("/go", True, {})
    first.env["X"] = "1"  # a copy: the next caller does not see it
    assert "X" not in m.environment(ctx, runs[0]).env
