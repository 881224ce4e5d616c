"""DSL001 collapse-run, checked against real shells.

For a sequence of RUN bodies, the Dockerfile is rewritten with DSL001 only;
then the RUN bodies before and after are run the way Docker runs them (each
one as ``<shell> -c <body>``, a fresh shell, in the same fresh working
directory, with the same environment, nothing after the first failure) and
the stdout lines and whether the build fails must be the same.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from dslim_rewrite import document
from dslim_rewrite.chain import rewrite
from dslim_rewrite.context import Options

OPTIONS = Options(select=frozenset({"DSL001"}))

# (name, SHELL instruction or None for Docker's default, argv before the body)
SHELLS = [
    ("sh", None, ["/bin/sh", "-c"]),
    ("sh -e", '["/bin/sh", "-e", "-c"]', ["/bin/sh", "-e", "-c"]),
    ("bash", '["/bin/bash", "-c"]', ["bash", "-c"]),
    ("bash -eo pipefail", '["/bin/bash", "-eo", "pipefail", "-c"]', ["bash", "-eo", "pipefail", "-c"]),
]
HAVE_BASH = shutil.which("bash") is not None
SHELL_PARAMS = [
    pytest.param(s, id=s[0], marks=pytest.mark.skipif(s[2][0] == "bash" and not HAVE_BASH, reason="no bash"))
    for s in SHELLS
]

# Sequences that must merge (at least two RUNs become one) and still behave the same.
TRAPS = [
    ["cd /tmp", "pwd"],
    ["cd /tmp && pwd", "pwd"],
    ["mkdir -p sub && cd sub", "pwd", "ls -d ../sub"],
    ["export X=1", 'echo "x=$X"'],
    ["X=2", 'echo "x=$X"'],
    ["X=3 :", 'echo "x=$X"'],
    ['echo "${Y:=y}"', 'echo "y=$Y"'],
    ["unset HOME", 'echo "home=$HOME"'],
    ["echo a", "false; echo b", "echo c"],
    ["echo a", "echo b; false", "echo c"],
    ["false || echo d", "echo e"],
    ["echo a", "false || echo b"],
    ["echo a", "true || echo b", "echo c"],
    ["echo a | cat", "echo b | false", "echo c"],
    ["! false", "echo a", "! true", "echo b"],
    ['if [ -n "$X" ]; then echo set; fi', "echo a"],
    ["for i in 1 2; do echo $i; done", 'echo "i=$i"'],
    ["case a in a) echo one;; *) echo other;; esac", "echo b"],
    ["set -e", "false; echo after"],
    ["echo a", "set -e; false; echo g"],
    ["set -e && echo h", "false; echo i"],
    ["set -x", "echo a"],
    ["exit 0", "echo still"],
    ["exit 3", "echo never"],
    ["echo a", "exit 0"],
    ["echo k; exit 0", "echo l"],
    ["exec echo ex", "echo after"],
    ["test -d /nonexistent || exit 1", "echo b"],
    ["test -d / || exit 1", "echo b"],
    ["echo a; exit 2", "echo b"],
    ["exit 256", "echo b"],
    ["trap 'echo bye' EXIT", "echo a"],
    ["f() { echo fn; }", "f"],
    ["f() { echo fn; }; f", "echo a"],
    ["umask 077", "umask"],
    ["set -- p q", 'echo "$# $1"'],
    ["read v || echo eof", 'echo "v=$v"'],
    ["echo $?", "false || true", "echo $?"],
    ["(cd / && pwd)", "pwd"],
    ['echo "$(cd / && pwd)"', "pwd"],
    ["{ echo l; false; }", "echo m"],
    ["echo a;", "echo b"],
    ["echo a; echo b;", "echo c"],
    ["false && echo no", "echo yes"],
    ["echo j && false", "echo k"],
    ["echo a", "cd nowhere", "echo b"],
    ["echo a", "trap 'echo usr1' USR1; kill -USR1 $$; echo b"],
]

# Sequences that must stay apart, whatever the shell.
APART = [
    ["set -e; false; echo g", "echo h"],
    ["(set -e; false; echo g)", "echo h"],
    ["set -o errexit; false; echo g", "echo h"],
    ['set -eu; for i in 1 2; do false; echo "$i"; done', "echo h"],
    ["echo a", 'echo "$_"'],
    ["echo a", "echo hi # note", "echo b"],
    ["sleep 0 & echo started", "echo b"],
    ["trap 'echo usr1' USR1; kill -USR1 $$; echo b", "echo c"],
]

ALPHABET = [
    "true", "false", "echo a", "pwd", "cd /tmp", "cd /", "cd nowhere", "export X=1", 'echo "x=$X"',
    "X=2", "echo a; echo b", "false; echo c", "false || echo d", "true || echo e", "echo f | cat",
    "! true", "! false", "exit 0", "exit 3", "set -e", "set -e; false; echo g", "set -e && echo h",
    "set -x", "umask 077", "umask", 'if [ -n "$X" ]; then echo i; fi', "for i in 1 2; do echo $i; done",
    'echo "i=$i"', 'case "$X" in 1) echo one;; *) echo other;; esac', 'echo "${Y:=y}"', 'echo "y=$Y"',
    "f() { echo fn; }", "f", "trap 'echo bye' EXIT", "X=3 :", "set -- p q", 'echo "$# $1"',
    "(cd / && pwd)", 'echo "$(cd / && pwd)"', "unset X", "exec echo ex", "false && echo no",
    "echo j && false", "mkdir -p sub && cd sub", "echo k; exit 0", "{ echo l; false; }", "echo a;",
    "echo $?", "true && pwd", "while false; do :; done", "echo m || exit 4",
    "false || exit 1", "true || exit 2", "exit 256", "echo n; exit 5",
]


def dockerfile(bodies: list[str], shell: str | None) -> bytes:
    lines = ["FROM debian:bookworm"]
    if shell:
        lines.append(f"SHELL {shell}")
    lines += [f"RUN {b}" for b in bodies]
    return ("\n".join(lines) + "\n").encode()


def run_bodies(data: bytes) -> list[str]:
    """The shell bodies Docker would run for ``data``, in order."""
    doc = document.parse(data)
    return [ins.args.decode() for ins in doc.instructions if ins.keyword == "RUN"]


def build(bodies: list[str], argv: list[str], workdir: Path) -> tuple[list[str], bool]:
    """Run the bodies like consecutive RUNs: stdout lines, and whether the build failed."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(workdir), "LC_ALL": "C"}
    out: list[str] = []
    for body in bodies:
        p = subprocess.run(argv + [body], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=20)
        out += p.stdout.decode().splitlines()
        if p.returncode != 0:
            return out, True
    return out, False


