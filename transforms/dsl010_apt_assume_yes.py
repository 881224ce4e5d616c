"""DSL010 apt-assume-yes."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import apt_subcommand, has_option

_NEEDS_YES = {"install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "build-dep", "reinstall"}
_YES = ("-y", "--yes", "--assume-yes", "-qq", "-q=2", "--quiet=2")


@register
class AptAssumeYes(Transform):
    """## What it does
    Adds `-y` to `apt-get`/`apt` commands that install, upgrade or remove packages
    without it.

    ## Why is this bad?
    A Docker build has no terminal to answer apt's "Do you want to continue?"
    prompt: apt reads end-of-file and aborts, and the build fails as soon as a
    package pulls in a dependency.

    ## Example
    ```dockerfile
    RUN apt-get update && apt-get install curl
    ```

    ## Use instead
    ```dockerfile
    RUN apt-get update && apt-get install -y curl
    ```

    ## Fix safety
    Safe. `-y` only answers the confirmation prompt; it does not allow removing
    essential packages or downgrades (those need their own flags), so a build
    that passed still installs the same packages.
    """

    code = "DSL010"
    name = "apt-assume-yes"
    safety = Safety.SAFE

    def check(self, ctx):
        for ins, script in ctx.shell_runs():
            for cmd in script.find("apt-get", "apt"):
                sub = apt_subcommand(cmd)
                if sub is None or sub.text not in _NEEDS_YES or has_option(cmd, _YES):
                    continue
                at = ctx.pos(ins, sub.end)
                yield self.fix(
                    ctx, f"add -y to `{cmd.name} {sub.text}`", ins.index, [self.insert(at, b" -y")],
                    line=ctx.doc.line_of(at),
                )
