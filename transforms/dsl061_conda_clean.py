"""DSL061 conda-clean."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    CONDA_TOOLS,
    cache_mounted,
    cleanup_fixes,
    positionals_after,
    removed_paths,
    set_in_stage,
)
from dslim_rewrite.registry import register

_CONDA_VALUE_OPTS = {"-n", "--name", "-p", "--prefix", "-c", "--channel", "-f", "--file",
                     "--override-channels", "--repodata-fn", "--solver", "-r", "--root-prefix",
                     "--rc-file", "--experimental-solver", "--subdir", "--platform"}
_INSTALLS = {("install",), ("create",), ("update",), ("upgrade",), ("env", "create"), ("env", "update")}
_CLEANUP = {
    "conda": b"conda clean -afy",
    "mamba": b"mamba clean --all --yes",
    "micromamba": b"micromamba clean --all --yes",
}


def conda_action(inv) -> tuple[str, ...] | None:
    if inv.tool not in CONDA_TOOLS:
        return None
    return tuple(w.text for w in positionals_after(inv, None, _CONDA_VALUE_OPTS)[:2])


def _installs(inv) -> bool:
    act = conda_action(inv)
    return bool(act) and (act[:1] in _INSTALLS or act[:2] in _INSTALLS)


def _cleaned(after) -> bool:
    return (any(conda_action(v)[:1] == ("clean",) for v in after if v.tool in CONDA_TOOLS)
            or any(p.endswith("/pkgs") for v in after for p in removed_paths(v)))


def _skip(ctx, ins, script, triggers) -> bool:
    """Soft links configured, ``CONDA_PKGS_DIRS`` set, or a mount holds the package cache."""
    return (set_in_stage(ctx, ins, None, script, r"(?i)softlink|CONDA_PKGS_DIRS|pkgs_dirs")
            or cache_mounted(ins, r"pkgs|conda|mamba"))


@register
class CondaClean(Transform):
    """## What it does
    Appends `conda clean -afy` (`mamba clean --all --yes`,
    `micromamba clean --all --yes`) to a RUN that runs `conda install`,
    `conda create`, `conda update` or `conda env create/update` and does not
    clean up after it.

    ## Why is this bad?
    conda keeps the downloaded package tarballs, their unpacked copies and the
    channel index in `pkgs/` (hundreds of megabytes for a scientific stack).
    The environments do not need them, and a later layer cannot take them
    out of this one.

    ## Example
    ```dockerfile
    RUN conda install -y -c conda-forge numpy
    ```

    ## Use instead
    ```dockerfile
    RUN conda install -y -c conda-forge numpy && conda clean -afy
    ```

    ## Fix safety
    Safe for an image: conda links environments from `pkgs/` with hard links
    or copies, so removing the package cache (`-f` removes even packages that
    look in use) leaves every environment working; later installs download
    what they need. The tool is called the way the RUN called it, joined with
    `&&` after the body's last command, and only when it ran for sure by then
    (not only inside an `if`, a loop, a subshell with its own environment, or
    before a `;` or `||`) and not through `sudo`. Nothing is done when soft
    links are configured (`allow_softlinks`, `always_softlink`: environments
    would point into `pkgs/`), when `CONDA_PKGS_DIRS` is set, a `--mount`
    holds the package cache, a later RUN installs `--offline`, or with
    `--style cache-mount`.
    """

    code = "DSL061"
    name = "conda-clean"
    safety = Safety.SAFE

    def check(self, ctx):
        yield from cleanup_fixes(
            self, ctx, kept=lambda tool: f"{tool} packages kept",
            triggers=lambda invs: [v for v in invs if _installs(v)], cleaned=_cleaned, skip=_skip,
            later=(CONDA_TOOLS, ("--offline",), "installs --offline"),
            cleanup=_CLEANUP.__getitem__,
            message=lambda tool, last: f"add `{_CLEANUP[tool].decode()}` after `{tool} {' '.join(conda_action(last))}`")
