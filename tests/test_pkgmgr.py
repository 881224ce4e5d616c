"""Unit tests of the package-manager knowledge shared by the cache transforms."""

from __future__ import annotations

import pytest

from dslim_rewrite import document
from dslim_rewrite.chain import apply_edits
from dslim_rewrite.context import Context, Options
from dslim_rewrite.pkgmgr import (
    always_ran,
    append_command,
    apt_lists_removed,
    invocations,
    lineage_after,
    lineage_before,
    mount_overlaps,
    mount_specs,
    needs_apt_lists,
    path_covers,
    removed_paths,
    tool_cleanup_edit,
    unwrap,
)
from dslim_rewrite.shell import parse_shell


def ctx_of(text: str | bytes) -> Context:
    data = text.encode() if isinstance(text, str) else text
    return Context(document.parse(data), Options())


def last_run(ctx: Context):
    return [i for i in ctx.doc.instructions if i.keyword == "RUN"][-1]


def inv_of(body: str, k: int = 0):
    return invocations(parse_shell(body))[k]


# -- unwrapping -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, tool, first_args, sudo",
    [
        ("apt-get install -y curl", "apt-get", ["install", "-y"], False),
        ("/usr/bin/apt-get -qq update", "apt-get", ["-qq", "update"], False),
        ("sudo -E apt-get update", "apt-get", ["update"], True),
        ("sudo -u app pip install x", "pip", ["install", "x"], True),
        ("env DEBIAN_FRONTEND=noninteractive apt-get install x", "apt-get", ["install", "x"], False),
        ("command apt-get update", "apt-get", ["update"], False),
        ("python3 -m pip install --user x", "pip", ["install", "--user"], False),
        ("python3.12 -I -m pip install x", "pip", ["install", "x"], False),
        ("python -X utf8 -m pip install x", "pip", ["install", "x"], False),
        ("python -m uv pip install x", "uv", ["pip", "install"], False),
        ("pip3.11 install x", "pip", ["install", "x"], False),
        ("python -c 'import pip' -m pip", "python", ["-c", "import pip"], False),
        ("pipx install poetry", "pipx", ["install", "poetry"], False),
    ],
)
def test_unwrap(body, tool, first_args, sudo):
    inv = inv_of(body)
    assert inv.tool == tool
    assert inv.args[: len(first_args)] == first_args
    assert inv.sudo is sudo


def test_unwrap_keeps_prefix_assignments():
    inv = inv_of("DEBIAN_FRONTEND=noninteractive sudo LANG=C apt-get install x")
    assert inv.tool == "apt-get"
    assert inv.env == {"DEBIAN_FRONTEND": "noninteractive", "LANG": "C"}


def test_bare_assignment_is_not_an_invocation():
    assert invocations(parse_shell("A=1 && apt-get update"))[0].tool == "apt-get"


# -- removals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, paths",
    [
        ("rm -rf /var/lib/apt/lists/*", ["/var/lib/apt/lists"]),
        ("rm -fr /var/lib/apt/lists/", ["/var/lib/apt/lists"]),
        ("rm -r -f /var/lib/apt/lists /tmp/*", ["/var/lib/apt/lists", "/tmp"]),
        ("rm --recursive --force /var/cache/apt", ["/var/cache/apt"]),
        ("rm -Rfv ~/.npm", ["~/.npm"]),
        ("rm -rf $HOME/.cache/pip", ["~/.cache/pip"]),
        ("rm -rf -- -odd", ["-odd"]),
        ("rm -f /var/lib/apt/lists/*", []),  # not recursive: folders stay
        ("find /var/lib/apt/lists -type f -delete", ["/var/lib/apt/lists"]),
        ("find /var/lib/apt/lists -type f", []),
        ("echo rm -rf /", []),
    ],
)
def test_removed_paths(body, paths):
    assert removed_paths(inv_of(body)) == paths


