"""DSL060 gem-no-document."""

from __future__ import annotations

import re

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.pkgmgr import invocations, set_in_stage, subcommand
from dslim_rewrite.registry import register

_GEM_VALUE_OPTS = {"-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source",
                   "-p", "--http-proxy", "--platform", "-g", "--file", "--config-file"}
_INSTALLS = {"install", "i", "update"}
# any explicit choice about documentation: --no-document, --no-doc, -N,
# --no-ri, --no-rdoc, --document=ri, --ri, --rdoc
_DOC_CHOICE = re.compile(r"^(-N|--(no-)?(doc(ument)?|ri|rdoc)(=.*)?)$")
_OLD_RUBY = re.compile(r"(^|/)ruby:1\.")


@register
class GemNoDocument(Transform):
    """## What it does
    Adds `--no-document` to `gem install` and `gem update`.

    ## Why is this bad?
    By default RubyGems generates ri and RDoc documentation for every gem it
    installs: it takes build time and leaves megabytes of files nobody reads
    in a container.

    ## Example
    ```dockerfile
    RUN gem install bundler
    ```

    ## Use instead
    ```dockerfile
    RUN gem install --no-document bundler
    ```

    ## Fix safety
    Safe. Only the generated documentation is left out; the gems and their
    executables are the same. Nothing is done when the command already says
    something about documentation (`--no-document`, `-N`, `--no-ri`,
    `--no-rdoc`, `--document`, ...), when a `.gemrc` is written or copied in
    the stage or `GEMRC` is set (it may choose otherwise), or on a `ruby:1.x`
    image (RubyGems before 2.0 has no `--no-document`).
    """

    code = "DSL060"
    name = "gem-no-document"
    safety = Safety.SAFE

    def check(self, ctx):
        doc = ctx.doc
        for ins, script in ctx.shell_runs():
            for inv in invocations(script):
                if inv.tool != "gem":
                    continue
                sub = subcommand(inv, _GEM_VALUE_OPTS)
                if sub is None or sub.text not in _INSTALLS:
                    continue
                if any(_DOC_CHOICE.match(w.text) for w in inv.words[1:]):
                    continue
                if set_in_stage(ctx, ins, inv, script, r"gemrc|GEMRC"):
                    continue
                if ins.stage >= 0 and _OLD_RUBY.search(doc.stages[ins.stage].base):
                    continue
                at = ctx.pos(ins, sub.end)
                yield self.fix(ctx, f"add --no-document to `gem {sub.text}`", ins.index,
                               [self.insert(at, b" --no-document")], line=doc.line_of(at))
