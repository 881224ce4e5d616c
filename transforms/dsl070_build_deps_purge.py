"""DSL070 build-deps-purge."""

from __future__ import annotations

import posixpath
import re

from dslim_rewrite.fixes import Safety, Transform
from dslim_rewrite.patterns import LazyPattern
from dslim_rewrite.pkgmgr import (
    APT_LISTS,
    apt_action,
    apt_lists_removed,
    continuation,
    invocations,
    item_of,
    lineage_after,
    lineage_before,
    mount_overlaps,
    positionals_after,
    subcommand,
)
from dslim_rewrite.records import field, record, replace
from dslim_rewrite.registry import register
from dslim_rewrite.shellcmd import apt_subcommand

# -- what counts as a build dependency -------------------------------------------

# Packages only a build needs (Debian/Ubuntu and Alpine names).
BUILD_PACKAGES = frozenset({
    "autoconf", "automake", "autopoint", "autotools-dev", "bison", "build-essential", "byacc",
    "ccache", "cmake", "cython3", "dpkg-dev", "flex", "g++", "gcc", "gfortran", "libtool",
    "libtool-bin", "m4", "make", "meson", "nasm", "ninja-build", "pkg-config", "pkgconf", "scons",
    "swig", "yasm", "cargo", "rustc", "g++-multilib", "gcc-multilib",
    # Alpine
    "build-base", "alpine-sdk", "abuild", "musl-dev", "libc-dev", "linux-headers", "pkgconfig",
    "samurai", "rust", "fortify-headers",
})
_BUILD_PACKAGE = LazyPattern(
    r"^(?:(?:gcc|g\+\+|cpp|clang|gfortran|llvm|lld)(?:-\d+(?:\.\d+)*)?"
    r"|binutils(?:-[a-z0-9.+-]+)?"
    r"|linux-headers-[a-z0-9.+-]+"
    r"|[a-z0-9][a-z0-9.+]*(?:-[a-z0-9.+]+)*-dev)$"
)
# A -dev package of an interpreter: the interpreter itself must stay.
_INTERPRETER_DEV = [
    (LazyPattern(r"^python3-dev$"), "python3"),
    (LazyPattern(r"^(python3\.\d+)-dev$"), r"\1"),
    (LazyPattern(r"^ruby-dev$"), "ruby"),
    (LazyPattern(r"^libperl-dev$"), "perl"),
    (LazyPattern(r"^perl-dev$"), "perl"),  # Alpine
]
_PACKAGE_WORD = LazyPattern(r"^[A-Za-z0-9][A-Za-z0-9.+_-]*(?::[a-z0-9]+)?$")

# Commands that use the build tools.
BUILD_COMMANDS = frozenset({
    "gcc", "cc", "c++", "g++", "clang", "clang++", "cpp", "gfortran", "ld", "as", "ar", "make",
    "gmake", "cmake", "ninja", "samu", "meson", "configure", "autoconf", "autoreconf", "automake",
    "autogen.sh", "libtoolize", "libtool", "pkg-config", "pkgconf", "bison", "flex", "yacc", "lex",
    "swig", "nasm", "yasm", "cython", "ccache", "scons", "rustc", "cargo", "node-gyp", "phpize",
    "docker-php-ext-install", "docker-php-ext-configure", "pecl", "f2py", "go",
})
# Installers that may compile native code.
_INSTALLERS = {"pip", "npm", "yarn", "pnpm", "gem", "bundle", "cpanm", "uv", "poetry", "pipenv",
               "conda", "mamba", "micromamba", "R", "Rscript", "easy_install"}
_TOOL_WORD = LazyPattern(
    r"(?<![\w.+/-])(?:/[\w./-]*/)?(" + "|".join(re.escape(t) for t in sorted(BUILD_COMMANDS | _INSTALLERS)) +
    r"|pip\d[\d.]*|gcc-\d+|g\+\+-\d+|clang-\d+)(?![\w.+-])"
)

# Commands that run here without building anything or placing built files.
_HARMLESS = frozenset({
    "echo", "printf", "true", "false", ":", "test", "[", "[[", "ls", "cat", "touch", "chmod", "chown",
    "chgrp", "mkdir", "rmdir", "rm", "ln", "curl", "wget", "gzip", "gunzip", "bzip2", "xz", "zstd",
    "sha256sum", "sha512sum", "sha1sum", "md5sum", "gpg", "gpgv", "gpgconf", "git", "sed", "awk", "grep",
    "strip", "ldconfig", "useradd", "groupadd", "adduser", "addgroup", "usermod", "id", "whoami",
    "export", "set", "unset", "sleep", "date", "uname", "nproc", "getconf", "dpkg-architecture",
    "update-ca-certificates", "locale-gen", "tee", "head", "tail", "sort", "uniq", "cut", "tr", "wc",
    "which", "type", "hash", "mktemp", "basename", "dirname", "readlink", "realpath", "stat", "du", "df",
    "diff", "cmp", "file", "patch", "ldd", "dpkg", "dpkg-query", "update-alternatives", "ssh-keyscan",
    "apt-cache", "command", "exit", "cd", "pushd", "popd", "python", "python3",
    "a2enmod", "a2dismod", "a2ensite", "a2dissite", "a2enconf", "localedef", "setcap", "ln",
})

