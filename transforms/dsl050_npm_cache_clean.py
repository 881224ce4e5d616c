"""DSL050 npm-cache-clean."""

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

_NPM_VALUE_OPTS = {"--prefix", "--cache", "--registry", "--userconfig", "-C", "--workspace", "-w",
                   "--loglevel", "--omit", "--include", "--install-strategy"}
_INSTALLS = {"install", "i", "ci", "add", "update", "up", "upgrade", "clean-install", "install-clean", "isntall"}
NPM_CACHE = "~/.npm/_cacache"
CLEANUP = b"npm cache clean --force"


def npm_action(inv) -> str | None:
    if inv.tool != "npm":
        return None
    pos = positionals_after(inv, None, _NPM_VALUE_OPTS)
    return pos[0].text if pos else None


def _cleans(inv) -> bool:
    """``npm cache clean`` (``clear`` and ``rm`` are its aliases)."""
    pos = [w.text for w in positionals_after(inv, None, _NPM_VALUE_OPTS)] if inv.tool == "npm" else []
    return pos[:1] == ["cache"] and len(pos) > 1 and pos[1] in ("clean", "clear", "rm")


def _triggers(invs):
    return [v for v in invs if npm_action(v) in _INSTALLS]


def _cleaned(after) -> bool:
    return any(_cleans(v) for v in after) or removes(after, NPM_CACHE)


def _skip(ctx, ins, script, triggers) -> bool:
    """``--cache`` or ``npm_config_cache`` points the cache elsewhere, or a mount holds it."""
    return (any(has_option(v, ("--cache",)) for v in triggers)
            or set_in_stage(ctx, ins, None, script, r"(?i)npm_config_cache") or cache_mounted(ins, r"npm"))


@register
class NpmCacheClean(Transform):
    """## What it does
    Appends `npm cache clean --force` to a RUN that runs `npm install`,
    `npm ci` or `npm update` and does not clean the npm cache after it.

    ## Why is this bad?
    npm keeps a copy of every package tarball it fetched in `~/.npm/_cacache`.
    The installed `node_modules` do not need it, and once the RUN ends the
    copy is part of the layer for good.

    ## Example
    ```dockerfile
    RUN npm ci --omit=dev
    ```

    ## Use instead
    ```dockerfile
    RUN npm ci --omit=dev && npm cache clean --force
    ```

    ## Fix safety
    Safe. `npm cache clean --force` only empties the download cache (not the
    `npx` folder, not `node_modules`) and succeeds when it is empty. It is
    joined with `&&` after the body's last command, and only when npm ran for
    sure by then (not only inside an `if`, a loop, a subshell with its own
    environment, or before a `;` or `||`: npm might not even be installed) and
    not through `sudo`. Nothing is done when `--cache` or `npm_config_cache`
    points the cache elsewhere, a `--mount` holds it, a later RUN installs
    `--offline` (it needs the cache), or with `--style cache-mount`.
    """

    code = "DSL050"
    name = "npm-cache-clean"
    safety = Safety.SAFE

    def check(self, ctx):
        yield from cleanup_fixes(
            self, ctx, kept=lambda tool: "npm cache kept", triggers=_triggers, cleaned=_cleaned, skip=_skip,
            later=(("npm",), ("--offline",), "installs --offline"),
            cleanup=lambda tool: CLEANUP,
            message=lambda tool, last: f"add `npm cache clean --force` after `npm {npm_action(last)}`")
