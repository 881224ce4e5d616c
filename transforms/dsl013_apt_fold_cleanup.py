"""DSL013 apt-fold-cleanup."""

from __future__ import annotations

import re

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import (
    APT_CACHE,
    APT_LISTS,
    APT_TOOLS,
    append_command,
    apt_action,
    continuation,
    delete_style,
    invocations,
    mount_overlaps,
    path_covers,
    removed_paths,
)
from dslim_rewrite.registry import register

_CLEAN_ACTIONS = {"clean", "autoclean", "dist-clean", "distclean"}
# what a standalone cleanup RUN may remove to be folded
_FOLDABLE = (APT_LISTS, APT_CACHE, "/var/log/apt", "/tmp", "/var/tmp")
# shell state of the previous RUN that cannot change what the cleanup does
_HARMLESS_STATE = {"cd", "pushd", "popd", "set"}
_PRAGMA_LIKE = re.compile(rb"ignore\s*=|dslim-rewrite", re.I)


@register
class AptFoldCleanup(Transform):
    """## What it does
    Moves a RUN that only cleans up after apt (`RUN apt-get clean`,
    `RUN rm -rf /var/lib/apt/lists/*`) into the RUN just before it that ran
    apt, joined with `&&`, and removes the cleanup RUN.

    ## Why is this bad?
    Every RUN is a layer. Files that an earlier layer wrote stay in it when a
    later layer deletes them: the later layer only hides them. A cleanup in a
    RUN of its own makes the image bigger by one (empty) layer and frees
    nothing.

    ## Example
    ```dockerfile
    RUN apt-get update && apt-get install -y curl
    RUN apt-get clean && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile
    RUN apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*
    ```

    ## Fix safety
    Safe. The two RUNs are adjacent, so the cleanup ran right after the apt
    RUN, as the same user, with the same shell; it now runs in the same shell
    process, only when the apt RUN's last command succeeded (the build stopped
    otherwise). Cleanup commands the apt RUN already runs are dropped rather
    than repeated. Comment lines right above the cleanup RUN move with it.

    Nothing is done (a note says why) when the cleanup RUN does anything else,
    has flags or is not a plain `&&` chain, when the apt RUN's shell state
    could change what the cleanup does (`export`, `set -f`, ...), when a
    `--mount` of the apt RUN covers a path the cleanup removes (it would empty
    the cache instead), or when a comment above the cleanup is a pragma.
    """

    code = "DSL013"
    name = "apt-fold-cleanup"
    safety = Safety.SAFE

    def check(self, ctx):
        if not delete_style(ctx):
            return
        doc = ctx.doc
        for ins in doc.instructions:
            if ins.keyword != "RUN" or ins.index == 0 or not ctx.posix_shell[ins.index]:
                continue
            script = ctx.script(ins)
            if script is None:
                continue
            pieces = self._cleanup_commands(script)
            if pieces is None:
                continue
            prev = doc.instructions[ins.index - 1]
            prev_script = ctx.script(prev) if prev.keyword == "RUN" else None
            if prev.stage != ins.stage or prev_script is None or not ctx.posix_shell[prev.index]:
                yield self.note(ctx, "apt cleanup in its own layer frees nothing (no apt RUN right before it)", ins.index)
                continue
            prev_invs = invocations(prev_script)
            apt_idx = [k for k, v in enumerate(prev_invs) if v.tool in APT_TOOLS]
            if not apt_idx:
                yield self.note(ctx, "apt cleanup in its own layer frees nothing (no apt RUN right before it)", ins.index)
                continue
            why = self._why_not(ctx, ins, script, prev, prev_script, pieces)
            if why:
                yield self.note(ctx, f"apt cleanup not folded: {why}", ins.index)
                continue
            after = prev_invs[apt_idx[-1] + 1 :]
            todo = [(inv, text) for inv, text in pieces if not self._already_done(inv, after)]
            comments = doc.comment_lines_before(ins)
            edits = []
            if todo:
                joined = b" && ".join(text for _, text in todo)
                if comments:
                    edit = self._append_with_comments(ctx, prev, prev_script, joined, comments)
                else:
                    edit = append_command(ctx, prev, prev_script, joined)
                if isinstance(edit, str):
                    yield self.note(ctx, f"apt cleanup not folded: {edit}", ins.index)
                    continue
                edits.append(edit)
            start = comments[0].start if (comments and todo) else ins.line_start
            end = ins.next
            if end == len(doc.data) and not doc.data.endswith(b"\n"):
                # the last line has no newline: take the one before it instead
                start -= 2 if doc.data[start - 2 : start] == b"\r\n" else 1
            if edits and edits[0].end > start:
                # the append took the newline along that goes with the RUN
                # (last line without a newline): make it one edit
                e0 = edits.pop()
                edits.append(self.replace(e0.start, end, e0.text[: -(e0.end - e0.start)]))
            else:
                edits.append(self.replace(start, end, b""))
            msg = "fold apt cleanup into the RUN above" if todo else "drop apt cleanup the RUN above already does"
            yield self.fix(ctx, msg, (prev.index, ins.index), edits, line=ins.start_line)

    @staticmethod
    def _cleanup_commands(script):
        """[(invocation, source text)] when the body is nothing but apt cleanup
        commands joined by ``&&``; None otherwise."""
        if script.has_error or script.has_heredoc or not script.is_and_chain or script.has_control_flow:
            return None
        invs = invocations(script)
        if not invs or len(invs) != len(script.commands) or len(invs) != len(script.top_items):
            return None
        out = []
        for inv in invs:
            if not inv.cmd.top_level or inv.cmd.in_subshell or inv.cmd.redirects:
                return None
            if inv.tool in APT_TOOLS and apt_action(inv) in _CLEAN_ACTIONS and len(inv.args) <= 3:
                pass
            elif inv.tool == "rm":
                paths = removed_paths(inv)
                if not paths or any(not p.startswith("/") for p in paths):
                    return None
                if not all(any(path_covers(f, p) for f in _FOLDABLE) for p in paths):
                    return None
                if not any(path_covers(APT_LISTS, p) or path_covers(APT_CACHE, p) or path_covers(p, APT_LISTS)
                           for p in paths):
                    return None
            else:
                return None
            out.append((inv, script.source[inv.cmd.start : inv.cmd.end]))
        return out

    @staticmethod
    def _why_not(ctx, ins, script, prev, prev_script, pieces) -> str | None:
        if ins.flags:
            return "the cleanup RUN has flags"
        if ins.comments:
            return "the cleanup RUN has comment lines inside it"
        if any(_PRAGMA_LIKE.search(ctx.doc.data[c.start : c.end]) for c in ctx.doc.comment_lines_before(ins)):
            return "a pragma comment sits above the cleanup RUN"
        if prev_script.has_error:
            return "the RUN above does not parse"
        removed = [p for inv, _ in pieces for p in removed_paths(inv)]
        if any(inv.tool != "rm" for inv, _ in pieces):
            removed.append(APT_CACHE)
        hit = mount_overlaps(prev, removed)
        if hit:
            return f"the RUN above mounts {hit}"
        only_rm = all(inv.tool == "rm" for inv, _ in pieces)
        for reason in prev_script.state_reasons:
            word = reason.split()[0] if reason else reason
            if only_rm and word in ("export", "variable", "declare", "typeset", "local", "readonly", "umask", "unset"):
                continue
            if word not in _HARMLESS_STATE:
                return f"the RUN above changes shell state ({reason})"
        for c in prev_script.commands:
            if c.name == "set" and not c.in_subshell and any(
                (a.startswith(("-", "+")) and "f" in a[1:] and not a.startswith("--")) or a == "noglob" for a in c.args
            ):
                return "the RUN above turns off globbing (set -f)"
        return None

    @staticmethod
    def _already_done(inv, after) -> bool:
        """The RUN above already runs this cleanup after its last apt command."""
        if inv.tool == "rm":
            paths = removed_paths(inv)
            done = [p for a in after for p in removed_paths(a)]
            return all(any(path_covers(d, p) for d in done) for p in paths)
        act = apt_action(inv)
        return any(apt_action(a) == act for a in after)

    @staticmethod
    def _append_with_comments(ctx, prev, prev_script, text, comments):
        """Like append_command, on a new line, with the comment lines before it."""
        edit = append_command(ctx, prev, prev_script, text)
        if isinstance(edit, str):
            return edit
        k = len(prev_script.top_items) - 1
        join = continuation(ctx, prev, prev_script.top_items[k][0])
        esc_nl = ctx.doc.escape.encode() + ctx.nl
        head, _, tail = join.partition(esc_nl)
        middle = b"".join(ctx.doc.data[c.start : c.end] + ctx.nl for c in comments)
        tail_text = edit.text[edit.text.rindex(text):]
        return type(edit)(edit.start, edit.end, head + esc_nl + middle + tail + tail_text)
