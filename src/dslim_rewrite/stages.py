"""Stage analysis: what a stage builds, what it runs, and what a runtime stage needs.

The multi-stage split (DSL110) and distroless-runtime (DSL120) ask one question
of a stage: if the image kept only what the program needs at run time, what
would that be?  The answer is a ``SplitPlan`` (builder edits + the text of a
runtime stage), or ``CannotTell`` with the reason, which the transform shows
as a note.  Nothing here guesses: a command whose effect on the file system is
not understood, a path with a variable in it, a program that is not one the
build produced — any of these stops the analysis.

Runtime stages are rendered from jinja2 templates (one per ecosystem, in
``transforms/templates``; a project may bring its own, see ``render``).
Dockerfile text reaches a template only as data.
"""

from __future__ import annotations

import json
import posixpath
import re
import shlex
from functools import lru_cache
from pathlib import Path

from .document import Instruction, Stage
from .fixes import Edit
from .images import Image, Table
from .records import field, record
from .shellcmd import apt_subcommand, positionals

# Where writes do not matter: temporary files and caches.
SCRATCH_DIRS = ("/tmp", "/var/tmp", "/dev", "/proc", "/var/lib/apt/lists", "/var/cache", "/var/log", "/root/.cache",
                "/root/.npm", "/root/.m2", "/root/.gradle", "/root/.cargo/registry", "/usr/local/cargo/registry",
                "/go/pkg", "/root/go/pkg", "/root/.config/go")
# Directories of the base image: copying one from the builder would copy the
# builder's own files.
SYSTEM_DIRS = {"/", "/usr", "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/local/share", "/usr/bin",
               "/usr/lib", "/usr/share", "/usr/src", "/bin", "/sbin", "/lib", "/lib64", "/etc", "/var", "/var/lib",
               "/opt", "/root", "/home", "/tmp", "/srv", "/run", "/go", "/go/bin", "/go/src", "/usr/local/go"}

READ_ONLY = {"set", "true", "false", ":", "echo", "printf", "test", "[", "[[", "ls", "cat", "pwd", "env", "id",
             "whoami", "uname", "which", "command", "type", "sleep", "head", "tail", "grep", "egrep", "fgrep", "wc",
             "sort", "uniq", "du", "df", "stat", "file", "ldd", "date", "hostname", "nproc", "export", "unset",
             "exit", "readlink", "realpath", "basename", "dirname", "diff", "cmp", "sha256sum", "md5sum", "tr",
             "cut", "awk", "getent", "locale", "dpkg-query", "java"}
SETUP = {"useradd", "groupadd", "adduser", "addgroup", "usermod", "mkdir", "chown", "chmod", "chgrp", "touch",
         "ln", "rm", "rmdir"}
PACKAGE_CMDS = {"apt-get", "apt"}

ECOSYSTEM_OF = {
    "go": "go", "gofmt": "go",
    "cargo": "rust", "rustc": "rust", "rustup": "rust",
    "make": "c", "gmake": "c", "cmake": "c", "ninja": "c", "meson": "c", "gcc": "c", "g++": "c", "cc": "c",
    "c++": "c", "clang": "c", "clang++": "c", "configure": "c", "autoreconf": "c", "strip": "c",
    "javac": "java", "jar": "java", "mvn": "java", "mvnw": "java", "gradle": "java", "gradlew": "java",
    "npm": "node", "npx": "node", "yarn": "node", "pnpm": "node", "node": "node", "corepack": "node",
    "pip": "python", "pip3": "python", "python": "python", "python3": "python", "poetry": "python",
    "pipenv": "python", "uv": "python",
}
_PY_NAME = re.compile(r"^(python|pip)(\d+(\.\d+)?)?$")
COMPILED = {"go", "rust", "c", "java"}
# what a runtime image of an ecosystem family brings (besides a shell and coreutils)
RUNTIME_TOOLS = {
    "python": {"python", "python3", "pip", "pip3"},
    "node": {"node", "npm", "npx", "yarn", "corepack"},
    "java": {"java", "keytool", "jwebserver"},
}
# Where pip writes console scripts on the official Python images and on
# Debian's python3 (sysconfig's "scripts"), and where the former keep python.
PYTHON_SCRIPTS = "/usr/local/bin"
TEMPLATE_OF = {"go": "go", "rust": "binary", "c": "binary", "java": "java", "node": "node", "python": "python"}


