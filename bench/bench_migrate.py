"""Throughput of ``dslim-rewrite migrate`` over generated repositories.

    python bench/bench_migrate.py [--files 1000] [--runs 3] [--jobs 1 2]

Copies tests/corpus/*.Dockerfile into a temporary tree (one folder per
Dockerfile, 50 folders per parent, like services in a monorepo), then runs the
real command (a subprocess: start-up, discovery, worker start, rewrite, atomic
writes, .dockerignore planning) on a fresh copy for each run. Prints files/s
by wall clock and CPU ms per file (the command and its workers), for each
--jobs, and for twice the files to show the cost is linear in their number.

Wall-clock numbers depend on what else runs on the machine: the load average
is printed with them. CPU time per file is the steadier figure.

The 1000-file tree repeats each corpus file about four times, and analyses
are cached by content within a process (a RUN body is parsed once). One job
sees every repeat; each of two jobs sees most contents for the first time, so
the copies flatter --jobs 1. The tree of unique files (each corpus file once)
shows the speed-up a repository of distinct Dockerfiles gets.
"""

from __future__ import annotations

import argparse
import os
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
CMD = [sys.executable, "-c", "import sys; from dslim_rewrite.cli import main; sys.exit(main())", "migrate"]


def make_tree(dest: Path, n: int) -> None:
    datas = [p.read_bytes() for p in CORPUS]
    for i in range(n):
        d = dest / f"group{i // 50:03d}" / f"svc{i:05d}"
        d.mkdir(parents=True)
        (d / "Dockerfile").write_bytes(datas[i % len(datas)])


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def one_run(template: Path, work: Path, jobs: int, extra: list[str]) -> tuple[float, float]:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work, symlinks=True)
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run([*CMD, str(work), "-j", str(jobs), "-q", *extra], capture_output=True)
    wall = time.perf_counter() - t0
    cpu = children_cpu() - cpu0
    if proc.returncode not in (0, 123):
        sys.exit(f"migrate failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--dry-run", action="store_true", help="pass --dry-run (no writes)")
    args = ap.parse_args()
    if not CORPUS:
        sys.exit("tests/corpus/*.Dockerfile is missing")
    extra = ["--dry-run"] if args.dry_run else []
    with tempfile.TemporaryDirectory(prefix="bench-migrate-") as tmp:
        tmp = Path(tmp)
        sizes = [args.files, args.files * 2]
        for n in sizes:
            make_tree(tmp / f"t{n}", n)
        print(f"migrate over {args.files} Dockerfiles made from {len(CORPUS)} corpus files; "
              f"{os.cpu_count()} cores; median of {args.runs} runs" + ("; --dry-run" if extra else ""))
        results = {}
        for n in sizes:
            for jobs in args.jobs:
                if n != args.files and jobs != max(args.jobs):
                    continue
                walls, cpus = [], []
                for _ in range(args.runs):
                    w, c = one_run(tmp / f"t{n}", tmp / "work", jobs, extra)
                    walls.append(w)
                    cpus.append(c)
                wall, cpu = statistics.median(walls), statistics.median(cpus)
                results[(n, jobs)] = wall
                load = os.getloadavg()[0]
                print(f"  {n:6d} files, --jobs {jobs}: {n / wall:7.1f} files/s wall ({wall:6.2f} s), "
                      f"{cpu / n * 1000:5.2f} ms CPU per file, load average {load:.1f}")
        make_tree(tmp / "unique", len(CORPUS))
        unique = {}
        for jobs in args.jobs:
            walls = [one_run(tmp / "unique", tmp / "work", jobs, extra)[0] for _ in range(args.runs)]
            unique[jobs] = statistics.median(walls)
            print(f"  {len(CORPUS):6d} unique files, --jobs {jobs}: {len(CORPUS) / unique[jobs]:7.1f} files/s wall "
                  f"({unique[jobs]:6.2f} s)")
        if 1 in unique:
            for jobs in args.jobs:
                if jobs != 1:
                    print(f"  unique files: --jobs {jobs} is {unique[1] / unique[jobs]:.2f}x the speed of --jobs 1")
        j = max(args.jobs)
        ratio = results[(sizes[1], j)] / results[(sizes[0], j)]
        print(f"  linearity: {sizes[1]} files took {ratio:.2f}x the time of {sizes[0]} (2.00 = linear; "
              f"less means fixed start-up cost)")


if __name__ == "__main__":
    main()
