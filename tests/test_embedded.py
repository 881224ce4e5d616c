"""Dockerfiles inside Python string literals (the ``python`` extra)."""

from __future__ import annotations

import ast

import pytest

pytest.importorskip("libcst")

from dslim_rewrite.context import Options  # noqa: E402
from dslim_rewrite.embedded import (  # noqa: E402
    looks_like_dockerfile, might_embed, pieces, rewrite_literal, rewrite_module, split_literal,
)

OPTS = Options(select=frozenset({"DSL010"}))


def rw(src: str) -> tuple[str, object]:
    res = rewrite_module(src.encode(), OPTS)
    return res.output.decode(), res


def test_assigned_triple_quoted_keeps_escaped_backslashes():
    src = 'DOCKERFILE = """\nFROM debian\nRUN apt-get update && \\\\\n    apt-get install curl\n"""\n'
    out, res = rw(src)
    assert out == src.replace("install curl", "install -y curl")
    assert ast.literal_eval(out.split("= ", 1)[1]).count("\\\n") == 1  # still one continuation
    assert res.fixes == [("DSL010", 4, "add -y to `apt-get install`")]


def test_raw_literal_keeps_its_single_backslashes():
    src = "RAW_DOCKERFILE = r'''\nFROM debian\nRUN apt-get install git && \\\n    echo ok\n'''\n"
    out, _ = rw(src)
    assert out == src.replace("install git", "install -y git")


def test_fileobj_bytes_literal_inside_bytesio():
    src = 'import io\nclient.images.build(fileobj=io.BytesIO(b"FROM debian\\nRUN apt-get install vim\\n"), tag="x")\n'
    out, _ = rw(src)
    assert out == src.replace("install vim", "install -y vim")


def test_dockerfile_keyword_and_encode_call():
    src = 'build(path=".", dockerfile="FROM debian\\nRUN apt-get install vim\\n".encode("utf-8"))\n'
    out, _ = rw(src)
    assert out == src.replace("install vim", "install -y vim")


def test_dedent_with_leading_backslash_newline_and_single_quotes():
    src = ("import textwrap\nDOCKERFILE_T = textwrap.dedent('''\\\n    FROM debian\n"
           "    RUN apt-get install jq\n''')\n")
    out, res = rw(src)
    assert out == src.replace("install jq", "install -y jq")
    assert res.fixes[0][1] == 4  # the line in the .py file


def test_quote_style_and_unusual_escapes_kept():
    # \x41 stays \x41, \t stays \t: only the changed bytes are written
    src = "DOCKERFILE = 'FROM debian\\nLABEL a=\\x41\\tb=1\\nRUN apt-get install vim\\n'\n"
    out, _ = rw(src)
    assert out == src.replace("install vim", "install -y vim")


def test_fstrings_concatenations_and_templates_are_reported_not_touched():
    src = ('base = "debian"\n'
           'build(fileobj=BytesIO(f"FROM {base}\\nRUN apt-get install vim\\n".encode()))\n'
           'other_dockerfile = "FROM debian\\n" "RUN apt-get install x\\n"\n'
           'DOCKERFILE = "FROM {}\\nRUN apt-get install x\\n".format(base)\n'
           'MY_DOCKERFILE = "FROM %s\\nRUN apt-get install x\\n" % base\n')
    out, res = rw(src)
    assert out == src and not res.changed
    whys = " ".join(n[2] for n in res.notes)
    for word in ("f-string", "concatenated", ".format()", "%-format"):
        assert word in whys
    assert sorted(n[1] for n in res.notes) == [2, 3, 4, 5]


def test_strings_that_are_not_dockerfiles_are_left_alone():
    src = ('dockerfile = "Dockerfile.prod"\n'
           'DOCKERFILE_PATH = "docker/Dockerfile"\n'
           'build(dockerfile="docker/Dockerfile.dev")\n'
           'text = "FROM debian\\nRUN apt-get install vim\\n"  # not where a Dockerfile goes\n')
    out, res = rw(src)
    assert out == src and res.found == 0


def test_rest_of_module_is_byte_identical_crlf_and_comments():
    src = ('# -*- coding: utf-8 -*-\r\nimport io  # c\r\n\r\n\r\nDOCKERFILE = (  # keep\r\n'
           '    "FROM debian\\nRUN apt-get install vim\\n"\r\n)\r\nx = [1,2 ,3]\r\n')
    out = rewrite_module(src.encode(), OPTS).output
    assert out == src.replace("install vim", "install -y vim").encode()


def test_output_is_valid_python_with_the_rewritten_value():
    src = 'DOCKERFILE = "FROM debian\\nRUN apt-get install \\"a b\\"\\n"\n'
    out, _ = rw(src)
    value = ast.literal_eval(out.split("= ", 1)[1])
    assert value == 'FROM debian\nRUN apt-get install -y "a b"\n'


def test_might_embed_is_a_cheap_prefilter():
    assert might_embed(b'DOCKERFILE = "FROM x"\n')
    assert not might_embed(b"import os\nprint('hello')\n")
    assert not might_embed(b"from os import path\n")  # 'from' but no hint word
    assert might_embed(b"from os import path\nbuild(fileobj=f)\n")  # cheap test only: libcst decides


def test_looks_like_dockerfile():
    assert looks_like_dockerfile(b"ARG V=1\nFROM debian:$V\nRUN true\n")
    assert not looks_like_dockerfile(b"Dockerfile.prod")
    assert not looks_like_dockerfile(b"hello world\n")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the unknown escape \\q, on purpose
@pytest.mark.parametrize("literal", [
    '"a\\\\b\\n"', "'it\\'s'", 'r"a\\b"', 'b"\\x00\\xff"', '"""x\\\ny"""', "'\\N{BULLET} \\u2022'", '"\\q"',
])
def test_pieces_rebuild_the_value(literal):
    prefix, quote, body = split_literal(literal)
    ps = pieces(body, "r" in prefix, "b" in prefix)
    value = ast.literal_eval(literal)
    want = value.decode("latin-1") if isinstance(value, bytes) else value
    assert "".join(v for _, _, v in ps) == want
    assert "".join(body[a:b] for a, b, _ in ps) == body


def test_rewrite_literal_refuses_what_it_cannot_write():
    # a raw single-line literal cannot take a newline
    assert rewrite_literal("r'FROM x'", "FROM x", "FROM x\nRUN y") is None
    assert rewrite_literal("'FROM x'", "FROM x", "FROM x\nRUN 'y'") == "'FROM x\\nRUN \\'y\\''"


def test_migrate_rewrites_embedded_dockerfiles_only_with_python_flag(tmp_path):
    import subprocess
    import sys

    mod = tmp_path / "build_images.py"
    src = b'DOCKERFILE = """\nFROM debian\nRUN apt-get install vim\n"""\n'
    mod.write_bytes(src)
    run = lambda *a: subprocess.run([sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())",  # noqa: E731
                                     "migrate", str(tmp_path), "--select", "DSL010", "-j", "1", *a],
                                    capture_output=True)
    assert run().returncode == 0 and mod.read_bytes() == src
    p = run("--python")
    assert p.returncode == 0, p.stderr
    assert mod.read_bytes() == src.replace(b"install vim", b"install -y vim")