class CannotTell(Exception):
    """The analysis cannot tell; ``str(e)`` says why, ``ins`` where."""

    def __init__(self, reason: str, ins: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.ins = ins


# ---------------------------------------------------------------------------
# small helpers


def norm(path: str) -> str:
    p = posixpath.normpath(path)
    return "/" + p.lstrip("/") if p.startswith("/") else p


def resolve(cwd: str | None, path: str) -> str | None:
    """Absolute path of ``path`` from ``cwd`` (None: cannot tell)."""
    if not path or "$" in path or "`" in path or path.startswith("~"):
        return None
    if path.startswith("/"):
        return norm(path)
    if cwd is None:
        return None
    return norm(posixpath.join(cwd, path))


def under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def under_any(path: str, roots) -> bool:
    return any(under(path, r) for r in roots)


def has_glob(s: str) -> bool:
    return any(c in s for c in "*?[")


_ENV_REF = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")


def expand(value: str, env: dict[str, str | None]) -> str | None:
    """Docker's ${VAR}/$VAR expansion with known values; None if one is unknown."""
    if "${" in value and re.search(r"\$\{[^}]*[:][-+?]", value):
        return None
    out = value
    for m in reversed(list(_ENV_REF.finditer(value))):
        name = m.group(1) or m.group(2)
        v = env.get(name)
        if v is None:
            return None
        out = out[: m.start()] + v + out[m.end():]
    return out


def refs(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _ENV_REF.finditer(text)}


def raw(ctx, ins: Instruction) -> str:
    return ctx.doc.data[ins.start: ins.end].decode("utf-8")


# ---------------------------------------------------------------------------
# what a stage does


@record
class Artifact:
    src: str  # absolute path in the builder
    dest: str  # absolute path in the runtime stage
    kind: str = "file"  # file, dir, binary, jar

    @property
    def args(self) -> str:
        """COPY arguments (JSON form when a path needs it)."""
        if any(c in self.src + self.dest for c in " \t\"'\\"):
            return json.dumps([self.src, self.dest])
        return f"{self.src} {self.dest}"


@record
class RunFacts:
    ins: Instruction
    ecosystems: set[str] = field(default_factory=set)
    build: bool = False
    packages: list[str] = field(default_factory=list)  # apt install arguments
    purged: set[str] = field(default_factory=set)
    no_recommends: bool = False
    upgrade: bool = False
    frontend: bool = False  # DEBIAN_FRONTEND=noninteractive given to apt
    outside: list[str] = field(default_factory=list)  # writes outside scratch/source dirs
    inside: list[str] = field(default_factory=list)  # writes into source/app dirs
    setup_only: bool = True  # only setup / package / read-only commands
    users: set[str] = field(default_factory=set)  # users created
    system_user_no_uid: bool = False
    cwds: set[str] = field(default_factory=set)  # where build commands ran
    outputs: list[tuple[str, str]] = field(default_factory=list)  # (kind, absolute path) the build made
    out_dirs: list[tuple[str, str]] = field(default_factory=list)  # (ecosystem, dir) holding unnamed outputs
    go_builds: list = field(default_factory=list)  # go build/install commands (for flags)
    pip: list = field(default_factory=list)  # pip-ish commands
    cgo: bool | None = None  # CGO_ENABLED given on the command
    npm: bool = False
    installs: list[str] = field(default_factory=list)  # "make install" and the like (stop)
    attr_targets: list[str] = field(default_factory=list)  # paths given to chown/chmod/chgrp
    commands: list[str] = field(default_factory=list)


@record
class Walk:
    """Stage state while reading it top to bottom."""

    workdir: str | None
    env: dict
    args: dict


@record
class StageFacts:
    stage: Stage
    image: Image | None
    base_text: str
    runs: dict[int, RunFacts] = field(default_factory=dict)
    workdirs: dict[int, str | None] = field(default_factory=dict)  # workdir before each instruction
    env_at: dict[int, dict] = field(default_factory=dict)
    copies: list[tuple[Instruction, list[str] | None, bool]] = field(default_factory=list)  # (ins, dests, context?)
    source_dirs: set[str] = field(default_factory=set)
    entry: list[str] | None = None  # effective argv of ENTRYPOINT + CMD (exec form)
    entry_shell: bool = False
    entry_ins: Instruction | None = None
    healthcheck: Instruction | None = None
    users: list[tuple[Instruction, str]] = field(default_factory=list)
    cgo_env: bool | None = None
    final_workdir: str | None = None
    final_env: dict = field(default_factory=dict)
    env_keys: set[str] = field(default_factory=set)  # every ENV key the stage sets


def _apt_install_packages(cmd, sub) -> tuple[list[str], bool]:
    pk = []
    value_opts = {"-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"}
    for w in positionals(cmd, sub, value_opts):
        pk.append(w.text)
    nr = any(w.text == "--no-install-recommends" for w in cmd.words[1:])
    return pk, nr


def _redirects(src: bytes) -> list[tuple[int, str]]:
    """(byte offset, target) of every output redirection to a file in a body."""
    from .shell import _parser

    out: list[tuple[int, str]] = []
    tree = _parser().parse(src)

    def walk(n):
        if n.type == "file_redirect":
            ops = [c.type for c in n.children if not c.is_named]
            named = [c for c in n.children if c.is_named and c.type != "file_descriptor"]
            if any(o in (">", ">>", ">|", "&>", "&>>") for o in ops) and named:
                t = src[named[-1].start_byte: named[-1].end_byte].decode("utf-8", "replace")
                if named[-1].type in ("string", "raw_string"):
                    t = t[1:-1] if "$" not in t else t
                out.append((n.start_byte, t))
        for c in n.children:
            walk(c)

    walk(tree.root_node)
    return out


def _write_targets(cmd, cwd) -> list[str | None] | None:
    """Paths a file command writes (None entries: cannot tell); None: not a
    command we know how to read."""
    name = cmd.name
    args = [w.text for w in cmd.words[1:]]
    plain = [a for a in args if not a.startswith("-")]
    r = lambda p: resolve(cwd, p)  # noqa: E731
    if name in ("mkdir", "touch", "rm", "rmdir"):
        return [r(p) for p in plain]
    if name in ("chmod", "chown", "chgrp"):
        return [r(p) for p in plain[1:]]
    if name == "ln":
        return [r(plain[-1])] if plain else []
    if name in ("cp", "mv", "install"):
        if "-t" in args or any(a.startswith("--target-directory") for a in args):
            return [None]
        return [r(plain[-1])] if len(plain) >= 2 else [None]
    return None


def _useradd(cmd) -> tuple[str | None, bool]:
    """(user created, system user without a fixed uid)."""
    args = [w.text for w in cmd.words[1:]]
    value_opts = {"-u", "--uid", "-g", "--gid", "-G", "--groups", "-d", "--home", "--home-dir", "-s", "--shell",
                  "-c", "--comment", "-k", "--skel", "-K", "-e", "-f", "--ingroup", "-h", "-H"}
    plain, i = [], 0
    while i < len(args):
        a = args[i]
        if a in value_opts:
            i += 2
            continue
        if a.startswith("-"):
            i += 1
            continue
        plain.append(a)
        i += 1
    system = any(a in ("-r", "--system", "-S") for a in args)
    uid = any(a in ("-u", "--uid") or a.startswith("--uid=") for a in args)
    if cmd.name in ("groupadd", "addgroup") and not (cmd.name == "addgroup" and len(plain) >= 2):
        return None, system and not any(a in ("-g", "--gid") for a in args)
    return (plain[0] if plain else None), system and not uid


def analyse_run(ctx, ins: Instruction, cwd0: str | None, env: dict, source_dirs: set[str]) -> RunFacts:
    """What one RUN does. Raises CannotTell."""
    facts = RunFacts(ins)
    target = ins.sub or ins
    if target.keyword != "RUN":
        raise CannotTell("ONBUILD RUN", ins.index)
    if target.heredocs:
        raise CannotTell(f"line {ins.start_line}: a RUN with a heredoc is not analysed", ins.index)
    if target.json:
        raise CannotTell(f"line {ins.start_line}: an exec-form RUN is not analysed", ins.index)
    if not ctx.posix_shell[ins.index]:
        raise CannotTell(f"line {ins.start_line}: RUN does not use a POSIX shell", ins.index)
    script = ctx.script(ins)
    if script is None or script.has_error:
        raise CannotTell(f"line {ins.start_line}: the shell analysis cannot read this RUN", ins.index)
    cwd = cwd0
    cwd_at: list[tuple[int, str | None]] = []
    for cmd in script.commands:
        cwd_at.append((cmd.start, cwd))
        name = cmd.name
        facts.commands.append(name)
        assigns = dict(a.split("=", 1) for a in cmd.assignments if "=" in a)
        args = cmd.args
        where = f"line {ctx.doc.line_of(ctx.pos(ins, cmd.start))}"
        if not name:
            continue
        if name == "cd":
            if cmd.in_subshell or script.has_control_flow:
                cwd = None
            else:
                cwd = resolve(cwd, args[0]) if args else None
            continue
        eco = ECOSYSTEM_OF.get(name)
        if eco is None and _PY_NAME.match(name):
            eco = "python"
        if name in PACKAGE_CMDS:
            sub = apt_subcommand(cmd)
            action = sub.text if sub else ""
            if action == "install":
                pk, nr = _apt_install_packages(cmd, sub)
                facts.packages += pk
                facts.no_recommends = facts.no_recommends or nr
                facts.frontend = facts.frontend or assigns.get("DEBIAN_FRONTEND") == "noninteractive"
            elif action in ("purge", "remove"):
                facts.purged |= {w.text for w in positionals(cmd, sub)}
            elif action in ("upgrade", "dist-upgrade", "full-upgrade"):
                facts.upgrade = True
            elif action in ("update", "clean", "autoclean", "autoremove", ""):
                pass
            else:
                raise CannotTell(f"{where}: cannot tell what `{name} {action}` leaves for the runtime", ins.index)
            continue
        if name in ("apk", "yum", "dnf", "microdnf", "zypper", "dpkg", "add-apt-repository", "rpm"):
            raise CannotTell(f"{where}: `{name}` is not an apt-get install the runtime stage can repeat", ins.index)
        if eco is not None and not (eco == "java" and name == "java"):
            facts.build = True
            facts.setup_only = False
            facts.ecosystems.add(eco)
            if cwd is not None:
                facts.cwds.add(cwd)
            _build_command(ctx, ins, cmd, eco, cwd, env, assigns, facts, where)
            continue
        if name in SETUP:
            if name in ("useradd", "adduser", "groupadd", "addgroup"):
                user, sys_no_uid = _useradd(cmd)
                if user:
                    facts.users.add(user)
                facts.system_user_no_uid |= sys_no_uid
                continue
            if name == "usermod":
                continue
            for t in _write_targets(cmd, cwd) or [None]:
                if t is None:
                    raise CannotTell(f"{where}: cannot tell which path `{name}` changes", ins.index)
                _classify_write(t, facts, source_dirs)
                if name in ("chown", "chmod", "chgrp"):
                    facts.attr_targets.append(t)
            continue
        if name in READ_ONLY:
            continue
        if name == "find" and not any(a in ("-delete", "-exec", "-execdir", "-ok", "-okdir") or
                                      a.startswith("-fprint") for a in args):
            continue
        if name in ("cp", "mv", "install", "tar", "unzip", "curl", "wget", "sed", "tee", "git", "find", "gzip",
                    "gunzip", "patch", "ldconfig"):
            targets = _write_targets(cmd, cwd) if name in ("cp", "mv", "install") else None
            if targets is None:
                raise CannotTell(f"{where}: cannot tell what `{name}` leaves for the runtime", ins.index)
            for t in targets:
                if t is None or not (under_any(t, SCRATCH_DIRS) or under_any(t, source_dirs)):
                    raise CannotTell(f"{where}: `{name}` writes outside the build's own folders", ins.index)
                facts.inside.append(t)
            facts.setup_only = False
            continue
        raise CannotTell(f"{where}: cannot tell what `{name}` leaves for the runtime", ins.index)
    # output redirections
    for at, t in _redirects(script.source):
        if t in ("/dev/null", "/dev/stdout", "/dev/stderr") or t.startswith("&"):
            continue
        here = cwd0
        for s, c in cwd_at:
            if s <= at:
                here = c
        p = resolve(here, t)
        if p is None:
            raise CannotTell(f"line {ins.start_line}: cannot tell where `> {t}` writes", ins.index)
        _classify_write(p, facts, source_dirs)
    return facts


def _classify_write(p: str, facts: RunFacts, source_dirs) -> None:
    if under_any(p, SCRATCH_DIRS):
        return
    if under_any(p, source_dirs):
        facts.inside.append(p)
    else:
        facts.outside.append(p)


def _opt_value(args: list[str], names: tuple[str, ...]) -> tuple[bool, str | None]:
    """(present, value) of an option given as ``-o X``, ``-o=X`` or ``--opt X``."""
    for i, a in enumerate(args):
        for n in names:
            if a == n:
                return True, (args[i + 1] if i + 1 < len(args) else None)
            if a.startswith(n + "=") and n.startswith("-"):
                return True, a[len(n) + 1:]
    return False, None


def _build_command(ctx, ins, cmd, eco, cwd, env, assigns, facts: RunFacts, where: str) -> None:
    name, args = cmd.name, cmd.args
    if eco == "go":
        sub = args[0] if args else ""
        if sub in ("build", "install"):
            facts.go_builds.append(cmd)
            if "CGO_ENABLED" in assigns:
                facts.cgo = assigns["CGO_ENABLED"] != "0"
            if any(a.startswith(("-linkmode", "-ldflags=-linkmode")) and "external" in a for a in args):
                facts.cgo = True
        if sub == "build":
            has_o, out = _opt_value(args, ("-o",))
            if has_o:
                p = resolve(cwd, out or "")
                if p is None or out.endswith("/"):
                    raise CannotTell(f"{where}: cannot tell where `go build -o {out}` writes", ins.index)
                facts.outputs.append(("binary", p))
            elif cwd is not None:
                facts.out_dirs.append(("go", cwd))
        elif sub == "install":
            pkgs = [a for a in args[1:] if not a.startswith("-")]
            gobin = env.get("GOBIN") or posixpath.join(env.get("GOPATH") or "/root/go", "bin")
            for pkg in pkgs:
                base = pkg.split("@", 1)[0].rstrip("/")
                if "..." in base or base in (".", "") or "$" in base:
                    raise CannotTell(f"{where}: cannot tell what `go install {pkg}` is called", ins.index)
                facts.outputs.append(("binary", norm(posixpath.join(gobin, posixpath.basename(base)))))
        elif sub == "run":
            pass
        return
    if eco == "rust":
        if args[:1] == ["build"]:
            tdir = env.get("CARGO_TARGET_DIR") or (posixpath.join(cwd, "target") if cwd else None)
            if tdir is None:
                raise CannotTell(f"{where}: cannot tell where cargo builds", ins.index)
            prof = "release" if "--release" in args or "-r" in args else "debug"
            facts.out_dirs.append(("rust", norm(posixpath.join(tdir, prof))))
        elif args[:1] == ["install"]:
            home = env.get("CARGO_HOME") or "/root/.cargo"
            facts.out_dirs.append(("rust-bin", norm(posixpath.join(home, "bin"))))
        return
    if eco == "c":
        if name in ("make", "gmake"):
            targets = [a for a in args if not a.startswith("-") and "=" not in a]
            if any(t in ("install", "install-strip") or t.startswith("install") for t in targets):
                facts.installs.append(f"{where}: `make install`: cannot tell which files it installs")
            has_c, d = _opt_value(args, ("-C",))
            mdir = resolve(cwd, d) if has_c else cwd
            if mdir is None:
                raise CannotTell(f"{where}: cannot tell where make runs", ins.index)
            facts.out_dirs.append(("c", mdir))
        elif name == "cmake":
            if "--install" in args:
                facts.installs.append(f"{where}: `cmake --install`: cannot tell which files it installs")
            has_b, d = _opt_value(args, ("--build",))
            if has_b:
                bdir = resolve(cwd, d or "")
                if bdir is None:
                    raise CannotTell(f"{where}: cannot tell where cmake builds", ins.index)
                facts.out_dirs.append(("c", bdir))
            elif cwd:
                facts.out_dirs.append(("c", cwd))
        elif name in ("ninja",):
            if "install" in args:
                facts.installs.append(f"{where}: `ninja install`: cannot tell which files it installs")
            if cwd:
                facts.out_dirs.append(("c", cwd))
        elif name in ("gcc", "g++", "cc", "c++", "clang", "clang++"):
            has_o, out = _opt_value(args, ("-o",))
            if has_o and out:
                p = resolve(cwd, out)
                if p is None:
                    raise CannotTell(f"{where}: cannot tell where `{name} -o {out}` writes", ins.index)
                if "-c" not in args and not out.endswith((".o", ".so", ".a")):
                    facts.outputs.append(("binary", p))
        return
    if eco == "java":
        if name == "javac":
            has_d, d = _opt_value(args, ("-d",))
            if has_d:
                p = resolve(cwd, d or "")
                if p is None:
                    raise CannotTell(f"{where}: cannot tell where javac writes", ins.index)
                facts.outputs.append(("dir", p))
        elif name == "jar":
            out = None
            has_f, v = _opt_value(args, ("--file", "-f"))
            if has_f:
                out = v
            elif args and not args[0].startswith("-") and "f" in args[0]:
                # old style: jar cf app.jar ... / jar cvfm app.jar manifest ...
                letters = args[0]
                files = args[1:]
                if letters.index("f") < letters.find("m") or "m" not in letters:
                    out = files[0] if files else None
                else:
                    out = files[1] if len(files) > 1 else None
            if out:
                p = resolve(cwd, out)
                if p is None:
                    raise CannotTell(f"{where}: cannot tell where jar writes", ins.index)
                facts.outputs.append(("jar", p))
        elif name in ("mvn", "mvnw"):
            if cwd is None:
                raise CannotTell(f"{where}: cannot tell where maven runs", ins.index)
            facts.out_dirs.append(("java", posixpath.join(cwd, "target")))
        elif name in ("gradle", "gradlew"):
            if cwd is None:
                raise CannotTell(f"{where}: cannot tell where gradle runs", ins.index)
            facts.out_dirs.append(("java", posixpath.join(cwd, "build", "libs")))
            facts.out_dirs.append(("java", posixpath.join(cwd, "build", "install")))
        return
    if eco == "node":
        if name in ("npm", "pnpm", "yarn"):
            if any(a in ("-g", "--global", "--location=global") for a in args) or args[:1] == ["global"]:
                raise CannotTell(f"{where}: `{name}` installs globally: cannot tell what the runtime needs",
                                 ins.index)
            if name != "npm" and args[:1] in (["install"], ["add"], []):
                raise CannotTell(f"{where}: only npm dependencies are pruned for the runtime; `{name}` is not",
                                 ins.index)
            facts.npm = True
        elif name == "node":
            raise CannotTell(f"{where}: cannot tell what `node` writes", ins.index)
        return
    if eco == "python":
        argv = [name] + args
        if _PY_NAME.match(name) and name.startswith("python"):
            if args[:2] == ["-m", "pip"]:
                argv = ["pip"] + args[2:]
            elif args[:1] == ["setup.py"] or (args and args[0].endswith("/setup.py")):
                action = [a for a in args[1:] if not a.startswith("-")]
                if not action or not set(action) <= {"build", "build_ext", "install", "bdist_wheel", "develop",
                                                      "sdist", "egg_info", "build_py"}:
                    raise CannotTell(f"{where}: cannot tell what `{' '.join(argv[:3])}` writes", ins.index)
                if "install" in action and any(a.startswith(("--prefix", "--root", "--user", "--home",
                                                             "--install-")) for a in args):
                    raise CannotTell(f"{where}: `setup.py install` to a custom place", ins.index)
                facts.pip.append(cmd)
                return
            elif args[:2] == ["-m", "compileall"] or args[:1] in (["--version"], ["-V"]):
                return
            else:
                raise CannotTell(f"{where}: cannot tell what `{' '.join(argv[:3])}` writes", ins.index)
        if argv[0].startswith("pip"):
            sub = argv[1] if len(argv) > 1 else ""
            if sub in ("install", "uninstall"):
                bad = [a for a in argv[2:] if a in ("--user", "-t", "--target", "--prefix", "--root")
                       or a.startswith(("--target=", "--prefix=", "--root="))]
                if bad:
                    raise CannotTell(f"{where}: `pip install {bad[0]}` installs outside the interpreter's "
                                     "site-packages", ins.index)
                if cmd.words[0].text.startswith("/"):
                    raise CannotTell(f"{where}: pip is called by path: cannot tell which Python it installs for",
                                     ins.index)
                facts.pip.append(cmd)
            elif sub in ("wheel", "download", "--version", "-V", "list", "freeze", "check", "show", "config",
                         "cache", "debug"):
                pass
            else:
                raise CannotTell(f"{where}: cannot tell what `pip {sub}` does", ins.index)
            return
        raise CannotTell(f"{where}: `{name}` is not supported by the split (only pip and setup.py)", ins.index)


def read_stage(ctx, stage: Stage, table: Table) -> StageFacts:
    """Walk a stage top to bottom. Raises CannotTell."""
    doc = ctx.doc
    from_ins = doc.instructions[stage.from_index]
    base_text = _evaluate_base(ctx, stage)
    img = table.identify(base_text) if base_text else None
    fam = img.family if img else None
    env: dict[str, str | None] = {"PATH": fam.path if fam else None, "HOME": "/root"}
    if fam:
        env.update(fam.env)
    w = Walk(workdir=(fam.workdir if fam and fam.workdir else "/"), env=env, args={})
    sf = StageFacts(stage, img, base_text or "")
    entrypoint: tuple[list[str], bool] | None = None
    cmd: tuple[list[str], bool] | None = None
    for idx in stage.instructions:
        ins = doc.instructions[idx]
        if ins is from_ins:
            continue
        sf.workdirs[idx] = w.workdir
        sf.env_at[idx] = dict(w.env)
        kw = ins.keyword
        if kw == "ONBUILD":
            continue
        if kw == "ARG":
            for word in ins.value:
                k, eq, v = word.partition("=")
                w.args[k] = v if eq else None
                w.env.setdefault(k, v if eq else None)
                if eq:
                    w.env[k] = v
        elif kw == "ENV":
            vals = list(ins.value)
            for k, v in zip(vals[0::2], vals[1::2]):
                w.env[k] = expand(v, w.env)
                sf.env_keys.add(k)
                if k == "CGO_ENABLED":
                    sf.cgo_env = v != "0"
        elif kw == "WORKDIR":
            v = expand(ins.args_text, w.env)
            w.workdir = resolve(w.workdir, v) if v else None
            if w.workdir:
                sf.source_dirs.add(w.workdir)
        elif kw in ("COPY", "ADD"):
            sf.copies.append((ins, _copy_dests(ins, w), not ins.flag("from")))
            for d in _copy_dests(ins, w) or []:
                sf.source_dirs.add(d)
        elif kw == "RUN":
            sf.runs[idx] = analyse_run(ctx, ins, w.workdir, w.env, sf.source_dirs)
        elif kw == "USER":
            sf.users.append((ins, ins.args_text))
        elif kw == "ENTRYPOINT":
            entrypoint = (list(ins.value), not ins.json)
            cmd = None  # ENTRYPOINT resets an inherited CMD
            sf.entry_ins = ins
        elif kw == "CMD":
            cmd = (list(ins.value), not ins.json)
            sf.entry_ins = sf.entry_ins if entrypoint else ins
        elif kw == "HEALTHCHECK":
            sf.healthcheck = ins
    sf.final_workdir = w.workdir
    sf.final_env = w.env
    if entrypoint is not None:
        sf.entry = entrypoint[0] + (cmd[0] if cmd and not entrypoint[1] else [])
        sf.entry_shell = entrypoint[1]
    elif cmd is not None:
        sf.entry = cmd[0]
        sf.entry_shell = cmd[1]
    return sf


def _evaluate_base(ctx, stage: Stage) -> str | None:
    """The FROM image with global ARG defaults substituted (None: cannot)."""
    base = stage.base
    if "$" not in base:
        return base
    glob: dict[str, str | None] = {}
    for ins in ctx.doc.instructions:
        if ins.keyword == "FROM":
            break
        if ins.keyword == "ARG":
            for word in ins.value:
                k, eq, v = word.partition("=")
                glob[k] = v if eq else None
    return expand(base, glob)


def _copy_dests(ins: Instruction, w: Walk) -> list[str] | None:
    """Absolute paths a COPY/ADD writes (a folder when it copies into one)."""
    vals = list(ins.value)
    if len(vals) < 2 or ins.flag("parents"):
        return None
    srcs, dest = vals[:-1], vals[-1]
    d = expand(dest, w.env)
    if d is None:
        return None
    root = resolve(w.workdir, d)
    if root is None:
        return None
    if ins.heredocs:
        return [root if not d.endswith("/") else posixpath.join(root, ins.heredocs[0].name)]
    if len(srcs) == 1 and not d.endswith("/") and not has_glob(srcs[0]):
        return [root]
    out = []
    for s in srcs:
        if has_glob(s) or s in (".", "./") or s.endswith("/") or "://" in s or "$" in s:
            return [root]
        out.append(norm(posixpath.join(root, posixpath.basename(s.rstrip("/")))))
    return out


# ---------------------------------------------------------------------------
# the plan


@record
class SplitPlan:
    ecosystem: str
    stage: Stage
    image: Image
    builder: str  # builder stage name
    runtime_image: str
    runtime_kind: str  # distroless, slim, family
    name: str | None  # the runtime stage's name (the original final stage name)
    artifacts: list[Artifact]
    steps: list[dict]
    moved: list[Instruction]
    insert_at: int
    edits: list[Edit]
    notes: list[str]
    template: str
    data: dict
    setup_at: int | None = None  # where the builder setup text goes (python)


def stage_name_taken(doc, name: str) -> bool:
    return any(s.name and s.name.lower() == name.lower() for s in doc.stages)


def program_path(prog: str, workdir: str | None, path: str | None, candidates) -> str | None:
    """Where the entry program is: an absolute path, relative to WORKDIR, or
    looked up on PATH among ``candidates`` (known files)."""
    if "/" in prog:
        return resolve(workdir, prog)
    for d in (path or "").split(":"):
        if not d:
            continue
        p = norm(posixpath.join(d, prog))
        if any(p == c for c in candidates):
            return p
    return None


def _ecosystem_program(prog: str) -> str | None:
    base = prog.rsplit("/", 1)[-1]
    if _PY_NAME.match(base) and base.startswith("python"):
        return "python"
    if base in ("node", "nodejs", "npm", "npx", "yarn"):
        return "node"
    if base == "java":
        return "java"
    return None


def plan_split(ctx, stage: Stage, table: Table) -> SplitPlan | None:
    """Plan a builder/runtime split of ``stage`` (the final stage). Returns
    None when the stage builds nothing; raises CannotTell otherwise."""
    doc = ctx.doc
    from_ins = doc.instructions[stage.from_index]
    # a stage that builds nothing has nothing to split: say nothing. On an
    # image made for building (a language or compiler image), a RUN the
    # analysis cannot read is worth a note.
    fam = table.family_of(_evaluate_base(ctx, stage) or "")
    build_image = fam is not None and fam.ecosystem not in ("os", "distroless")
    builds_any = False
    for idx in stage.instructions:
        ins = doc.instructions[idx]
        if ins.keyword != "RUN":
            continue
        script = ctx.script(ins)
        if script is None:
            builds_any = builds_any or build_image
            continue
        for cmd in script.commands:
            n = cmd.name or ""
            if n in ECOSYSTEM_OF or _PY_NAME.match(n or "-"):
                # `python -c` builds nothing the split could copy (a runtime
                # stage of a Python split asks its interpreter with one)
                if n in ("node", "java") or (n.startswith("python") and cmd.args[:1] in ([], ["-c"])):
                    continue
                builds_any = True
            elif build_image and n and n not in READ_ONLY and n not in SETUP and n not in PACKAGE_CMDS \
                    and n != "cd":
                builds_any = True
    if not builds_any:
        return None
    if any(s.name and s.name.lower() == stage.base.lower() for s in doc.stages[: stage.index]):
        raise CannotTell(f"the final stage builds FROM stage {stage.base}: its base image is not known",
                         from_ins.index)
    base_text = _evaluate_base(ctx, stage)
    if base_text is None:
        raise CannotTell(f"cannot tell which image `{stage.base}` is", from_ins.index)
    img = table.identify(base_text)
    if img is None:
        why = "pinned by digest (map it in [tool.dslim-rewrite.base-images])" if "@sha256:" in base_text \
            else "not in the base-image table"
        raise CannotTell(f"{base_text} is {why}", from_ins.index)
    if img.ecosystem == "distroless" or img.fields.get("variant") == "alpine" or img.fields.get("distro") == "alpine":
        raise CannotTell(f"{base_text}: splitting builds on this base is not supported", from_ins.index)
    plat = [f for f in from_ins.flags if f.name == "platform"]
    if len(from_ins.flags) != len(plat):
        raise CannotTell("FROM has flags other than --platform", from_ins.index)

    sf = read_stage(ctx, stage, table)
    runs = sf.runs
    build_runs = [i for i, r in runs.items() if r.build]
    if not build_runs:
        return None
    last_build = max(build_runs)
    for i, r in runs.items():
        if r.installs:
            raise CannotTell(r.installs[0], i)
        if r.system_user_no_uid:
            raise CannotTell(f"line {r.ins.start_line}: a system user without a fixed uid may get another uid "
                             "in the runtime image", i)
    if sf.entry is None:
        raise CannotTell("no CMD or ENTRYPOINT: cannot tell what the image runs", from_ins.index)
    if not sf.entry:
        raise CannotTell("empty CMD: cannot tell what the image runs", sf.entry_ins.index if sf.entry_ins else
                         from_ins.index)

    stage_idx = [i for i in stage.instructions if i != from_ins.index]
    region = [i for i in stage_idx if i <= last_build]  # builder region
    trailing = [i for i in stage_idx if i > last_build]
    ecos = set().union(*(runs[i].ecosystems for i in build_runs))

    # the entry program
    if sf.entry_shell:
        from .shell import parse_shell

        sc = parse_shell(sf.entry[0].encode())
        if sc.has_error or len(sc.commands) != 1 or sc.commands[0].assignments or sc.top_operators:
            raise CannotTell("the shell-form CMD/ENTRYPOINT is not a single command: cannot tell what it runs",
                             sf.entry_ins.index)
        argv = sc.commands[0].argv
    else:
        argv = list(sf.entry)
    prog = argv[0]
    if prog.rsplit("/", 1)[-1] in ("sh", "bash", "dash", "ash", "env", "tini", "dumb-init", "gosu", "su-exec"):
        raise CannotTell(f"CMD/ENTRYPOINT runs `{prog}`: cannot tell what program it starts",
                         sf.entry_ins.index)
    eco = _ecosystem_program(prog)
    if eco is None:
        compiled = ecos & {"go", "rust", "c"}
        interpreted = ecos & {"python", "node"}
        if compiled:
            eco = "go" if "go" in compiled else ("rust" if "rust" in compiled else "c")
        elif interpreted == {"python"}:
            eco = "python"  # a console script from pip, or a script of the app
        elif interpreted == {"node"} and "/" in prog:
            eco = "node"  # a script of the app
        else:
            raise CannotTell(f"CMD/ENTRYPOINT runs `{prog}`, which no build step makes", sf.entry_ins.index)
    if eco not in ecos:
        raise CannotTell(f"the image runs `{prog}` but builds with {', '.join(sorted(ecos))}", sf.entry_ins.index)
    if eco == "java" and img.ecosystem not in ("java", "os"):
        raise CannotTell(f"{base_text} is not a JDK image", from_ins.index)

    planner = _Planner(ctx, stage, table, img, sf, region, trailing, eco, argv, base_text)
    return planner.plan()


class _Planner:
    def __init__(self, ctx, stage, table, img, sf, region, trailing, eco, argv, base_text):
        self.ctx, self.stage, self.table, self.img, self.sf = ctx, stage, table, img, sf
        self.doc = ctx.doc
        self.region, self.trailing, self.eco, self.argv = region, trailing, eco, argv
        self.base_text = base_text
        self.notes: list[str] = []
        self.from_ins = self.doc.instructions[stage.from_index]

    def fail(self, reason, ins=None):
        raise CannotTell(reason, ins if ins is not None else self.from_ins.index)

    # -- artifacts -------------------------------------------------------
    def outputs(self):
        outs, dirs = [], []
        for i in self.region:
            r = self.sf.runs.get(i)
            if r:
                outs += r.outputs
                dirs += r.out_dirs
        return outs, dirs

    def compiled_artifacts(self) -> tuple[list[Artifact], bool]:
        """(artifacts, certain): the binaries/jars the image runs."""
        sf, eco = self.sf, self.eco
        outs, dirs = self.outputs()
        wd = sf.final_workdir
        path = sf.final_env.get("PATH")
        arts: list[Artifact] = []
        certain = True
        if eco == "java":
            jars = self._java_paths()
            for p in jars:
                known = [o for k, o in outs if o == p or under(p, o)]
                in_dir = [d for e, d in dirs if e == "java" and under(p, d)]
                if not known and not in_dir:
                    self.fail(f"the image runs {p}, which no build step makes", sf.entry_ins.index)
                arts.append(Artifact(p, p, "jar"))
            return arts, True
        cands = [o for k, o in outs if k == "binary"]
        prog = self.argv[0]
        p = program_path(prog, wd, path, cands)
        if p is None and "/" not in prog:
            # a bare name: installed by cargo install, or on PATH in an out dir
            for e, d in dirs:
                cand = norm(posixpath.join(d, prog))
                if d in (path or "").split(":"):
                    p = cand
                    certain = False
        if p is None:
            self.fail(f"cannot tell where `{prog}` comes from", sf.entry_ins.index)
        if p in cands:
            pass
        elif any(under(p, d) for e, d in dirs if e in ("c", "rust", "rust-bin", "go")):
            certain = False
        else:
            self.fail(f"the image runs {p}, which no build step makes", sf.entry_ins.index)
        if eco == "go":
            for k, o in outs:
                if k == "binary":
                    arts.append(Artifact(o, o, "binary"))
            if p not in [a.src for a in arts]:
                arts.append(Artifact(p, p, "binary"))
        else:
            arts.append(Artifact(p, p, "binary"))
            for k, o in outs:
                if k == "binary" and o != p:
                    arts.append(Artifact(o, o, "binary"))
        return arts, certain

    def _java_paths(self) -> list[str]:
        argv = self.argv
        wd = self.sf.final_workdir
        out = []
        i = 1
        while i < len(argv):
            a = argv[i]
            if a == "-jar" and i + 1 < len(argv):
                p = resolve(wd, argv[i + 1])
                if p is None:
                    self.fail(f"cannot tell where {argv[i + 1]} is", self.sf.entry_ins.index)
                out.append(p)
                break
            if a in ("-cp", "-classpath", "--class-path") and i + 1 < len(argv):
                for e in argv[i + 1].split(":"):
                    p = resolve(wd, e.rstrip("*").rstrip("/") or ".")
                    if p is None:
                        self.fail(f"cannot tell where {e} is", self.sf.entry_ins.index)
                    out.append(p)
                i += 2
                continue
            if not a.startswith("-"):
                break
            i += 1
        if not out:
            self.fail("java runs neither -jar nor -cp: cannot tell what it loads", self.sf.entry_ins.index)
        return out

    def app_dirs(self) -> list[Artifact]:
        """Everything the builder region copied in (interpreted programs)."""
        paths: list[str] = []
        for ins, dests, _ctx in self.sf.copies:
            if ins.index not in self.region:
                continue
            if dests is None:
                self.fail(f"line {ins.start_line}: cannot tell where {ins.keyword} writes", ins.index)
            for d in dests:
                if d in SYSTEM_DIRS:
                    self.fail(f"line {ins.start_line}: {ins.keyword} writes into {d}: cannot tell which files "
                              "the program needs", ins.index)
                paths.append(d)
        # the folders where the build ran (npm ci in WORKDIR...) also hold its output
        for i in self.region:
            r = self.sf.runs.get(i)
            if r and r.build:
                for c in r.cwds:
                    if c not in SYSTEM_DIRS and not under_any(c, SCRATCH_DIRS):
                        paths.append(c)
        paths = sorted(set(paths), key=lambda p: (p.count("/"), p))
        out: list[str] = []
        for p in paths:
            if not any(under(p, q) for q in out):
                out.append(p)
        return [Artifact(p, p, "dir") for p in out]

    def runtime_files(self, source_roots) -> list[Artifact]:
        """Builder-region COPY/ADD targets outside the build folders (config
        files and the like): compiled programs may read them."""
        out = []
        for ins, dests, _c in self.sf.copies:
            if ins.index not in self.region or dests is None:
                continue
            for d in dests:
                if not under_any(d, source_roots) and d not in SYSTEM_DIRS:
                    out.append(Artifact(d, d, "file"))
        return out

    # -- the plan --------------------------------------------------------
    def plan(self) -> SplitPlan:
        ctx, doc, sf, table, img, eco = self.ctx, self.doc, self.sf, self.table, self.img, self.eco
        runs = sf.runs
        distro = img.distro
        # packages and setup steps of the builder region
        runtime_pkgs: list[str] = []
        purged: set[str] = set()
        apt = {"no_recommends": False, "upgrade": False, "frontend": False}
        setup_runs: list[int] = []
        used_runtime = self._runtime_commands()
        for i in self.region:
            r = runs.get(i)
            if r is None:
                continue
            purged |= r.purged
            if r.outside or (r.users and not r.build):
                if r.build or not r.setup_only:
                    self.fail(f"line {r.ins.start_line}: writes {r.outside[0] if r.outside else '/etc/passwd'}, "
                              "outside what the runtime stage copies", i)
                if any(table.is_build_only(p.split("=")[0]) for p in r.packages):
                    self.fail(f"line {r.ins.start_line}: sets up the image and installs build tools in one RUN", i)
                setup_runs.append(i)
                continue
            if r.users:
                self.fail(f"line {r.ins.start_line}: creates users and builds in one RUN", i)
            for p in r.packages:
                name = p.split("=", 1)[0]
                if table.is_build_only(name) and not (table.provided_commands([name]) & used_runtime):
                    need = table.runtime_packages_of(name, distro)
                    if need is None:
                        self.fail(f"line {r.ins.start_line}: cannot tell which runtime library {name} stands for "
                                  f"on {distro or 'this release'} (add it to the table)", i)
                    runtime_pkgs += need
                else:
                    runtime_pkgs.append(p)
            if r.packages:
                for k in apt:
                    apt[k] = apt[k] or getattr(r, k)
        seen: set[str] = set()
        runtime_pkgs = [p for p in runtime_pkgs if not (p in seen or seen.add(p)) and p.split("=")[0] not in purged]
        # tools only the full image has
        have = table.provided_commands([p.split("=")[0] for p in runtime_pkgs])
        for i in setup_runs:
            have |= table.provided_commands([p.split("=")[0] for p in runs[i].packages])
        missing = (used_runtime & set(img.family.full_only)) - have - RUNTIME_TOOLS.get(eco, set())
        if missing:
            self.fail(f"the runtime would need {', '.join(sorted(missing))}, which only {self.base_text} has")
        if eco == "python":
            self._python_checks()

        # artifacts
        if eco in COMPILED:
            arts, certain = self.compiled_artifacts()
            roots: set[str] = set()
            for i in self.region:
                r = runs.get(i)
                if r:
                    roots |= r.cwds
            for ins, dests, _c in sf.copies:
                if ins.index in self.region and dests:
                    for d in dests:  # the sources of the build
                        if any(under(c, d) or under(d, c) for c in roots):
                            roots.add(d)
            roots |= {w for i, w in sf.workdirs.items() if w and i in self.region}
            arts += [a for a in self.runtime_files(roots) if a.src not in [x.src for x in arts]]
        else:
            certain = True
            arts = self.app_dirs()
            self._check_interpreted_entry(arts)
        self._check_trailing(arts)
        self._check_dir_attrs(arts, setup_runs_of=self._setup_like())

        # runtime image
        role = None
        if eco in ("go", "rust", "c"):
            role = "static" if (eco == "go" and not self._cgo()) else "cc"
        provided = set(table.distroless.get(role, [])) if role else set()
        rest_pkgs = [p for p in runtime_pkgs if p not in provided]
        shell_needed, why = self._needs_shell(setup_runs, rest_pkgs, certain)
        runtime_image, kind = self._choose_runtime(role, shell_needed)
        if kind == "distroless":
            runtime_pkgs = []
        elif role and why:
            self.notes.append(f"runtime {runtime_image} rather than distroless: {why}")
        if runtime_pkgs and kind != "distroless":
            rt = table.identify(runtime_image.replace("${", "").replace("}", "")) if "$" in runtime_image \
                else table.identify(runtime_image)
            if rt is not None and rt.distro and distro and rt.distro != distro:
                self.fail(f"{runtime_image} is {rt.distro} and {self.base_text} is {distro}: the packages differ")
        # the ENTRYPOINT inherited from the base must stay the same
        has_entry = any(doc.instructions[i].keyword == "ENTRYPOINT" for i in self.stage.instructions)
        if not has_entry:
            a = table.entrypoint(self.base_text)
            b = table.entrypoint(_literal(runtime_image, self.sf.stage.base, self.base_text))
            if a is False or b is False or a != b:
                self.fail(f"{runtime_image} would not run the same ENTRYPOINT as {self.base_text}")
        self._check_users(runtime_image, setup_runs)
        arts = self._relocate(arts, _literal(runtime_image, self.sf.stage.base, self.base_text))

        # names: the runtime stage takes over the stage's own name (--target)
        vals = self.from_ins.value
        name = vals[2] if len(vals) >= 3 and vals[1].lower() == "as" else None
        builder = f"{name}-build" if name else "build"
        k, root = 1, builder
        while stage_name_taken(doc, builder):
            builder = f"{root}-{k}"
            k += 1

        # steps replayed in the runtime stage, in their order
        steps: list[dict] = []
        bw = img.family.workdir
        rt_img = table.identify(runtime_image)
        if bw and not (rt_img and rt_img.family.workdir == bw):
            first_wd = next((doc.instructions[i] for i in self.region if doc.instructions[i].keyword == "WORKDIR"),
                            None)
            if first_wd is None or not first_wd.args_text.startswith("/"):
                steps.append({"kind": "workdir", "path": bw})
        moved: list[Instruction] = []
        apt_done = False
        arg_needed = self._args_needed()
        from .pragmas import PRAGMA

        for i in self.region:
            ins = doc.instructions[i]
            kw = ins.keyword
            if kw in ("ENV", "WORKDIR", "USER", "SHELL", "VOLUME"):
                steps.append({"kind": "instruction", "text": raw(ctx, ins), "keyword": kw})
            elif kw == "ARG":
                names = {w.partition("=")[0] for w in ins.value}
                if names & arg_needed:
                    steps.append({"kind": "instruction", "text": raw(ctx, ins), "keyword": kw})
            elif kw in ("CMD", "ENTRYPOINT", "EXPOSE", "LABEL", "HEALTHCHECK", "STOPSIGNAL", "MAINTAINER", "ONBUILD"):
                attached = doc.comment_lines_before(ins) + ins.comments
                if any(PRAGMA.match(doc.data[ln.start:ln.end]) for ln in attached):
                    steps.append({"kind": "instruction", "text": raw(ctx, ins), "keyword": kw})
                else:
                    moved.append(ins)
            elif kw == "RUN":
                if i in setup_runs:
                    steps.append({"kind": "instruction", "text": raw(ctx, ins), "keyword": kw})
                elif runs[i].packages and not apt_done and runtime_pkgs:
                    steps.append({"kind": "apt", "packages": runtime_pkgs, **apt})
                    apt_done = True

        # edits of the builder
        edits: list[Edit] = []
        fa = self.from_ins
        args_end = fa.file_offset(fa.args_offset + len(fa.args), end=True)
        if name:
            mm = re.search(rb"(?i)(\s+AS\s+)(\S+)\s*$", doc.data[fa.start:args_end])
            at = fa.start + mm.start(2)
            edits.append(Edit(at, at + len(mm.group(2)), builder.encode()))
        else:
            edits.append(Edit(args_end, args_end, f" AS {builder}".encode()))
        edits += self._go_flags()
        for ins in moved:
            edits.append(Edit(_block_start(doc, ins), ins.next, b""))
        setup_at = None
        if eco == "python":
            setup_at = _block_start(doc, doc.instructions[self._first_pip_run()])
        insert_at = _block_start(doc, doc.instructions[self.trailing[0]]) if self.trailing else len(doc.data)

        prune = eco == "node" and any(runs[i].npm for i in runs if i in self.region)
        if prune:
            wd_end = sf.workdirs.get(self.trailing[0]) if self.trailing else sf.final_workdir
            cwds = set().union(*(runs[i].cwds for i in runs if i in self.region and runs[i].npm))
            if cwds != {wd_end}:
                self.fail("npm runs outside the final WORKDIR: cannot tell where to prune dev dependencies")
        # the flags as written in the file (f.text is BuildKit's unquoted reading)
        from_flags = " ".join(doc.data[f.start : f.end].decode("utf-8") for f in fa.flags)
        data = {
            "ecosystem": eco,
            "image": runtime_image,
            "from_flags": (from_flags + " ") if from_flags else "",
            "name": name,
            "builder": builder,
            "steps": steps,
            "artifacts": [{"src": x.src, "dest": x.dest, "kind": x.kind, "args": x.args} for x in arts],
            "moved": [doc.data[_block_start(doc, i):i.end].decode("utf-8") for i in moved],
            "python": self._python_name() if eco == "python" else None,
            "switch_to_root": eco == "python" and self._builder_user_not_root(),
            "prune": prune,
            "base": self.base_text,
            "kind": kind,
        }
        return SplitPlan(eco, self.stage, img, builder, runtime_image, kind, name, arts, steps, moved, insert_at,
                         edits, self.notes, TEMPLATE_OF[eco], data, setup_at)

    def _python_checks(self) -> None:
        sf = self.sf
        bad = sf.env_keys & {"PIP_TARGET", "PIP_PREFIX", "PIP_USER", "PIP_ROOT", "PYTHONUSERBASE", "VIRTUAL_ENV"}
        if bad:
            self.fail(f"ENV {sorted(bad)[0]} changes where pip installs")
        first = self._first_pip_run()
        for ins, u in sf.users:
            if ins.index < first and u.split(":", 1)[0] not in ("root", "0"):
                # pip falls back to the user's home when site-packages is not writable
                self.fail(f"USER {u} before pip: cannot tell where pip installs", ins.index)

    def _check_interpreted_entry(self, arts) -> None:
        prog = self.argv[0]
        if "/" not in prog:
            if self.eco == "node" and prog not in RUNTIME_TOOLS["node"]:
                self.fail(f"CMD/ENTRYPOINT runs `{prog}`: cannot tell where it comes from", self.sf.entry_ins.index)
            return
        p = resolve(self.sf.final_workdir, prog)
        roots = [a.dest for a in arts] + self._trailing_dests()
        if self.eco == "python" and p is not None and posixpath.dirname(p) == PYTHON_SCRIPTS:
            return  # the interpreter of the Python images, or a script pip wrote (copied over)
        if p is None or not under_any(p, roots):
            self.fail(f"CMD/ENTRYPOINT runs {prog}, which the runtime stage would not have", self.sf.entry_ins.index)

    def _trailing_dests(self) -> list[str]:
        out = []
        for ins, dests, _c in self.sf.copies:
            if ins.index in self.trailing and dests:
                out += dests
        return out

    def _setup_like(self) -> set[int]:
        return {i for i in self.region if (r := self.sf.runs.get(i)) and not r.build and r.setup_only
                and (r.outside or r.users)}

    def _check_dir_attrs(self, arts, setup_runs_of) -> None:
        """COPY --from copies a folder's contents with their owners and modes,
        but not the folder itself: its own owner and mode must come about in
        the runtime stage the same way (WORKDIR, or a RUN replayed there)."""
        doc = self.doc
        dirs = [a.dest for a in arts if a.kind == "dir"]
        for d in dirs:
            made_by_workdir = False
            for i in self.region:
                ins = doc.instructions[i]
                if ins.keyword == "WORKDIR" and resolve(self.sf.workdirs.get(i), expand(ins.args_text, self.sf.env_at
                                                                                       .get(i, {})) or "") == d:
                    made_by_workdir = True
                if ins.keyword in ("COPY", "ADD") and (ins.flag("chown") or ins.flag("chmod")) \
                        and not made_by_workdir:
                    dests = next((x for c, x, _ in self.sf.copies if c is ins), None) or []
                    if d in dests:
                        self.fail(f"line {ins.start_line}: {ins.keyword} --chown/--chmod creates {d}; its owner "
                                  "would not carry over to the runtime stage", i)
                r = self.sf.runs.get(i)
                if r and i not in setup_runs_of and any(under(d, t) for t in r.attr_targets):
                    self.fail(f"line {r.ins.start_line}: changes the owner or mode of {d}, which would not carry "
                              "over to the runtime stage", i)

    def _check_trailing(self, arts) -> None:
        """Trailing RUNs run in the runtime stage: what they change must be there."""
        roots = [a.dest for a in arts] + self._trailing_dests() + [w for w in self.sf.workdirs.values() if w]
        for i in self.trailing:
            r = self.sf.runs.get(i)
            if r is None:
                continue
            for p in r.inside:
                if not under_any(p, roots):
                    self.fail(f"line {r.ins.start_line}: changes {p}, which the runtime stage would not have", i)

    def _runtime_commands(self) -> set[str]:
        """Commands the image uses at run time: the entry program, the health
        check, and what trailing RUNs call."""
        out = {self.argv[0].rsplit("/", 1)[-1]}
        hc = self.sf.healthcheck
        if hc is not None and hc.value and hc.value[0].upper() != "NONE":
            vals = list(hc.value[1:])
            if hc.json and vals:
                out.add(vals[0].rsplit("/", 1)[-1])
            elif vals:
                from .shell import parse_shell

                out |= {c.name for c in parse_shell(vals[0].encode()).commands}
        for i in self.trailing:
            s = self.ctx.script(self.doc.instructions[i])
            if s is not None:
                out |= {c.name for c in s.commands}
        return out

    def _needs_shell(self, setup_runs, runtime_pkgs, certain) -> tuple[bool, str]:
        doc = self.doc
        if not certain:
            return True, "the program comes from a build tool whose output is not named in the Dockerfile"
        if self.sf.entry_shell:
            return True, "the CMD/ENTRYPOINT is in shell form"
        if setup_runs or runtime_pkgs:
            return True, "the runtime stage runs RUN steps"
        for i in self.trailing:
            if doc.instructions[i].keyword in ("RUN", "SHELL", "ONBUILD"):
                return True, "the runtime stage runs RUN steps"
        hc = self.sf.healthcheck
        if hc is not None and hc.value and hc.value[0].upper() != "NONE":
            return True, "the HEALTHCHECK needs tools"
        for ins, u in self.sf.users:
            if u.split(":", 1)[0] not in self.table.distroless.get("users", []):
                return True, f"USER {u} is not a distroless user"
        return False, ""

    def _choose_runtime(self, role, shell_needed) -> tuple[str, str]:
        t, img, eco = self.table, self.img, self.eco
        rt = None
        kind = "slim"
        if role:
            if not shell_needed:
                rt = t.role(img, role)
                if rt is None and img.ref.mirror:
                    self.notes.append(f"no distroless runtime: {img.ref.registry} is a mirror and distroless "
                                      "images live on another registry (map one in base-images.runtimes)")
                if rt is not None and rt != "scratch" and self._platform_unknown():
                    self.notes.append("no distroless runtime: the --platform is not one distroless publishes")
                    rt = None
                if rt is not None:
                    kind = "distroless"
            if rt is None:
                rt = t.runtime(img) if img.family.runtime_image or img.family.runtime == "full" else t.distro_slim(img)
        elif img.ecosystem == eco:
            rt = t.runtime(img)
            kind = "family"
        elif img.ecosystem == "os":
            rt = t.runtime(img)
        else:
            self.fail(f"a {eco} program built on {self.base_text}: no runtime image known")
        if rt is None:
            self.fail(f"no runtime image known for {self.base_text} (map one in [tool.dslim-rewrite.base-images])")
        if "$" in self.sf.stage.base:
            p = _parameterise(self.sf.stage.base, self.base_text, rt)
            if p is None:
                self.fail(f"FROM {self.sf.stage.base}: cannot keep the ARG in the runtime image {rt}")
            rt = p
        return rt, kind

    def _platform_unknown(self) -> bool:
        for f in self.from_ins.flags:
            if f.name == "platform":
                v = f.value or ""
                if "$" in v:
                    return False
                return v not in self.table.distroless.get("platforms", [])
        return False

    def _cgo(self) -> bool:
        sf = self.sf
        if sf.cgo_env is not None:
            return sf.cgo_env
        for i in self.region:
            r = sf.runs.get(i)
            if r is None:
                continue
            if r.cgo is not None:
                return r.cgo
            if any(p.split("=")[0].endswith("-dev") for p in r.packages):
                return True
            if r.ecosystems & {"c"}:
                return True
        return False


    def _go_flags(self) -> list[Edit]:
        """CGO_ENABLED=0 -trimpath -ldflags="-s -w" for a static Go build."""
        if self.eco != "go" or self._cgo():
            return []
        return go_static_edits(self.ctx, [self.sf.runs[i] for i in self.region if i in self.sf.runs],
                               self.sf.cgo_env)

    def _check_users(self, runtime_image, setup_runs) -> None:
        made = set()
        for i in setup_runs + [i for i in self.trailing if i in self.sf.runs]:
            made |= self.sf.runs[i].users
        known = self.table.users(runtime_image)
        for ins, u in self.sf.users:
            name = expand(u, self.sf.env_at.get(ins.index, {})) or ""
            name = name.split(":", 1)[0]
            if not name or "$" in u:
                self.fail(f"USER {u}: cannot tell which user that is", ins.index)
            if name.isdigit() or name in made or (known is not None and name in known):
                continue
            if ins.index in self.trailing:
                continue
            self.fail(f"USER {u}: {runtime_image} may not have that user", ins.index)

    def _relocate(self, arts, runtime_image) -> list[Artifact]:
        prog = self.argv[0]
        if "/" in prog or self.eco not in COMPILED or self.eco == "java":
            return arts
        rpath = self._runtime_path(runtime_image)
        out = []
        for a in arts:
            if a.kind == "binary" and posixpath.basename(a.src) == prog:
                d = posixpath.dirname(a.src)
                if d not in rpath:
                    if "/usr/local/bin" not in rpath:
                        self.fail(f"{prog} would not be on PATH in {runtime_image}")
                    a = Artifact(a.src, f"/usr/local/bin/{prog}", a.kind)
                    self.notes.append(f"{prog} moves from {d} to /usr/local/bin (on PATH in {runtime_image})")
            out.append(a)
        return out

    def _runtime_path(self, runtime_image) -> list[str]:
        base = self.table.image_path(runtime_image)
        if base is None:
            base = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        env = {"PATH": base}
        for i in self.stage.instructions:
            ins = self.doc.instructions[i]
            if ins.keyword == "ENV":
                vals = list(ins.value)
                for k, v in zip(vals[0::2], vals[1::2]):
                    if k == "PATH":
                        env["PATH"] = expand(v, env) or ""
        return env["PATH"].split(":")

    def _args_needed(self) -> set[str]:
        names = set()
        doc = self.doc
        for i in self.region + self.trailing:
            ins = doc.instructions[i]
            if ins.keyword in ("ENV", "WORKDIR", "USER", "LABEL", "EXPOSE", "VOLUME", "COPY", "ADD", "STOPSIGNAL",
                               "HEALTHCHECK", "RUN") and (i in self.trailing or ins.keyword in
                                                          ("ENV", "WORKDIR", "USER", "LABEL", "EXPOSE", "VOLUME",
                                                           "STOPSIGNAL", "HEALTHCHECK")):
                names |= refs(ins.text.decode("utf-8"))
        return names

    def _first_pip_run(self) -> int:
        for i in self.region:
            r = self.sf.runs.get(i)
            if r and r.pip:
                return i
        self.fail("no pip install or setup.py found: cannot tell what the runtime needs besides the app")

    def _builder_user_not_root(self) -> bool:
        """Whether the builder's last build step runs as another user than
        root (staging what pip installed must read and keep every owner)."""
        users = [u for ins, u in self.sf.users if ins.index in self.region]
        return bool(users) and users[-1].split(":", 1)[0] not in ("root", "0")

    def _python_name(self) -> str:
        for i in self.region:
            r = self.sf.runs.get(i)
            if r and r.pip:
                n = r.pip[0].name
                if n.startswith("python"):
                    return n
                m = _PY_NAME.match(n)
                if m and m.group(2):
                    return "python" + m.group(2)
                return "python3"
        return "python3"


def go_static_edits(ctx, runs: list[RunFacts], cgo_env: bool | None) -> list[Edit]:
    """Edits that make every ``go build``/``go install`` of ``runs`` static and
    small: ``CGO_ENABLED=0`` (unless the stage or the command sets it),
    ``-trimpath`` and ``-ldflags="-s -w"`` (unless given)."""
    edits = []
    for r in runs:
        ins = r.ins
        for cmd in r.go_builds:
            sub = cmd.words[1] if len(cmd.words) > 1 else None
            if sub is None:
                continue
            args = cmd.args
            if not any(a.startswith("CGO_ENABLED=") for a in cmd.assignments) and cgo_env is None:
                at = ctx.pos(ins, cmd.start)
                edits.append(Edit(at, at, b"CGO_ENABLED=0 "))
            add = ""
            if "-trimpath" not in args:
                add += " -trimpath"
            if not any(a.startswith(("-ldflags", "--ldflags")) for a in args):
                add += ' -ldflags="-s -w"'
            if add:
                at = ctx.pos(ins, sub.end)
                edits.append(Edit(at, at, add.encode()))
    return edits


def stage_needs_cgo(sf: StageFacts) -> str | None:
    """Why a stage's Go build needs cgo (None: nothing says it does)."""
    if sf.cgo_env:
        return "ENV CGO_ENABLED=1"
    for r in sf.runs.values():
        if r.cgo:
            return f"line {r.ins.start_line}: CGO_ENABLED=1"
        dev = [p for p in r.packages if p.split("=")[0].endswith("-dev")]
        if dev:
            return f"line {r.ins.start_line}: installs {dev[0]} (a C library for cgo)"
        if "c" in r.ecosystems:
            return f"line {r.ins.start_line}: runs a C tool chain"
    return None


def _literal(image: str, original: str, evaluated: str) -> str:
    """A parameterised runtime reference with the builder's ARG values filled in."""
    if "$" in image and image.startswith(original):
        return evaluated + image[len(original):]
    return image


def _block_start(doc, ins: Instruction) -> int:
    """Start of an instruction with the comment lines directly above it."""
    com = doc.comment_lines_before(ins)
    return com[0].start if com else ins.line_start


def _parameterise(original: str, evaluated: str, new: str) -> str | None:
    """Keep an ARG-parameterised FROM: ``python:${PY}`` evaluated as
    ``python:3.11`` and swapped to ``python:3.11-slim`` gives ``python:${PY}-slim``.
    A runtime image in another repository keeps its literal reference (the
    ARG chose the builder's tag only). None: the ARG cannot be kept."""
    from .images import ImageError, parse_ref

    if new.startswith(evaluated):
        return original + new[len(evaluated):]
    try:
        a, b = parse_ref(evaluated), parse_ref(new)
    except ImageError:
        return new if new == "scratch" else None
    if a.name == b.name:
        return None
    return new


# ---------------------------------------------------------------------------
# rendering


def render(ctx, plan: SplitPlan, part: str) -> str:
    """Render one part (``runtime`` or ``builder-setup``) of a plan's template.

    Templates come from the built-in ``transforms/templates`` folder unless
    the project names its own with ``templates`` in ``[tool.dslim-rewrite]``:
    a folder (``templates = "ci/dslim"``, files named ``<ecosystem>.j2``) or a
    table (``templates = { dir = "ci/dslim", go = "ci/go-runtime.j2" }``).
    Relative paths are relative to the config file. Every template renders in
    a sandboxed environment; Dockerfile text is passed to it as data only.
    """
    import jinja2

    cfg = ctx.options.settings.get("templates")
    cfg_path = getattr(ctx.options, "config_path", None)
    base_dir = Path(cfg_path).resolve().parent if cfg_path else Path.cwd()
    if isinstance(cfg, str):
        cfg = {"dir": cfg}
    if cfg is not None and not isinstance(cfg, dict):
        raise CannotTell("config: templates must be a folder or a table")
    for k, v in (cfg or {}).items():
        if not isinstance(v, str):
            raise CannotTell(f"config: templates.{k} must be a path")
    key = tuple(sorted((cfg or {}).items()))
    env = _template_env(ctx.doc.newline.decode(), key, str(base_dir))
    try:
        tmpl = env.get_template(f"{plan.template}.j2")
        text = tmpl.render(part=part, **plan.data)
    except jinja2.TemplateError as e:
        raise CannotTell(f"template {plan.template}.j2: {e}") from None
    # a value with its own line breaks (a copied multi-line instruction) keeps
    # them; everything the template wrote uses the file's newline
    return text


@lru_cache(maxsize=16)
def _template_env(nl: str, cfg: tuple[tuple[str, str], ...], base: str):
    """The sandboxed environment for one newline and templates setting.

    Cached: building it and compiling its templates cost more than a whole
    rewrite, and every split (also one only reported as a note) renders.
    """
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    base_dir = Path(base)
    loaders = []
    files = {}
    for k, v in cfg:
        if k == "dir":
            d = base_dir / v
            if not d.is_dir():
                raise CannotTell(f"config: templates folder {d} not found")
            loaders.append(jinja2.FileSystemLoader(str(d)))
        elif k in set(TEMPLATE_OF.values()) | {"_runtime"}:
            p = base_dir / v
            if not p.is_file():
                raise CannotTell(f"config: template {p} not found")
            files[f"{k}.j2"] = p.read_text(encoding="utf-8")
        else:
            raise CannotTell(f"config: templates.{k}: not an ecosystem ({', '.join(sorted(set(TEMPLATE_OF.values())))})")
    if files:
        loaders.insert(0, jinja2.DictLoader(files))
    from . import transforms

    builtin = Path(transforms.__file__).resolve().parent / "templates"
    loaders.append(jinja2.FileSystemLoader(str(builtin)))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        keep_trailing_newline=True,
        newline_sequence=nl,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json"] = lambda v: json.dumps(v)
    env.filters["shquote"] = shlex.quote
    return env


# ---------------------------------------------------------------------------
# helpers for the base-image transforms (DSL100, DSL101, DSL120)


def base_image_edit(ctx, from_ins: Instruction, new_image: str) -> Edit | None:
    """Replace the image word of a FROM, keeping flags and ``AS name``."""
    if not from_ins.value:
        return None
    image = from_ins.value[0]
    start = from_ins.file_offset(from_ins.args_offset)
    end = start + len(image.encode())
    if ctx.doc.data[start:end] != image.encode():
        return None  # the word spans a line continuation: leave it alone
    return Edit(start, end, new_image.encode())


_SAFE_WORD = re.compile(r"[A-Za-z0-9_./:=@%+,-]+")


def exec_form(body: str) -> list[str] | None:
    """The exec form of a shell-form CMD when that is exact: one simple
    command of literal words (no variables, globs, operators, redirections)."""
    from .shell import parse_shell

    if any(c in body for c in "<>|&;`$\n\\#~*?[{"):
        return None
    sc = parse_shell(body.encode())
    if sc.has_error or len(sc.commands) != 1 or sc.top_operators:
        return None
    cmd = sc.commands[0]
    if cmd.assignments or cmd.redirects or cmd.kind != "command":
        return None
    out = []
    for w in cmd.words:
        r = w.raw
        if _SAFE_WORD.fullmatch(r):
            out.append(r)
        elif len(r) >= 2 and r[0] == r[-1] and r[0] in "'\"" and r[0] not in r[1:-1]:
            out.append(r[1:-1])
        else:
            return None
    return out


def descendants(doc, stage: Stage) -> list[Stage]:
    """``stage`` and every later stage built FROM it (by name or index)."""
    out = [stage]
    names = {stage.name.lower()} if stage.name else set()
    names.add(str(stage.index))
    for s in doc.stages[stage.index + 1:]:
        if s.base.lower() in names:
            out.append(s)
            if s.name:
                names.add(s.name.lower())
            names.add(str(s.index))
    return out


def chain_root(doc, stage: Stage) -> Stage:
    """The stage whose FROM names an image, for a stage built FROM stages."""
    by_name = {s.name.lower(): s for s in doc.stages if s.name}
    cur = stage
    seen = set()
    while cur.base.lower() in by_name and cur.index not in seen:
        seen.add(cur.index)
        nxt = by_name[cur.base.lower()]
        if nxt.index >= cur.index:
            break
        cur = nxt
    return cur


def artifact_origin(ctx, stage: Stage, path: str, workdir_at) -> tuple[Stage, str] | None:
    """The builder stage and source path a final-stage file was copied from
    (``COPY --from=stage src dest``), or None."""
    doc = ctx.doc
    found = None
    for idx in stage.instructions:
        ins = doc.instructions[idx]
        if ins.keyword != "COPY":
            continue
        frm = ins.flag("from")
        vals = list(ins.value)
        if len(vals) != 2:
            continue
        src, dest = vals
        wd = workdir_at.get(idx)
        d = resolve(wd, dest)
        if d is None:
            continue
        target = d if not dest.endswith("/") else norm(posixpath.join(d, posixpath.basename(src.rstrip("/"))))
        if target != path:
            found = None if under(path, d) else found
            continue
        if not frm:
            found = None
            continue
        ref = frm[0].value or ""
        st = next((s for s in doc.stages[: stage.index] if (s.name and s.name.lower() == ref.lower())
                   or str(s.index) == ref), None)
        found = (st, src) if st is not None and src.startswith("/") else None
    return found
