"""Damaged copies of every corpus file: each is refused cleanly or rewritten to
a file BuildKit accepts, never a crash.

Mutations: byte flips, truncation at every instruction boundary (and inside
each instruction), a stray escape character, mixed CRLF/LF and bare CR,
broken heredoc terminators, lone surrogates (``\\xed\\xa0\\x80``) and NUL bytes.
The last two must be refused by the document layer itself, before BuildKit's
binding sees them: the binding aborts the whole process on a lone surrogate
and silently truncates at NUL.

The mutants run in a child process (one per kind of mutation): if the binding
ever took the process down, the test reports the mutant that did it instead of
losing the test run. ``DSLIM_MUTATIONS=full`` truncates the large files at
every boundary too and inside every instruction (the default
cuts inside every third instruction and samples 40 cuts of a large file).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
VALID = sorted(CORPUS.glob("*.Dockerfile"))
INVALID = sorted(p for p in (CORPUS / "invalid").glob("*") if p.is_file())
SURROGATE = b"\xed\xa0\x80"  # U+D800 as (invalid) UTF-8
FLIP_BYTES = [0x00, 0xFF, 0x0A, 0x0D, 0x5C, 0x60, 0x22, 0x27, 0x5B, 0x5D, 0x23, 0x3C, 0x20, 0x09, 0x80, 0xC2,
              0xA0, 0x85, 0x2D, 0x3D, 0x24]
KINDS = ["flip", "truncate", "stray_escape", "line_endings", "heredoc", "surrogate", "nul", "invalid_corpus"]
SAMPLE_BOUNDARIES = 40


# -- mutants ---------------------------------------------------------------------


def _rng(kind: str, path: Path) -> random.Random:
    return random.Random(f"{kind}:{path.name}")


def _line_starts(data: bytes) -> list[int]:
    starts = [0]
    at = data.find(b"\n")
    while at >= 0:
        if at + 1 < len(data):
            starts.append(at + 1)
        at = data.find(b"\n", at + 1)
    return starts


def mutants(kind: str):
    """(id, bytes, must_refuse) for every mutant of one kind."""
    from dslim_rewrite import document

    full = os.environ.get("DSLIM_MUTATIONS") == "full"
    if kind == "invalid_corpus":
        for p in INVALID:
            yield p.name, p.read_bytes(), True
        return
    for path in VALID:
        data = path.read_bytes()
        rng = _rng(kind, path)
        name = path.name
        if kind == "flip":
            for k in range(5):
                at = rng.randrange(len(data))
                b = rng.choice(FLIP_BYTES + [rng.randrange(256)])
                yield f"{name}:flip@{at}={b:#x}", data[:at] + bytes([b]) + data[at + 1 :], False
        elif kind == "truncate":
            doc = document.parse(data)
            cuts = set()
            for k, ins in enumerate(doc.instructions):
                cuts |= {ins.line_start, ins.next}  # the boundaries
                if full or k % 3 == 0:  # and inside some of them
                    cuts |= {ins.end, (ins.start + ins.end) // 2}
                for h in ins.heredocs:
                    cuts |= {h.body_start, h.body_end, h.end}
            cuts = sorted(cuts)
            if not full and len(cuts) > SAMPLE_BOUNDARIES:
                cuts = sorted(rng.sample(cuts, SAMPLE_BOUNDARIES))
            for at in cuts:
                yield f"{name}:cut@{at}", data[:at], False
        elif kind == "stray_escape":
            esc = b"`" if b"escape=`" in data[:200] else b"\\"
            starts = _line_starts(data)
            for k in range(4):
                ln = rng.randrange(len(starts))
                end = data.find(b"\n", starts[ln])
                end = len(data) if end < 0 else end
                if end > starts[ln] and data[end - 1 : end] == b"\r":
                    end -= 1
                where = rng.choice(["end", "start", "middle", "end_space"])
                at = {"end": end, "end_space": end, "start": starts[ln],
                      "middle": rng.randint(starts[ln], end)}[where]
                ins = esc + (b"  " if where == "end_space" else b"")
                yield f"{name}:escape@{at}({where})", data[:at] + ins + data[at:], False
            yield f"{name}:escape@eof", data + esc, False
        elif kind == "line_endings":
            lines = data.split(b"\n")
            mixed = b"\n".join(ln + b"\r" if rng.random() < 0.5 and not ln.endswith(b"\r") else ln for ln in lines)
            yield f"{name}:crlf-some", mixed, False
            yield f"{name}:lf-all", data.replace(b"\r\n", b"\n"), False
            yield f"{name}:crlf-all", data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), False
            at = rng.randrange(len(data))
            yield f"{name}:bare-cr@{at}", data[:at] + b"\r" + data[at:], False
            yield f"{name}:cr-only", data.replace(b"\r\n", b"\n").replace(b"\n", b"\r"), False
        elif kind == "heredoc":
            doc = document.parse(data)
            for ins in doc.instructions:
                for h in ins.heredocs:
                    term = data[h.body_end : h.end]
                    tail = data[h.end :]
                    head = data[: h.body_end]
                    yield f"{name}:{h.name}@{h.body_end}:gone", head + tail.split(b"\n", 1)[-1] if b"\n" in tail else head, False
                    yield f"{name}:{h.name}@{h.body_end}:trailing-space", head + term + b" " + tail, False
                    yield f"{name}:{h.name}@{h.body_end}:indented", head + b"  " + term + tail, False
                    yield f"{name}:{h.name}@{h.body_end}:tab", head + b"\t" + term + tail, False
                    yield f"{name}:{h.name}@{h.body_end}:lower", head + term.lower() + tail, False
                    yield f"{name}:{h.name}@{h.body_end}:cut", head + term[:-1] + tail, False
        elif kind in ("surrogate", "nul"):
            bad = SURROGATE if kind == "surrogate" else b"\x00"
            for k in range(3):
                at = rng.randrange(len(data) + 1)
                yield f"{name}:{kind}@{at}", data[:at] + bad + data[at:], True
            yield f"{name}:{kind}@end", data + bad, True


# -- the child process --------------------------------------------------------------


def run_kind(kind: str) -> dict:
    """Run every mutant of ``kind``; print each id before touching it (so a
    crash names its mutant) and return the counts and failures."""
    from dslim_rewrite import document, oracle
    from dslim_rewrite.chain import RewriteError, rewrite
    from dslim_rewrite.context import Options

    options = Options(unsafe=True)
    counts = {"refused": 0, "rewritten": 0, "unchanged": 0}
    failures: list[str] = []
    for mid, data, must_refuse in mutants(kind):
        sys.stdout.write(f"MUTANT {mid}\n")
        sys.stdout.flush()
        try:
            if must_refuse:
                try:
                    document.parse(data)
                except document.DocumentError:
                    pass
                else:
                    failures.append(f"{mid}: the document layer accepted it")
                    continue
            try:
                result = rewrite(data, options)
            except RewriteError as e:
                counts["refused"] += 1
                if not str(e) or "\n" in str(e):
                    failures.append(f"{mid}: refused without a one-line reason: {e!r}")
                continue
            if must_refuse:
                failures.append(f"{mid}: rewritten although it must be refused")
                continue
            out = result.output
            counts["rewritten" if result.changed else "unchanged"] += 1
            diffs = oracle.disagreements(out, document.parse(out))
            if diffs:
                failures.append(f"{mid}: output read differently by BuildKit: {diffs[0]}")
        except Exception:  # noqa: BLE001 - any other exception is the bug being looked for
            failures.append(f"{mid}: {traceback.format_exc(limit=3)}")
    return {"counts": counts, "failures": failures}


def _child(kind: str) -> None:
    result = run_kind(kind)
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")


# -- the tests -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_mutants_are_refused_or_rewritten_to_valid_files(kind):
    proc = subprocess.run(
        [sys.executable, __file__, kind], capture_output=True, timeout=600,
        cwd=Path(__file__).resolve().parent,
    )
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    results = [ln for ln in lines if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not results:
        last = next((ln for ln in reversed(lines) if ln.startswith("MUTANT ")), "before the first mutant")
        pytest.fail(f"the child died (exit {proc.returncode}) at {last}:\n{proc.stderr.decode()[-3000:]}")
    result = json.loads(results[-1][len("RESULT "):])
    assert result["failures"] == [], "\n".join(result["failures"][:20])
    total = sum(result["counts"].values())
    assert total > 0
    if kind in ("surrogate", "nul", "invalid_corpus"):
        assert result["counts"]["refused"] == total


def test_the_binding_really_aborts_on_a_lone_surrogate():
    """Why the document layer must refuse first (and why the mutants run in a child)."""
    pytest.importorskip("dockerfile")
    code = "import dockerfile; dockerfile.parse_string('FROM a\\nRUN \\ud800\\n')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode != 0


def test_oracle_never_hands_the_binding_invalid_text():
    from dslim_rewrite import oracle

    if not oracle.available():
        pytest.skip("BuildKit parser binding not installed")
    with pytest.raises(ValueError):
        oracle.parse(b"FROM a\nRUN " + SURROGATE + b"\n")  # strict UTF-8 decoding refuses it
    with pytest.raises(ValueError):
        oracle.parse(b"FROM a\nRUN a\x00b\n")


FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
FUZZ_RUNS = int(os.environ.get("DSLIM_FUZZ_RUNS", "600"))


@pytest.mark.parametrize("target", ["fuzz_document.py", "fuzz_chain.py"])
def test_fuzz_targets_short_run(target, tmp_path):
    """A bounded run of each fuzz target (fuzz/README.md has the long runs)."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        pytest.skip("atheris is not installed (pip install atheris): fuzz targets not run")
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    for p in VALID[::4]:  # a copy: libFuzzer adds what it finds to this folder
        shutil.copyfile(p, seeds / p.name)
    proc = subprocess.run(
        [sys.executable, str(FUZZ / target), str(seeds), f"-runs={FUZZ_RUNS}", "-max_total_time=60", "-seed=1",
         f"-artifact_prefix={tmp_path}/", "-print_final_stats=1"],
        capture_output=True, timeout=300, cwd=FUZZ,
    )
    log = proc.stderr.decode("utf-8", "replace")
    crashes = [p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-"))]
    assert proc.returncode == 0 and not crashes, f"{crashes}\n{log[-4000:]}"
    assert "Done" in log and "stat::number_of_executed_units" in log


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    _child(sys.argv[1])