@pytest.mark.parametrize(
    "outer, inner, covers",
    [
        ("/var/lib/apt/lists", "/var/lib/apt/lists", True),
        ("/var/lib/apt", "/var/lib/apt/lists", True),
        ("/var/lib/apt/lists/*", "/var/lib/apt/lists", True),
        ("/var/lib/apt/lists", "/var/lib/apt", False),
        ("/var/lib/ap", "/var/lib/apt/lists", False),
        ("/", "/anything", True),
        ("/root/.npm", "~/.npm/_cacache", True),
        ("$HOME/.cache", "/home/app/.cache/pip", True),
        ("/home/app/.npm", "/root/.npm", True),  # any home: a user's cache is a user's cache
        ("/opt/.npm", "~/.npm", False),
    ],
)
def test_path_covers(outer, inner, covers):
    assert path_covers(outer, inner) is covers


def test_apt_lists_removed_counts_only_what_comes_after():
    script = parse_shell("rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x")
    invs = invocations(script)
    update = invs[1]
    assert apt_lists_removed(invs)
    assert not apt_lists_removed(invs, after=update.cmd.start)
    invs = invocations(parse_shell("apt-get update && apt-get dist-clean"))
    assert apt_lists_removed(invs, after=invs[0].cmd.start)
    invs = invocations(parse_shell("apt-get update && apt-get clean"))
    assert not apt_lists_removed(invs, after=invs[0].cmd.start)


# -- mounts -----------------------------------------------------------------------


def test_mount_specs_and_overlaps():
    ctx = ctx_of(
        "FROM a\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked "
        "--mount=dst=/src,from=build --mount=type=tmpfs,destination=/root/.npm/_cacache true\n"
    )
    ins = last_run(ctx)
    specs = mount_specs(ins)
    assert [s["type"] for s in specs] == ["cache", "bind", "tmpfs"]
    assert [s["target"] for s in specs] == ["/var/cache/apt", "/src", "/root/.npm/_cacache"]
    assert mount_overlaps(ins, ["/var/cache/apt/archives"]) == "/var/cache/apt"
    # a mount inside the path to delete: rm would fail on the mount point
    assert mount_overlaps(ins, ["~/.npm"]) == "/root/.npm/_cacache"
    assert mount_overlaps(ins, ["/var/lib/apt/lists"]) is None


# -- control flow -------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, ran",
    [
        ("npm ci", True),
        ("cd /app && npm ci && npm run build", True),
        ("set -e; cd /app; npm ci && npm run build", True),
        ("npm ci; echo done", False),
        ("test -f package.json && npm ci; echo ok", False),
        ("npm ci || true", False),
        ("x || y; npm ci", True),
        ("if true; then npm ci; fi", False),
        ("(npm ci)", True),  # a subshell that changes nothing
        ("npm ci | tee log", False),
    ],
)
def test_always_ran(body, ran):
    script = parse_shell(body)
    npm = next(c for c in script.commands if c.name == "npm")
    assert always_ran(script, npm) is ran


def _append(text: str, what: bytes = b"cleanup") -> bytes | str:
    ctx = ctx_of(text)
    ins = last_run(ctx)
    edit = append_command(ctx, ins, ctx.script(ins), what)
    if isinstance(edit, str):
        return edit
    return apply_edits(ctx.doc.data, [edit])


def test_append_one_line():
    assert _append("FROM a\nRUN a; b\n") == b"FROM a\nRUN a; b && cleanup\n"
    assert _append("FROM a\nRUN a || b;\n") == b"FROM a\nRUN a || b && cleanup;\n"
    assert _append("FROM a\nRUN a # note\n") == b"FROM a\nRUN a && cleanup # note\n"
    assert _append("FROM a\nRUN a") == b"FROM a\nRUN a && cleanup"


def test_append_continued_follows_the_run_and_keeps_crlf():
    assert _append("FROM a\nRUN a \\\n    && b\n") == b"FROM a\nRUN a \\\n    && b \\\n    && cleanup\n"
    assert _append("FROM a\r\nRUN a && \\\r\n  b\r\n") == b"FROM a\r\nRUN a && \\\r\n  b && \\\r\n  cleanup\r\n"
    # arguments indented deeper than commands: the new command gets a command's indent
    out = _append("FROM a\nRUN apt-get install -y \\\n        curl\n")
    assert out == b"FROM a\nRUN apt-get install -y \\\n        curl && \\\n    cleanup\n"


