"""Command line: ``dslim-rewrite PATH...`` plus the ``migrate`` and ``verify`` subcommands.

Exit codes: 0 done or nothing to do; 1 changes found under --check or --diff;
2 usage or config error; 123 some file could not be processed.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from . import __version__
from .records import field, record

EXIT_OK, EXIT_CHANGES, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 123
SUBCOMMANDS = ("migrate", "verify")


def _err(msg: str) -> None:
    sys.stderr.write(msg + "\n")


class OptionError(ValueError):
    """A bad value on the command line: a usage error (exit 2)."""


def split_codes(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [t for t in v.replace(" ", ",").split(",") if t]
    return out


def build_options(config, select, ignore, unsafe, merge_builder_stages, style):
    """Options from the config file, overridden by the command line."""
    from .context import Options
    from .registry import resolve

    def codes(tokens: list[str], what: str) -> frozenset[str]:
        out: set[str] = set()
        for tok in tokens:
            try:
                out |= {t.code for t in resolve(tok)}
            except KeyError:
                raise OptionError(f"Invalid value for {what}: unknown transform {tok!r}") from None
        return frozenset(out)

    sel_tokens = split_codes(select) or (config.select if config and config.select else None)
    ign_tokens = split_codes(ignore) + (list(config.ignore) if config else [])
    return Options(
        unsafe=bool(unsafe or (config and config.unsafe_fixes)),
        select=codes(sel_tokens, "--select") if sel_tokens else None,
        ignore=codes(ign_tokens, "--ignore"),
        merge_builder_stages=bool(merge_builder_stages or (config and config.merge_builder_stages)),
        style=style or (config.style if config else "delete"),
        settings=dict(config.table) if config else {},
        config_path=str(config.path) if config and config.path else None,
    )


@record
class FileOutcome:
    path: str
    changed: bool = False
    error: str | None = None
    applied: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def as_json(self) -> dict:
        fx = lambda f: {"code": f.code, "line": f.line, "message": f.message, "safety": str(f.safety)}  # noqa: E731
        return {
            "path": self.path,
            "changed": self.changed,
            "error": self.error,
            "fixes": [fx(f) for f in self.applied],
            "notes": [fx(f) for f in self.notes],
        }


def _color_diff(text: str) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith(("+++", "---")):
            out.append(f"\x1b[1m{line}\x1b[0m" if line.endswith("\n") else f"\x1b[1m{line}\x1b[0m")
        elif line.startswith("@@"):
            out.append(f"\x1b[36m{line}\x1b[0m")
        elif line.startswith("+"):
            out.append(f"\x1b[32m{line}\x1b[0m")
        elif line.startswith("-"):
            out.append(f"\x1b[31m{line}\x1b[0m")
        else:
            out.append(line)
    return "".join(out)


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    import difflib  # only --diff needs it

    a = before.decode("utf-8").splitlines(keepends=True)
    b = after.decode("utf-8").splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        lines.append(line)
    return "".join(lines)


def _use_color(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def expand_paths(paths: list[str], exclude: list[str]) -> tuple[list[str], bool]:
    """Files to process (``-`` for stdin), and whether a path was a folder."""
    from .files import discover

    out: list[str] = []
    had_dir = False
    for p in paths:
        if p != "-" and os.path.isdir(p):
            had_dir = True
            out += [str(f) for f in discover(Path(p), exclude)]
        else:
            out.append(p)
    return out, had_dir


# below this many files, one process is faster than starting others
PARALLEL_FROM = 16


def _warm_up(options) -> None:
    """Load what every file needs once, before forking, so workers share it."""
    from .chain import running_transforms
    from .shell import parse_shell

    transforms = running_transforms(options)
    parse_shell(b"true")
    if any(t.uses_image_table for t in transforms):
        from .images import ImageError, table

        try:
            table(options.settings)
        except ImageError:
            pass  # reported per file


def _sizes(files: list[str]) -> list[int]:
    """Each file's size: what sharing files between workers goes by."""
    out = []
    for p in files:
        try:
            out.append(os.stat(p).st_size)
        except OSError:
            out.append(0)
    return out


def process_one(path: str, data: bytes, options) -> tuple[FileOutcome, bytes | None]:
    from .chain import RewriteError, rewrite

    outcome = FileOutcome(path)
    try:
        result = rewrite(data, options)
    except RewriteError as e:
        outcome.error = str(e)
        return outcome, None
    outcome.changed = result.changed
    outcome.applied = result.applied
    outcome.notes = result.notes
    return outcome, result.output


