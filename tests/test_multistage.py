"""Stage analysis, the split plan, and template rendering."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dslim_rewrite import document, images, stages
from dslim_rewrite.chain import rewrite
from dslim_rewrite.context import Context, Options

GO = b"""FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /out/app .
ENV NOTE="{{ 7 * 7 }} {% raw %}"
CMD ["/out/app"]
"""


def ctx_for(data: bytes, **settings) -> Context:
    return Context(document.parse(data), Options(unsafe=True, settings=settings))


def split(data: bytes, **kw) -> bytes:
    return rewrite(data, Options(unsafe=True, select=frozenset({"DSL110"}), **kw)).output


@pytest.mark.parametrize("body,argv", [
    ("/app --port 8080", ["/app", "--port", "8080"]),
    ("server 'a b' \"c d\"", ["server", "a b", "c d"]),
    ("/app --port $PORT", None),
    ("/app > /log", None),
    ("a && b", None),
    ("X=1 /app", None),
    ("/app *.txt", None),
    ("/app ~/x", None),
    ("/app \"$HOME\"", None),
    ("/app 'it''s'", None),
])
def test_exec_form_only_when_exact(body, argv):
    assert stages.exec_form(body) == argv


@pytest.mark.parametrize("cwd,path,out", [
    ("/src", "out/app", "/src/out/app"),
    ("/src", "../bin/x", "/bin/x"),
    ("/src", "/abs", "/abs"),
    (None, "rel", None),
    ("/src", "$OUT/app", None),
    ("/src", "~/x", None),
])
def test_resolve(cwd, path, out):
    assert stages.resolve(cwd, path) == out


def test_expand():
    assert stages.expand("/opt/${APP}/bin:$PATH", {"APP": "x", "PATH": "/bin"}) == "/opt/x/bin:/bin"
    assert stages.expand("$MISSING/x", {}) is None
    assert stages.expand("${A:-d}", {"A": "1"}) is None


def test_nothing_built_is_not_a_note():
    c = ctx_for(b"FROM debian:bookworm\nCOPY a /a\nCMD [\"/a\"]\n")
    assert stages.plan_split(c, c.doc.stages[-1], images.table()) is None


@pytest.mark.parametrize("text,reason", [
    (b"FROM golang:1.22\nRUN go build -o /o/ .\nCMD [\"/o/x\"]\n", "cannot tell where"),
    (b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"sh\", \"-c\", \"/app\"]\n", "runs `sh`"),
    (b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/other\"]\n", "no build step makes"),
    (b"FROM golang:1.22\nRUN go build -o /app . && cp /app /usr/bin/x\nCMD [\"/app\"]\n", "writes outside"),
    (b"FROM golang:1.22\nRUN go build -o /app . > /etc/log\nCMD [\"/app\"]\n", "outside what the runtime"),
    (b"FROM python:3.11\nUSER 1000\nRUN pip install x\nCMD [\"python\"]\n", "USER 1000 before pip"),
    (b"FROM python:3.11\nENV PIP_TARGET=/x\nRUN pip install x\nCMD [\"python\"]\n", "PIP_TARGET"),
    (b"FROM python:3.11\nCOPY . /\nRUN pip install .\nCMD [\"python\", \"-m\", \"a\"]\n", "writes into /"),
    (b"FROM node:20\nWORKDIR /a\nRUN cd web && npm ci\nCMD [\"node\", \"x.js\"]\n", "prune"),
    (b"FROM stage0\nRUN go build -o /a .\nCMD [\"/a\"]\n", "not in the base-image table"),
])
def test_cannot_tell(text, reason):
    c = ctx_for(text)
    with pytest.raises(stages.CannotTell) as e:
        stages.plan_split(c, c.doc.stages[-1], images.table())
    assert reason in e.value.reason


def test_note_is_shown_with_diff():
    res = rewrite(b"FROM gcc:12\nRUN make install\nCMD [\"hello\"]\n", Options(unsafe=True,
                  select=frozenset({"DSL110"})))
    assert not res.changed
    assert any("make install" in n.message for n in res.notes)


def test_dockerfile_text_is_data_not_template():
    out = split(GO)
    assert b'ENV NOTE="{{ 7 * 7 }} {% raw %}"' in out.split(b"FROM gcr.io")[1]
    assert b"49" not in out


def test_untouched_lines_are_byte_identical():
    src = GO.replace(b"\n", b"\r\n")
    out = split(src)
    for line in src.split(b"\r\n"):
        if line and not line.startswith((b"FROM", b"RUN")):
            assert line + b"\r\n" in out
    assert out.count(b"\n") == out.count(b"\r\n")  # CRLF stays CRLF, also in the new stage


def test_user_templates_render_sandboxed(tmp_path):
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "go.j2").write_text(
        '{% if part == "runtime" %}\n'
        'FROM registry.example.com/base/static:1 AS {{ name or "runtime" }}\n'
        '{% for a in artifacts %}COPY --from={{ builder }} {{ a.args }}\n{% endfor %}'
        '{% for t in moved %}{{ t }}\n{% endfor %}'
        '{% endif %}\n')
    cfg = tmp_path / ".dslim-rewrite.toml"
    cfg.write_text('templates = "tpl"\n')
    out = split(b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n",
                settings={"templates": "tpl"}, config_path=str(cfg))
    assert b"FROM registry.example.com/base/static:1 AS runtime\nCOPY --from=build /app /app\n" in out
    # a template may not reach Python internals
    (tdir / "go.j2").write_text('{{ "".__class__.__mro__[1].__subclasses__() }}')
    res = rewrite(b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n",
                  Options(unsafe=True, select=frozenset({"DSL110"}), settings={"templates": {"dir": "tpl"}},
                          config_path=str(cfg)))
    assert not res.changed
    assert any("template go.j2" in n.message for n in res.notes)


def test_template_table_and_bad_config(tmp_path):
    (tmp_path / "my-go.j2").write_text('{% if part == "runtime" %}FROM scratch\nCOPY --from={{ builder }} '
                                       '{{ artifacts[0].args }}\n{% endif %}')
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text("")
    out = split(b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n",
                settings={"templates": {"go": "my-go.j2"}}, config_path=str(cfg))
    assert out.endswith(b"FROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n")
    res = rewrite(b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n",
                  Options(unsafe=True, select=frozenset({"DSL110"}), settings={"templates": {"cobol": "x.j2"}},
                          config_path=str(cfg)))
    assert not res.changed and "not an ecosystem" in res.notes[0].message


def test_template_output_must_be_a_stage(tmp_path):
    (tmp_path / "go.j2").write_text('{% if part == "runtime" %}COPY --from=x a b\n{% endif %}')
    res = rewrite(b"FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n",
                  Options(unsafe=True, select=frozenset({"DSL110"}), settings={"templates": str(tmp_path)}))
    assert not res.changed and "start with FROM" in res.notes[0].message


def test_jinja2_is_imported_only_for_a_split(tmp_path):
    code = (
        "import sys\n"
        "from dslim_rewrite.chain import rewrite\n"
        "from dslim_rewrite.context import Options\n"
        "rewrite(b'FROM python:3.11\\nCOPY a /a\\nCMD [\"python\", \"/a\"]\\n', Options(unsafe=True))\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported without a split'\n"
        "rewrite(b'FROM golang:1.22\\nRUN go build -o /a .\\nCMD [\"/a\"]\\n', Options(unsafe=True))\n"
        "assert 'jinja2' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_runtime_stage_keeps_configuration_in_order():
    src = (b"FROM python:3.11\nARG REV=dev\nLABEL rev=$REV\nENV A=1\nWORKDIR /app\nUSER root\n"
           b"COPY . .\nRUN pip install .\nEXPOSE 80\nSTOPSIGNAL SIGINT\nCMD [\"python\", \"-m\", \"app\"]\n")
    out = split(src).decode()
    runtime = out.split("FROM python:3.11-slim\n", 1)[1]
    order = [ins.keyword for ins in document.parse(("FROM x\n" + runtime).encode()).instructions[1:]]
    assert order == ["RUN", "ARG", "ENV", "WORKDIR", "USER", "COPY", "COPY", "LABEL", "EXPOSE", "STOPSIGNAL", "CMD"]
    assert "LABEL" not in out.split("FROM python:3.11-slim")[0]  # moved, not copied


def test_every_split_is_stable_and_accepted_by_buildkit():
    # rewrite() checks BuildKit's parser and untouched instructions; a second run changes nothing
    out = split(GO)
    assert split(out) == out


@pytest.mark.parametrize("src", [
    b"FROM python:3.11\nCOPY a.py /a.py\nCMD [\"python\", \"/a.py\"]\n",
    b"FROM node:20\nRUN apt-get update\nRUN apt-get install -y git\nCMD [\"node\"]\n",
    b"FROM golang:1.22\nRUN go build -o /a .\nCMD [\"/a\"]\n",
])
def test_base_transforms_together_reach_a_fixed_point(src):
    # slim-base must not undo alpine-base (and the other way round)
    opts = Options(unsafe=True, select=frozenset({"DSL100", "DSL101", "DSL110", "DSL120"}))
    out = rewrite(src, opts).output
    assert rewrite(out, opts).output == out


PY = b"""FROM python:3.11
ENV APP_MODE=demo
WORKDIR /app
COPY requirements.txt .
RUN pip install -U pip
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
"""


def test_python_split_keeps_the_config_and_stages_what_pip_installed():
    out = split(PY).decode()
    builder, runtime = out.split("\n\nFROM python:3.11-slim\n")
    assert "venv" not in out and "PATH" not in out
    # the builder's own steps are unchanged; the marker comes before the first pip
    lines = builder.splitlines()
    marker = lines.index("RUN mkdir -p /var/lib/dslim-python && touch /var/lib/dslim-python/marker")
    assert lines[marker + 1:marker + 3] == ["RUN pip install -U pip", "RUN pip install -r requirements.txt"]
    assert lines[marker + 3].startswith("RUN python3 -c ") and "-newer" in builder and "--parents" in builder
    # the runtime stage removes its own site-packages first, then copies the staged tree before the app
    rlines = runtime.splitlines()
    assert rlines[0].startswith("RUN python3 -c ") and "rmtree" in rlines[1]
    assert rlines[2:] == ["ENV APP_MODE=demo", "WORKDIR /app", "COPY --from=build /var/lib/dslim-python/runtime/ /",
                          "COPY --from=build /app /app", "COPY . .", 'CMD ["python", "-m", "app"]']


def test_python_split_output_gets_no_note_on_a_second_run():
    out = split(PY)
    res = rewrite(out, Options(unsafe=True, select=frozenset({"DSL110"})))
    assert not res.changed and not res.notes


def test_python_staging_runs_as_root():
    src = PY.replace(b"COPY . .\n", b"USER 1000\nCOPY . .\nRUN python -m compileall .\n")
    builder = split(src).decode().split("\n\nFROM ")[0]
    assert "USER 1000\nCOPY . .\nRUN python -m compileall .\nUSER root\nRUN python3 -c " in builder
    assert b"USER root" not in split(PY)


def test_python_on_an_os_image_removes_no_site_packages():
    src = (b"FROM debian:bookworm\nRUN apt-get update && apt-get install -y python3 python3-pip\n"
           b"WORKDIR /app\nCOPY . .\nRUN pip install --break-system-packages .\nCMD [\"python3\", \"-m\", \"app\"]\n")
    runtime = split(src).decode().split("\n\nFROM ")[1]
    assert runtime.startswith("debian:bookworm-slim\nRUN apt-get update")
    assert "rmtree" not in runtime and "COPY --from=build /var/lib/dslim-python/runtime/ /\n" in runtime


@pytest.mark.parametrize("src", [
    b"FROM python:3.11\nRUN python -c 'print(1)'\nCMD [\"python\"]\n",
    b"FROM python:3.11\nCOPY a.py /a.py\nRUN python3 -c 'import a'\nCMD [\"python\", \"/a.py\"]\n",
])
def test_python_dash_c_alone_builds_nothing(src):
    c = ctx_for(src)
    assert stages.plan_split(c, c.doc.stages[-1], images.table()) is None
