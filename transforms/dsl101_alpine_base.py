"""DSL101 alpine-base."""

from __future__ import annotations

from dslim_rewrite.fixes import Edit, Safety, Transform
from dslim_rewrite.registry import register

_ECOSYSTEM_TOOLS = {
    "python": {"python", "python3", "pip", "pip3"},
    "node": {"node", "npm", "npx", "yarn", "corepack"},
    "go": {"go", "gofmt"},
    "java": {"java", "keytool"},
    "ruby": {"ruby", "gem", "irb"},
    "php": {"php"},
    "rust": {"cargo", "rustc"},
}
# installs that fetch prebuilt, usually glibc-only, binaries or build native code
_GLIBC = {"pip", "pip3", "pipenv", "poetry", "uv", "npm", "npx", "yarn", "pnpm", "gem", "bundle", "composer",
          "dpkg", "gosu", "locale-gen"}
_DOWNLOADS = {"curl", "wget"}  # in a RUN: may fetch a prebuilt (glibc) binary
_SHADOW = {"useradd", "groupadd", "usermod", "userdel", "groupdel"}
_APT_NOISE = {"update", "clean", "autoclean"}


@register
class AlpineBase(Transform):
    """## What it does
    Swaps the final stage's base for its Alpine variant (`python:3.11` ->
    `python:3.11-alpine`, `node:20` -> `node:20-alpine`, `debian:bookworm`
    -> `alpine:3.20`, ...) and rewrites its `apt-get install` commands to
    `apk add --no-cache` through a package map (`build-essential` ->
    `build-base`, `libpq-dev` -> `libpq-dev`, `libssl-dev` -> `openssl-dev`,
    `curl`, `ca-certificates`, `git`, `bash`, ...); `apt-get update`,
    `apt-get clean` and `rm -rf /var/lib/apt/lists/*` go.

    Opt-in: runs only when named by `--select DSL101` (or `alpine-base`).
    Nothing changes when a package has no mapping, a command is not in
    Alpine's base image or an installed package, something likely
    glibc-only is used (`pip`/`npm`/`gem` installs, downloaded binaries,
    `dpkg`, `useradd`), a file is copied from another stage or into a bin
    folder, `SHELL` is set, or the `--platform` is not one Alpine publishes.

    ## Why is this bad?
    Alpine images are several times smaller than the Debian ones.

    ## Example
    ```dockerfile
    FROM python:3.11
    RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    COPY app.py /
    CMD ["python", "/app.py"]
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.11-alpine
    RUN apk add --no-cache curl
    COPY app.py /
    CMD ["python", "/app.py"]
    ```

    ## Fix safety
    Unsafe, and opt-in: Alpine uses musl instead of glibc and BusyBox
    instead of GNU tools. DNS resolution, locales, thread stack sizes,
    performance and the options BusyBox tools accept differ; a program can
    behave differently even when everything it uses exists.
    """

    code = "DSL101"
    name = "alpine-base"
    safety = Safety.UNSAFE
    uses_image_table = True
    opt_in = True

    def check(self, ctx):
        from dslim_rewrite import images, stages

        doc = ctx.doc
        if not doc.stages:
            return
        stage = doc.stages[-1]
        from_ins = doc.instructions[stage.from_index]
        table = images.table(ctx.options.settings)
        base = stages._evaluate_base(ctx, stage)
        img = table.identify(base) if base else None
        if img is None or img.variant == "alpine" or img.fields.get("distro") == "alpine":
            return
        target = table.variant(img, "alpine")
        if target is None:
            return
        if "$" in stage.base:
            target = stages._parameterise(stage.base, base, target)
            if target is None:
                yield self.note(ctx, f"no alpine base: cannot keep the ARG in {stage.base}", from_ins.index)
                return
        try:
            edits = self._edits(ctx, stage, img, table)
        except stages.CannotTell as e:
            yield self.note(ctx, f"no alpine base ({target}): {e.reason}", e.ins if e.ins is not None else
                            from_ins.index)
            return
        edit = stages.base_image_edit(ctx, from_ins, target)
        if edit is None:
            return
        msg = f"{base} -> {stages._literal(target, stage.base, base)} with apk packages"
        est = table.size_estimate(base, stages._literal(target, stage.base, base))
        if est:
            msg += f" ({est})"
        yield self.fix(ctx, msg, list(stage.instructions), [edit] + edits)

    def _edits(self, ctx, stage, img, table):
        from dslim_rewrite.shell import parse_shell
        from dslim_rewrite.shellcmd import apt_subcommand, positionals
        from dslim_rewrite.stages import CannotTell

        doc = ctx.doc
        from_ins = doc.instructions[stage.from_index]
        for f in from_ins.flags:
            v = f.value or ""
            if f.name != "platform" or ("$" not in v and v not in table.alpine.get("platforms", [])):
                raise CannotTell(f"--{f.name}={v}: not a platform Alpine publishes", from_ins.index)
        known = set(table.alpine.get("commands", [])) | _ECOSYSTEM_TOOLS.get(img.ecosystem, set())
        edits: list[Edit] = []
        for idx in stage.instructions[1:]:
            ins = doc.instructions[idx]
            kw = ins.keyword if ins.sub is None else ins.sub.keyword
            where = f"line {ins.start_line}"
            if kw == "SHELL":
                raise CannotTell(f"{where}: SHELL names a shell Alpine may not have", idx)
            if kw in ("COPY", "ADD"):
                if ins.flag("from"):
                    raise CannotTell(f"{where}: files from another stage may be glibc binaries", idx)
                dest = ins.value[-1] if ins.value else ""
                if "/bin" in dest or "/sbin" in dest or "://" in " ".join(ins.value):
                    raise CannotTell(f"{where}: copies into a bin folder (or downloads): may be a glibc binary",
                                     idx)
                continue
            if kw in ("CMD", "ENTRYPOINT", "HEALTHCHECK"):
                vals = list(ins.value[1:] if kw == "HEALTHCHECK" else ins.value)
                if not vals or (kw == "HEALTHCHECK" and ins.value[0].upper() == "NONE"):
                    continue
                if ins.json:
                    progs = [vals[0]]
                else:
                    sc = parse_shell(vals[0].encode())
                    if sc.has_error:
                        raise CannotTell(f"{where}: cannot read the command", idx)
                    progs = [c.words[0].raw for c in sc.commands if c.words]
                for p in progs:
                    self._known(p, known, where, idx)
                continue
            if kw != "RUN":
                continue
            script = ctx.script(ins)
            if script is None or script.has_error or not ctx.posix_shell[idx]:
                raise CannotTell(f"{where}: this RUN cannot be analysed", idx)
            # commands apk will provide
            for cmd in script.commands:
                if cmd.name in ("apt-get", "apt"):
                    sub = apt_subcommand(cmd)
                    if sub is not None and sub.text == "install":
                        pk = [w.text for w in positionals(cmd, sub, {"-o", "-t"})]
                        known |= table.provided_commands(pk)
            edits += self._rewrite_run(ctx, ins, script, table, known)
        return edits

    def _known(self, prog, known, where, idx, in_run=False):
        from dslim_rewrite.stages import CannotTell

        base = prog.rsplit("/", 1)[-1]
        if "/" in prog:
            raise CannotTell(f"{where}: runs {prog}, which may be a glibc binary or need bash", idx)
        if base in _GLIBC or (in_run and base in _DOWNLOADS):
            raise CannotTell(f"{where}: `{base}` may install or run glibc-only software", idx)
        if base in _SHADOW:
            raise CannotTell(f"{where}: Alpine has BusyBox adduser/addgroup, not `{base}`", idx)
        if base not in known:
            raise CannotTell(f"{where}: `{base}` is not in Alpine's base image or an installed package", idx)

    def _rewrite_run(self, ctx, ins, script, table, known):
        from dslim_rewrite.shellcmd import apt_subcommand, positionals
        from dslim_rewrite.stages import CannotTell

        where = f"line {ins.start_line}"
        idx = ins.index
        apt_items = []
        for cmd in script.commands:
            name = cmd.name
            if name in ("apt-get", "apt"):
                if not cmd.top_level or cmd.in_subshell or script.has_control_flow:
                    raise CannotTell(f"{where}: apt-get inside a compound command", idx)
                sub = apt_subcommand(cmd)
                action = sub.text if sub else ""
                if action in _APT_NOISE:
                    apt_items.append((cmd, None))
                    continue
                if action != "install":
                    raise CannotTell(f"{where}: `apt-get {action}` has no apk rewrite here", idx)
                opts = [w.text for w in cmd.words[1:] if w.text.startswith("-")]
                if any(o not in ("-y", "--yes", "-q", "-qq", "--no-install-recommends", "--no-install-suggests",
                                 "--assume-yes", "-qy", "-yq") for o in opts):
                    raise CannotTell(f"{where}: apt-get options {' '.join(opts)} have no apk equivalent", idx)
                mapped = []
                for w in positionals(cmd, sub):
                    if w.text not in table.apk:
                        raise CannotTell(f"{where}: no Alpine package known for `{w.text}`", idx)
                    mapped += table.apk[w.text]
                apt_items.append((cmd, "apk add --no-cache " + " ".join(dict.fromkeys(mapped))))
                continue
            if name == "rm" and any("/var/lib/apt/lists" in a for a in cmd.args):
                if any("/var/lib/apt/lists" not in a and not a.startswith("-") for a in cmd.args):
                    raise CannotTell(f"{where}: rm removes more than apt's lists", idx)
                apt_items.append((cmd, None))
                continue
            if name:
                self._known(cmd.words[0].raw if cmd.words else name, known, where, idx, in_run=True)
        if not apt_items:
            return []
        if not script.is_and_chain:
            raise CannotTell(f"{where}: apt-get in a RUN that is not a plain && chain", idx)
        tops = [c for c in script.commands if c.top_level and not c.in_subshell]
        drop = {id(c) for c, t in apt_items if t is None}
        if all(id(c) in drop for c in tops):
            start = ins.line_start
            com = ctx.doc.comment_lines_before(ins)
            if com:
                from dslim_rewrite.pragmas import PRAGMA

                if any(PRAGMA.match(ctx.doc.data[ln.start:ln.end]) for ln in com):
                    raise CannotTell(f"{where}: a pragma is attached to this RUN", idx)
                start = com[0].start
            return [Edit(start, ins.next, b"")]
        edits = []
        for k, c in enumerate(tops):
            item = next((t for cc, t in apt_items if cc is c), "keep")
            if item == "keep":
                continue
            if item is not None:
                s, e = ctx.span(ins, c.start, c.end)
                edits.append(Edit(s, e, item.encode()))
                continue
            if k + 1 < len(tops):
                s, e = ctx.span(ins, c.start, tops[k + 1].start)
            else:
                s, e = ctx.span(ins, tops[k - 1].end, c.end)
            if b"#" in ctx.doc.data[s:e]:
                raise CannotTell(f"{where}: a comment sits inside the commands to remove", idx)
            edits.append(Edit(s, e, b""))
        return edits
