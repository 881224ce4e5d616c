"""DSL030 yum-dnf-clean."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    YUM_CACHES,
    YUM_TOOLS,
    cleanup_fixes,
    mount_overlaps,
    positionals_after,
    removes,
    yum_action,
)
from dslim_rewrite.registry import register

# actions that download metadata and packages into the cache
_FILLS_CACHE = {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "downgrade",
                "distro-sync", "distrosync", "makecache", "builddep", "group", "groups", "module",
                "update-minimal", "upgrade-minimal", "swap", "in", "up"}
_CLEANUP = {
    "yum": b"yum clean all && rm -rf /var/cache/yum",
    "dnf": b"dnf clean all",
    "microdnf": b"microdnf clean all",
    "tdnf": b"tdnf clean all",
}


def _triggers(invs):
    return [v for v in invs if yum_action(v) in _FILLS_CACHE]


def _cleaned(after) -> bool:
    return any(yum_action(v) == "clean" and "all" in [w.text for w in positionals_after(v, None)]
               for v in after) or any(removes(after, p) for p in YUM_CACHES)


@register
class YumDnfClean(Transform):
    """## What it does
    Appends `dnf clean all` (`yum clean all && rm -rf /var/cache/yum` for yum,
    `microdnf clean all`, `tdnf clean all`) to a RUN that installs or updates
    packages with yum, dnf, microdnf or tdnf and does not clean up after it.

    ## Why is this bad?
    yum and dnf keep the repository metadata they downloaded (often over
    100 MB) and, depending on the configuration, the packages themselves in
    `/var/cache/yum` or `/var/cache/dnf`. Nothing needs them at run time, and a
    later layer cannot take them out of this one.

    ## Example
    ```dockerfile
    RUN dnf install -y httpd
    ```

    ## Use instead
    ```dockerfile
    RUN dnf install -y httpd && dnf clean all
    ```

    ## Fix safety
    Safe. `clean all` succeeds when there is nothing to clean, and yum and dnf
    download the metadata again by themselves when a later RUN installs
    something (the base images ship without it). The cleanup is joined with
    `&&` after the body's last command, and only when the package manager ran
    for sure by then (not only inside an `if`, a loop, a subshell with its own
    environment, or before a `;` or `||`) and not through `sudo`. Nothing is
    done when a `--mount` holds the cache, when a later RUN uses
    `-C`/`--cacheonly` (it would find no cache), or with `--style
    cache-mount`.
    """

    code = "DSL030"
    name = "yum-dnf-clean"
    safety = Safety.SAFE

    def check(self, ctx):
        yield from cleanup_fixes(
            self, ctx, kept=lambda tool: f"`{tool}` cache kept", triggers=_triggers, cleaned=_cleaned,
            skip=lambda ctx, ins, script, triggers: mount_overlaps(ins, YUM_CACHES),
            later=(YUM_TOOLS, ("-C", "--cacheonly"), "uses --cacheonly"),
            cleanup=_CLEANUP.__getitem__,
            message=lambda tool, last: f"add `{tool} clean all` after `{tool} {yum_action(last)}`")
