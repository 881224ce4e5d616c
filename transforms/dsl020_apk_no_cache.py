"""DSL020 apk-no-cache."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    invocations,
    item_of,
    lineage_after,
    lineage_before,
    mount_overlaps,
    subcommand,
)
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import has_option

APK_CACHES = ("/var/cache/apk", "/etc/apk/cache")
_APK_VALUE_OPTS = {"-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir",
                   "--repositories-file", "--wait", "--cache-max-age", "-t", "--virtual"}
_NO_CACHE = ("--no-cache",)
_TAKES_NO_CACHE = {"add", "upgrade"}
_NO_INDEX = {"del"}  # actions that never read the index


def _action(inv) -> str | None:
    w = subcommand(inv, _APK_VALUE_OPTS)
    return w.text if w is not None else None


def _index_free(inv) -> bool:
    """This apk command fetches the index itself or needs none."""
    act = _action(inv)
    return act in _NO_INDEX or (act in _TAKES_NO_CACHE and has_option(inv, _NO_CACHE))


@register
class ApkNoCache(Transform):
    """## What it does
    Adds `--no-cache` to `apk add` (and `apk upgrade`). Once every apk command
    after an `apk update` in the same RUN has it, and no later RUN relies on
    the index it wrote, the `apk update` goes, with its `&&`.

    ## Why is this bad?
    `apk update` and `apk add` without `--no-cache` leave the package index
    (`/var/cache/apk/APKINDEX.*.tar.gz`, a few megabytes) in the layer.
    `--no-cache` fetches a fresh index into memory for that one command and
    writes nothing, which also makes a separate `apk update` useless.

    ## Example
    ```dockerfile
    RUN apk update && apk add curl
    ```

    ## Use instead
    ```dockerfile
    RUN apk add --no-cache curl
    ```

    ## Fix safety
    Safe. `apk add --no-cache` installs what `apk add` installs, from an index
    at least as fresh. `apk update` is removed only when every apk command
    after it in the RUN is `apk add/upgrade --no-cache` or `apk del`, when the
    same holds for every later RUN of the stage and of the stages built
    `FROM` it (they could read the index it left), when no comment line sits
    inside the text that goes, and when removing it cannot change which
    command runs (`x || apk update && …` stays). Nothing is done for a RUN
    with `--network=none` or a `--mount` on the apk cache. With
    `--style cache-mount` it still applies: apk gets no cache mount.
    """

    code = "DSL020"
    name = "apk-no-cache"
    safety = Safety.SAFE

    def check(self, ctx):
        # Also with --style cache-mount: the cache-mount transform leaves apk
        # alone, so --no-cache is still what keeps the index out of the layer.
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            invs = [v for v in invocations(script) if v.tool == "apk"]
            if not invs:
                continue
            target = ins.sub or ins
            if mount_overlaps(ins, APK_CACHES) or any(f.value == "none" for f in target.flag("network")):
                continue
            missing = [v for v in invs if _action(v) in _TAKES_NO_CACHE and not has_option(v, _NO_CACHE)]
            for inv in missing:
                sub = subcommand(inv, _APK_VALUE_OPTS)
                at = ctx.pos(ins, sub.end)
                yield self.fix(ctx, f"add --no-cache to `apk {sub.text}`", ins.index,
                               [self.insert(at, b" --no-cache")], line=doc.line_of(at))
            if missing:
                continue  # the update can go once the flags are in (next round)
            for k, inv in enumerate(invs):
                if _action(inv) != "update":
                    continue
                after = invs[k + 1 :]
                if not after or not all(_index_free(v) for v in after):
                    continue
                if not self._later_index_free(ctx, ins):
                    continue
                edit = self._remove(ctx, ins, script, inv)
                if isinstance(edit, str):
                    yield self.note(ctx, f"`apk update` kept: {edit}", ins.index)
                    continue
                yield self.fix(ctx, "remove `apk update`: `apk add --no-cache` fetches the index itself",
                               ins.index, [edit], line=doc.line_of(edit.start))
                break

    @staticmethod
    def _later_index_free(ctx, ins) -> bool:
        doc = ctx.doc
        later = list(lineage_after(doc, ins)) + [i for i in lineage_before(doc, ins) if i.sub is not None]
        for other in later:
            if (other.sub or other).keyword != "RUN":
                continue
            s = ctx.script(other)
            if s is None:
                if b"apk" in (other.sub or other).text:
                    return False
                continue
            for v in invocations(s):
                if v.tool != "apk":
                    continue
                if _action(v) == "update" and v.cmd.top_level and not v.cmd.in_subshell:
                    break  # what follows reads the index this RUN fetched
                if not _index_free(v):
                    return False
        return True

    @staticmethod
    def _remove(ctx, ins, script, inv):
        """Edit deleting ``apk update`` and one operator next to it, or why not."""
        cmd = inv.cmd
        if not cmd.top_level or cmd.in_subshell:
            return "it is not a plain top-level command"
        k = item_of(script, cmd)
        items, ops = script.top_items, script.top_operators
        if k is None or items[k] != (cmd.start, cmd.end) or cmd.redirects:
            return "it is part of a pipeline or has redirections"
        if k + 1 >= len(items):
            return "nothing follows it"
        before = ops[k - 1] if k > 0 else None
        after = ops[k]
        base = (ins.sub or ins).args_offset
        if (after == "&&" and before in (None, "&&", ";")) or (after == ";" and before in (None, ";")):
            # up to the next command, with the line break and indent before it
            fs = ins.file_offset(base + cmd.start)
            fe = ins.file_offset(base + items[k + 1][0])
        elif after == ";" and before == "&&":
            fs, fe = ctx.span(ins, items[k - 1][1], cmd.end)  # `x && apk update; y` -> `x; y`
        else:
            return "removing it would change which commands run"
        if any(fs <= c.start < fe for c in (ins.sub or ins).comments + ins.comments):
            return "a comment line sits inside it"
        return Transform.replace(fs, fe, b"")