def rewrite_files(
    paths: list[str] | None,
    output: Path | None = None,
    in_place: bool = False,
    diff: bool = False,
    check: bool = False,
    unsafe_fixes: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    merge_builder_stages: bool = False,
    style: str | None = None,
    fmt: str = "text",
    config_file: Path | None = None,
    quiet: bool = False,
    jobs: int = 0,
) -> int:
    """The rewrite command itself (no typer here): the exit code."""
    from . import config as cfgmod
    from . import parallel
    from .files import MAX_BYTES, FileError, check_size, read, write_atomic

    paths = paths or []
    if not paths:
        _err("error: no PATH given (use - for stdin); see --help")
        return EXIT_USAGE
    if fmt not in ("text", "json"):
        _err("error: --format must be text or json")
        return EXIT_USAGE
    if style not in (None, "delete", "cache-mount"):
        _err("error: --style must be delete or cache-mount")
        return EXIT_USAGE
    if in_place and output is not None:
        _err("error: --in-place and -o/--output cannot be combined")
        return EXIT_USAGE
    dry = diff or check

    try:
        if config_file is not None:
            config = cfgmod.load(config_file)
        else:
            first = next((p for p in paths if p != "-"), None)
            config = cfgmod.load(cfgmod.find(Path(first) if first else Path.cwd()))
        options = build_options(config, select, ignore, unsafe_fixes, merge_builder_stages, style)
    except cfgmod.ConfigError as e:
        _err(f"error: config: {e}")
        return EXIT_USAGE
    except OptionError as e:
        _err(f"error: {e}")
        return EXIT_USAGE

    # notes are printed by a dry run that is not quiet, and are part of JSON
    options.notes = fmt == "json" or (dry and not quiet)

    files, had_dir = expand_paths(paths, config.exclude)
    if had_dir and not (in_place or dry):
        if output is not None or len(files) != 1:
            _err("error: a folder needs --in-place, --diff or --check")
            return EXIT_USAGE
    if len(files) > 1 and not (in_place or dry):
        _err("error: several inputs need --in-place, --diff or --check" + (" (-o takes one input)" if output else ""))
        return EXIT_USAGE
    to_stdout = not (in_place or dry or output is not None)
    if fmt == "json" and (to_stdout or diff):
        _err("error: --format json prints on stdout, which already carries the rewritten file or the diff")
        return EXIT_USAGE
    if in_place and "-" in files:
        _err("error: --in-place cannot rewrite stdin")
        return EXIT_USAGE

    color = _use_color(sys.stdout)

    def do_file(path: str) -> tuple[FileOutcome, str | None]:
        """Read, rewrite and write one file; the diff text to print, if any."""
        label = "<stdin>" if path == "-" else path
        try:
            if path == "-":
                data = sys.stdin.buffer.read(MAX_BYTES + 1)
                check_size(data)
            else:
                data = read(Path(path))
        except FileError as e:
            return FileOutcome(label, error=str(e)), None
        outcome, out = process_one(label, data, options)
        if out is None:
            return outcome, None
        if diff and outcome.changed:
            text = unified_diff(label, data, out)
            return outcome, _color_diff(text) if color else text
        elif dry:
            pass
        elif output is not None:
            try:
                write_atomic(output, out, like=None if path == "-" else Path(path))
            except FileError as e:
                outcome.error = f"{output}: {e}"
        elif in_place:
            if outcome.changed:
                try:
                    write_atomic(Path(path), out)
                except FileError as e:
                    outcome.error = str(e)
        else:
            sys.stdout.buffer.write(out)
            sys.stdout.flush()
        return outcome, None

    n_jobs = jobs if jobs > 0 else (parallel.default_jobs() if len(files) >= PARALLEL_FROM else 1)
    if not (in_place or dry) or "-" in files:
        n_jobs = 1
    if n_jobs > 1:
        _warm_up(options)
    # one process prints each diff as soon as it is made; workers' come in order at the end
    done = (do_file(p) for p in files) if n_jobs == 1 else parallel.map_items(do_file, files, n_jobs, _sizes(files))
    outcomes: list[FileOutcome] = []
    for path, res in zip(files, done):
        if res is None:
            res = (FileOutcome(path, error="the worker process died before finishing this file"), None)
        outcomes.append(res[0])
        if res[1]:
            sys.stdout.write(res[1])

    failed = [o for o in outcomes if o.error]
    changed = [o for o in outcomes if o.changed and not o.error]
    n_fixes = sum(len(o.applied) for o in outcomes if not o.error)
    verb = "would apply" if dry else "applied"
    if fmt == "json":
        json.dump({"files": [o.as_json() for o in outcomes],
                   "summary": {"files": len(outcomes), "changed": len(changed), "failed": len(failed),
                               "fixes": n_fixes, "dry_run": dry}}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for o in outcomes:
            if o.error:
                _err(f"{o.path}: error: {o.error}")
                continue
            if quiet:
                continue
            for f in o.applied:
                _err(f"{o.path}:{f.line} {f.code} {f.message}")
            if dry:
                for f in o.notes:
                    _err(f"{o.path}:{f.line} {f.code} note: {f.message}")
        if not quiet:
            _err(f"{n_fixes} fix(es) {verb} in {len(changed)} of {len(outcomes)} file(s)"
                 + (f"; {len(failed)} file(s) could not be processed" if failed else ""))
    if failed:
        return EXIT_FAILED
    if dry and changed:
        return EXIT_CHANGES
    return EXIT_OK


@lru_cache(maxsize=1)
def typer_app():
    """The typer application: help, errors, --version, --list-transforms and
    --explain, and every command line the fast path (``fast_args``) leaves."""
    import typer

    def _version(value: bool) -> None:
        if value:
            print(f"dslim-rewrite {__version__}")
            raise typer.Exit(0)

    app = typer.Typer(add_completion=False, no_args_is_help=False, rich_markup_mode=None,
                      context_settings={"help_option_names": ["-h", "--help"]})

    @app.command(help="Rewrite Dockerfiles so they build smaller images that behave the same.\n\n"
                 "PATH is a Dockerfile, a folder (every Dockerfile below it) or - for stdin. "
                 "Subcommands: `dslim-rewrite migrate ROOT...`, `dslim-rewrite verify DOCKERFILE`.")
    def rewrite_command(
        paths: Optional[List[str]] = typer.Argument(None, metavar="PATH..."),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the result here (one input only)."),
        in_place: bool = typer.Option(False, "--in-place", "-i", help="Replace the files (atomically)."),
        diff: bool = typer.Option(False, "--diff", help="Print a unified diff; write nothing."),
        check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if a file would change."),
        unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes marked unsafe."),
        select: Optional[List[str]] = typer.Option(None, "--select", help="Only these transforms (codes, prefixes or slugs)."),
        ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these transforms."),
        merge_builder_stages: bool = typer.Option(False, "--merge-builder-stages", help="Also collapse RUNs in builder stages."),
        style: Optional[str] = typer.Option(None, "--style", help="Cache handling: delete (default) or cache-mount."),
        fmt: str = typer.Option("text", "--format", help="text or json (json on stdout; not with --diff or stdout output)."),
        list_transforms: bool = typer.Option(False, "--list-transforms", help="List the transforms and exit."),
        explain: Optional[str] = typer.Option(None, "--explain", metavar="CODE", help="Print a transform's page and exit."),
        config_file: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of searching."),
        quiet: bool = typer.Option(False, "-q", "--quiet", help="Print no per-fix lines, only errors."),
        jobs: int = typer.Option(0, "-j", "--jobs", help=f"Worker processes for --check/--diff/--in-place (default: the number "
                                 f"of cores from {PARALLEL_FROM} files on)."),
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    ) -> None:
        if list_transforms or explain:
            from .registry import all_transforms, resolve
            from .rules_doc import render

            if explain:
                try:
                    ts = resolve(explain)
                except KeyError:
                    _err(f"error: unknown transform {explain!r}")
                    raise typer.Exit(EXIT_USAGE)
                print(render(ts[0]), end="")
            else:
                for t in all_transforms():
                    tag = f"{t.safety}" + (", opt-in" if t.opt_in else "") + (", repository" if t.file_level else "")
                    print(f"{t.code}  {t.name:<28} {tag}")
            raise typer.Exit(EXIT_OK)
        raise typer.Exit(rewrite_files(
            paths, output=output, in_place=in_place, diff=diff, check=check, unsafe_fixes=unsafe_fixes,
            select=select, ignore=ignore, merge_builder_stages=merge_builder_stages, style=style, fmt=fmt,
            config_file=config_file, quiet=quiet, jobs=jobs,
        ))

    return app


# The fast path: the command lines a tool or a hook sends every time
# (`--check -q PATH...`, `-o OUT PATH`, `--diff --select DSL001 PATH`) are read
# here without loading typer, which is about a fifth of the start-up. Anything
# else -- help, --version, --list-transforms, --explain, `--opt=value`,
# bundled or glued short options, a value that looks like an option, a number
# typer would read differently, no PATH at all -- goes to typer, which stays
# the definition of the command line. tests/test_cli_fastpath.py checks that
# both hand ``rewrite_files`` the same arguments.
_FAST_FLAGS = {
    "--in-place": "in_place", "-i": "in_place", "--diff": "diff", "--check": "check",
    "--unsafe-fixes": "unsafe_fixes", "--merge-builder-stages": "merge_builder_stages",
    "-q": "quiet", "--quiet": "quiet",
}
_FAST_VALUES = {
    "-o": "output", "--output": "output", "--select": "select", "--ignore": "ignore", "--style": "style",
    "--format": "fmt", "--config": "config_file", "-j": "jobs", "--jobs": "jobs",
}
_FAST_MULTIPLE = ("select", "ignore")


def fast_args(argv: list[str]) -> dict | None:
    """``rewrite_files``'s arguments for a plain command line, or None to let
    typer read it."""
    if os.environ.get("_DSLIM_REWRITE_COMPLETE"):
        return None  # a shell-completion request
    out: dict = {"paths": []}
    i, n = 0, len(argv)
    while i < n:
        tok = argv[i]
        i += 1
        if tok == "--":
            out["paths"] += argv[i:]
            break
        if tok == "-" or not tok.startswith("-"):
            out["paths"].append(tok)
        elif tok in _FAST_FLAGS:
            out[_FAST_FLAGS[tok]] = True
        elif tok in _FAST_VALUES:
            if i >= n:
                return None  # typer says what is missing
            name, value = _FAST_VALUES[tok], argv[i]
            i += 1
            if not value or value.startswith("-"):
                return None
            if name in _FAST_MULTIPLE:
                out.setdefault(name, []).append(value)
            elif name == "jobs":
                if not (value.isascii() and value.isdigit()):
                    return None
                out[name] = int(value)
            elif name in ("output", "config_file"):
                out[name] = Path(value)
            else:
                out[name] = value
        else:
            return None
    if not out["paths"]:
        return None
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        import importlib

        mod = importlib.import_module(f"dslim_rewrite.{argv[0]}")
        entry, args, name = mod.app, argv[1:], f"dslim-rewrite {argv[0]}"
    else:
        fast = fast_args(argv)
        if fast is not None:
            return _run_fast(fast)
        entry, args, name = typer_app(), argv, "dslim-rewrite"
    try:
        entry(args=args, prog_name=name, standalone_mode=True)
    except SystemExit as e:
        code = e.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)
    return EXIT_OK


