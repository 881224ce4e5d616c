"""DSL033 zypper-non-interactive."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import invocations, zypper_action
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

_PROMPTS = {"install", "in", "remove", "rm", "update", "up", "patch", "dist-upgrade", "dup",
            "source-install", "si", "install-new-recommends", "inr", "verify", "ve"}
_NON_INTERACTIVE = ("-n", "--non-interactive", "-y", "--no-confirm", "--non-interactive-include-reboot-patches")


@register
class ZypperNonInteractive(Transform):
    """## What it does
    Adds `--non-interactive` to `zypper` commands that install, update or
    remove packages without `-n`/`--non-interactive` or `-y`/`--no-confirm`.

    ## Why is this bad?
    zypper asks for confirmation before it changes anything. A Docker build
    has no terminal to answer; `--non-interactive` makes zypper take the
    default answer instead of waiting for one, which is what a build needs.

    ## Example
    ```dockerfile
    RUN zypper install curl
    ```

    ## Use instead
    ```dockerfile
    RUN zypper --non-interactive install curl
    ```

    ## Fix safety
    Safe. `--non-interactive` answers every question with its default ("yes"
    to installing, "no" to a license or an untrusted key, both of which fail
    a build without a terminal anyway), so it installs the same packages. It
    is a global option and goes right after `zypper`.
    """

    code = "DSL033"
    name = "zypper-non-interactive"
    safety = Safety.SAFE

    def check(self, ctx):
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            for inv in invocations(script):
                act = zypper_action(inv)
                if act not in _PROMPTS or has_option(inv, _NON_INTERACTIVE):
                    continue
                at = ctx.pos(ins, inv.words[0].end)
                yield self.fix(ctx, f"add --non-interactive to `zypper {act}`", ins.index,
                               [self.insert(at, b" --non-interactive")], line=doc.line_of(at))
