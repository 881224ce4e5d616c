"""DSL110 multi-stage-split."""

from __future__ import annotations

from dslim_rewrite.fixes import Edit, Safety, Transform
from dslim_rewrite.registry import register


@register
class MultiStageSplit(Transform):
    """## What it does
    Splits a final stage that builds a program into a builder stage (the
    original base, named `build`, with every build step) and a runtime stage
    on a small base that copies only what the program needs:

    - Go: `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w"` when nothing
      needs cgo, on distroless static (with cgo: distroless cc or Debian slim);
    - Rust and C/C++ (`cargo build --release`, `make`, `cmake`, `gcc -o`): the
      binary, on distroless cc or Debian slim with the runtime libraries of the
      `-dev` packages the build installed;
    - Java (`javac`/`jar`, `mvn package`, `gradle build`): the jar the image
      runs, on the matching JRE image;
    - Node (`npm ci`/`npm install`, `npm run build`): the app folder after
      `npm prune --omit=dev`, on the slim Node image;
    - Python (`pip install`, `setup.py`): pip installs as before; the builder
      then stages the interpreter's site-packages and the files pip wrote
      since the first install (console scripts, data files), and the runtime
      stage, on the slim Python image, puts them in place of its own
      site-packages, then copies the app folder. No virtualenv, no PATH change.

    The runtime stage keeps, in order, every ENV, ARG that is used, WORKDIR,
    USER, SHELL and VOLUME of the builder part, the runtime apt packages, the
    RUNs that only set the image up (users, folders), and moves LABEL, EXPOSE,
    HEALTHCHECK, STOPSIGNAL, CMD and ENTRYPOINT after it (bytes copied
    verbatim). Everything after the last build step stays where it is and
    becomes part of the runtime stage untouched. A named final stage keeps its
    name (for `--target`); the builder gets a new one.

    The runtime stage comes from a jinja2 template per ecosystem
    (`transforms/templates/`); set `templates` in `[tool.dslim-rewrite]` to a
    folder (`<ecosystem>.j2`) or a table (`{ dir = "...", go = "go.j2" }`)
    to use your own (company base images, labels). They render sandboxed, and
    receive the Dockerfile's text only as data.

    ## Why is this bad?
    A single-stage build ships the compiler, headers, package caches, build
    outputs and sources with the program: often hundreds of megabytes that
    the program never uses, and tools an attacker could use.

    ## Example
    ```dockerfile
    FROM golang:1.22
    WORKDIR /src
    COPY . .
    RUN go build -o /usr/local/bin/app .
    CMD ["app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    WORKDIR /src
    COPY . .
    RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /usr/local/bin/app .

    FROM gcr.io/distroless/static-debian12
    WORKDIR /src
    COPY --from=build /usr/local/bin/app /usr/local/bin/app
    CMD ["app"]
    ```

    ## Fix safety
    Unsafe. The analysis only splits when it can name what the program runs
    and where every build output goes (otherwise it explains, with `--diff`,
    why not), but it cannot see inside the build context: a program that reads
    files from its source tree, loads a library built next to it, shells out
    to a tool only the full image has, needs a development dependency at run
    time, or (Python) a C extension linked against a library that only the
    full image ships, breaks at run time. Without `-s -w` and with cgo the Go
    binary would differ too. The image's Env differs where the base images'
    own Env differ. For Python, a file pip installs with an old modification
    time (`setup.py install` keeps the source's) is only copied when it is in
    site-packages.
    """

    code = "DSL110"
    name = "multi-stage-split"
    safety = Safety.UNSAFE
    uses_image_table = True

    def check(self, ctx):
        from dslim_rewrite import images, stages

        doc = ctx.doc
        if not doc.stages:
            return
        stage = doc.stages[-1]
        from_ins = doc.instructions[stage.from_index]
        try:
            table = images.table(ctx.options.settings)
            plan = stages.plan_split(ctx, stage, table)
            if plan is None:
                return
            edits = _edits(ctx, plan) if ctx.applies(self.safety) else None
        except stages.CannotTell as e:
            yield self.note(ctx, f"no multi-stage split: {e.reason}", e.ins if e.ins is not None else from_ins.index)
            return
        except images.ImageError as e:
            yield self.note(ctx, f"no multi-stage split: config: {e}", from_ins.index)
            return
        what = {"go": "Go binary", "rust": "Rust binary", "c": "binary", "java": "jar", "node": "Node app",
                "python": "Python app"}[plan.ecosystem]
        msg = f"split into a builder stage and a runtime stage on {plan.runtime_image} with the {what}"
        est = table.size_estimate(plan.data["base"], stages._literal(plan.runtime_image, stage.base,
                                                                     plan.data["base"]))
        if est:
            msg += f" ({est})"
        for n in plan.notes:
            msg += f"; {n}"
        fix = self.fix(ctx, msg, [from_ins.index] + list(stage.instructions[1:]), edits or [])
        # Not applied in this run: the templates are not rendered (a user
        # template that renders badly is reported by a run that applies it).
        fix.pending = edits is None
        yield fix


def _edits(ctx, plan) -> list[Edit]:
    """Render the plan's stages and place them in the file."""
    from dslim_rewrite import document, stages

    doc = ctx.doc
    runtime = stages.render(ctx, plan, "runtime").encode("utf-8")
    setup = stages.render(ctx, plan, "builder-setup").encode("utf-8") if plan.setup_at is not None else b""
    finish = stages.render(ctx, plan, "builder-finish").encode("utf-8")
    _check_rendered(document, runtime)
    nl = ctx.nl
    at = plan.insert_at
    before = doc.data[:at]
    lead = nl if before and not before.endswith(b"\n") else b""
    head = before + lead + finish
    blank = b"" if head.endswith((b"\n\n", b"\n\r\n")) else nl
    text = lead + finish + blank + runtime
    edits = list(plan.edits) + [Edit(at, at, text)]
    if plan.setup_at is not None:
        edits.append(Edit(plan.setup_at, plan.setup_at, setup))
    return edits

def _check_rendered(document, text: bytes) -> None:
    """A template must produce whole instructions, starting with FROM."""
    from dslim_rewrite.stages import CannotTell

    try:
        d = document.parse(text)
    except document.DocumentError as e:
        raise CannotTell(f"the template's output does not parse: {e}") from None
    if not d.instructions or d.instructions[0].keyword != "FROM":
        raise CannotTell("the template's output does not start with FROM")
    if not text.endswith(b"\n"):
        raise CannotTell("the template's output does not end with a newline")
