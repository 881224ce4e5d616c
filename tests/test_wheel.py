"""The built wheel carries the transforms: install it into a fresh virtualenv
(outside the checkout) and rewrite a file with it."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_rewrites(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, timeout=300, cwd=tmp_path)
    wheel = next(dist.glob("dslim_rewrite-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "dslim_rewrite/transforms/dsl010_apt_assume_yes.py" in names
    assert not any(n.startswith("transforms/") for n in names)  # no stray top-level package

    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    py = env / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600, cwd=tmp_path)

    work = tmp_path / "work"
    work.mkdir()
    (work / "Dockerfile").write_bytes(b"FROM debian\nRUN apt-get install curl\n")
    where = subprocess.run([str(py), "-c", "import dslim_rewrite.transforms as t; print(t.__file__)"],
                           capture_output=True, text=True, check=True, cwd=work).stdout
    assert where.startswith(str(env)), where  # the wheel's copy, not the checkout
    exe = env / "bin" / "dslim-rewrite"
    proc = subprocess.run([str(exe), "Dockerfile", "-o", "Dockerfile.opt", "--select", "DSL010"],
                          capture_output=True, cwd=work, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (work / "Dockerfile.opt").read_bytes() == b"FROM debian\nRUN apt-get install -y curl\n"
    listing = subprocess.run([str(exe), "--list-transforms"], capture_output=True, text=True, cwd=work).stdout
    assert "DSL010" in listing
