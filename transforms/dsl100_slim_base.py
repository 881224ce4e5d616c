"""DSL100 slim-base."""

from __future__ import annotations

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.registry import register

# commands that build or install from a language registry: what they need
# (compilers, headers, libraries) cannot be told from the Dockerfile
_BUILDERS = {"pip", "pip3", "pipenv", "poetry", "uv", "npm", "npx", "yarn", "pnpm", "gem", "bundle", "composer",
             "cargo", "go", "make", "cmake", "gcc", "g++", "cc", "c++", "clang", "configure", "mvn", "gradle",
             "javac", "node-gyp", "pecl", "docker-php-ext-install"}
_SHELLS = {"sh", "bash", "dash", "ash", "zsh", "eval", "source", ".", "xargs", "env", "exec", "nohup", "su", "sudo",
           "runuser", "gosu", "chroot", "timeout", "nice", "ionice", "stdbuf", "command"}


@register
class SlimBase(Transform):
    """## What it does
    Swaps the base image of the final image for its slim variant
    (`python:3.11` -> `python:3.11-slim`, `node:20` -> `node:20-slim`,
    `debian:bookworm` -> `debian:bookworm-slim`, `eclipse-temurin:17-jdk` ->
    `eclipse-temurin:17-jre`, ...) when the stage's RUNs, CMD, ENTRYPOINT and
    HEALTHCHECK use nothing only the full variant has: no compiler, header,
    version-control or download tool (unless the stage installs it with apt
    first), and no build from a language registry (`pip install`, `npm ci`,
    `make`...: those are for the multi-stage split, DSL110). Registry
    prefixes, `--platform`, `AS` names and ARG-parameterised tags are kept;
    a base pinned by digest is swapped only when the config maps that digest.

    ## Why is this bad?
    The full variants carry a compiler tool chain, headers and tools (about
    800 MB for python and node) that a stage which builds nothing never uses.

    ## Example
    ```dockerfile
    FROM python:3.11
    COPY app.py /app/
    CMD ["python", "/app/app.py"]
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.11-slim
    COPY app.py /app/
    CMD ["python", "/app/app.py"]
    ```

    ## Fix safety
    Unsafe. The analysis sees the commands the Dockerfile runs, not what the
    program does at run time: a program that shells out to `git` or `curl`,
    loads a shared library only the full image has (libpq, libxml2,
    ImageMagick...), or reads documentation, man pages or locale
    translations (dropped from the slim images) behaves differently. Scripts
    the Dockerfile runs (`./setup.sh`) cannot be read: then nothing changes.
    """

    code = "DSL100"
    name = "slim-base"
    safety = Safety.UNSAFE
    uses_image_table = True

    def check(self, ctx):
        from dslim_rewrite import images, stages

        doc = ctx.doc
        if not doc.stages:
            return
        table = images.table(ctx.options.settings)
        root = stages.chain_root(doc, doc.stages[-1])
        from_ins = doc.instructions[root.from_index]
        base = stages._evaluate_base(ctx, root)
        img = table.identify(base) if base else None
        if img is None:
            if base and "@sha256:" in base and table.family_of(base) is not None:
                yield self.note(ctx, f"no slim base: {base} is pinned by digest (map the digest in "
                                "[tool.dslim-rewrite.base-images])", from_ins.index)
            return
        if "slim" not in img.family.variants and "slim" not in img.family.aliases and "slim" not in img.override:
            return
        if "slim" not in img.override and not table.is_variant(img, "full"):
            return  # already slim (or alpine, or another variant): nothing to do
        slim = table.variant(img, "slim")
        if slim is None or slim == base:
            return
        if "$" in root.base:
            slim = stages._parameterise(root.base, base, slim)
            if slim is None:
                yield self.note(ctx, f"no slim base: cannot keep the ARG in {root.base}", from_ins.index)
                return
        why = self._why_not(ctx, doc, root, img, table)
        if why:
            idx, reason = why
            yield self.note(ctx, f"no slim base ({slim}): {reason}", idx)
            return
        edit = stages.base_image_edit(ctx, from_ins, slim)
        if edit is None:
            return
        msg = f"{base} -> {stages._literal(slim, root.base, base)}: the stage uses nothing only the full image has"
        est = table.size_estimate(base, stages._literal(slim, root.base, base))
        if est:
            msg += f" ({est})"
        yield self.fix(ctx, msg, [from_ins.index], [edit])

    def _why_not(self, ctx, doc, root, img, table):
        """(instruction, reason) when the slim variant may not do, else None."""
        from dslim_rewrite.shell import parse_shell

        full_only = set(img.family.full_only)
        installed: set[str] = set()
        for st in _descendants(doc, root):
            for idx in st.instructions:
                ins = doc.instructions[idx]
                kw = ins.keyword if ins.sub is None else ins.sub.keyword
                bodies = []
                if kw == "RUN":
                    script = ctx.script(ins)
                    if script is None:
                        return idx, f"line {ins.start_line}: this RUN cannot be analysed (exec form or heredoc)"
                    if not ctx.posix_shell[idx]:
                        return idx, f"line {ins.start_line}: RUN does not use a POSIX shell"
                    bodies.append(script)
                elif kw in ("CMD", "ENTRYPOINT") and ins.value:
                    if ins.json:
                        prog = ins.value[0]
                        why = self._program(prog, full_only, installed)
                        if why:
                            return idx, f"line {ins.start_line}: {why}"
                        continue
                    bodies.append(parse_shell(ins.value[0].encode()))
                elif kw == "HEALTHCHECK" and len(ins.value) > 1:
                    if ins.json:
                        why = self._program(ins.value[1], full_only, installed)
                        if why:
                            return idx, f"line {ins.start_line}: {why}"
                        continue
                    bodies.append(parse_shell(ins.value[1].encode()))
                elif kw == "SHELL" and ins.value:
                    why = self._program(ins.value[0], full_only, installed)
                    if why:
                        return idx, f"line {ins.start_line}: {why}"
                for script in bodies:
                    if script.has_error:
                        return idx, f"line {ins.start_line}: the shell analysis cannot read this command"
                    for cmd in script.commands:
                        name = cmd.name
                        if not name:
                            continue
                        if name in ("apt-get", "apt"):
                            from dslim_rewrite.shellcmd import apt_subcommand, positionals

                            sub = apt_subcommand(cmd)
                            if sub is not None and sub.text == "install":
                                pk = [w.text.split("=", 1)[0] for w in positionals(cmd, sub, {"-o", "-t"})]
                                installed |= table.provided_commands(pk)
                            continue
                        if name in _BUILDERS or (name.startswith(("pip", "python")) and
                                                 any(a in ("pip", "setup.py") for a in cmd.args[:2])):
                            return idx, (f"line {ins.start_line}: `{name}` builds or installs packages that may "
                                         "need the full image's compilers and libraries (the multi-stage split, "
                                         "DSL110, keeps them in a builder stage)")
                        why = self._program(cmd.words[0].raw if cmd.words else name, full_only, installed)
                        if why:
                            return idx, f"line {ins.start_line}: {why}"
        return None

    @staticmethod
    def _program(prog: str, full_only: set[str], installed: set[str]) -> str | None:
        base = prog.rsplit("/", 1)[-1]
        if "/" in prog and not prog.startswith(("/usr/", "/bin/", "/sbin/")):
            return f"runs {prog}, a file whose needs cannot be read"
        if base in _SHELLS:
            return f"`{base}` runs a command the analysis cannot see"
        if base in full_only and base not in installed:
            return f"uses `{base}`, which only the full image has"
        return None


def _descendants(doc, root):
    from dslim_rewrite.stages import descendants

    return descendants(doc, root)