# Folders a build must not install into: they hold packaged files, and a scan
# there would keep what the build tools themselves link to.
_SYSTEM_DIRS = ("/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec",
                "/usr/include", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/")
# Base images whose working folder is known when the file sets none.
_BASE_WORKDIR = {"debian": "/", "ubuntu": "/", "buildpack-deps": "/", "python": "/", "node": "/",
                 "ruby": "/", "alpine": "/", "rust": "/", "golang": "/go", "php": "/var/www/html"}
# Base images whose pip, gem, pecl, cargo and npm -g install under /usr/local.
_PIP_LOCAL = {"debian", "ubuntu", "buildpack-deps", "python", "node", "ruby", "php"}

# npm/yarn/pnpm subcommands that build nothing
_NODE_QUERIES = frozenset({"config", "cache", "set", "get", "view", "info", "ls", "list", "audit", "version",
                           "whoami", "ping", "help", "outdated", "pack", "bin", "prefix", "root", "why",
                           "login", "logout", "dedupe", "prune", "doctor", "explain", "fund", "search"})
_CONFIGURE_DIRS = ("--prefix", "--exec-prefix", "--bindir", "--sbindir", "--libdir", "--libexecdir")
_CMAKE_PREFIX = LazyPattern(r"^-DCMAKE_INSTALL_PREFIX(?::\w+)?=(.*)$")
_MAKE_DIR_VAR = LazyPattern(r"^(PREFIX|prefix|DESTDIR|BINDIR|bindir|LIBDIR|libdir|SBINDIR|sbindir)=(.*)$")
_APT_VALUE_OPTS = {"-o", "-c", "-t", "--option", "--config-file", "--target-release", "--default-release"}
_APK_VALUE_OPTS = {"-X", "--repository", "--repositories-file", "-p", "--root", "--cache-dir", "--arch",
                   "--keys-dir", "-t", "--virtual", "--wait", "--timeout", "--cache-max-age", "--progress-fd"}
_PIP_VALUE_OPTS = {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target",
                   "--prefix", "--root", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
                   "--platform", "--python-version", "--implementation", "--abi", "--src", "--upgrade-strategy",
                   "--progress-bar", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--proxy",
                   "--retries", "--timeout", "--exists-action", "--log", "--config-settings", "-C",
                   "--global-option", "--install-option", "--no-binary", "--only-binary", "--report",
                   "--python", "--root-user-action"}


def is_build_package(name: str) -> bool:
    """True for packages only a build needs: compilers, make, headers (``*-dev``)."""
    base = name.split(":", 1)[0]
    return base in BUILD_PACKAGES or bool(_BUILD_PACKAGE.match(base))


def interpreter_of(name: str) -> str | None:
    """``python3-dev`` -> ``python3``: the interpreter a -dev package builds for."""
    for rx, repl in _INTERPRETER_DEV:
        if rx.match(name):
            return rx.sub(repl, name)
    return None


def package_name(word: str) -> str | None:
    """The name apt-mark/apk accept for an install word (version and release
    stripped), or None when the word is not a plain package name."""
    name = re.split(r"[=/]", word, 1)[0]
    if not _PACKAGE_WORD.match(name) or name.endswith(("-", "+")) and not name.endswith("++"):
        return None
    return name


def _norm(path: str) -> str:
    p = posixpath.normpath(path)
    return "/" if p in ("//", "/.") else p


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def _is_system_dir(path: str) -> bool:
    if _under(path, "/usr/local"):
        return False
    return path in _SYSTEM_DIRS or any(_under(path, d) for d in _SYSTEM_DIRS if d not in ("/", "/usr"))


def _literal(text: str) -> bool:
    return not any(c in text for c in "$`*?[]{}~\\'\"") and text != ""


def image_repo(ref: str) -> str:
    """``docker.io/library/python:3.12-slim@sha256:…`` -> ``python``."""
    ref = ref.split("@", 1)[0]
    last = ref.rsplit("/", 1)[-1]
    return last.split(":", 1)[0].lower()


# -- the lineage of an instruction, in the order it ran ------------------------------

def history(doc, ins) -> list:
    """Instructions whose effects ``ins`` sees, oldest first: the stages it is
    built FROM by name (outermost first), then its own stage up to it."""
    by_name = {s.name.lower(): s.index for s in doc.stages if s.name}
    chain = []
    cur = ins.stage
    seen = set()
    while cur is not None and cur >= 0 and cur not in seen:
        seen.add(cur)
        chain.append(cur)
        parent = by_name.get(doc.stages[cur].base.lower())
        cur = parent if parent is not None and parent < cur else None
    out = []
    for s in reversed(chain):
        out += [doc.instructions[i] for i in doc.stages[s].instructions if i < ins.index]
    return out


def root_base(doc, ins) -> str:
    """Repository name of the external image ``ins``'s stage starts from."""
    hist = history(doc, ins)
    froms = [i for i in hist if i.keyword == "FROM"]
    if not froms:
        return ""
    base = froms[0].value[0] if froms[0].value else ""
    return "" if "$" in base else image_repo(base)


@record
class Environment:
    """What the instructions before a RUN set up: folder, user, variables."""

    cwd: str | None  # None: unknown
    user_root: bool
    env: dict[str, str] = field(default_factory=dict)
    venvs: list[str] = field(default_factory=list)
    recommends_everywhere_off: bool = True  # every earlier apt install used --no-install-recommends
    apk_python: bool = False  # Alpine's python3 is installed with apk
    recommends_config_off: bool = False  # an apt.conf file turns recommends off

    @property
    def odd_python(self) -> str | None:
        """A PATH entry pointing at a Python this file did not make (conda, pyenv, ~/.local)."""
        for entry in self.env.get("PATH", "").split(":"):
            if re.search(r"conda|pyenv|mamba|\.local/|/\.venv|poetry", entry) and \
                    not any(_under(entry, v) for v in self.venvs):
                return entry
        return None

    def clone(self) -> "Environment":
        return replace(self, env=dict(self.env), venvs=list(self.venvs))

    @property
    def recommends_off(self) -> bool:
        return self.recommends_everywhere_off or self.recommends_config_off


_ENVIRONMENTS: "weakref.WeakKeyDictionary" = None  # Context -> {instruction index: Environment}


def environment(ctx, ins) -> Environment:
    """What the instructions before ``ins`` set up (a copy: callers add to it)."""
    global _ENVIRONMENTS
    import weakref

    if _ENVIRONMENTS is None:
        _ENVIRONMENTS = weakref.WeakKeyDictionary()
    table = _ENVIRONMENTS.get(ctx)
    if table is None:
        table = _ENVIRONMENTS[ctx] = _all_environments(ctx)
    env = table.get(ins.index)
    return env.clone() if env is not None else Environment(cwd=None, user_root=True)


def _all_environments(ctx) -> dict[int, Environment]:
    """One pass over the file: the environment before each instruction. A
    stage built FROM another starts with that stage's environment, less its
    build arguments (ARG values do not cross stages)."""

    doc = ctx.doc
    by_name = {s.name.lower(): s.index for s in doc.stages if s.name}
    ends: dict[int, tuple[Environment, set[str]]] = {}
    table: dict[int, Environment] = {}
    for stage in doc.stages:
        parent = by_name.get(stage.base.lower())
        if parent is not None and parent < stage.index and parent in ends:
            env = ends[parent][0].clone()
            for name in ends[parent][1]:
                env.env.pop(name, None)
        else:
            base = "" if "$" in stage.base else image_repo(stage.base)
            env = Environment(cwd=_BASE_WORKDIR.get(base), user_root=True)
        args: set[str] = set()
        for i in stage.instructions:
            other = doc.instructions[i]
            table[i] = env.clone()
            kw = other.keyword
            if kw == "WORKDIR":
                w = other.value[0] if other.value else ""
                if not _literal(w):
                    env.cwd = None
                elif w.startswith("/"):
                    env.cwd = _norm(w)
                elif env.cwd is not None:
                    env.cwd = _norm(posixpath.join(env.cwd, w))
            elif kw == "USER":
                u = (other.value[0] if other.value else "").split(":", 1)[0]
                env.user_root = u in ("root", "0")
            elif kw == "ENV":
                vals = list(other.value)
                for k in range(0, len(vals) - 1, 2):
                    env.env[vals[k]] = vals[k + 1]
                    args.discard(vals[k])
            elif kw == "ARG":
                for v in other.value:
                    name, _, val = v.partition("=")
                    if name not in env.env:
                        env.env[name] = val
                        args.add(name)
            elif kw == "RUN":
                if _NO_RECOMMENDS.search(other.text.decode("utf-8", "replace")):
                    env.recommends_config_off = True
                script = ctx.script(other)
                if script is None:
                    continue
                for inv in invocations(script):
                    env_install_facts(env, inv, None)
        ends[stage.index] = (env, args)
    return table


_NO_RECOMMENDS = LazyPattern(r"APT::Install-Recommends[= ]\"?(false|0|no)\"?", re.I)


def skips_recommends(args: list[str]) -> bool:
    """``--no-install-recommends`` or ``-o APT::Install-Recommends=false``."""
    return "--no-install-recommends" in args or any(_NO_RECOMMENDS.search(a) for a in args)


def env_install_facts(env: Environment, inv, cwd: str | None) -> None:
    """Facts an install command leaves behind: recommends, venvs, Alpine python."""

    if apt_action(inv) == "install" and not skips_recommends(inv.args):
        env.recommends_everywhere_off = False
    if inv.tool == "apk":
        pos = [a for a in inv.args if not a.startswith("-")]
        if pos[:1] == ["add"] and any(p.split("=")[0] in ("python3", "py3-pip") for p in pos[1:]):
            env.apk_python = True
    venv = None
    if inv.tool in ("python", "python3") or re.match(r"^python\d", inv.tool):
        args = inv.args
        if len(args) >= 3 and args[0] == "-m" and args[1] in ("venv", "virtualenv"):
            venv = [a for a in args[2:] if not a.startswith("-")]
    elif inv.tool == "virtualenv":
        venv = [a for a in inv.args if not a.startswith("-")]
    for v in venv or []:
        if _literal(v) and (v.startswith("/") or cwd):
            env.venvs.append(_norm(posixpath.join(cwd or "/", v)))


# -- what a RUN builds, and where ------------------------------------------------------

class Unknown(Exception):
    """The RUN builds something whose output this transform cannot locate."""


@record
class BuildScan:
    """Walks the commands after the build-deps install, collecting the folders
    holding what they build (to scan for linked libraries)."""

    env: Environment
    base: str
    manager: str  # "apt" or "apk"
    cwd: str | None = None
    cwd_certain: bool = True
    dirs: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # what builds, for the message
    prefix: str | None = None  # set by configure/cmake/meson
    configured: bool = False
    removed: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.cwd = self.env.cwd

    # helpers
    def here(self, what: str) -> str:
        if not self.cwd_certain:
            raise Unknown(f"`{what}` runs after a `cd` this transform cannot follow (in ( ), $( ) or to a variable)")
        if self.cwd is None:
            raise Unknown(f"`{what}` builds in a folder this file does not name (set WORKDIR or cd to one)")
        return self.cwd

    def path(self, p: str, what: str) -> str:
        if not _literal(p):
            raise Unknown(f"`{what}` writes to `{p}`, a path only known at build time")
        if p.startswith("/"):
            return _norm(p)
        return _norm(posixpath.join(self.here(what), p))

    def add(self, d: str, what: str) -> None:
        if _is_system_dir(d):
            raise Unknown(f"`{what}` puts built files into {d}, among packaged files")
        if d == "/":
            raise Unknown(f"`{what}` writes into /")
        self.dirs.append(d)

    def site(self, what: str) -> None:
        """Where pip & co install for this image's Python."""
        if self.manager == "apk" and self.base != "python":
            raise Unknown(f"`{what}`: cannot tell where Alpine's Python installs packages")
        if self.env.apk_python:
            raise Unknown(f"`{what}`: Alpine's python3 installs into /usr/lib")
        if self.env.odd_python:
            raise Unknown(f"`{what}`: PATH has {self.env.odd_python}, a Python this file does not set up")
        if self.base not in _PIP_LOCAL and not self.env.venvs:
            raise Unknown(f"`{what}`: cannot tell where the Python of `{self.base or 'this base'}` installs packages")
        self.dirs.append("/usr/local")
        self.dirs += self.env.venvs

    # the walk
    def visit(self, inv) -> None:

        tool = inv.tool
        args = inv.args
        text = " ".join([tool, *args[:3]])
        if tool in ("cd", "pushd", "popd"):
            self._cd(inv)
            return
        if tool in ("apt-get", "apt", "aptitude", "apk", "apt-mark"):
            return
        if tool == "pip":
            sub = subcommand(inv, _PIP_VALUE_OPTS)
            if sub is not None and sub.text == "install":
                self._pip(inv)
            return
        if tool in ("python", "python3") or re.match(r"^python\d", tool):
            self._python(inv)
            return
        if tool in ("virtualenv",):
            env_install_facts(self.env, inv, self.cwd if self.cwd_certain else None)
            return
        if tool in ("make", "gmake"):
            self._make(inv)
            return
        if tool == "configure":
            self._configure(inv)
            return
        if tool == "cmake":
            self._cmake(inv)
            return
        if tool in ("meson",):
            self._meson(inv)
            return
        if tool in ("ninja", "samu"):
            self._ninja(inv)
            return
        if tool in ("gcc", "cc", "c++", "g++", "clang", "clang++", "gfortran") or re.match(r"^(gcc|g\+\+|clang)-\d", tool):
            self._compile(inv)
            return
        if tool in ("npm", "yarn", "pnpm", "node-gyp"):
            self._node(inv)
            return
        if tool in ("gem", "bundle", "pecl", "docker-php-ext-install", "docker-php-ext-configure",
                    "docker-php-ext-enable", "docker-php-source", "phpize"):
            self._local_tool(inv)
            return
        if tool == "go":
            self._go(inv)
            return
        if tool in ("autoreconf", "autoconf", "automake", "libtoolize", "autogen.sh", "bootstrap", "pkg-config"):
            return  # prepares a build; makes nothing to install
        if tool in ("cp", "mv", "install", "rsync"):
            self._copy(inv)
            if tool == "mv":
                self._moved(inv)
            return
        if tool in ("tar", "unzip", "bsdtar"):
            self._extract(inv)
            return
        if tool == "rm":
            self._rm(inv)
            return
        if tool == "find":
            if any(a in ("-exec", "-execdir", "-ok", "-okdir") for a in args):
                k = next(i for i, a in enumerate(args) if a in ("-exec", "-execdir", "-ok", "-okdir"))
                run = args[k + 1].rsplit("/", 1)[-1] if k + 1 < len(args) else ""
                if run not in _HARMLESS and run not in ("strip",):
                    raise Unknown(f"`find … -exec {run}`: cannot tell what it builds")
            return
        if tool in _HARMLESS:
            return
        raise Unknown(f"cannot tell what `{text}` builds or where")

    def _cd(self, inv) -> None:
        if inv.tool != "cd" or inv.cmd.in_subshell or not inv.cmd.top_level:
            self.cwd_certain = False
            return
        pos = [a for a in inv.args if not a.startswith("-")]
        if len(pos) != 1 or not _literal(pos[0]):
            self.cwd_certain = False
            return
        d = pos[0]
        if d.startswith("/"):
            self.cwd = _norm(d)
            self.cwd_certain = True
        elif self.cwd is not None and self.cwd_certain:
            self.cwd = _norm(posixpath.join(self.cwd, d))
        else:
            self.cwd_certain = False

    def _pip(self, inv) -> None:
        what = "pip install"
        vals = {}
        args = inv.args
        for i, a in enumerate(args):
            for opt in ("-t", "--target", "--prefix", "--root"):
                if a == opt and i + 1 < len(args):
                    vals[opt] = args[i + 1]
                elif a.startswith(opt + "=") and opt.startswith("--"):
                    vals[opt] = a.split("=", 1)[1]
        if "--user" in args:
            if not self.env.user_root or "HOME" in self.env.env or "PYTHONUSERBASE" in self.env.env:
                raise Unknown("`pip install --user`: cannot tell the user's folder")
            self.add("/root/.local", what)
        for opt in ("-t", "--target", "--prefix", "--root"):
            if opt in vals:
                self.add(self.path(vals[opt], what), what)
        if not vals and "--user" not in args:
            if "PIP_TARGET" in self.env.env or "PIP_PREFIX" in self.env.env or "PYTHONUSERBASE" in self.env.env:
                raise Unknown("`pip install`: PIP_TARGET/PIP_PREFIX set elsewhere")
            if inv.words and inv.words[0].text.startswith("/"):
                exe = _norm(inv.words[0].text)
                if not _under(exe, "/usr/local/bin") and not exe.startswith(("/usr/bin/", "/bin/")):
                    root = posixpath.dirname(posixpath.dirname(exe))
                    self.add(root, what)
                    self.steps.append(what)
                    return
            self.site(what)
        self.steps.append(what)

    def _python(self, inv) -> None:
        args = inv.args
        if args[:1] == ["-c"] or args[:2] == ["-m", "compileall"] or args[:2] == ["-m", "site"]:
            return
        if args[:2] in (["-m", "venv"], ["-m", "virtualenv"]):
            env_install_facts(self.env, inv, self.cwd if self.cwd_certain else None)
            return
        if args[:1] == ["setup.py"] and len(args) > 1:
            if args[1] == "install" and len(args) == 2:
                self.site("setup.py install")
                self.steps.append("setup.py install")
                return
            if args[1] == "build_ext" and "--inplace" in args[2:]:
                self.add(self.here("setup.py build_ext"), "setup.py build_ext")
                self.steps.append("setup.py build_ext")
                return
        raise Unknown(f"cannot tell what `{' '.join([inv.tool, *args[:2]])}` builds or where")

    def _prefix_default(self, what: str) -> str:
        if self.prefix is not None:
            return self.prefix
        if self.configured:
            return "/usr/local"
        raise Unknown(f"`{what}` installs where its Makefile says (no configure, cmake or PREFIX= here)")

    def _make(self, inv) -> None:
        args = inv.args
        workdir = None
        targets, dirs = [], {}
        i = 0
        while i < len(args):
            a = args[i]
            if a in ("-C", "--directory") and i + 1 < len(args):
                workdir = args[i + 1]
                i += 2
                continue
            if a.startswith("--directory="):
                workdir = a.split("=", 1)[1]
            elif a.startswith("-C") and len(a) > 2:
                workdir = a[2:]
            elif a in ("-f", "--file", "-j", "--jobs", "-l", "-o", "-W", "-I") and i + 1 < len(args) and \
                    not args[i + 1].startswith("-") and (a not in ("-j", "-l") or args[i + 1].isdigit()):
                i += 2
                continue
            elif not a.startswith("-"):
                m = _MAKE_DIR_VAR.match(a)
                if m:
                    dirs[m.group(1)] = m.group(2)
                elif "=" not in a:
                    targets.append(a)
            i += 1
        for k, v in inv.env.items():  # PREFIX=/opt make install
            if _MAKE_DIR_VAR.match(f"{k}="):
                dirs.setdefault(k, v)
        what = "make " + " ".join(targets) if targets else "make"
        build_dir = self.here(what) if workdir is None else self.path(workdir, what)
        if any("install" in t for t in targets):
            destdir = dirs.pop("DESTDIR", None)
            prefix = dirs.pop("PREFIX", None) or dirs.pop("prefix", None)
            roots = [prefix] if prefix else [self._prefix_default(what)]
            roots += list(dirs.values())
            for r in roots:
                p = self.path(r, what)
                if destdir:
                    p = _norm(self.path(destdir, what) + "/" + p)
                self.add(p, what)
        else:
            self.add(build_dir, what)
        self.steps.append(what.strip())

    def _configure(self, inv) -> None:
        self.configured = True
        args = inv.args
        for i, a in enumerate(args):
            for opt in _CONFIGURE_DIRS:
                val = None
                if a.startswith(opt + "="):
                    val = a.split("=", 1)[1]
                elif a == opt and i + 1 < len(args):
                    val = args[i + 1]
                if val is None:
                    continue
                p = self.path(val, "configure")
                if _is_system_dir(p):
                    raise Unknown(f"`configure {opt}={val}` installs among packaged files")
                if opt == "--prefix":
                    self.prefix = p
                else:
                    self.dirs.append(p)

    def _cmake(self, inv) -> None:
        args = inv.args
        if "--build" in args:
            k = args.index("--build")
            if k + 1 < len(args):
                self.add(self.path(args[k + 1], "cmake --build"), "cmake --build")
            self.steps.append("cmake --build")
            return
        if "--install" in args:
            k = args.index("--install")
            prefix = None
            if "--prefix" in args and args.index("--prefix") + 1 < len(args):
                prefix = self.path(args[args.index("--prefix") + 1], "cmake --install")
            self.add(prefix or self.prefix or "/usr/local", "cmake --install")
            self.steps.append("cmake --install")
            return
        if args[:1] in (["-E"], ["-P"]):
            return
        self.configured = True
        for i, a in enumerate(args):
            m = _CMAKE_PREFIX.match(a)
            val = m.group(1) if m else None
            if a == "--install-prefix" and i + 1 < len(args):
                val = args[i + 1]
            elif a.startswith("--install-prefix="):
                val = a.split("=", 1)[1]
            if val is not None:
                p = self.path(val, "cmake")
                if _is_system_dir(p):
                    raise Unknown(f"`cmake` installs into {p}, among packaged files")
                self.prefix = p
            if a == "-B" and i + 1 < len(args):
                self.dirs.append(self.path(args[i + 1], "cmake -B"))
            elif a.startswith("-B") and len(a) > 2:
                self.dirs.append(self.path(a[2:], "cmake -B"))

    def _meson(self, inv) -> None:
        args = inv.args
        sub = args[0] if args else ""
        if sub in ("install",):
            self.add(self.prefix or "/usr/local", "meson install")
            self.steps.append("meson install")
            return
        if sub in ("compile",):
            k = args.index("-C") if "-C" in args else -1
            d = args[k + 1] if 0 <= k < len(args) - 1 else "."
            self.add(self.path(d, "meson compile"), "meson compile")
            self.steps.append("meson compile")
            return
        self.configured = True
        for i, a in enumerate(args):
            val = None
            if a.startswith("--prefix="):
                val = a.split("=", 1)[1]
            elif a == "--prefix" and i + 1 < len(args):
                val = args[i + 1]
            if val is not None:
                p = self.path(val, "meson")
                if _is_system_dir(p):
                    raise Unknown(f"`meson` installs into {p}, among packaged files")
                self.prefix = p

    def _ninja(self, inv) -> None:
        args = inv.args
        k = args.index("-C") if "-C" in args else -1
        d = args[k + 1] if 0 <= k < len(args) - 1 else None
        if "install" in args:
            self.add(self._prefix_default("ninja install"), "ninja install")
            self.steps.append("ninja install")
            return
        self.add(self.path(d, "ninja") if d else self.here("ninja"), "ninja")
        self.steps.append("ninja")

    def _compile(self, inv) -> None:
        args = inv.args
        what = inv.tool
        if not args or any(a in ("-c", "-E", "-S", "-M", "-MM", "--version", "-v", "--help") or
                           a.startswith(("-dump", "-print-")) for a in args):
            return  # objects, preprocessing, or a question: nothing to link
        out = None
        for i, a in enumerate(args):
            if a == "-o" and i + 1 < len(args):
                out = args[i + 1]
            elif a.startswith("-o") and len(a) > 2:
                out = a[2:]
        self.add(self.path(out, what) if out else self.here(what), what)
        self.steps.append(what)

    def _node(self, inv) -> None:
        args = inv.args
        tool = inv.tool
        pos = [a for a in args if not a.startswith("-")]
        sub = pos[0] if pos else ("install" if tool == "yarn" else "")
        if tool == "node-gyp":
            self.add(self.here("node-gyp"), "node-gyp")
            self.steps.append("node-gyp")
            return
        if sub in _NODE_QUERIES or not sub:
            return
        what = f"{tool} {sub}"
        if "-g" in args or "--global" in args or sub == "global":
            if self.base not in _PIP_LOCAL and self.base != "":
                raise Unknown(f"`{what} -g`: cannot tell the global folder of `{self.base}`")
            self.add("/usr/local", what)
        else:
            self.add(self.here(what), what)
        self.steps.append(what)

    def _local_tool(self, inv) -> None:
        what = inv.tool
        family = {"gem": "ruby", "bundle": "ruby"}.get(inv.tool, "php")
        if inv.tool in ("docker-php-source",):
            return
        if self.base != family:
            raise Unknown(f"`{what}`: cannot tell where it installs on `{self.base or 'this base'}`")
        if inv.tool == "bundle" and any(a.startswith(("--path", "--deployment")) for a in inv.args):
            self.add(self.here(what), what)
        self.add("/usr/local", what)
        self.steps.append(what)

    def _go(self, inv) -> None:
        args = inv.args
        sub = args[0] if args else ""
        if sub not in ("build", "install", "run", "generate"):
            return
        if sub != "build":
            raise Unknown(f"`go {sub}`: cannot tell where it puts binaries")
        out = None
        for i, a in enumerate(args):
            if a == "-o" and i + 1 < len(args):
                out = args[i + 1]
            elif a.startswith("-o="):
                out = a[3:]
        if out is None:
            self.add(self.here("go build"), "go build")
        else:
            p = self.path(out, "go build")
            self.add(p if out.endswith("/") else posixpath.dirname(p), "go build")
        self.steps.append("go build")

    def _copy(self, inv) -> None:
        args = inv.args
        what = inv.tool
        target = None
        pos = []
        i = 0
        while i < len(args):
            a = args[i]
            if a in ("-t", "--target-directory") and i + 1 < len(args):
                target = args[i + 1]
                i += 2
                continue
            if a.startswith("--target-directory="):
                target = a.split("=", 1)[1]
            elif a in ("-m", "--mode", "-o", "--owner", "-g", "--group", "-S", "--suffix") and what == "install":
                i += 2
                continue
            elif not a.startswith("-"):
                pos.append(a)
            i += 1
        if what == "install" and ("-d" in args or "--directory" in args):
            return
        if target is None:
            if len(pos) < 2:
                return
            target = pos[-1]
        dest = self.path(target, what)
        if _under(dest, "/etc"):
            return  # configuration, not built files
        # find scans a file or a folder alike: the destination itself is enough
        if _is_system_dir(dest):
            raise Unknown(f"`{what}` puts files into {dest}, among packaged files")
        self.add(dest, what)

    def _extract(self, inv) -> None:
        args = inv.args
        what = inv.tool
        if what in ("tar", "bsdtar"):
            first = args[0] if args else ""
            extract = "--extract" in args or "--get" in args or \
                any(re.fullmatch(r"-[A-Za-z]*x[A-Za-z]*", a) for a in args) or \
                bool(first and not first.startswith("-") and re.fullmatch(r"[A-Za-z]*x[A-Za-z]*", first))
            if not extract:
                return
            target = None
            for i, a in enumerate(args):
                if a in ("-C", "--directory") and i + 1 < len(args):
                    target = args[i + 1]
                elif a.startswith("--directory="):
                    target = a.split("=", 1)[1]
        else:
            target = None
            for i, a in enumerate(args):
                if a == "-d" and i + 1 < len(args):
                    target = args[i + 1]
        d = self.path(target, what) if target is not None else self.here(what)
        if d == "/" or _is_system_dir(d):
            raise Unknown(f"`{what}` unpacks into {d}")
        self.add(d, what)

    def _moved(self, inv) -> None:
        """``mv a b``: ``a`` is gone afterwards."""
        pos = [a for a in inv.args if not a.startswith("-")]
        for a in pos[:-1]:
            if _literal(a) and (a.startswith("/") or (self.cwd and self.cwd_certain)):
                self.removed.append(a if a.startswith("/") else posixpath.join(self.cwd, a))

    def _rm(self, inv) -> None:
        args = inv.args
        for a in args:
            if a.startswith("-"):
                continue
            if a.startswith("/") or (self.cwd and self.cwd_certain):
                self.removed.append(a if a.startswith("/") else posixpath.join(self.cwd, a))

    def scan_dirs(self) -> list[str]:
        """The folders to scan, without the ones removed in the RUN and the
        ones inside another."""
        import fnmatch

        def gone(d: str) -> bool:
            for r in self.removed:
                r = r.rstrip("/")
                pat = r[:-2] if r.endswith("/*") else r
                if _under(d, _norm(pat)) if _literal(pat) else (
                        fnmatch.fnmatch(d, pat) or any(fnmatch.fnmatch(p, pat) for p in _parents(d))):
                    return True
            return False

        out: list[str] = []
        for d in sorted(set(self.dirs), key=lambda p: (p.count("/"), p)):
            if any(_under(d, o) for o in out):
                continue
            if d != "/usr/local" and gone(d):
                continue
            out.append(d)
        return out


def _parents(path: str) -> list[str]:
    out = []
    while path not in ("/", ""):
        out.append(path)
        path = posixpath.dirname(path)
    return out


# -- the shell text added -----------------------------------------------------------

# ldd prints "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" and
# "/lib64/ld-linux-x86-64.so.2 (0x…)": the path is the next-to-last field.
LDD_PATHS = r"""awk '$(NF-1) ~ /^\// { print $(NF-1) }'"""
# dpkg records a library under the path its package ships (/lib/… or
# /usr/lib/…); on a merged-/usr system realpath answers /usr/lib/…. Both
# spellings are asked for (a glob like "*lib/…" would match both too, but
# makes dpkg-query compare every pattern with every packaged file: seconds per
# library on a large image). Libraries outside /lib and /usr/lib (the build's
# own under /usr/local, a venv, /opt) belong to no package and are left out.
DPKG_PATHS = r"""awk '/^\/(usr\/)?lib(32|64|x32)?\// { sub(/^\/(usr\/)?/, ""); print "/" $0; print "/usr/" $0 }'"""


# dpkg-query --search answers "libpq5:amd64: /usr/lib/…", "pkg1, pkg2: /path"
# for a path several packages ship, and "diversion by X from: /path" lines
# that name no package to mark.
DPKG_OWNERS = r"""awk -F': ' '$1 !~ /^diversion by / { n = split($1, p, ", "); for (i = 1; i <= n; i++) print p[i] }'"""


def ldd_keep_command(dirs: list[str]) -> list[str]:
    """Marks as manually installed the packages owning the shared libraries that
    the files under ``dirs`` link to, and those that the -dev symlinks point
    at (a library loaded with dlopen/ctypes is found through them).

    Returned as the pieces of one command, one per physical line.

    Every step succeeds under ``set -e -o pipefail`` too: a folder that is
    gone or a library no package owns only means there is nothing to keep."""
    where = " ".join(dirs)
    return [
        "{ find " + where + r" -type f \( -perm /111 -o -name '*.so' -o -name '*.so.*' \)",
        "    -exec ldd '{}' ';' 2>/dev/null | " + LDD_PATHS + " || true;",
        "  find /usr/lib -maxdepth 2 -name 'lib*.so' -lname '*.so.*' -xtype f; }",
        "| xargs -r realpath | " + DPKG_PATHS,
        "| sort -u | { xargs -r dpkg-query --search 2>/dev/null || true; }",
        "| " + DPKG_OWNERS + " | sort -u",
        "| xargs -r apt-mark manual",
    ]


def apt_purge_commands(dirs: list[str], keep: list[str], recommends_important: bool,
                       remove_lists: bool) -> list[list[str]]:
    """The commands that follow the build, each as its physical lines."""
    # -qq rather than "> /dev/null": the shell parser (tree-sitter-bash) reads
    # "a && b > /dev/null" as a redirect of the whole list, which blurs the
    # commands of the RUN for every transform that reads it afterwards.
    out = [
        ["apt-mark -qq auto '.*'"],
        ['{ [ -z "$savedAptMark" ] || apt-mark -qq manual $savedAptMark; }'],
    ]
    if keep:
        out.append(["apt-mark manual " + " ".join(keep)])
    out.append(ldd_keep_command(dirs))
    purge = "apt-get purge -y --auto-remove"
    if not recommends_important:
        purge += " -o APT::AutoRemove::RecommendsImportant=false"
    out.append([purge])
    if remove_lists:
        out.append(["rm -rf /var/lib/apt/lists/*"])
    return out


def one_line(commands: list[list[str]]) -> str:
    """The commands as a plain shell line (for tests and messages)."""
    return " && ".join(" ".join(p.strip() for p in c) for c in commands)


SAVE_MARKS = 'savedAptMark="$(apt-mark showmanual)"'


def apk_purge_commands(dirs: list[str], keep: list[str], opts: list[str], run_virtual: str,
                       build_virtual: str) -> list[list[str]]:
    """runDeps: the sonames the built files need that a system library in
    /lib or /usr/lib provides (``so:`` names are what apk packages provide;
    a soname only the build itself or a wheel ships is left out). They and
    the kept packages go into a virtual package, then the build one goes."""
    where = " ".join(dirs)
    find = [
        'runDeps="$({ scanelf --needed --nobanner --format \'%n#p\' --recursive ' + where + " || true; }",
        "| tr ',' '\\n' | sort -u",
        "| awk 'system(\"[ -e /usr/lib/\" $1 \" ] || [ -e /lib/\" $1 \" ]\") == 0 { print \"so:\" $1 }')\"",
    ]
    add = "apk add " + " ".join([*opts, "--virtual", run_virtual, *keep, "$runDeps"])
    out = [find, [add] if keep else ['{ [ -z "$runDeps" ] || ' + add + "; }"]]
    out.append([f"apk del --no-network {build_virtual}"])
    return out


# -- the transform ---------------------------------------------------------------------


@record
class _Install:
    inv: object
    item: int
    build: list[str]
    keep: list[str]


@register
class BuildDepsPurge(Transform):
    """## What it does
    When a RUN installs compilers or headers (`gcc`, `make`, `build-essential`,
    `pkg-config`, `*-dev`, …) and builds something with them, it removes them
    again at the end of the same RUN, keeping the shared libraries the built
    files link to.

    With apt it uses the idiom of the official images: the manually installed
    packages are saved before the install (`savedAptMark`); after the build
    every package is marked automatic, the saved ones manual again, and so are
    the packages owning the libraries that the built files (found with `ldd`)
    and the `-dev` library links point at; `apt-get purge --auto-remove` then
    removes what nothing else needs. With apk the build dependencies go into a
    virtual package (`--virtual .build-deps`), the sonames the built files need
    (`scanelf --needed`) are added as `.run-deps`, and `apk del .build-deps`
    removes the rest.

    The built files are looked for where the RUN's commands put them:
    `/usr/local` for pip, gem, pecl and `npm -g` on images whose interpreter
    lives there, the prefix of `configure`/`cmake`/`meson`/`make install`
    (default `/usr/local`), a virtualenv made in the file, the folder of
    `make`, `gcc -o`, `go build -o`, `npm install`, and where `cp`/`install`/`tar`
    put files. When a command builds something and its output cannot be
    located, nothing is purged and a note says why.

    ## Why is this bad?
    A compiler toolchain is 100–250 MB (`build-essential` alone pulls gcc, g++,
    binutils, libc6-dev, make, perl and dpkg-dev). Once the build is done
    nothing at run time uses it, but it stays in the image. Removing it in a
    later RUN saves nothing: the files are in the earlier layer.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    RUN apt-get update \\
        && apt-get install -y --no-install-recommends gcc libpq-dev \\
        && pip install psycopg2==2.9.9 \\
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    RUN savedAptMark="$(apt-mark showmanual)" \\
        && apt-get update \\
        && apt-get install -y --no-install-recommends gcc libpq-dev \\
        && pip install psycopg2==2.9.9 \\
        && apt-mark -qq auto '.*' \\
        && { [ -z "$savedAptMark" ] || apt-mark -qq manual $savedAptMark; } \\
        && { find /usr/local -type f … -exec ldd '{}' ';' … } | … | xargs -r apt-mark manual \\
        && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false \\
        && rm -rf /var/lib/apt/lists/*
    ```
    (`libpq5`, which psycopg2's module links to, stays; gcc and libpq-dev go.)

    ## Fix safety
    Unsafe: removing packages can break what the image runs in ways no static
    reading of the Dockerfile can rule out. The fix is only offered when:

    - the RUN itself installs the build dependencies and builds (one `&&`
      chain; RUNs split over several instructions must be merged first,
      DSL001 collapse-run, and a note says so);
    - no later RUN of the stage or of a stage built `FROM` it, no `ONBUILD`,
      and no `CMD`/`ENTRYPOINT`/`HEALTHCHECK` runs a compiler, make, pip,
      npm, gem and the like;
    - every command after the install is one whose output folder is known;
    - the stage ends up in the final image, and the shell is POSIX (the
      added commands also hold under `set -e -o pipefail`).

    Packages named in the install that are not build tools (`curl`, `python3`)
    are marked manual so they stay; `python3-dev`, `ruby-dev` and
    `libperl-dev` also keep their interpreter. What can still break: a program
    that loads a library by a name no `-dev` link provides, a script run at
    start-up (an entrypoint file) that compiles, and packages an earlier layer
    left automatic and unneeded (they are purged too, which saves nothing).
    `APT::AutoRemove::RecommendsImportant=false` is only passed when every
    apt install seen in the stage uses `--no-install-recommends`: otherwise
    it would also remove packages installed earlier as recommendations.
    """

    code = "DSL070"
    name = "build-deps-purge"
    safety = Safety.UNSAFE

    def check(self, ctx):

        for ins, script in ctx.shell_runs():
            if ins.keyword != "RUN" or ins.sub is not None:
                continue
            invs = invocations(script)
            if not any(_installs_build_deps(v) for v in invs):
                continue
            if not ctx.in_final_image(ins):
                continue  # nothing to gain: the stage's files are not shipped
            result = self._plan(ctx, ins, script, invs)
            if result is None:
                continue
            if isinstance(result, str):
                yield self.note(ctx, f"build dependencies kept: {result}", ins.index)
                continue
            yield result

    # ---------------------------------------------------------------------------
    def _plan(self, ctx, ins, script, invs):

        text = script.source
        if b"savedAptMark" in text or b".build-deps" in text or b"apt-mark" in text:
            return None  # already done by hand
        for v in invs:
            act = apt_action(v)
            if act in ("purge", "remove", "autoremove", "autopurge") or (v.tool == "apk" and "del" in v.args):
                return None  # the RUN removes packages itself
        if script.has_error:
            return "the shell body does not parse"
        if script.has_heredoc:
            return "the body has a shell heredoc"
        if not script.is_and_chain:
            return "the body is not a single `&&` chain"
        installs = [v for v in invs if _installs_build_deps(v)]
        first = installs[0]
        if first.sudo:
            return "the install runs through sudo"
        if not first.cmd.top_level or first.cmd.in_subshell:
            return "the install runs inside a group, a subshell or a pipeline"
        manager = "apk" if first.tool == "apk" else "apt"
        if any(("apk" if v.tool == "apk" else "apt") != manager for v in installs):
            return "the RUN installs with both apt and apk"
        env = environment(ctx, ins)
        if not env.user_root:
            return "the RUN does not run as root"

        install_item = item_of(script, first.cmd)
        # packages: build-only ones go, the others are kept
        install_list: list[_Install] = []
        for v in invs:
            if v.cmd.start < first.cmd.start:
                continue
            pk = _install_packages(v)
            if pk is None:
                continue
            if isinstance(pk, str):
                return pk
            build = [p for p in pk if is_build_package(p)]
            keep = [p for p in pk if not is_build_package(p)]
            keep += [i for p in build if (i := interpreter_of(p.split(":", 1)[0]))]
            install_list.append(_Install(v, item_of(script, v.cmd), build, keep))
        if any(not i.inv.cmd.top_level or i.inv.cmd.in_subshell for i in install_list):
            return "a later install runs inside a group, a subshell or a pipeline"
        build_pkgs = [p for i in install_list for p in i.build]
        keep_pkgs = list(dict.fromkeys(p for i in install_list for p in i.keep))
        for i in install_list:
            env_install_facts(env, i.inv, None)

        # what is built, and where
        base = root_base(ctx.doc, ins)
        scan = BuildScan(env=env, base=base, manager=manager)
        try:
            for v in sorted(invs, key=lambda v: v.cmd.start):
                if v.cmd.start <= first.cmd.start and v.cmd.top_level:
                    if v.tool == "cd":
                        scan.visit(v)
                    continue
                if v.cmd.start < first.cmd.end:
                    continue
                scan.visit(v)
        except Unknown as e:
            return str(e)
        later = _later_build_use(ctx, ins)
        if later is not None:
            kw = (later.sub or later).keyword
            if kw == "RUN" and later.sub is None:
                return (f"the RUN on line {later.start_line} still builds or installs packages that may "
                        "compile (merge the RUNs to purge after it: DSL001 collapse-run)")
            where = "ONBUILD" if later.sub is not None else kw
            return f"the {where} on line {later.start_line} runs build tools or an installer"
        if not scan.steps:
            return ("nothing is built in this RUN after the install "
                    "(if later RUNs build, merge them first: DSL001 collapse-run)")
        dirs = scan.scan_dirs()
        if not dirs:
            return "the built files are removed in the same RUN: cannot tell what they link to"

        # where the new commands go
        purge_after = _purge_point(script)
        if purge_after is None or purge_after < install_item:
            return "no place after the build for the purge"
        save_before = install_item
        if save_before > 0 and _is_apt_update_item(script, invs, save_before - 1) and manager == "apt":
            save_before -= 1

        s_item, _ = script.top_items[save_before]
        last_start, e_item = script.top_items[purge_after]
        # joints in this RUN's own layout (the file's when it has none)
        join = continuation(ctx, ins, last_start)
        edits = []
        if manager == "apt":

            lists = any(apt_action(v) == "update" for v in invs) and not apt_lists_removed(invs) \
                and mount_overlaps(ins, [APT_LISTS]) is None and ctx.options.style != "cache-mount"
            recommends_off = env.recommends_off
            cmds = apt_purge_commands(dirs, keep_pkgs, recommends_important=not recommends_off,
                                      remove_lists=lists)
            edits.append(self.insert(ctx.span(ins, s_item, s_item)[0],
                                     SAVE_MARKS.encode() + continuation(ctx, ins, s_item)))
            edits.append(self.insert(ctx.pos(ins, e_item), _block(ctx, join, cmds)))
            msg = (f"purge {_names(build_pkgs)} after `{scan.steps[-1]}` "
                   f"(keeps what {', '.join(dirs)} links to")
            msg += ")" if recommends_off else "; recommended packages stay: not every install skips them)"
        else:
            virtual = _free_name(ctx.doc, ".build-deps")
            run_virtual = _free_name(ctx.doc, ".run-deps")
            inst = install_list[0]
            sub = _apk_add_word(inst.inv)
            if sub is None or any(a in ("-t", "--virtual") or a.startswith("--virtual=") for a in inst.inv.args):
                return "the apk add already uses --virtual"
            if len(install_list) > 1:
                return "several apk add commands after the build dependencies"
            opts = _apk_options(inst.inv)
            edits.append(self.insert(ctx.pos(ins, sub.end), f" --virtual {virtual}".encode()))
            cmds = apk_purge_commands(dirs, keep_pkgs, opts, run_virtual, virtual)
            edits.append(self.insert(ctx.pos(ins, e_item), _block(ctx, join, cmds)))
            msg = f"delete {_names(build_pkgs)} after `{scan.steps[-1]}` (keeps what {', '.join(dirs)} links to)"
        return self.fix(ctx, msg, ins.index, edits)


# -- helpers -----------------------------------------------------------------------------

def _block(ctx, join: bytes, commands: list[list[str]]) -> bytes:
    """The commands, each after ``join``; a command's further lines are
    continued one level deeper than the commands themselves."""
    tail = join.rsplit(b"\n", 1)[-1]
    leading = tail.endswith(b"&& ")
    indent = tail[:-3] if leading else tail
    deeper = indent + (b"\t" if indent.startswith(b"\t") else b"    ")
    if leading:
        deeper += b"   "  # under the command, past "&& "
    cont = b" " + ctx.doc.escape.encode() + ctx.nl + deeper
    out = b""
    for c in commands:
        out += join + cont.join(p.encode() for p in c)
    return out


def _names(pkgs: list[str]) -> str:
    shown = ", ".join(pkgs[:4])
    return shown + (f" and {len(pkgs) - 4} more" if len(pkgs) > 4 else "")


def _apk_add_word(inv):

    w = subcommand(inv, _APK_VALUE_OPTS)
    return w if w is not None and w.text == "add" else None


def _apk_options(inv) -> list[str]:
    """The options of an ``apk add`` (given again to the .run-deps add)."""
    out = []
    ws = inv.words[1:]
    i = 0
    while i < len(ws):
        t = ws[i].text
        if t == "add":
            i += 1
            continue
        if t.startswith("-"):
            if t in _APK_VALUE_OPTS and i + 1 < len(ws):
                out += [ws[i].raw, ws[i + 1].raw]
                i += 2
                continue
            out.append(ws[i].raw)
        i += 1
    return out


def _install_packages(inv):
    """Packages an ``apt-get install``/``apk add`` names; None for other
    commands; a string when a word is not a plain package name."""

    if apt_action(inv) == "install":

        words = positionals_after(inv, apt_subcommand(inv), _APT_VALUE_OPTS)
    elif inv.tool == "apk" and _apk_add_word(inv) is not None:
        words = positionals_after(inv, _apk_add_word(inv), _APK_VALUE_OPTS)
    else:
        return None
    out = []
    for w in words:
        name = package_name(w.text) if w.raw == w.text else None
        if name is None:
            return f"`{w.raw}` is not a plain package name"
        out.append(name)
    return out


def _installs_build_deps(inv) -> bool:
    pk = _install_packages(inv)
    return isinstance(pk, list) and any(is_build_package(p) for p in pk)


def _is_apt_update_item(script, invs, k: int) -> bool:

    cmds = [v for v in invs if item_of(script, v.cmd) == k]
    return bool(cmds) and all(apt_action(v) == "update" for v in cmds)


def _purge_point(script) -> int | None:
    """Index of the last top-level item before the trailing clean-ups
    (``rm``, ``apt-get clean``, ``apk cache clean``)."""

    invs = invocations(script)
    k = len(script.top_items) - 1
    while k > 0:
        cmds = [v for v in invs if item_of(script, v.cmd) == k]
        if cmds and all(v.tool == "rm" or (v.args[:1] == ["clean"] and v.tool in ("apt-get", "apt"))
                        for v in cmds):
            k -= 1
            continue
        break
    return k


def _later_build_use(ctx, ins):
    """The first later instruction that uses build tools (or an installer that
    may compile), counting ONBUILD triggers and CMD/ENTRYPOINT/HEALTHCHECK."""

    def uses(other) -> bool:
        target = other.sub or other
        if target.keyword == "RUN":
            script = ctx.script(other)
            if script is not None and not script.has_error:
                for v in invocations(script):
                    if v.tool in BUILD_COMMANDS or re.match(r"^(gcc|g\+\+|clang)-\d", v.tool):
                        return True
                    if v.tool in _INSTALLERS and _installs_something(v):
                        return True
                    if v.tool in ("python", "python3") and v.args[:1] == ["setup.py"]:
                        return True
                return False
            return bool(_TOOL_WORD.search(_all_text(target)))
        if target.keyword in ("CMD", "ENTRYPOINT", "HEALTHCHECK"):
            return bool(_TOOL_WORD.search(" ".join(target.value)))
        return False

    for other in lineage_after(ctx.doc, ins):
        if uses(other):
            return other
    # ONBUILD triggers run in later builds; an earlier CMD/ENTRYPOINT is inherited
    for other in lineage_before(ctx.doc, ins):
        if (other.sub is not None or other.keyword in ("CMD", "ENTRYPOINT", "HEALTHCHECK")) and uses(other):
            return other
    return None


def _installs_something(inv) -> bool:
    pos = [a for a in inv.args if not a.startswith("-")]
    if inv.tool in ("yarn",) and not pos:
        return True
    return bool(pos) and pos[0] in ("install", "i", "ci", "add", "rebuild", "sync", "update", "upgrade")


def _all_text(ins) -> str:
    out = ins.text.decode("utf-8", "replace")
    for h in ins.heredocs:
        out += "\n" + h.content
    return " ".join(ins.value) + " " + out


def _free_name(doc, wanted: str) -> str:
    """A virtual package name the file does not use yet."""
    text = doc.data
    name = wanted
    n = 2
    while re.search(re.escape(name).encode() + rb"(?![\w.-])", text):
        name = f"{wanted}-{n}"
        n += 1
    return name
