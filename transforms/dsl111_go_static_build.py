"""DSL111 go-static-build."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.registry import register


@register
class GoStaticBuild(Transform):
    """## What it does
    In a multi-stage file whose final stage copies a Go binary out of a
    builder stage onto `scratch`, distroless static or a Debian base, makes
    the builder's `go build`/`go install` static and small:
    `CGO_ENABLED=0 go build -trimpath -ldflags="-s -w"`. Nothing changes when
    the builder says it needs cgo (`CGO_ENABLED=1`, a `-dev` package, a C
    tool chain); on `scratch` or distroless static that is shown as a note,
    since such a binary needs a libc those bases do not have.

    ## Why is this bad?
    With a C compiler in the builder (the `golang` images have one), `go
    build` links programs that use `net` or `os/user` against glibc: on
    `scratch` or distroless static they fail to start ("no such file or
    directory"), and on a Debian base they tie the image to glibc for no
    reason. Debug information and build paths add megabytes.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    COPY . /src
    RUN cd /src && go build -o /out/app .

    FROM gcr.io/distroless/static-debian12
    COPY --from=build /out/app /app
    CMD ["/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    COPY . /src
    RUN cd /src && CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .

    FROM gcr.io/distroless/static-debian12
    COPY --from=build /out/app /app
    CMD ["/app"]
    ```

    ## Fix safety
    Unsafe. Without cgo, Go uses its own DNS resolver and user lookup (they
    read /etc/resolv.conf, /etc/nsswitch.conf and /etc/passwd themselves,
    which can differ from glibc with unusual nsswitch setups); `-s -w`
    removes the symbol table and DWARF data (debuggers and some profilers
    need them; panics still print stack traces) and `-trimpath` changes the
    file paths in them. Code with `import "C"` no longer builds: the build
    fails loudly.
    """

    code = "DSL111"
    name = "go-static-build"
    safety = Safety.UNSAFE
    uses_image_table = True

    def check(self, ctx):
        from dslim_rewrite import images, stages

        doc = ctx.doc
        if len(doc.stages) < 2:
            return
        final = doc.stages[-1]
        table = images.table(ctx.options.settings)
        img = table.identify(final.base)
        static_base = final.base == "scratch" or (img is not None and img.family.name == "distroless"
                                                  and img.fields.get("kind") == "static")
        debian_base = img is not None and img.family.name in ("debian", "ubuntu")
        if not (static_base or debian_base):
            return
        sources = {}
        for idx in final.instructions:
            ins = doc.instructions[idx]
            frm = ins.flag("from") if ins.keyword == "COPY" else []
            if not frm:
                continue
            ref = (frm[0].value or "").lower()
            st = next((s for s in doc.stages[: final.index] if (s.name and s.name.lower() == ref)
                       or str(s.index) == ref), None)
            if st is not None:
                sources.setdefault(st.index, (st, []))[1].extend(v for v in ins.value[:-1])
        for st, srcs in sources.values():
            try:
                sf = stages.read_stage(ctx, st, table)
            except stages.CannotTell:
                continue  # not readable: another transform explains
            copied = [r for r in sf.runs.values()
                      if r.go_builds and any(k == "binary" and any(stages.under(p, stages.norm(s)) for s in srcs
                                                                  if s.startswith("/"))
                                             for k, p in r.outputs)]
            if not copied:
                continue
            from_ins = doc.instructions[st.from_index]
            why = stages.stage_needs_cgo(sf)
            if why:
                if static_base:
                    yield self.note(ctx, f"the Go build needs cgo ({why}), but {final.base} has no libc",
                                    from_ins.index)
                continue
            edits = stages.go_static_edits(ctx, copied, sf.cgo_env)
            if edits:
                added = " ".join(dict.fromkeys(e.text.decode().strip() for e in edits))
                yield self.fix(ctx, f"static Go build for {final.base}: {added}", [r.ins.index for r in copied],
                               edits)