def test_append_backtick_escape():
    assert _append("# escape=`\nFROM a\nRUN a && `\n    b\n") == b"# escape=`\nFROM a\nRUN a && `\n    b && `\n    cleanup\n"


@pytest.mark.parametrize(
    "body, why",
    [
        ("a & b", "background"),
        ("a; exit 0", "exit"),
        ("a && exec b", "exec"),
        ("f() { a; }", "function"),
    ],
)
def test_append_refuses(body, why):
    out = _append(f"FROM a\nRUN {body}\n")
    assert isinstance(out, str) and why in out


def test_append_edit_overlaps_a_merge_of_the_next_run():
    """The append takes the byte after the body along, so an edit replacing
    what follows the body (a merge of the next RUN) conflicts and goes first."""
    from dslim_rewrite.fixes import Edit

    ctx = ctx_of("FROM a\nRUN a\nRUN b\n")
    first = ctx.doc.instructions[1]
    edit = append_command(ctx, first, ctx.script(first), b"cleanup")
    merge = Edit(first.end, ctx.doc.instructions[2].start + 4, b" && \\\n    ")
    assert edit.conflicts(merge)


def test_tool_cleanup_calls_the_tool_by_its_path():
    ctx = ctx_of("FROM a\nRUN /opt/conda/bin/conda install -y x\n")
    ins = last_run(ctx)
    script = ctx.script(ins)
    edit = tool_cleanup_edit(ctx, ins, script, invocations(script), b"conda clean -afy")
    assert apply_edits(ctx.doc.data, [edit]).endswith(b"install -y x && /opt/conda/bin/conda clean -afy\n")
    ctx = ctx_of("FROM a\nRUN sudo conda install -y x\n")
    ins = last_run(ctx)
    script = ctx.script(ins)
    assert "sudo" in tool_cleanup_edit(ctx, ins, script, invocations(script), b"conda clean -afy")


# -- apt lists and stages -------------------------------------------------------------


@pytest.mark.parametrize(
    "run, needs",
    [
        ("RUN apt-get install -y curl", True),
        ("RUN apt-get update && apt-get install -y curl", False),
        ("RUN apt-get install -y curl && apt-get update", True),
        ("RUN if x; then apt-get update; fi && apt-get install -y curl", True),
        ("RUN apt-get purge -y --auto-remove curl", False),
        ("RUN apt-get clean", False),
        ("RUN apt-cache policy curl", True),
        ('RUN ["apt-get", "install", "-y", "curl"]', True),
        ("RUN echo apt-get install curl", False),
        ("COPY apt-get /x", False),
    ],
)
def test_needs_apt_lists(run, needs):
    ctx = ctx_of(f"FROM a\n{run}\n")
    assert needs_apt_lists(ctx, ctx.doc.instructions[1]) is needs


def test_lineage():
    ctx = ctx_of(
        "FROM a AS Base\nRUN one\n"
        "FROM b AS other\nRUN two\n"
        "FROM base AS child\nRUN three\n"
        "FROM child\nRUN four\n"
    )
    ins = ctx.doc.instructions
    after = [i.index for i in lineage_after(ctx.doc, ins[1])]
    assert after == [4, 5, 6, 7]  # child and its child, not `other`
    before = [i.index for i in lineage_before(ctx.doc, ins[7])]
    assert sorted(before) == [0, 1, 4, 5, 6]


