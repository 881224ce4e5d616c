"""DSL120 distroless-runtime."""

from __future__ import annotations

import json

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.registry import register

_ALLOWED = {"FROM", "COPY", "ENV", "ARG", "WORKDIR", "USER", "EXPOSE", "LABEL", "VOLUME", "STOPSIGNAL", "CMD",
            "ENTRYPOINT", "HEALTHCHECK", "MAINTAINER"}


@register
class DistrolessRuntime(Transform):
    """## What it does
    Moves a final stage that only copies a program out of a builder stage
    onto a distroless base: `gcr.io/distroless/static-debian12` for a static
    Go binary (`CGO_ENABLED=0`), `gcr.io/distroless/cc-debian12` for a binary
    linked against glibc (and libstdc++/libssl) built with `gcc -o` or Go with
    cgo. A shell-form `CMD` is written in exec form when that is exact (one
    command of literal words).

    It applies only when the stage has no `RUN`, no `SHELL`, no health check
    (distroless has no shell and no tools), an exec-form `CMD`/`ENTRYPOINT`
    that starts the copied binary, a `USER` distroless knows (root, nonroot,
    nobody or a number), and the builder's Debian release matches.

    ## Why is this bad?
    A Debian base brings a shell, a package manager and a few hundred
    packages the binary never uses: more bytes to pull and more software to
    patch.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    WORKDIR /src
    COPY . .
    RUN CGO_ENABLED=0 go build -o /out/app .

    FROM debian:bookworm-slim
    COPY --from=build /out/app /app
    CMD /app --port 8080
    ```

    ## Use instead
    ```dockerfile
    FROM gcr.io/distroless/static-debian12
    COPY --from=build /out/app /app
    CMD ["/app", "--port", "8080"]
    ```

    ## Fix safety
    Unsafe: nothing can be added to the image later with `RUN`, `docker
    exec` has no shell, and a binary that execs other programs, reads files
    of the Debian image, or needs a shared library that distroless lacks
    (other than those named above) fails at run time. The base image's Env
    differs (distroless sets `SSL_CERT_FILE`).
    """

    code = "DSL120"
    name = "distroless-runtime"
    safety = Safety.UNSAFE
    uses_image_table = True

    def check(self, ctx):
        from dslim_rewrite import images, stages

        doc = ctx.doc
        if len(doc.stages) < 2:
            return
        stage = doc.stages[-1]
        from_ins = doc.instructions[stage.from_index]
        table = images.table(ctx.options.settings)
        img = table.identify(stage.base)
        if img is None or img.family.name not in ("debian", "ubuntu", "buildpack-deps"):
            return  # only Debian-family runtime bases are candidates
        try:
            new_image, edits = self._plan(ctx, stage, img, table)
        except stages.CannotTell as e:
            yield self.note(ctx, f"no distroless runtime: {e.reason}", e.ins if e.ins is not None else from_ins.index)
            return
        edit = stages.base_image_edit(ctx, from_ins, new_image)
        if edit is None:
            return
        msg = f"{stage.base} -> {new_image}: the stage only runs a copied binary"
        est = table.size_estimate(stage.base, new_image)
        if est:
            msg += f" ({est})"
        yield self.fix(ctx, msg, [from_ins.index] + stage.instructions[1:], [edit] + edits)

    def _plan(self, ctx, stage, img, table):
        from dslim_rewrite import stages
        from dslim_rewrite.stages import CannotTell

        doc = ctx.doc
        from_ins = doc.instructions[stage.from_index]
        if len(from_ins.flags) > 1 or any(f.name != "platform" for f in from_ins.flags):
            raise CannotTell("FROM has flags other than --platform", from_ins.index)
        for f in from_ins.flags:
            v = f.value or ""
            if "$" not in v and v not in table.distroless.get("platforms", []):
                raise CannotTell(f"--platform={v} is not one distroless publishes", from_ins.index)
        workdir_at = {}
        wd = "/"
        entry = cmd = None
        edits = []
        for idx in stage.instructions[1:]:
            ins = doc.instructions[idx]
            workdir_at[idx] = wd
            kw = ins.keyword
            if kw not in _ALLOWED:
                raise CannotTell(f"line {ins.start_line}: {kw} needs a shell or tools", idx)
            if kw == "WORKDIR":
                wd = stages.resolve(wd, ins.args_text)
            elif kw == "ENTRYPOINT":
                if not ins.json:
                    raise CannotTell(f"line {ins.start_line}: shell-form ENTRYPOINT needs a shell", idx)
                entry, cmd = ins, None
            elif kw == "CMD":
                cmd = ins
            elif kw == "HEALTHCHECK" and not (ins.value and ins.value[0].upper() == "NONE"):
                raise CannotTell(f"line {ins.start_line}: the health check needs tools", idx)
            elif kw == "USER":
                u = ins.args_text.split(":", 1)[0]
                if u not in table.distroless.get("users", []):
                    raise CannotTell(f"line {ins.start_line}: USER {ins.args_text} is not a distroless user", idx)
            elif kw == "COPY" and not ins.flag("from") and ins.heredocs:
                pass
        if entry is None and cmd is None:
            raise CannotTell("no CMD or ENTRYPOINT: the base image's would be used", from_ins.index)
        if entry is None and table.entrypoint(stage.base) not in ([], None):
            raise CannotTell(f"{stage.base} has an ENTRYPOINT that distroless has not", from_ins.index)
        argv = None
        if entry is not None:
            argv = list(entry.value)
        if cmd is not None:
            if cmd.json:
                cargs = list(cmd.value)
            else:
                cargs = stages.exec_form(cmd.value[0] if cmd.value else "")
                if cargs is None:
                    raise CannotTell(f"line {cmd.start_line}: the shell-form CMD cannot be written in exec form "
                                     "exactly (variables, operators or quoting)", cmd.index)
                s = cmd.file_offset(cmd.args_offset)
                e = cmd.file_offset(cmd.args_offset + len(cmd.args), end=True)
                edits.append(stages.Edit(s, e, json.dumps(cargs).encode()))
            argv = (argv or []) + cargs
        if not argv:
            raise CannotTell("empty CMD", from_ins.index)
        prog = argv[0]
        path = stages.resolve(wd, prog) if "/" in prog else None
        if path is None:
            for d in (table.distroless.get("path") or "").split(":"):
                cand = stages.norm(f"{d}/{prog}")
                if stages.artifact_origin(ctx, stage, cand, workdir_at):
                    path = cand
                    break
        if path is None:
            raise CannotTell(f"cannot tell where `{prog}` comes from", from_ins.index)
        origin = stages.artifact_origin(ctx, stage, path, workdir_at)
        if origin is None:
            raise CannotTell(f"{path} is not copied from a builder stage", from_ins.index)
        bstage, src = origin
        bimg = table.identify(stages.chain_root(doc, bstage).base)
        if bimg is None:
            raise CannotTell(f"the builder stage's base {bstage.base} is not in the table", from_ins.index)
        role = self._role(ctx, bstage, src, table, bimg.distro)
        if role == "cc" and bimg.distro and img.distro and bimg.distro != img.distro:
            raise CannotTell(f"built on {bimg.distro}, runs on {img.distro}", from_ins.index)
        new = table.role(img if role == "cc" else bimg, role)
        if new is None:
            raise CannotTell(f"no distroless image known for {img.distro or stage.base}", from_ins.index)
        return new, edits

    def _role(self, ctx, bstage, src, table, distro) -> str:
        from dslim_rewrite import stages
        from dslim_rewrite.stages import CannotTell

        sf = stages.read_stage(ctx, bstage, table)
        cgo = sf.cgo_env
        eco = None
        for r in sf.runs.values():
            if ("binary", src) in r.outputs:
                eco = "go" if r.go_builds else "c"
                if r.cgo is not None:
                    cgo = r.cgo
            for pk in r.packages:
                name = pk.split("=", 1)[0]
                if not table.is_build_only(name):
                    continue
                need = table.runtime_packages_of(name, distro)
                if need is None or not set(need) <= set(table.distroless.get("cc", [])):
                    raise CannotTell(f"the build uses {name}: its runtime library is not in distroless",
                                     bstage.from_index)
        if eco is None:
            raise CannotTell(f"{src} is not named as the output of a build in stage {bstage.name or bstage.index}",
                             bstage.from_index)
        return "static" if eco == "go" and cgo is False else "cc"
