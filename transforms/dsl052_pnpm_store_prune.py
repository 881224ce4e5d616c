"""DSL052 pnpm-store-prune."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    cache_mounted,
    cleanup_fixes,
    positionals_after,
    set_in_stage,
)
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

_PNPM_VALUE_OPTS = {"--dir", "-C", "--store-dir", "--filter", "-F", "--reporter", "--loglevel",
                    "--workspace-dir", "--virtual-store-dir", "--modules-dir"}
_INSTALLS = {"install", "i", "add", "update", "up", "upgrade"}
CLEANUP = b"pnpm store prune"


def pnpm_action(inv) -> tuple[str, ...] | None:
    if inv.tool != "pnpm":
        return None
    return tuple(w.text for w in positionals_after(inv, None, _PNPM_VALUE_OPTS)[:2])


def _triggers(invs):
    """The installs, none after a ``pnpm fetch`` (it fills the store on purpose)."""
    acts = [(v, pnpm_action(v)) for v in invs if v.tool == "pnpm"]
    if any(a and a[0] == "fetch" for _, a in acts):
        return []
    return [v for v, a in acts if a and a[0] in _INSTALLS]


def _skip(ctx, ins, script, triggers) -> bool:
    """``--store-dir`` or a store directory set by the environment, or a mount holds the store."""
    return (any(has_option(v, ("--store-dir",)) for v in triggers)
            or set_in_stage(ctx, ins, None, script, r"(?i)store[-_]dir") or cache_mounted(ins, r"pnpm"))


@register
class PnpmStorePrune(Transform):
    """## What it does
    Appends `pnpm store prune` to a RUN that runs `pnpm install` (or
    `pnpm add`, `pnpm update`) and does not prune the store after it.

    ## Why is this bad?
    pnpm's content-addressable store keeps every package version it ever
    fetched; the ones no project references any more are dead weight in the
    layer.

    ## Example
    ```dockerfile
    RUN pnpm install --frozen-lockfile
    ```

    ## Use instead
    ```dockerfile
    RUN pnpm install --frozen-lockfile && pnpm store prune
    ```

    ## Fix safety
    Unsafe. The store is where pnpm hard-links `node_modules` from, and what
    `pnpm install --offline` installs from; pruning keeps what is referenced,
    but a store filled on purpose (`pnpm fetch`, a store shared by several
    projects) loses packages, and old pnpm releases fail when the store does
    not exist yet. The fix is made only when pnpm ran for sure by then (not
    only inside an `if`, a loop, a subshell with its own environment, or
    before a `;` or `||`) and not through `sudo`, and never after `pnpm
    fetch`, with `--store-dir` or a store directory set by the environment, a
    `--mount` holding the store, a later RUN installing `--offline`, or with
    `--style cache-mount`.
    """

    code = "DSL052"
    name = "pnpm-store-prune"
    safety = Safety.UNSAFE

    def check(self, ctx):
        yield from cleanup_fixes(
            self, ctx, kept=lambda tool: "pnpm store kept", triggers=_triggers,
            cleaned=lambda after: any(pnpm_action(v) == ("store", "prune") for v in after), skip=_skip,
            later=(("pnpm",), ("--offline",), "installs --offline"),
            cleanup=lambda tool: CLEANUP,
            message=lambda tool, last: "add `pnpm store prune` after `pnpm install`")
