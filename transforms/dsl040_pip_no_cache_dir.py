"""DSL040 pip-no-cache-dir."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import cache_mounted, delete_style, invocations, set_in_stage, subcommand
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

_PIP_VALUE_OPTS = {"--proxy", "--retries", "--timeout", "--exists-action", "--trusted-host", "--cert",
                   "--client-cert", "--cache-dir", "--log", "--log-file", "--python", "--use-feature",
                   "--use-deprecated", "--keyring-provider", "--progress-bar", "--root-user-action"}
# a mount on ~/.cache or ~/.cache/pip (or any path naming pip) keeps the cache on purpose
_PIP_CACHE_MOUNT = r"(^|/)\.cache(/pip)?/?$|pip"
# the cache is configured some other way: environment, pip config file
_CACHE_SET = r"PIP_NO_CACHE_DIR|PIP_CACHE_DIR|no-cache-dir\s*=|global\.(no-)?cache-dir|pip\.conf"


@register
class PipNoCacheDir(Transform):
    """## What it does
    Adds `--no-cache-dir` to `pip install` (`pip3`, `pip3.12`,
    `python3 -m pip`).

    ## Why is this bad?
    pip keeps every wheel it downloaded or built in `~/.cache/pip`. In an
    image that cache is never used again, yet it stays in the layer: often as
    big as the packages themselves.

    ## Example
    ```dockerfile
    RUN pip install -r requirements.txt
    ```

    ## Use instead
    ```dockerfile
    RUN pip install --no-cache-dir -r requirements.txt
    ```

    ## Fix safety
    Safe. Without its cache pip downloads or builds the same files again and
    installs the same packages. Nothing is done when the cache is already
    handled: `PIP_NO_CACHE_DIR` or `PIP_CACHE_DIR` set by `ENV`/`ARG` in the
    stage (or its parents), inline or in the RUN, `--cache-dir` given, a
    `no-cache-dir` setting written to a pip configuration, a `--mount` on
    `~/.cache` or `~/.cache/pip`, or `--style cache-mount`.
    """

    code = "DSL040"
    name = "pip-no-cache-dir"
    safety = Safety.SAFE

    def check(self, ctx):
        if not delete_style(ctx):
            return
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            for inv in invocations(script):
                if inv.tool != "pip":
                    continue
                sub = subcommand(inv, _PIP_VALUE_OPTS)
                if sub is None or sub.text != "install":
                    continue
                if has_option(inv, ("--no-cache-dir", "--cache-dir")):
                    continue
                if set_in_stage(ctx, ins, inv, script, _CACHE_SET):
                    continue
                if cache_mounted(ins, _PIP_CACHE_MOUNT):
                    continue
                at = ctx.pos(ins, sub.end)
                yield self.fix(ctx, f"add --no-cache-dir to `{inv.cmd.name} install`", ins.index,
                               [self.insert(at, b" --no-cache-dir")], line=doc.line_of(at))