@pytest.mark.parametrize(
    "body, reach, ran",
    [
        ("( export X=1 && npm ci ) && echo next", True, False),  # PATH may differ outside
        ("( cd web && npm ci ) && echo next", True, True),
        ("{ cd web && npm ci; } && echo next", True, True),
        ("{ npm ci; echo ok; } && echo next", True, False),  # npm may be missing, echo hides it
        ("{ test -f x && npm ci; echo ok; } && echo next", True, False),
        ("( npm ci ) ; echo next", True, False),
        ("echo $(npm ci)", False, False),
        ("if true; then npm ci; fi", False, False),
        ("((1)) && npm ci", True, True),
    ],
)
def test_groups(body, reach, ran):
    from dslim_rewrite.pkgmgr import reachable

    script = parse_shell(body)
    npm = next(c for c in script.commands if c.name == "npm")
    assert reachable(script, npm) is reach
    assert always_ran(script, npm) is ran


# -- the transforms together, on generated RUN bodies --------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_COMMANDS = [
    "apt-get update", "apt-get install -y curl", "apt-get install git", "apt-get clean",
    "rm -rf /var/lib/apt/lists/*", "apk update", "apk add curl", "apk add --no-cache jq",
    "pip install requests", "python3 -m pip install flask", "npm ci", "npm install -g serve",
    "yarn install", "pnpm install", "yum install -y httpd", "dnf install gcc", "zypper install curl",
    "gem install rake", "conda install -y numpy", "uv sync", "cd /app", "echo ok", "true",
    "export A=1", "sudo apt-get update", "test -f x",
]
# flags and packages the transforms add, and the cleanups they append
_ADDED_WORDS = {"-y", "--no-cache", "--no-cache-dir", "--no-document", "--non-interactive",
                "--no-install-recommends", "ca-certificates"}
_CLEANUPS = {
    ("rm", "-rf", "/var/lib/apt/lists/*"), ("npm", "cache", "clean", "--force"),
    ("yarn", "cache", "clean"), ("pnpm", "store", "prune"), ("yum", "clean", "all"), ("rm", "-rf", "/var/cache/yum"),
    ("dnf", "clean", "all"), ("zypper", "clean", "--all"), ("conda", "clean", "-afy"),
}


@st.composite
def bodies(draw):
    n = draw(st.integers(1, 5))
    parts = [draw(st.sampled_from(_COMMANDS))]
    for _ in range(n - 1):
        op = draw(st.sampled_from([" && ", " && ", "; ", " || ", " && \\\n    ", " \\\n    && "]))
        cmd = draw(st.sampled_from(_COMMANDS))
        wrap = draw(st.sampled_from(["", "", "", "()", "{}", "if"]))
        if wrap == "()":
            cmd = f"( {cmd} )"
        elif wrap == "{}":
            cmd = f"{{ {cmd}; }}"
        elif wrap == "if":
            cmd = f"if true; then {cmd}; fi"
        parts.append(op + cmd)
    return "".join(parts)


def _argvs(data: bytes) -> list[tuple[str, ...]]:
    doc = document.parse(data)
    ctx = Context(doc, Options())
    out = []
    for ins in doc.instructions:
        script = ctx.script(ins)
        if script is not None:
            out += [tuple(w.text for w in c.words) for c in script.commands if c.kind == "command"]
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(bodies(), min_size=1, max_size=3), st.booleans(), st.booleans())
def test_generated_bodies_keep_every_command(runs, crlf, unsafe):
    from dslim_rewrite.chain import rewrite

    text = "FROM debian:bookworm\n" + "".join(f"RUN {b}\n" for b in runs)
    data = text.replace("\n", "\r\n").encode() if crlf else text.encode()
    options = Options(unsafe=unsafe)
    out = rewrite(data, options).output
    assert rewrite(out, options).output == out
    if crlf:
        assert out.count(b"\n") == out.count(b"\r\n")
    before = [a for a in _argvs(data) if a[:2] != ("apk", "update")]
    after = [a for a in _argvs(out) if a[:2] != ("apk", "update")]

    def strip(a):
        return tuple(w for w in a if w not in _ADDED_WORDS)

    # every command of the input is still there, in order; what is new is a cleanup
    k = 0
    for a in after:
        if k < len(before) and strip(a) == strip(before[k]):
            k += 1
        else:
            assert strip(a) in _CLEANUPS, (a, text, out.decode())
    assert k == len(before), (before[k:], text, out.decode())
