"""DSL012 apt-no-install-recommends."""

from __future__ import annotations

import re

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.patterns import LazyPattern
from dslim_rewrite.pkgmgr import APT_TOOLS, apt_action, invocations, lineage_before, mentions, positionals_after
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import apt_subcommand, has_option

_APT_VALUE_OPTS = {"-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"}
# packages that only Recommend ca-certificates, yet fetch https URLs
_NEEDS_CA = {"curl", "wget", "git"}
_RECOMMENDS_SET = LazyPattern(r"(?i)install-recommends")


def _package_name(word: str) -> str:
    """``curl=7.88.1-10`` / ``curl:amd64`` / ``curl/bookworm`` → ``curl``."""
    return re.split(r"[=:/]", word, maxsplit=1)[0]


@register
class AptNoInstallRecommends(Transform):
    """## What it does
    Adds `--no-install-recommends` to `apt-get install` / `apt install`. When
    the command installs `curl`, `wget` or `git` and `ca-certificates` is not
    installed anywhere before in the stage, it adds `ca-certificates` too.

    ## Why is this bad?
    By default apt also installs every package the requested ones
    *recommend*: documentation, optional tools, whole toolchains. They often
    double the size of what was asked for.

    ## Example
    ```dockerfile
    RUN apt-get update && apt-get install -y curl python3
    ```

    ## Use instead
    ```dockerfile
    RUN apt-get update && apt-get install -y --no-install-recommends curl python3 ca-certificates
    ```

    ## Fix safety
    Unsafe: the image may lose a package the program needs and that only
    came in as a recommendation (a classic: `curl`, `wget` and `git` fail on
    every https URL without `ca-certificates`, which they only recommend; that
    one is added back, others cannot be known). Check the image after the fix.
    Nothing is done when `--install-recommends`, `-o APT::Install-Recommends=…`
    or an apt configuration mentioning `Install-Recommends` is already there.
    """

    code = "DSL012"
    name = "apt-no-install-recommends"
    safety = Safety.UNSAFE

    def check(self, ctx):
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            invs = [v for v in invocations(script) if v.tool in ("apt-get", "apt")]
            installs = [v for v in invs if apt_action(v) == "install"]
            if not installs:
                continue
            earlier = list(lineage_before(doc, ins))
            if mentions(earlier, r"(?i)install-recommends"):
                continue
            ca_before = mentions(earlier, r"\bca-certificates\b") is not None
            ca_here = any(
                _package_name(w.text) == "ca-certificates"
                for v in invocations(script) if v.tool in APT_TOOLS and apt_action(v) == "install"
                for w in positionals_after(v, apt_subcommand(v), _APT_VALUE_OPTS)
            )
            ca_added = False
            for inv in installs:
                if any(_RECOMMENDS_SET.search(w.text) for w in inv.words[1:]) or has_option(
                        inv, ("--install-recommends", "--no-install-recommends")):
                    continue
                sub = apt_subcommand(inv)
                pkgs = positionals_after(inv, sub, _APT_VALUE_OPTS)
                if not pkgs:
                    continue
                # after the options that come before the first package
                words = inv.words
                k = next(i for i, w in enumerate(words) if w is pkgs[0])
                anchor = words[k - 1]
                edits = [self.insert(ctx.pos(ins, anchor.end), b" --no-install-recommends")]
                msg = f"add --no-install-recommends to `{inv.tool} install`"
                names = {_package_name(w.text) for w in pkgs}
                if names & _NEEDS_CA and not (ca_here or ca_before or ca_added):
                    edits.append(self._add_package(ctx, ins, pkgs, b"ca-certificates"))
                    msg += " (and ca-certificates)"
                    ca_added = True
                yield self.fix(ctx, msg, ins.index, edits, line=doc.line_of(ctx.pos(ins, sub.end)))

    @staticmethod
    def _add_package(ctx, ins, pkgs, name: bytes):
        """Insert ``name`` after the last package: on a line of its own when
        the packages are listed one per line, else on the same line."""
        doc = ctx.doc
        at = ctx.pos(ins, pkgs[-1].end)
        if len(pkgs) >= 2:
            last_line = doc.line_of(ctx.pos(ins, pkgs[-1].start))
            if last_line != doc.line_of(ctx.pos(ins, pkgs[-2].start)):
                ln = doc.lines[last_line - 1]
                text = doc.data[ln.start : ln.end]
                indent = text[: len(text) - len(text.lstrip(b" \t"))]
                return Transform.insert(at, b" " + doc.escape.encode() + ctx.nl + indent + name)
        return Transform.insert(at, b" " + name)
