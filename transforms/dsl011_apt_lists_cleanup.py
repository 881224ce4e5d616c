"""DSL011 apt-lists-cleanup."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    APT_LISTS,
    append_command,
    apt_action,
    apt_lists_removed,
    delete_style,
    invocations,
    lineage_after,
    lineage_before,
    mount_overlaps,
    needs_apt_lists,
    reachable,
)
from dslim_rewrite.registry import register

CLEANUP = b"rm -rf /var/lib/apt/lists/*"


@register
class AptListsCleanup(Transform):
    """## What it does
    Appends `rm -rf /var/lib/apt/lists/*` to a RUN that runs `apt-get update`
    (or `apt update`) and does not remove the package lists itself.

    ## Why is this bad?
    `apt-get update` downloads the package lists of every repository (tens of
    megabytes for Debian and Ubuntu) into `/var/lib/apt/lists`. Nothing in the
    running container needs them, but once the RUN ends they are part of its
    layer for good: removing them in a later RUN frees nothing.

    ## Example
    ```dockerfile
    RUN apt-get update && apt-get install -y curl
    ```

    ## Use instead
    ```dockerfile
    RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
    ```

    ## Fix safety
    Safe. `rm -rf` of a path that is missing succeeds, and the command is
    joined with `&&` after the body's last command, so the RUN fails exactly
    when it failed before. The fix is not made (a note says why) when:

    - a later RUN of the stage, or of a stage built `FROM` it, runs
      `apt-get install` (or any apt action reading the lists) without its own
      `apt-get update` first: it would no longer find its packages. A lone
      `RUN apt-get update` followed by `RUN apt-get install …` is that case;
      once the two RUNs are merged (DSL001 collapse-run) the merged RUN gets
      its cleanup;
    - `apt-get update` only runs inside an `if`, a loop or a command
      substitution (plain `( … )` and `{ …; }` groups are fine), or through
      `sudo` (sudoers may allow apt-get and not rm);
    - it is an `ONBUILD` trigger (what runs after it is not in this file).

    Nothing is done when a `--mount` holds the lists (a cache mount keeps them
    on purpose, and they are not in the layer), nor with `--style cache-mount`.
    """

    code = "DSL011"
    name = "apt-lists-cleanup"
    safety = Safety.SAFE

    def check(self, ctx):
        if not delete_style(ctx):
            return
        for ins, script in ctx.shell_runs():
            invs = invocations(script)
            updates = [v for v in invs if apt_action(v) == "update"]
            if not updates:
                continue
            if apt_lists_removed(invs, after=updates[-1].cmd.start):
                continue
            if mount_overlaps(ins, [APT_LISTS]):
                continue
            tool = updates[0].tool
            if ins.sub is not None:
                yield self.note(ctx, "apt lists kept: an ONBUILD trigger runs in images built later", ins.index)
                continue
            if not any(reachable(script, v.cmd) for v in updates):
                yield self.note(ctx, f"apt lists kept: `{tool} update` runs inside an if, a loop or a $( )", ins.index)
                continue
            if any(v.sudo for v in updates):
                yield self.note(ctx, f"apt lists kept: `{tool} update` runs through sudo", ins.index)
                continue
            later = self._later_user(ctx, ins)
            if later is not None:
                hint = " (merge the RUNs to clean up)" if later.stage == ins.stage and later.sub is None else ""
                yield self.note(
                    ctx, f"apt lists kept: line {later.start_line} runs apt without `apt-get update`{hint}", ins.index)
                continue
            edit = append_command(ctx, ins, script, CLEANUP)
            if isinstance(edit, str):
                yield self.note(ctx, f"apt lists kept: {edit}", ins.index)
                continue
            yield self.fix(ctx, f"remove apt lists after `{tool} update`", ins.index, [edit])

    @staticmethod
    def _later_user(ctx, ins):
        """The first later instruction on this filesystem that needs the lists."""
        doc = ctx.doc
        for other in lineage_after(doc, ins):
            if needs_apt_lists(ctx, other):
                return other
        # ONBUILD triggers run after everything in this file
        for other in lineage_before(doc, ins):
            if other.sub is not None and needs_apt_lists(ctx, other):
                return other
        return None
