"""DSL032 yum-dnf-assume-yes."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import YUM_VALUE_OPTS, invocations, subcommand
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

_PROMPTS = {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "remove", "erase",
            "autoremove", "downgrade", "distro-sync", "distrosync", "groupremove", "groupupdate", "grouperase",
            "builddep", "swap", "update-minimal", "upgrade-minimal", "in", "up", "rm"}
# actions whose next word is the real action: the flag goes after the tool
_NESTED = {"group", "groups", "module"}
_YES = ("-y", "--assumeyes", "--assumeno")


@register
class YumDnfAssumeYes(Transform):
    """## What it does
    Adds `-y` to `yum`, `dnf` and `tdnf` commands that install, update or
    remove packages without it.

    ## Why is this bad?
    A Docker build has no terminal: yum and dnf ask "Is this ok [y/N]", read
    end-of-file and stop with "Operation aborted", so the build fails (or
    works only while the base image happens to set `assumeyes`).

    ## Example
    ```dockerfile
    RUN yum install httpd
    ```

    ## Use instead
    ```dockerfile
    RUN yum install -y httpd
    ```

    ## Fix safety
    Safe. `-y` only answers the confirmation prompt; it installs the same
    packages. `microdnf` is left alone: it never asks, and older releases
    refuse `-y` as an unknown option.
    """

    code = "DSL032"
    name = "yum-dnf-assume-yes"
    safety = Safety.SAFE

    def check(self, ctx):
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            for inv in invocations(script):
                if inv.tool not in ("yum", "dnf", "tdnf"):
                    continue
                sub = subcommand(inv, YUM_VALUE_OPTS)
                if sub is None or sub.text not in _PROMPTS | _NESTED or has_option(inv, _YES):
                    continue
                if sub.text in _NESTED:
                    anchor = inv.words[0]
                else:
                    anchor = sub
                at = ctx.pos(ins, anchor.end)
                yield self.fix(ctx, f"add -y to `{inv.tool} {sub.text}`", ins.index, [self.insert(at, b" -y")],
                               line=doc.line_of(at))