def _run_fast(kwargs: dict) -> int:
    """``rewrite_files``, ending the way typer ends a command."""
    import errno

    try:
        return rewrite_files(**kwargs)
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        if e.errno != errno.EPIPE:
            raise
        # a closed pipe on stdout: say nothing more, like typer
        for name in ("stdout", "stderr"):
            setattr(sys, name, _Pacified(getattr(sys, name)))
        return 1


class _Pacified:
    """A stream whose flush ignores a closed pipe (typer wraps streams so too)."""

    def __init__(self, wrapped) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError:
            pass

    def __getattr__(self, name):
        return getattr(self.wrapped, name)


def tune_gc() -> None:
    """For a process that rewrites many files (the console script, migrate's
    workers; never a library caller). A rewrite allocates many small objects
    and frees them in bulk: the cyclic collector ran often, walking every
    module object at each full pass (about 8% of a --check over the corpus).
    What is loaded by now is frozen out of its passes (forked workers then also
    keep sharing those pages), and a pass waits for more allocations."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def run() -> None:
    """The console script: ``main``, then a quick exit for the rewrite command.

    Tearing down the interpreter (every cached parse, every module) took about
    a tenth of a ``--check`` of a few hundred files. Nothing is left to do by
    then: every file was written atomically and every worker reaped. The
    subcommands (which may hold engine clients or git state) exit normally.
    """
    argv = sys.argv[1:]
    tune_gc()
    code = main(argv)
    if argv and argv[0] in SUBCOMMANDS:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said anyway
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