def check_same(bodies: list[str], shell, tmp_path: Path) -> tuple[int, int]:
    _, instr, argv = shell
    src = dockerfile(bodies, instr)
    result = rewrite(src, OPTIONS)
    assert rewrite(result.output, OPTIONS).output == result.output, "not idempotent"
    before = run_bodies(src)
    after = run_bodies(result.output)
    workdir = tmp_path / "w"
    expected = build(before, argv, workdir)
    got = build(after, argv, workdir)
    assert got == expected, (
        f"\nbodies: {bodies!r}\nmerged: {after!r}\noriginal run: {expected!r}\nmerged run:   {got!r}"
    )
    return len(before), len(after)


@pytest.mark.parametrize("shell", SHELL_PARAMS)
@pytest.mark.parametrize("bodies", TRAPS, ids=[" + ".join(t) for t in TRAPS])
def test_trap_sequences_behave_the_same(bodies, shell, tmp_path):
    n_before, n_after = check_same(bodies, shell, tmp_path)
    if shell[1] is None:
        # with Docker's default shell each of these is merged (else the test proves nothing)
        assert n_after < n_before


@pytest.mark.parametrize("shell", SHELL_PARAMS)
@pytest.mark.parametrize("bodies", APART, ids=[" + ".join(t) for t in APART])
def test_sequences_kept_apart(bodies, shell, tmp_path):
    n_before, n_after = check_same(bodies, shell, tmp_path)
    assert n_after == n_before


@pytest.mark.parametrize("shell", SHELL_PARAMS)
def test_random_sequences_behave_the_same(shell, tmp_path):
    rng = random.Random(20240601 + SHELLS.index(shell))
    merged = 0
    for _ in range(150):
        bodies = [rng.choice(ALPHABET) for _ in range(rng.randint(2, 5))]
        n_before, n_after = check_same(bodies, shell, tmp_path)
        merged += n_after < n_before
    # most sequences must actually have been merged
    assert merged >= 75, merged


def test_errexit_shell_keeps_non_flat_bodies_last(tmp_path):
    """Under `sh -e` a `;` body on the left of `&&` would ignore errexit."""
    src = dockerfile(["set -e; false; echo g", "echo h"], '["/bin/sh", "-e", "-c"]')
    assert run_bodies(rewrite(src, OPTIONS).output) == ["set -e; false; echo g", "echo h"]
    src = dockerfile(["echo a; echo b", "echo c"], '["/bin/sh", "-e", "-c"]')
    assert len(run_bodies(rewrite(src, OPTIONS).output)) == 2
    src = dockerfile(["echo c", "echo a; echo b"], '["/bin/sh", "-e", "-c"]')
    assert run_bodies(rewrite(src, OPTIONS).output) == ["echo c &&     { echo a; echo b; }"]


