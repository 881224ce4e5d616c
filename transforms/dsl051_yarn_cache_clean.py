"""DSL051 yarn-cache-clean."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    cache_mounted,
    cleanup_fixes,
    positionals_after,
    removes,
    set_in_stage,
)
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

_YARN_VALUE_OPTS = {"--cwd", "--cache-folder", "--modules-folder", "--mutex", "--network-timeout",
                    "--registry", "--global-folder", "--link-folder"}
YARN_CACHES = ("/usr/local/share/.cache/yarn", "~/.cache/yarn", "~/.yarn/berry/cache")
CLEANUP = b"yarn cache clean"


def yarn_action(inv) -> tuple[str, ...] | None:
    """``("install",)``, ``("add",)``, ``("global", "add")``, ``()`` for a bare
    ``yarn``; None when not yarn."""
    if inv.tool != "yarn":
        return None
    return tuple(w.text for w in positionals_after(inv, None, _YARN_VALUE_OPTS)[:2])


def _installs(inv) -> bool:
    act = yarn_action(inv)
    if act is None:
        return False
    return act == () or act[0] in ("install", "add") or act[:2] == ("global", "add")


def _cleaned(after) -> bool:
    return any(yarn_action(v) == ("cache", "clean") for v in after) or any(removes(after, p) for p in YARN_CACHES)


def _skip(ctx, ins, script, triggers) -> bool:
    """``--cache-folder`` or ``YARN_CACHE_FOLDER`` points the cache elsewhere, or a mount holds it."""
    return (any(has_option(v, ("--cache-folder",)) for v in triggers)
            or set_in_stage(ctx, ins, None, script, r"YARN_CACHE_FOLDER") or cache_mounted(ins, r"yarn"))


@register
class YarnCacheClean(Transform):
    """## What it does
    Appends `yarn cache clean` to a RUN that runs `yarn install` (or a bare
    `yarn`, `yarn add`, `yarn global add`) and does not clean the yarn cache
    after it.

    ## Why is this bad?
    Yarn 1 keeps every package it fetched in its global cache
    (`/usr/local/share/.cache/yarn` for root): a second copy of
    `node_modules` in the layer, for good.

    ## Example
    ```dockerfile
    RUN yarn install --frozen-lockfile
    ```

    ## Use instead
    ```dockerfile
    RUN yarn install --frozen-lockfile && yarn cache clean
    ```

    ## Fix safety
    Unsafe. Which yarn runs is not in the Dockerfile: a project's
    `.yarnrc.yml` or `packageManager` field can switch to Yarn 2+, where with
    Plug'n'Play the cache *is* where the installed packages live, and `yarn
    cache clean` breaks the application at run time. With Yarn 1 (or
    `nodeLinker: node-modules`) the fix is harmless. It is made only when yarn
    ran for sure by then (not only inside an `if`, a loop, a subshell with its
    own environment, or before a `;` or `||`) and not through `sudo`, and
    never when `--cache-folder` or `YARN_CACHE_FOLDER` points the cache
    elsewhere, a `--mount` holds it, a later RUN installs `--offline`, or with
    `--style cache-mount`.
    """

    code = "DSL051"
    name = "yarn-cache-clean"
    safety = Safety.UNSAFE

    def check(self, ctx):
        yield from cleanup_fixes(
            self, ctx, kept=lambda tool: "yarn cache kept", triggers=lambda invs: [v for v in invs if _installs(v)],
            cleaned=_cleaned, skip=_skip,
            later=(("yarn",), ("--offline",), "installs --offline"),
            cleanup=lambda tool: CLEANUP,
            message=lambda tool, last: "add `yarn cache clean` after `yarn install`")
