"""DSL041 uv-no-cache."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import cache_mounted, delete_style, invocations, positionals_after, set_in_stage
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

_UV_VALUE_OPTS = {"--cache-dir", "--python", "-p", "--directory", "--project", "--config-file", "--color",
                  "--index-url", "-i", "--extra-index-url", "--index", "--default-index", "-f", "--find-links",
                  "--python-preference", "-r", "--requirement", "-c", "--constraint", "--group",
                  "--extra", "--package", "--target", "--prefix", "--link-mode", "--only-group"}
_INSTALLS = (("pip", "install"), ("pip", "sync"), ("sync",), ("add",), ("tool", "install"))
_UV_CACHE_MOUNT = r"(^|/)\.cache(/uv)?/?$|uv"


@register
class UvNoCache(Transform):
    """## What it does
    Adds `--no-cache` to `uv pip install`, `uv pip sync`, `uv sync`, `uv add`
    and `uv tool install`.

    ## Why is this bad?
    uv keeps every wheel and source tree it fetched in `~/.cache/uv`. In an
    image that cache is never used again, yet it stays in the layer.

    ## Example
    ```dockerfile
    RUN uv pip install --system -r requirements.txt
    ```

    ## Use instead
    ```dockerfile
    RUN uv pip install --no-cache --system -r requirements.txt
    ```

    ## Fix safety
    Safe. With `--no-cache` uv works in a temporary cache it removes at the
    end; what it installed stays (it copies or hard-links the files). Nothing
    is done when `UV_NO_CACHE` or `UV_CACHE_DIR` is set by `ENV`/`ARG` in the
    stage, inline or in the RUN, when `--cache-dir` is given, with a
    `--mount` on `~/.cache` or `~/.cache/uv` (the way uv's documentation
    recommends), or with `--style cache-mount`.
    """

    code = "DSL041"
    name = "uv-no-cache"
    safety = Safety.SAFE

    def check(self, ctx):
        if not delete_style(ctx):
            return
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            for inv in invocations(script):
                if inv.tool != "uv":
                    continue
                pos = positionals_after(inv, None, _UV_VALUE_OPTS)
                words = next((pos[: len(a)] for a in _INSTALLS if [w.text for w in pos[: len(a)]] == list(a)), None)
                if not words:
                    continue
                if has_option(inv, ("--no-cache", "-n", "--cache-dir")):
                    continue
                if set_in_stage(ctx, ins, inv, script, r"UV_NO_CACHE|UV_CACHE_DIR"):
                    continue
                if cache_mounted(ins, _UV_CACHE_MOUNT):
                    continue
                at = ctx.pos(ins, words[-1].end)
                what = " ".join(w.text for w in words)
                yield self.fix(ctx, f"add --no-cache to `uv {what}`", ins.index,
                               [self.insert(at, b" --no-cache")], line=doc.line_of(at))