def test_merged_bodies():
    out = rewrite(dockerfile(["cd /tmp", "echo a; echo b", "echo c"], None), OPTIONS).output
    assert run_bodies(out) == ["( cd /tmp ) &&     { echo a; echo b; } &&     echo c"]
    assert out.count(b"RUN") == 1


def test_docstring_example_gives_use_instead():
    from dslim_rewrite.registry import by_code

    doc = by_code()["DSL001"].__doc__
    example, use_instead = (textwrap.dedent(b) for b in re.findall(r"```dockerfile\n(.*?)```", doc, re.S))
    assert rewrite(example.encode(), OPTIONS).output == use_instead.encode()


def test_merged_body_stays_below_the_argument_limit():
    from dslim_rewrite.transforms.dsl001_collapse_run import MAX_MERGED_BODY

    word = "x" * (MAX_MERGED_BODY // 3)
    bodies = [f"echo {word}{k}" for k in range(4)]
    after = run_bodies(rewrite(dockerfile(bodies, None), OPTIONS).output)
    assert len(after) == 2 and all(len(b) <= MAX_MERGED_BODY for b in after)
    assert after[0].startswith(bodies[0]) and after[1].endswith(bodies[3])


@pytest.mark.parametrize("indent", [4, 40])
def test_the_size_limit_counts_each_bodys_continuation_indent(indent):
    """Each merged body counts its text, its joint (10 bytes) and the file's
    continuation indent: with a deeper indent fewer bodies fit in one RUN."""
    from dslim_rewrite.transforms.dsl001_collapse_run import MAX_MERGED_BODY

    body_len = MAX_MERGED_BODY // 4 - 30  # 4 fit with a 4-space indent, 3 with a 40-space one
    bodies = [f"echo {k}{'x' * (body_len - 6)}" for k in range(8)]
    assert all(len(b) == body_len for b in bodies)
    style = f"RUN --network=none echo a && \\\n{' ' * indent}echo b\n"  # sets the file's indent
    data = dockerfile(bodies, None).replace(b"\nRUN", ("\n" + style + "RUN").encode(), 1)
    after = run_bodies(rewrite(data, OPTIONS).output)[1:]
    fit = MAX_MERGED_BODY // (body_len + indent + 10)
    assert fit == (4 if indent == 4 else 3)
    assert [b.count("&&") + 1 for b in after] == [fit] * (8 // fit) + ([8 % fit] if 8 % fit else [])


# -- the same on a real Docker engine (BuildKit) ------------------------------

DOCKER = "/usr/bin/docker"
# Every RUN body still runs as `/bin/sh -c <body>`; the wrapper only appends
# its stdout to /out.log, so the image records what each RUN printed.
E2E_SHELL = 'SHELL ["/bin/sh", "-c", "exec >>/out.log 2>/dev/null; exec /bin/sh -c \\"$1\\"", "sh"]'
E2E_CASES = {
    "cd": "RUN cd /tmp\nRUN pwd\n",
    "export-comment-blank": 'RUN export X=1 && echo "x=$X"\n# why\n\nRUN echo "x=$X"\n',
    "semicolon-fails": "RUN echo a; false\nRUN echo b\n",
    "or": "RUN false || echo d\nRUN echo e\n",
    "set-e-last": "RUN echo a\nRUN set -e; false; echo g\n",
    "exit-0": "RUN exit 0\nRUN echo still\n",
    "exit-1": "RUN test -d /nonexistent || exit 1\nRUN echo never\n",
    "for": 'RUN for i in 1 2; do echo "$i"; done\nRUN echo "i=$i"\n',
    "special-builtin": 'RUN X=3 :\nRUN echo "x=${X:-unset}"\n',
    "umask": "RUN umask 077\nRUN umask\n",
    "trap": "RUN trap 'echo bye' EXIT; echo work\nRUN echo after\n",
    "multiline-inner-comment": "RUN echo a \\\n# inner\n    && echo b\nRUN cd / && pwd\nRUN echo c; echo d\n",
    # @ID@: a cache of its own for each build (parallel builds share a cache id)
    "cache-mount": "RUN --mount=type=cache,id=@ID@,target=/c echo a > /c/f\n"
    "RUN --mount=type=cache,id=@ID@,target=/c cat /c/f\n",
}


def _engine_problem() -> str | None:
    if not Path(DOCKER).exists():
        return f"{DOCKER} not installed"
    try:
        if subprocess.run([DOCKER, "image", "inspect", "debian:bookworm"], capture_output=True, timeout=60).returncode:
            return "no engine, or no debian:bookworm image (tests/e2e/engine.sh, standins.sh)"
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    return None


def _docker_build(dockerfile: bytes, tag: str, folder: Path) -> tuple[bool, list[str]]:
    """(failed, lines of /out.log)"""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Dockerfile").write_bytes(dockerfile)
    env = dict(os.environ, DOCKER_BUILDKIT="1")
    p = subprocess.run([DOCKER, "build", "--network=host", "-q", "-t", tag, str(folder)],
                       capture_output=True, env=env, timeout=600)
    if p.returncode != 0:
        return True, []
    try:
        out = subprocess.run([DOCKER, "run", "--rm", "--network=none", tag, "cat", "/out.log"],
                             capture_output=True, timeout=120, check=True).stdout.decode().splitlines()
    finally:
        subprocess.run([DOCKER, "rmi", "-f", tag], capture_output=True, timeout=120)
    return False, out


@pytest.mark.e2e
@pytest.mark.slow
def test_docker_builds_behave_the_same(request, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    problem = _engine_problem()
    if problem:
        if request.config.getoption("--require-docker"):
            pytest.fail(problem)
        pytest.skip(problem)
    jobs = []
    for name, runs in E2E_CASES.items():
        src = f"FROM debian:bookworm\n{E2E_SHELL}\n{runs}".encode()
        out = rewrite(src, OPTIONS).output
        assert out.count(b"RUN ") < src.count(b"RUN "), name  # something was merged
        jobs += [(name, v, text.replace(b"@ID@", f"dsl001-{name}-{v}".encode()))
                 for v, text in (("before", src), ("after", out))]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(
            lambda j: _docker_build(j[2], f"dsl001-e2e-{j[0]}:{j[1]}", tmp_path / j[0] / j[1]), jobs))
    by = {(j[0], j[1]): r for j, r in zip(jobs, results)}
    for name in E2E_CASES:
        assert by[(name, "after")] == by[(name, "before")], name
    # the cases are not all failures (else only the failure flag was compared)
    assert sum(not by[(n, "before")][0] for n in E2E_CASES) >= 9


# -- helpers --------------------------------------------------------------------


@pytest.mark.parametrize("args, expected", [
    (["-c"], False), (["-xc"], False), (["-o", "pipefail", "-c"], False), (["--login", "-c"], False),
    (["-ec"], True), (["-e", "-c"], True), (["-eo", "pipefail", "-c"], True), (["-o", "errexit", "-c"], True),
    (["-euxo", "pipefail", "-c"], True),
])
def test_shell_errexit(args, expected):
    from dslim_rewrite.transforms.dsl001_collapse_run import _shell_errexit

    assert _shell_errexit(args) is expected


@pytest.mark.parametrize("body, expected", [
    ("set", False), ("set -x", False), ("set -o pipefail", False), ("set -- -e", False), ("set -u -- a", False),
    ("set -e", True), ("set -euo pipefail", True), ("set -o errexit", True), ("set -xo errexit", True),
    ("set +e", True), ("set -o", True), ("set $OPTS", True), ("set -o $OPT", True),
])
def test_may_set_errexit(body, expected):
    from dslim_rewrite.shell import parse_shell
    from dslim_rewrite.transforms.dsl001_collapse_run import _may_set_errexit

    (cmd,) = parse_shell(body).find("set")
    assert _may_set_errexit(cmd) is expected


@pytest.mark.parametrize("value, expected", [
    ("type=cache,target=/x", True), ("target=/x", True), ("type=bind,source=a,target=/x", True),
    ("type=bind,target=/x,readwrite=false", True), ("type=secret,id=a", True), ("type=ssh", True),
    ("type=bind,target=/x,rw", False), ("type=bind,target=/x,rw=true", False), ("target=/x,readwrite", False),
    ("type=tmpfs,target=/t", False), ("type=$T,target=/x", False), ("type=unknown", False),
])
def test_mount_shared(value, expected):
    from dslim_rewrite.transforms.dsl001_collapse_run import _mount_shared

    assert _mount_shared(value) is expected


def test_merged_run_has_at_most_200_commands():
    from dslim_rewrite.transforms.dsl001_collapse_run import MAX_MERGED_COMMANDS

    bodies = [f"echo {k} && echo {k}" for k in range(250)]
    after = run_bodies(rewrite(dockerfile(bodies, None), OPTIONS).output)
    assert [b.count("&&") + 1 for b in after] == [MAX_MERGED_COMMANDS, MAX_MERGED_COMMANDS, 500 - 2 * MAX_MERGED_COMMANDS]


def test_merged_run_limit_counts_commands_not_list_items():
    """A redirection after `&&` makes the shell parser read the whole list
    before it as one item: the limit still counts every command, so a second
    round does not merge two full RUNs into one."""
    from dslim_rewrite.transforms.dsl001_collapse_run import MAX_MERGED_COMMANDS

    bodies = [f"echo {k} > /tmp/f{k}" for k in range(250)]
    after = run_bodies(rewrite(dockerfile(bodies, None), OPTIONS).output)
    assert [b.count("&&") + 1 for b in after] == [MAX_MERGED_COMMANDS, 250 - MAX_MERGED_COMMANDS]
