"""Per-file rewrite time over the corpus and the CLI's cold start, as medians.

    python bench/bench_engine.py [--runs 5]

Prints numbers measured in this run only; compare ratios, not absolute times
(these machines are noisy).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.Dockerfile"))


def per_file(runs: int, validate: bool) -> tuple[float, float]:
    from dslim_rewrite.chain import rewrite
    from dslim_rewrite.context import Options

    datas = [p.read_bytes() for p in CORPUS]
    opts = Options()
    for d in datas:  # warm caches (tree-sitter, transform import)
        rewrite(d, opts, validate=validate)
    totals = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for d in datas:
            rewrite(d, opts, validate=validate)
        totals.append(time.perf_counter() - t0)
    med = statistics.median(totals)
    return med, med / len(datas)


# An installed tool runs from bytecode (pip compiles it at install time), so the
# children may write and use __pycache__ even where the caller turned that off.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold_start(runs: int, args: list[str]) -> float:
    subprocess.run([sys.executable, "-m", "dslim_rewrite.cli", *args], capture_output=True, cwd=ROOT, env=CHILD_ENV)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dslim_rewrite.cli", *args], capture_output=True, cwd=ROOT,
                       env=CHILD_ENV)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bare_python(runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"])
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    total, each = per_file(a.runs, validate=True)
    total_nv, each_nv = per_file(a.runs, validate=False)
    py = bare_python(a.runs)
    version = cold_start(a.runs, ["--version"])
    one = cold_start(a.runs, [str(CORPUS[0]), "--check"])
    print(f"corpus: {len(CORPUS)} files, full safe chain, median of {a.runs} runs")
    print(f"  with the BuildKit check:    {total * 1000:8.1f} ms total, {each * 1000:6.3f} ms/file")
    print(f"  without it:                 {total_nv * 1000:8.1f} ms total, {each_nv * 1000:6.3f} ms/file")
    print(f"cold start (median of {a.runs}):")
    print(f"  python -c pass:             {py * 1000:8.1f} ms")
    print(f"  dslim-rewrite --version:    {version * 1000:8.1f} ms  ({version / py:.2f}x bare python)")
    print(f"  --check of one small file:  {one * 1000:8.1f} ms  ({one / py:.2f}x bare python)")


if __name__ == "__main__":
    main()
