#!/usr/bin/env python3
"""Generate the corpus files whose exact bytes are awkward to write by hand.

This covers CRLF line endings, a UTF-8 byte order mark, missing final
newlines, trailing whitespace, tab characters, very long lines and the large
(500+ line) files. Every other corpus file is written by hand and is not
touched by this script.

Run from anywhere:  python3 tests/corpus/generate.py
The output is deterministic; the generated files are committed alongside the
hand-written ones, so re-running it must produce no diff.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BOM = b"\xef\xbb\xbf"


def lf(text: str) -> bytes:
    return text.encode("utf-8")


def crlf(text: str) -> bytes:
    assert "\r" not in text
    return text.replace("\n", "\r\n").encode("utf-8")


FILES: dict[str, bytes] = {}


def add(name: str, data: bytes) -> None:
    assert name not in FILES, name
    assert b"\x00" not in data, name
    FILES[name] = data


# ---------------------------------------------------------------------------
# Heredocs that need tabs or CRLF
# ---------------------------------------------------------------------------

add("092-heredoc-dash-tabs.Dockerfile", lf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN <<-EOF\n"
    "\techo \"leading tabs are stripped by <<- at build time\"\n"
    "\tif [ -d /etc ]; then\n"
    "\t\techo \"nested tab\"\n"
    "\tfi\n"
    "\tEOF\n"
    "COPY <<-EOF /etc/indented.conf\n"
    "\t[main]\n"
    "\t\tkey = value\n"
    "\tEOF\n"
    "RUN cat <<-'EOS'\n"
    "\t$HOME is literal because the delimiter is quoted\n"
    "\t\tEOS\n"
))

add("105-heredoc-crlf.Dockerfile", crlf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN <<EOF\n"
    "echo \"this file uses CRLF line endings\"\n"
    "echo \"including inside the heredoc body\"\n"
    "EOF\n"
    "COPY <<'CONF' /etc/crlf.conf\n"
    "first=1\n"
    "second=2\n"
    "CONF\n"
    "RUN cat /etc/crlf.conf \\\n"
    "    && echo done\n"
))

add("112-heredoc-dash-mixed-indent.Dockerfile", lf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN <<-EOF\n"
    "\techo tab-indented\n"
    "    echo space-indented (spaces are never stripped)\n"
    "    EOF\n"
    "\t \techo tab-space-tab\n"
    "\t\tEOF\n"
    "RUN echo \"the space-indented EOF above did not end the heredoc\"\n"
))

# ---------------------------------------------------------------------------
# Continuations and line endings
# ---------------------------------------------------------------------------

add("128-continuation-trailing-whitespace.Dockerfile", lf(
    "FROM alpine:3.19\n"
    "RUN echo one \\  \n"
    "    && echo two \\\t\n"
    "    && echo three \\ \t \n"
    "    && echo four\n"
    "ENV A=1 \\   \n"
    "    B=2\n"
))

add("129-continuation-at-eof.Dockerfile", lf(
    "FROM alpine:3.19\n"
    "RUN echo the file ends in the middle of a continuation \\\n"
    "    && echo last line \\"
))

add("157-directive-with-bom.Dockerfile", BOM + lf(
    "# escape=`\n"
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n"
    "RUN echo \"a byte order mark precedes the directive\" `\n"
    "    && echo continued-with-backtick\n"
    "WORKDIR C:\\work\n"
))

add("170-bom-simple.Dockerfile", BOM + lf(
    "FROM alpine:3.19\n"
    "RUN echo \"this file starts with a UTF-8 byte order mark\"\n"
    "CMD [\"sh\"]\n"
))

add("171-bom-crlf.Dockerfile", BOM + crlf(
    "# syntax=docker/dockerfile:1\n"
    "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n"
    "WORKDIR /source\n"
    "COPY *.csproj .\n"
    "RUN dotnet restore\n"
    "COPY . .\n"
    "RUN dotnet publish -c Release -o /app --no-restore\n"
    "\n"
    "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"
    "WORKDIR /app\n"
    "COPY --from=build /app .\n"
    "ENTRYPOINT [\"dotnet\", \"WebApi.dll\"]\n"
))

add("172-crlf-whole-file.Dockerfile", crlf(
    "FROM python:3.12-slim\n"
    "\n"
    "# Edited on Windows: every line ends with CR LF.\n"
    "ENV PYTHONUNBUFFERED=1\n"
    "WORKDIR /app\n"
    "COPY requirements.txt .\n"
    "RUN pip install -r requirements.txt\n"
    "COPY . .\n"
    "EXPOSE 5000\n"
    "CMD [\"flask\", \"run\", \"--host=0.0.0.0\"]\n"
))

add("173-crlf-continuations-comments.Dockerfile", crlf(
    "FROM debian:bookworm-slim\n"
    "RUN apt-get update \\\n"
    "# comment inside a CRLF continuation\n"
    "    && apt-get install -y --no-install-recommends \\\n"
    "\n"
    "        curl \\\n"
    "        jq \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
    "LABEL a=\"1\" \\\n"
    "      b=\"2\"\n"
))

add("174-crlf-mixed-lf.Dockerfile", lf(
    "FROM alpine:3.19\r\n"
    "RUN echo crlf line\r\n"
    "RUN echo lf line\n"
    "RUN echo continued crlf \\\r\n"
    "    && echo continued lf \\\n"
    "    && echo end crlf\r\n"
    "\r\n"
    "\n"
    "CMD [\"sh\"]\n"
))

add("175-no-final-newline.Dockerfile", lf(
    "FROM alpine:3.19\n"
    "RUN echo no newline at the end of this file\n"
    "CMD [\"echo\", \"last\"]"
))

add("176-no-final-newline-heredoc.Dockerfile", lf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN <<EOF\n"
    "echo heredoc terminator is the last line, without a newline\n"
    "EOF"
))

add("177-trailing-whitespace.Dockerfile", lf(
    "FROM alpine:3.19   \n"
    "RUN echo trailing spaces after the command    \n"
    "ENV KEY=value\t\n"
    "ENV LEGACY some value   \n"
    "LABEL x=y  \n"
    "# comment with trailing spaces   \n"
    "   \n"
    "\t\n"
    "CMD [\"sh\"]  \n"
))

add("178-tabs-indentation.Dockerfile", lf(
    "FROM debian:bookworm-slim\n"
    "RUN\tapt-get update \\\n"
    "\t&& apt-get install -y \\\n"
    "\t\tcurl \\\n"
    "\t\twget \\\n"
    "\t&& rm -rf /var/lib/apt/lists/*\n"
    "\tWORKDIR\t/opt\n"
    "ENV\tA=1\tB=2\n"
    "ENV\tLEGACY\tvalue\twith\ttabs\n"
    "EXPOSE\t80\t443\n"
    "CMD\t[\"bash\"]\n"
))

add("179-utf8-comments-values.Dockerfile", lf(
    "# Ce fichier contient des caractères accentués : é, è, ç, à.\n"
    "# Комментарий на русском языке.\n"
    "# 这是一个中文注释。\n"
    "FROM alpine:3.19\n"
    "LABEL description=\"Ünïcödé – “smart quotes” — and ‘more’\" \\\n"
    "      author=\"Zoë Ångström\"\n"
    "ENV GREETING=\"¡Hola, señor!\" CURRENCY=€ SYMBOL=→\n"
    "ENV LEGACY Grüße aus München\n"
    "RUN echo \"$GREETING ✓\" > /greeting.txt\n"
    "WORKDIR /données/répertoire\n"
    "COPY fichier-été.txt ./\n"
    "CMD [\"cat\", \"/greeting.txt\"]\n"
))

add("184-utf8-non-latin-scripts.Dockerfile", lf(
    "FROM ubuntu:24.04\n"
    "# 日本語: ビルド用のイメージ\n"
    "# 한국어 주석\n"
    "# עברית מימין לשמאל\n"
    "# العربية\n"
    "# 🐳📦🚀 emoji in a comment\n"
    "LABEL title=\"多言語テスト\" note=\"ελληνικά κείμενα\"\n"
    "ENV MESSAGE=\"नमस्ते दुनिया\"\n"
    "RUN echo \"$MESSAGE\" && echo \"😀 grinning\" && echo \"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP\"\n"
    "CMD [\"echo\", \"готово\"]\n"
))

# Very long lines (a few thousand characters up to ~20k).
_pkgs = " ".join("lib-example-package-%03d" % i for i in range(160))
add("180-long-line-run.Dockerfile", lf(
    "FROM debian:bookworm-slim\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends " + _pkgs
    + " && rm -rf /var/lib/apt/lists/*\n"
    "CMD [\"bash\"]\n"
))

_env = " ".join("FEATURE_FLAG_%03d=enabled-%03d" % (i, i) for i in range(150))
add("181-long-line-env.Dockerfile", lf(
    "FROM alpine:3.19\n"
    "ENV " + _env + "\n"
    "ENV LONG_LEGACY " + ("word " * 700).strip() + "\n"
    "RUN env | wc -l\n"
))

_args = ", ".join('"--define=key%04d=value%04d"' % (i, i) for i in range(140))
add("182-long-json-line.Dockerfile", lf(
    "FROM eclipse-temurin:21-jre\n"
    "COPY app.jar /app.jar\n"
    "ENTRYPOINT [\"java\", " + _args + ", \"-jar\", \"/app.jar\"]\n"
    "LABEL " + " ".join('k%03d="%s"' % (i, "v" * 30) for i in range(80)) + "\n"
))

add("183-crlf-windows-escape-backtick.Dockerfile", crlf(
    "# escape=`\n"
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
    "SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]\n"
    "RUN [Environment]::SetEnvironmentVariable('Path', $env:Path + ';C:\\tools', 'Machine'); `\n"
    "    New-Item -ItemType Directory C:\\tools | Out-Null\n"
    "COPY tools\\ C:\\tools\\\n"
    "WORKDIR C:\\tools\n"
    "CMD [\"powershell\", \"-NoExit\"]\n"
))

add("185-tabs-between-tokens.Dockerfile", lf(
    "FROM\t\talpine:3.19\tAS\tbase\n"
    "COPY\t--chown=1:1\ta\tb\t/dst/\n"
    "LABEL\tk1=v1\t\tk2=\"v 2\"\n"
    "ARG\tA=1\tB\n"
    "USER\t1000\n"
    "HEALTHCHECK\t--interval=5s\tCMD\ttrue\n"
))

add("186-bom-no-final-newline.Dockerfile", BOM + lf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN echo bom at the start, no newline at the end"
))

add("187-crlf-heredoc-dash-tabs.Dockerfile", crlf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN <<-EOF\n"
    "\techo crlf and tabs together\n"
    "\t\techo deeper\n"
    "\tEOF\n"
    "COPY <<EOF /etc/x.txt\n"
    "plain body\n"
    "EOF\n"
))

add("188-mixed-crlf-in-continuation.Dockerfile", lf(
    "FROM ubuntu:22.04\n"
    "RUN apt-get update \\\r\n"
    "    && apt-get install -y \\\n"
    "       git \\\r\n"
    "       # a comment ending in CRLF\r\n"
    "       make \\\n"
    "\r\n"
    "    && rm -rf /var/lib/apt/lists/*\r\n"
    "CMD [\"bash\"]\r\n"
))

_long = " && ".join("echo step-%05d-%s" % (i, "x" * 12) for i in range(800))
assert 15000 < len(_long) < 60000
add("189-long-line-20k.Dockerfile", lf(
    "FROM alpine:3.19\n"
    "RUN " + _long + "\n"
    "CMD [\"true\"]\n"
))


# ---------------------------------------------------------------------------
# Large files (500+ lines each)
# ---------------------------------------------------------------------------

def large_monorepo() -> str:
    out: list[str] = []
    w = out.append
    w("# syntax=docker/dockerfile:1.7")
    w("# Monorepo image: one build stage per service, one final stage per runtime.")
    w("ARG GO_VERSION=1.22")
    w("ARG NODE_VERSION=20")
    w("ARG PYTHON_VERSION=3.12")
    w("ARG ALPINE_VERSION=3.19")
    w("ARG REGISTRY=registry.example.com")
    w("")
    w("FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS go-base")
    w("RUN apk add --no-cache git make")
    w("WORKDIR /src")
    w("COPY go.work go.work.sum ./")
    w("")
    w("FROM node:${NODE_VERSION}-alpine AS node-base")
    w("RUN corepack enable")
    w("WORKDIR /src")
    w("")
    w("FROM python:${PYTHON_VERSION}-slim AS py-base")
    w("ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1")
    w("WORKDIR /src")
    w("")
    langs = ["go", "node", "py"]
    names = [
        "accounts", "billing", "catalog", "checkout", "search", "inventory",
        "notifications", "payments", "ratings", "recommendations", "shipping",
        "auth", "gateway", "reports", "audit", "media", "profiles", "orders",
        "pricing", "tax", "wishlist", "sessions", "exports", "imports",
    ]
    for i, name in enumerate(names):
        lang = langs[i % 3]
        w("# ---------------------------------------------------------------")
        w("# service: %s (%s)" % (name, lang))
        w("# ---------------------------------------------------------------")
        if lang == "go":
            w("FROM go-base AS build-%s" % name)
            w("ARG TARGETOS TARGETARCH")
            w("COPY services/%s/go.mod services/%s/go.sum ./services/%s/" % (name, name, name))
            w("RUN --mount=type=cache,target=/go/pkg/mod \\")
            w("    cd services/%s && go mod download" % name)
            w("COPY services/%s/ ./services/%s/" % (name, name))
            w("COPY libs/go/ ./libs/go/")
            w("RUN --mount=type=cache,target=/go/pkg/mod \\")
            w("    --mount=type=cache,target=/root/.cache/go-build \\")
            w("    cd services/%s \\" % name)
            w("    && CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\")
            w("       go build -trimpath -ldflags=\"-s -w -X main.service=%s\" \\" % name)
            w("       -o /out/%s ./cmd/%s" % (name, name))
            w("")
            w("FROM alpine:${ALPINE_VERSION} AS %s" % name)
            w("RUN apk add --no-cache ca-certificates tzdata \\")
            w("    && addgroup -S svc && adduser -S -G svc svc")
            w("COPY --from=build-%s /out/%s /usr/local/bin/%s" % (name, name, name))
            w("USER svc")
            w("EXPOSE %d" % (8000 + i))
            w("HEALTHCHECK --interval=30s --timeout=3s CMD [\"/usr/local/bin/%s\", \"healthcheck\"]" % name)
            w("ENTRYPOINT [\"/usr/local/bin/%s\"]" % name)
        elif lang == "node":
            w("FROM node-base AS build-%s" % name)
            w("COPY services/%s/package.json services/%s/pnpm-lock.yaml ./services/%s/" % (name, name, name))
            w("RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \\")
            w("    cd services/%s && pnpm install --frozen-lockfile" % name)
            w("COPY services/%s/ ./services/%s/" % (name, name))
            w("RUN cd services/%s \\" % name)
            w("    && pnpm run build \\")
            w("    && pnpm prune --prod")
            w("")
            w("FROM node:${NODE_VERSION}-alpine AS %s" % name)
            w("ENV NODE_ENV=production")
            w("WORKDIR /app")
            w("COPY --from=build-%s --chown=node:node /src/services/%s/dist ./dist" % (name, name))
            w("COPY --from=build-%s --chown=node:node /src/services/%s/node_modules ./node_modules" % (name, name))
            w("USER node")
            w("EXPOSE %d" % (8000 + i))
            w("CMD [\"node\", \"dist/main.js\"]")
        else:
            w("FROM py-base AS build-%s" % name)
            w("COPY services/%s/requirements.txt ./services/%s/" % (name, name))
            w("RUN --mount=type=cache,target=/root/.cache/pip \\")
            w("    python -m venv /venv \\")
            w("    && /venv/bin/pip install -r services/%s/requirements.txt" % name)
            w("COPY services/%s/ ./services/%s/" % (name, name))
            w("")
            w("FROM python:${PYTHON_VERSION}-slim AS %s" % name)
            w("COPY --from=build-%s /venv /venv" % name)
            w("COPY --from=build-%s /src/services/%s /app" % (name, name))
            w("ENV PATH=/venv/bin:$PATH")
            w("WORKDIR /app")
            w("USER nobody")
            w("EXPOSE %d" % (8000 + i))
            w("CMD [\"python\", \"-m\", \"%s\"]" % name)
        w("")
    w("# Aggregate stage used by integration tests.")
    w("FROM alpine:${ALPINE_VERSION} AS all-binaries")
    for i, name in enumerate(names):
        if langs[i % 3] == "go":
            w("COPY --from=build-%s /out/%s /bin/%s" % (name, name, name))
    w("RUN ls -l /bin")
    return "\n".join(out) + "\n"


def large_toolbox() -> str:
    """A deliberately unoptimised single-stage tools image."""
    out: list[str] = []
    w = out.append
    w("FROM ubuntu:22.04")
    w("MAINTAINER tools-team@example.com")
    w("")
    w("ENV DEBIAN_FRONTEND noninteractive")
    w("ENV TZ Etc/UTC")
    w("")
    w("RUN apt-get update")
    w("RUN apt-get upgrade -y")
    tools = [
        "curl", "wget", "git", "vim", "nano", "less", "htop", "jq", "zip",
        "unzip", "tar", "gzip", "bzip2", "xz-utils", "make", "gcc", "g++",
        "cmake", "pkg-config", "python3", "python3-pip", "python3-venv",
        "openssh-client", "rsync", "netcat-openbsd", "dnsutils", "iputils-ping",
        "telnet", "tcpdump", "strace", "gdb", "valgrind", "sqlite3",
        "postgresql-client", "mysql-client", "redis-tools", "socat", "tmux",
        "screen", "tree", "file", "lsof", "psmisc", "procps", "sudo", "locales",
        "tzdata", "gnupg", "software-properties-common", "apt-transport-https",
    ]
    for t in tools:
        w("RUN apt-get install %s" % t)
    w("")
    w("# language runtimes")
    w("RUN curl -fsSL https://deb.nodesource.example/setup_20.x | bash -")
    w("RUN apt-get install -y nodejs")
    w("RUN npm install -g yarn")
    w("RUN npm install -g typescript")
    w("RUN npm install -g eslint prettier")
    w("")
    pips = [
        "requests", "httpie", "black", "flake8", "mypy", "pytest", "ipython",
        "awscli", "ansible", "yq", "pre-commit", "tox", "poetry", "pipenv",
        "cookiecutter", "mkdocs", "sphinx", "jinja2-cli", "yamllint", "bandit",
    ]
    for p in pips:
        w("RUN pip3 install %s" % p)
    w("")
    w("# Go toolchain")
    w("RUN cd /tmp && wget https://go.example.dev/dl/go1.22.2.linux-amd64.tar.gz")
    w("RUN cd /tmp && tar -C /usr/local -xzf go1.22.2.linux-amd64.tar.gz")
    w("ENV PATH $PATH:/usr/local/go/bin:/root/go/bin")
    gotools = [
        "golang.org/x/tools/gopls@latest",
        "github.com/go-delve/delve/cmd/dlv@latest",
        "honnef.co/go/tools/cmd/staticcheck@latest",
        "github.com/golangci/golangci-lint/cmd/golangci-lint@v1.57.2",
        "mvdan.cc/gofumpt@latest",
        "github.com/fatih/gomodifytags@latest",
        "github.com/cweill/gotests/gotests@latest",
        "github.com/josharian/impl@latest",
    ]
    for g in gotools:
        w("RUN go install %s" % g)
    w("")
    w("# per-user setup")
    for i in range(1, 101):
        w("RUN useradd -m -s /bin/bash dev%02d" % i)
        w("RUN mkdir -p /home/dev%02d/.config && chown dev%02d:dev%02d /home/dev%02d/.config" % (i, i, i, i))
        w("RUN echo 'export EDITOR=vim' >> /home/dev%02d/.bashrc" % i)
        w("RUN echo \"dev%02d ALL=(ALL) NOPASSWD:ALL\" > /etc/sudoers.d/dev%02d; chmod 0440 /etc/sudoers.d/dev%02d" % (i, i, i))
    w("")
    w("# misc configuration, one step at a time")
    w("RUN cd /etc")
    w("RUN locale-gen en_US.UTF-8")
    w("ENV LANG en_US.UTF-8")
    w("ENV LC_ALL en_US.UTF-8")
    w("RUN set -e; for d in /opt/a /opt/b /opt/c; do mkdir -p $d; done")
    w("RUN if [ -f /etc/os-release ]; then . /etc/os-release; echo $PRETTY_NAME; fi")
    w("RUN case \"$(uname -m)\" in x86_64) echo amd64;; aarch64) echo arm64;; *) echo other;; esac > /etc/arch")
    w("RUN export FOO=bar && echo $FOO")
    w("RUN cat /etc/passwd | grep dev | wc -l || true")
    w("RUN apt-get clean")
    w("WORKDIR /workspace")
    w("CMD [\"bash\"]")
    return "\n".join(out) + "\n"


def large_crlf_matrix() -> str:
    out: list[str] = []
    w = out.append
    w("# syntax=docker/dockerfile:1")
    w("# Test matrix image generated for several runtime versions.")
    w("# This file uses CRLF line endings and starts with a byte order mark.")
    w("ARG BASE=debian:bookworm-slim")
    w("")
    versions = {
        "python": ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"],
        "node": ["16", "18", "20", "21", "22"],
        "ruby": ["3.0", "3.1", "3.2", "3.3"],
        "java": ["11", "17", "21"],
        "php": ["8.1", "8.2", "8.3"],
        "go": ["1.20", "1.21", "1.22"],
    }
    for lang, vs in versions.items():
        for v in vs:
            tag = v.replace(".", "")
            stage = "%s%s" % (lang, tag)
            w("# --- %s %s ---" % (lang, v))
            w("FROM ${BASE} AS %s" % stage)
            w("LABEL matrix.language=\"%s\" \\" % lang)
            w("      matrix.version=\"%s\"" % v)
            w("ENV MATRIX_LANG=%s MATRIX_VERSION=%s" % (lang, v))
            w("RUN apt-get update \\")
            w("    && apt-get install -y --no-install-recommends \\")
            w("        ca-certificates \\")
            w("        curl \\")
            w("        xz-utils \\")
            w("    && rm -rf /var/lib/apt/lists/*")
            w("RUN curl -fsSLo /tmp/runtime.tar.xz \\")
            w("        https://downloads.example.org/%s/%s/linux-x64.tar.xz \\" % (lang, v))
            w("    && mkdir -p /opt/%s \\" % stage)
            w("    && tar -xJf /tmp/runtime.tar.xz -C /opt/%s --strip-components=1 \\" % stage)
            w("    && rm /tmp/runtime.tar.xz")
            w("ENV PATH=/opt/%s/bin:$PATH" % stage)
            w("WORKDIR /work")
            w("COPY tests/%s/ ./tests/" % lang)
            w("RUN ./tests/run.sh %s %s" % (lang, v))
            w("CMD [\"./tests/run.sh\", \"%s\", \"%s\"]" % (lang, v))
            w("")
    w("FROM ${BASE} AS report")
    for lang, vs in versions.items():
        for v in vs:
            stage = "%s%s" % (lang, v.replace(".", ""))
            w("COPY --from=%s /work/tests/ /report/%s/" % (stage, stage))
    w("RUN find /report -type f | sort")
    return "\n".join(out) + "\n"


def large_heredoc_configs() -> str:
    out: list[str] = []
    w = out.append
    w("# syntax=docker/dockerfile:1")
    w("# Configuration-heavy image: many files are written with heredocs.")
    w("FROM nginx:1.27-alpine AS web")
    w("RUN rm -f /etc/nginx/conf.d/default.conf")
    for i in range(24):
        host = "site%02d.example.test" % i
        w("COPY <<EOF /etc/nginx/conf.d/%s.conf" % host)
        w("server {")
        w("    listen 80;")
        w("    server_name %s;" % host)
        w("    # upstream %d" % i)
        w("    location / {")
        w("        proxy_pass http://backend%02d:%d;" % (i, 9000 + i))
        w("        proxy_set_header Host \\$host;")
        w("        proxy_set_header X-Forwarded-For \\$proxy_add_x_forwarded_for;")
        w("    }")
        w("}")
        w("EOF")
    w("RUN nginx -t")
    w("")
    w("FROM python:3.12-slim AS jobs")
    w("WORKDIR /jobs")
    for i in range(16):
        w("COPY <<'PY' job_%02d.py" % i)
        w("import os")
        w("import sys")
        w("")
        w("")
        w("def main() -> int:")
        w("    # job number %d" % i)
        w("    name = os.environ.get(\"JOB_NAME\", \"job-%02d\")" % i)
        w("    print(f\"running {name}\")")
        w("    return 0")
        w("")
        w("")
        w("if __name__ == \"__main__\":")
        w("    sys.exit(main())")
        w("PY")
    w("RUN <<EOF")
    w("set -e")
    w("for f in /jobs/job_*.py; do")
    w("  python \"$f\"")
    w("done")
    w("EOF")
    w("")
    w("FROM alpine:3.19 AS cron")
    w("RUN <<'CRONTAB' crontab -")
    for i in range(40):
        w("%d %d * * * /usr/local/bin/run-job job_%02d >> /var/log/jobs.log 2>&1" % (i % 60, i % 24, i % 16))
    w("CRONTAB")
    w("CMD [\"crond\", \"-f\", \"-l\", \"2\"]")
    return "\n".join(out) + "\n"


add("260-large-monorepo-services.Dockerfile", lf(large_monorepo()))
add("261-large-unoptimised-toolbox.Dockerfile", lf(large_toolbox()))
add("262-large-crlf-bom-matrix.Dockerfile", BOM + crlf(large_crlf_matrix()))
add("263-large-heredoc-configs.Dockerfile", lf(large_heredoc_configs()))


# ---------------------------------------------------------------------------
# Inputs the parser rejects
# ---------------------------------------------------------------------------

add("invalid/line-too-long.Dockerfile", lf(
    "FROM alpine:3.19\n"
    "RUN echo " + "y" * 65536 + "\n"
))

add("invalid/unterminated-heredoc-crlf.Dockerfile", crlf(
    "# syntax=docker/dockerfile:1\n"
    "FROM alpine:3.19\n"
    "RUN <<EOF\n"
    "echo the terminator below has trailing spaces, so it never matches\n"
    "EOF  \n"
))

add("invalid/only-comments-bom.Dockerfile", BOM + lf(
    "# syntax=docker/dockerfile:1\n"
    "# nothing but comments and blank lines\n"
    "\n"
    "   \n"
))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, data in sorted(FILES.items()):
        path = os.path.join(HERE, name)
        if check:
            try:
                with open(path, "rb") as fh:
                    if fh.read() != data:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    if check:
        for name in stale:
            print("out of date:", name)
        return 1 if stale else 0
    print("wrote %d files" % len(FILES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
