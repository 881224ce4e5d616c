"""DSL031 zypper-clean."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    ZYPPER_CACHES,
    cleanup_fixes,
    mount_overlaps,
    removes,
    zypper_action,
)
from dslim_rewrite.registry import register

# actions that download metadata and packages into the cache
_FILLS_CACHE = {"install", "in", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si",
                "install-new-recommends", "inr"}
_CLEAN = {"clean", "cc"}
CLEANUP = b"zypper clean --all"


def _triggers(invs):
    return [v for v in invs if zypper_action(v) in _FILLS_CACHE]


def _cleaned(after) -> bool:
    return any(zypper_action(v) in _CLEAN for v in after) or removes(after, ZYPPER_CACHES[0])


@register
class ZypperClean(Transform):
    """## What it does
    Appends `zypper clean --all` to a RUN that installs or updates packages
    with zypper and does not clean up after it.

    ## Why is this bad?
    zypper keeps the repository metadata and the solver cache it built in
    `/var/cache/zypp` (tens of megabytes), and downloaded packages when
    `keeppackages` is on. Nothing needs them at run time, and a later layer
    cannot take them out of this one.

    ## Example
    ```dockerfile
    RUN zypper --non-interactive install curl
    ```

    ## Use instead
    ```dockerfile
    RUN zypper --non-interactive install curl && zypper clean --all
    ```

    ## Fix safety
    Safe. `zypper clean --all` succeeds when there is nothing to clean, and
    zypper fetches the metadata again by itself when a later RUN installs
    something (the base images ship without it). The cleanup is joined with
    `&&` after the body's last command, and only when zypper ran for sure by
    then (not only inside an `if`, a loop, a subshell with its own
    environment, or before a `;` or `||`) and not through `sudo`. Nothing is
    done when a `--mount` holds `/var/cache/zypp`, when a later RUN uses
    `--no-refresh`, or with `--style cache-mount`.
    """

    code = "DSL031"
    name = "zypper-clean"
    safety = Safety.SAFE

    def check(self, ctx):
        yield from cleanup_fixes(
            self, ctx, kept=lambda tool: "zypper cache kept", triggers=_triggers, cleaned=_cleaned,
            skip=lambda ctx, ins, script, triggers: mount_overlaps(ins, ZYPPER_CACHES),
            later=(("zypper",), ("--no-refresh",), "uses --no-refresh"),
            cleanup=lambda tool: CLEANUP,
            message=lambda tool, last: f"add `zypper clean --all` after `zypper {zypper_action(last)}`")
