"""How fast dslim-rewrite is, compared with other tools measured in the same run.

    python bench/bench_speed.py [--runs 5] [--no-hadolint] [--profile]

Every figure is the median of ``--runs`` runs, and every comparison is a ratio
of two figures measured in this run: absolute times on a shared machine say
little, ratios say whether something got slower.

What it measures:

- per-file time of the full safe chain over the corpus, in one process (with and
  without BuildKit's check, and without notes as ``--check -q`` runs it), and of
  the document layer alone;
- cold start of the CLI (``--version``; ``--check`` of one small file) against
  ``python -c pass``;
- bulk ``--check`` over every corpus file through the real CLI with ``-j 1``
  and ``-j 2`` (wall time, and CPU time of every process: the steadier figure
  on a busy machine), ``-j 2`` without ``-q`` (notes printed, so worked out),
  and ``migrate --check --jobs 1`` / ``--jobs 2``;
- hadolint on the same files: one process per file, and all files in one
  process;
- dockerfile-doctor (a pure-Python linter, ``pip install '.[bench]'``) over the
  same files in one process, and a minimal pure-Python linter (line joining
  plus a few regex rules, defined below): floors for "as fast as a lint";
- linearity: time for 10x the files, and for files 10x the size (the 500-line
  corpus files, each concatenated ten times).

``--profile`` prints the top of a cProfile of the in-process corpus run.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.Dockerfile"))
LARGE = [p for p in CORPUS if p.name[:3] in ("260", "261", "262", "263")]
BOM = b"\xef\xbb\xbf"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cli_command() -> list[str]:
    exe = shutil.which("dslim-rewrite")
    return [exe] if exe else [sys.executable, "-m", "dslim_rewrite.cli"]


# Child processes use bytecode caches, as an installed tool does (pip compiles
# them at install time). They go to a folder of their own, not into the source
# tree; PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise make
# every start compile every module again. `cold start` also shows that case.
PYC_PREFIX = Path(tempfile.gettempdir()) / "dslim-bench-pycache"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = str(PYC_PREFIX)
ENV_NO_PYC = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
ENV_NO_PYC["PYTHONDONTWRITEBYTECODE"] = "1"


def run_quiet(cmd: list[str], env=None, **kw) -> int:
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ENV,
                          **kw).returncode


# -- a pure-Python lint, as a floor ------------------------------------------

_LINT_RULES = [
    (re.compile(r"^\s*RUN\b.*\bapt-get\s+install\b(?!.*\s-y\b)", re.I), "apt-get install without -y"),
    (re.compile(r"^\s*RUN\b.*\bapt-get\s+install\b(?!.*--no-install-recommends)", re.I), "no --no-install-recommends"),
    (re.compile(r"^\s*RUN\b.*\bpip3?\s+install\b(?!.*--no-cache-dir)", re.I), "pip without --no-cache-dir"),
    (re.compile(r"^\s*FROM\s+[^\s:@]+(\s|$)", re.I), "FROM without a tag"),
    (re.compile(r"^\s*FROM\s+\S+:latest\b", re.I), "FROM :latest"),
    (re.compile(r"^\s*RUN\b.*\bcd\s", re.I), "cd in RUN"),
    (re.compile(r"^\s*ADD\s+(?!https?://)", re.I), "ADD for a local file"),
    (re.compile(r"^\s*MAINTAINER\b", re.I), "MAINTAINER is deprecated"),
    (re.compile(r"^\s*RUN\b.*\bsudo\b", re.I), "sudo in RUN"),
    (re.compile(r"^\s*RUN\b.*\bapk\s+add\b(?!.*--no-cache)", re.I), "apk add without --no-cache"),
]


def pure_python_lint(data: bytes) -> list[tuple[int, str]]:
    """Join continued lines, skip comments, run each rule on each instruction."""
    findings = []
    logical = ""
    first = 0
    for number, line in enumerate(data.decode("utf-8").split("\n"), 1):
        line = line.rstrip("\r")
        if not logical and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if logical and line.lstrip().startswith("#"):
            continue
        if not logical:
            first = number
        if line.rstrip().endswith("\\"):
            logical += line.rstrip()[:-1] + " "
            continue
        logical += line
        for rx, msg in _LINT_RULES:
            if rx.search(logical):
                findings.append((first, msg))
        logical = ""
    return findings


def lint_main(paths: list[str]) -> int:
    found = 0
    for p in paths:
        for line, msg in pure_python_lint(Path(p).read_bytes()):
            found += 1
            sys.stdout.write(f"{p}:{line} {msg}\n")
    return 1 if found else 0


# -- measurements ----------------------------------------------------------


def in_process(runs: int) -> dict[str, float]:
    from dslim_rewrite import document
    from dslim_rewrite.chain import rewrite
    from dslim_rewrite.cli import tune_gc
    from dslim_rewrite.context import Options

    tune_gc()  # the collector as the command line sets it up

    datas = [p.read_bytes() for p in CORPUS]
    opts = Options()
    for d in datas:  # warm up: tree-sitter, transform imports, the oracle
        rewrite(d, opts)

    def cold_caches():
        # each timed run starts with empty caches, as a fresh process does
        # (the shell analysis is cached by RUN body within a run)
        from dslim_rewrite import shell

        cached = getattr(shell, "_parse_shell", None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()

    def chain(validate: bool, options=opts):
        return lambda: (cold_caches(), [rewrite(d, options, validate=validate) for d in datas])

    out = {
        "chain": median_time(chain(True), runs),
        "chain_nocheck": median_time(chain(False), runs),
        # what `--check -q` runs: no notes, so not the transforms that only make notes
        "chain_quiet": median_time(chain(True, Options(notes=False)), runs),
        "parse": median_time(lambda: [document.parse(d) for d in datas], runs),
        "lint": median_time(lambda: [pure_python_lint(d) for d in datas], runs),
    }
    # file count: the corpus ten times over, against once
    out["chain_10x_files"] = median_time(
        lambda: (cold_caches(), [rewrite(d, opts) for _ in range(10) for d in datas]), runs)
    # file size: each 500-line file against itself concatenated ten times
    big = [p.read_bytes() for p in LARGE]
    big10 = [concat10(d) for d in big]
    for d in big10:
        rewrite(d, opts)
    out["large"] = median_time(lambda: (cold_caches(), [rewrite(d, opts) for d in big]), runs)
    out["large10"] = median_time(lambda: (cold_caches(), [rewrite(d, opts) for d in big10]), runs)
    out["large_parse"] = median_time(lambda: [document.parse(d) for d in big], runs)
    out["large10_parse"] = median_time(lambda: [document.parse(d) for d in big10], runs)
    return out


def concat10(data: bytes) -> bytes:
    """The file ten times over (a BOM only at the very start, a newline between copies)."""
    body = data[3:] if data.startswith(BOM) else data
    if not body.endswith(b"\n"):
        body += b"\n"
    return (BOM if data.startswith(BOM) else b"") + body * 10


def cold_start(runs: int) -> dict[str, float]:
    cli = cli_command()
    small = str(CORPUS[0])
    run_quiet([*cli, "--check", small])  # writes the bytecode caches
    return {
        "python": median_time(lambda: run_quiet([sys.executable, "-c", "pass"]), runs),
        "version": median_time(lambda: run_quiet([*cli, "--version"]), runs),
        "check_one": median_time(lambda: run_quiet([*cli, "--check", small]), runs),
        "check_one_no_pyc": median_time(lambda: run_quiet([*cli, "--check", small], env=ENV_NO_PYC), runs),
    }


def has_migrate() -> bool:
    try:
        import importlib.util

        return importlib.util.find_spec("dslim_rewrite.migrate") is not None
    except ImportError:
        return False


def cpu_of(cmd: list[str], env=None) -> float:
    """User + system CPU seconds of one run of ``cmd`` (and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run_quiet(cmd, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(cmd: list[str], runs: int) -> float:
    return statistics.median(cpu_of(cmd) for _ in range(runs))


def bulk(runs: int, tmp: Path) -> dict[str, float]:
    cli = cli_command()
    files = [str(p) for p in CORPUS]
    out = {}
    for jobs in (1, 2):
        cmd = [*cli, "--check", "-q", "-j", str(jobs), *files]
        out[f"check_{jobs}job"] = median_time(lambda: run_quiet(cmd), runs)
        out[f"check_{jobs}job_cpu"] = median_cpu(cmd, runs)
    # without -q: every fix and note is printed (stderr), so notes are worked out
    out["check_2job_notes"] = median_time(lambda: run_quiet([*cli, "--check", "-j", "2", *files]), runs)
    # ten times the files: the same corpus in ten folders
    many = []
    for k in range(10):
        d = tmp / f"copy{k}"
        d.mkdir()
        for p in CORPUS:
            shutil.copyfile(p, d / p.name)
            many.append(str(d / p.name))
    out["check_1job_10x"] = median_time(lambda: run_quiet([*cli, "--check", "-q", "-j", "1", *many]), runs)
    out["check_2job_10x"] = median_time(lambda: run_quiet([*cli, "--check", "-q", "-j", "2", *many]), runs)
    if has_migrate():
        # one folder per Dockerfile, as services in a repository (migrate
        # works per build context: files sharing a folder go to one worker)
        folder = tmp / "migrate"
        for p in CORPUS:
            (folder / p.stem).mkdir(parents=True)
            shutil.copyfile(p, folder / p.stem / "Dockerfile")
        for jobs in (1, 2):
            out[f"migrate_{jobs}"] = median_time(
                lambda: run_quiet([*cli, "migrate", "--jobs", str(jobs), "--check", "-q", str(folder)]), runs)
    me = [sys.executable, str(Path(__file__).resolve()), "--lint-baseline"]
    out["lint_process"] = median_time(lambda: run_quiet([*me, *files]), runs)
    doctor = shutil.which("dockerfile-doctor")
    if doctor:
        # the pure-Python linter the issue names (pip install '.[bench]'), linting the same files
        cmd = [doctor, "-q", "--no-color", *files]
        out["doctor"] = median_time(lambda: run_quiet(cmd), runs)
        out["doctor_cpu"] = median_cpu(cmd, runs)
    return out


def hadolint(runs: int) -> dict[str, float] | None:
    exe = shutil.which("hadolint")
    if not exe:
        return None
    files = [str(p) for p in CORPUS]
    # hadolint refuses some valid files (heredocs); it still reads them, which is what we time
    each = median_time(lambda: [run_quiet([exe, f]) for f in files], max(1, runs // 2))
    allin = median_time(lambda: run_quiet([exe, *files]), runs)
    return {"each": each, "all": allin}


def profile() -> None:
    import cProfile
    import pstats

    from dslim_rewrite.chain import rewrite
    from dslim_rewrite.context import Options

    datas = [p.read_bytes() for p in CORPUS] + [concat10(p.read_bytes()) for p in LARGE]
    opts = Options()
    for d in datas:
        rewrite(d, opts)
    pr = cProfile.Profile()
    pr.enable()
    for _ in range(3):
        for d in datas:
            rewrite(d, opts)
    pr.disable()
    pstats.Stats(pr).sort_stats("cumulative").print_stats(30)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--lint-baseline":
        sys.exit(lint_main(sys.argv[2:]))
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-hadolint", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--in-process-only", action="store_true", help="only the in-process figures (quick)")
    a = ap.parse_args()
    if a.profile:
        profile()
        return
    n = len(CORPUS)
    ip = in_process(a.runs)
    if a.in_process_only:
        for k, v in ip.items():
            print(f"{k:18} {v * 1000:9.1f} ms")
        print(f"{'chain/lint':18} {ip['chain'] / ip['lint']:9.2f}")
        print(f"{'10x size ratio':18} {ip['large10'] / ip['large']:9.2f}")
        return
    cs = cold_start(a.runs)
    with tempfile.TemporaryDirectory() as t:
        bk = bulk(a.runs, Path(t))
    hl = None if a.no_hadolint else hadolint(a.runs)

    ms = lambda s: f"{s * 1000:9.1f} ms"  # noqa: E731
    print(f"dslim-rewrite speed, {n} corpus files, median of {a.runs} runs, cpus={os.cpu_count()}")
    print("in one process (full safe chain):")
    print(f"  chain with BuildKit check    {ms(ip['chain'])} total  {ip['chain'] / n * 1000:7.3f} ms/file")
    print(f"  chain without it             {ms(ip['chain_nocheck'])} total  {ip['chain_nocheck'] / n * 1000:7.3f} ms/file")
    print(f"  chain without notes (-q)     {ms(ip['chain_quiet'])} total  {ip['chain_quiet'] / n * 1000:7.3f} ms/file")
    print(f"  document.parse alone         {ms(ip['parse'])} total  {ip['parse'] / n * 1000:7.3f} ms/file")
    print(f"  pure-Python lint             {ms(ip['lint'])} total  chain/lint = {ip['chain'] / ip['lint']:.2f}")
    print("linearity (1.0 = perfectly linear):")
    print(f"  10x the files                {ms(ip['chain_10x_files'])}  time ratio {ip['chain_10x_files'] / ip['chain']:.2f}"
          f"  -> {ip['chain_10x_files'] / ip['chain'] / 10:.2f} per unit")
    print(f"  4 files of ~500 lines        {ms(ip['large'])}")
    print(f"  the same, 10x concatenated   {ms(ip['large10'])}  time ratio {ip['large10'] / ip['large']:.2f}"
          f"  -> {ip['large10'] / ip['large'] / 10:.2f} per unit")
    print(f"  parse only, 500 lines / 10x  {ms(ip['large_parse'])} / {ms(ip['large10_parse']).strip()}"
          f"  time ratio {ip['large10_parse'] / ip['large_parse']:.2f}")
    print("cold start:")
    print(f"  python -c pass               {ms(cs['python'])}")
    print(f"  dslim-rewrite --version      {ms(cs['version'])}  ({cs['version'] / cs['python']:.2f}x bare python)")
    print(f"  --check of one small file    {ms(cs['check_one'])}  ({cs['check_one'] / cs['python']:.2f}x bare python)")
    print(f"  the same, no bytecode cache  {ms(cs['check_one_no_pyc'])}  ({cs['check_one_no_pyc'] / cs['check_one']:.2f}x;"
          " PYTHONDONTWRITEBYTECODE=1: every module compiled at every start)")
    print(f"bulk --check through the CLI, {n} files (wall; CPU = user + system of every process):")
    for jobs in (1, 2):
        print(f"  -j {jobs}                         {ms(bk[f'check_{jobs}job'])}  {bk[f'check_{jobs}job'] / n * 1000:7.3f} ms/file"
              f"  CPU {ms(bk[f'check_{jobs}job_cpu']).strip()}")
    print(f"  -j 2 speed-up                {bk['check_1job'] / bk['check_2job']:9.2f}x")
    print(f"  -j 2 without -q              {ms(bk['check_2job_notes'])}  (every fix and note printed, so notes worked out)")
    print(f"  -j 1, 10x the files          {ms(bk['check_1job_10x'])}  time ratio {bk['check_1job_10x'] / bk['check_1job']:.2f}")
    print(f"  -j 2, 10x the files          {ms(bk['check_2job_10x'])}  speed-up over -j 1 {bk['check_1job_10x'] / bk['check_2job_10x']:.2f}x")
    if "migrate_1" in bk:
        print(f"  migrate --check --jobs 1     {ms(bk['migrate_1'])}  {bk['migrate_1'] / n * 1000:7.3f} ms/file")
        print(f"  migrate --check --jobs 2     {ms(bk['migrate_2'])}  speed-up {bk['migrate_1'] / bk['migrate_2']:.2f}x")
    else:
        print("  migrate: not measured (no migrate subcommand)")
    print(f"  minimal pure-Python lint     {ms(bk['lint_process'])}")
    if "doctor" in bk:
        print(f"  dockerfile-doctor -q         {ms(bk['doctor'])}  CPU {ms(bk['doctor_cpu']).strip()}")
    else:
        print("  dockerfile-doctor: not measured (pip install '.[bench]')")
    if hl:
        print("hadolint on the same files:")
        print(f"  one process per file         {ms(hl['each'])}  {hl['each'] / bk['check_1job']:.1f}x slower than --check -j 1")
        print(f"  all files in one process     {ms(hl['all'])}  {hl['all'] / bk['check_1job']:.1f}x slower than --check -j 1")
    else:
        print("hadolint: not measured (--no-hadolint, or not installed)")
    best = min(bk["check_1job"], bk["check_2job"])
    print("targets (measured / target; ratios > 1 mean dslim-rewrite is faster):")
    if hl:
        print(f"  hadolint (one process) / --check                {hl['all'] / best:6.1f}x  / >= 10x")
        print(f"  hadolint (process per file) / --check           {hl['each'] / best:6.1f}x  / >= 10x")
    if "doctor" in bk:
        print(f"  dockerfile-doctor / --check, wall (best -j)     {bk['doctor'] / best:6.2f}   / >= 1")
        print(f"  dockerfile-doctor / --check -j 1, CPU           {bk['doctor_cpu'] / bk['check_1job_cpu']:6.2f}   / (>= 1)")
        print(f"  dockerfile-doctor / --check -j 2 without -q     {bk['doctor'] / bk['check_2job_notes']:6.2f}")
    print(f"  minimal lint / --check, wall (best -j)          {bk['lint_process'] / best:6.2f}")
    print(f"  cold start, --check of one small file       {cs['check_one'] * 1000:6.0f} ms  / <= 150 ms"
          f"  (python -c pass: {cs['python'] * 1000:.0f} ms)")
    print(f"  time for 10x the size                           {ip['large10'] / ip['large']:6.2f}x  / <= ~10x")
    print(f"  time for 10x the files (CLI, -j 1)              {bk['check_1job_10x'] / bk['check_1job']:6.2f}x  / <= ~10x")


if __name__ == "__main__":
    main()
