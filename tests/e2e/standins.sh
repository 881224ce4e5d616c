#!/usr/bin/env bash
# Build stand-ins for public base images from Debian bookworm packages and tag
# them with the public names (no container registry is reachable here).
#
#   tests/e2e/standins.sh            build what is missing (present tags are kept)
#   FORCE=1 tests/e2e/standins.sh    rebuild everything
#   JOBS=1 tests/e2e/standins.sh     one build at a time (default: 3 at once)
#
# Every stand-in is flattened to a single layer (docker create + docker export
# | docker import, config carried over with --change), so image sizes count
# only what is really in the filesystem.  A stand-in's size is not the public
# image's size: compare images built on the same stand-ins only.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1
FORCE=${FORCE:-0}
JOBS=${JOBS:-3}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
HOST_CA=${HOST_CA:-/etc/ssl/certs/ca-certificates.crt}
TMP_REPO=dslim-standin-build
START=$(date +%s)

die() { echo "standins.sh: ERROR: $*" >&2; exit 1; }
say() { printf 'standins.sh: [%4ss] %s\n' "$(( $(date +%s) - START ))" "$*" >&2; }

"$HERE/engine.sh"

# One standins.sh per daemon at a time; a second one waits, then finds the
# images present.
lock="/tmp/dslim-standins.$(printf '%s' "${DOCKER_HOST:-default}" | cksum | cut -d' ' -f1).lock"
exec 8>"$lock"
flock -w 1200 8 || die "another standins.sh held $lock for 20 minutes"

[ -r "$HOST_CA" ] || die "host CA bundle $HOST_CA not readable (needed for pip/npm through the TLS proxy)"

WORK=$(mktemp -d /tmp/dslim-standins.XXXXXX)
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

have() { [ "$FORCE" != 1 ] && "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

# flatten SRC DST: squash image SRC into a one-layer image DST, keeping its
# Env, Cmd, Entrypoint, WorkingDir and User.
flatten() {
    local src=$1 dst=$2 cid line k v old
    local -a ch=()
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        k=${line%%=*}; v=${line#*=}
        v=${v//\\/\\\\}; v=${v//\"/\\\"}
        ch+=(--change "ENV $k=\"$v\"")
    done < <("$DOCKER" image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$src")
    v=$("$DOCKER" image inspect -f '{{json .Config.Entrypoint}}' "$src"); [ "$v" = null ] || ch+=(--change "ENTRYPOINT $v")
    v=$("$DOCKER" image inspect -f '{{json .Config.Cmd}}' "$src");        [ "$v" = null ] || ch+=(--change "CMD $v")
    v=$("$DOCKER" image inspect -f '{{.Config.WorkingDir}}' "$src");      [ -z "$v" ]     || ch+=(--change "WORKDIR $v")
    v=$("$DOCKER" image inspect -f '{{.Config.User}}' "$src");            [ -z "$v" ]     || ch+=(--change "USER $v")
    # The command is never run; it lets images without CMD (scratch) be created.
    cid=$("$DOCKER" create --pull=never "$src" /standin-placeholder)
    old=$("$DOCKER" image inspect -f '{{.Id}}' "$dst" 2>/dev/null || true)
    "$DOCKER" export "$cid" | "$DOCKER" import "${ch[@]}" - "$dst" >/dev/null
    "$DOCKER" rm "$cid" >/dev/null
    drop_old "$dst" "$old"
}

# drop_old TAG OLD_ID: after TAG was re-made (FORCE=1), remove the image it
# used to name unless something still uses it.
drop_old() {
    local new
    [ -n "$2" ] || return 0
    new=$("$DOCKER" image inspect -f '{{.Id}}' "$1")
    [ "$new" = "$2" ] || "$DOCKER" rmi "$2" >/dev/null 2>&1 || true
}

# build TAG DIR [TARGET]: docker build standins/DIR (context: its files plus
# the host CA bundle as host-ca.crt), then flatten the result into TAG.
build() {
    local tag=$1 dir=$2 target=${3:-} ctx tmp log t0
    if have "$tag"; then say "present: $tag"; return 0; fi
    t0=$(date +%s)
    ctx="$WORK/ctx-${tag//[\/:]/_}"
    tmp="$TMP_REPO:${tag//[\/:]/_}"
    log="$WORK/${tag//[\/:]/_}.log"
    mkdir -p "$ctx"
    cp -a "$HERE/standins/$dir/." "$ctx/"
    cp "$HOST_CA" "$ctx/host-ca.crt"
    say "building $tag"
    if ! "$DOCKER" build --network=host --progress=plain ${target:+--target "$target"} \
            -t "$tmp" "$ctx" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        die "build of $tag failed (standins/$dir${target:+, target $target})"
    fi
    flatten "$tmp" "$tag"
    "$DOCKER" rmi "$tmp" >/dev/null
    say "built $tag in $(( $(date +%s) - t0 ))s ($("$DOCKER" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
}

# debian:bookworm: debootstrap minbase + the apt/dpkg settings of the official
# image (debuerreotype's "minimizing config"), imported as one layer.
build_debian() {
    local tag=debian:bookworm rootfs t0 old
    if have "$tag"; then say "present: $tag"; return 0; fi
    command -v debootstrap >/dev/null || die "debootstrap missing (engine.sh installs it)"
    t0=$(date +%s)
    rootfs="$WORK/rootfs"
    say "debootstrap bookworm (minbase)"
    debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
        || { tail -n 30 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }
    ( set -e; cd "$rootfs"
      rm -f etc/apt/sources.list
      printf '%s\n' 'Types: deb' \
          'URIs: http://deb.debian.org/debian' \
          'Suites: bookworm bookworm-updates' \
          'Components: main' \
          'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
          '' \
          'Types: deb' \
          'URIs: http://deb.debian.org/debian-security' \
          'Suites: bookworm-security' \
          'Components: main' \
          'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
          > etc/apt/sources.list.d/debian.sources
      printf '#!/bin/sh\nexit 101\n' > usr/sbin/policy-rc.d; chmod 0755 usr/sbin/policy-rc.d
      echo force-unsafe-io > etc/dpkg/dpkg.cfg.d/docker-apt-speedup
      echo 'Apt::AutoRemove::SuggestsImportant "false";' > etc/apt/apt.conf.d/docker-autoremove-suggests
      clean='"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true";'
      printf 'DPkg::Post-Invoke { %s };\nAPT::Update::Post-Invoke { %s };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' \
          "$clean" "$clean" > etc/apt/apt.conf.d/docker-clean
      echo 'Acquire::GzipIndexes "true";' > etc/apt/apt.conf.d/docker-gzip-indexes
      echo 'Acquire::Languages "none";' > etc/apt/apt.conf.d/docker-no-languages
      # the engine bind-mounts these at run time; don't ship this host's copies
      : > etc/resolv.conf; echo localhost > etc/hostname
      rm -rf var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb \
             var/cache/apt/archives/partial/* var/cache/ldconfig/aux-cache \
             var/log/dpkg.log var/log/bootstrap.log var/log/alternatives.log var/log/apt/* \
             tmp/* var/tmp/* root/.bash_history
      mkdir -p var/lib/apt/lists/partial
    )
    say "importing $tag"
    old=$("$DOCKER" image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
    tar --numeric-owner -C "$rootfs" -cf - . \
        | "$DOCKER" import --change 'CMD ["bash"]' \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            - "$tag" >/dev/null
    drop_old "$tag" "$old"
    rm -rf "$rootfs"
    say "built $tag in $(( $(date +%s) - t0 ))s ($("$DOCKER" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
}

# At most $JOBS builds at once (a token pipe), each started as soon as the
# image it derives from exists.  Longest chain: debian, buildpack-deps, node.
mkfifo "$WORK/tokens"
exec 7<>"$WORK/tokens"
for _ in $(seq "$JOBS"); do echo >&7; done
job() {   # job TAG DIR [TARGET]
    local rc=0
    read -r -u 7
    ( build "$@" ) || rc=$?
    echo >&7
    return $rc
}
par() {   # par "TAG DIR [TARGET]"...: run jobs in parallel, fail if any fails
    local -a pids=()
    local rc=0 p spec
    for spec in "$@"; do
        # shellcheck disable=SC2086
        job $spec &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || rc=1; done
    return $rc
}

build_debian
chains=()
{ job buildpack-deps:bookworm buildpack-deps \
    && par "node:20 node" "golang:1.22 golang" "python:3.11 python" "gcc:12 gcc"; } &
chains+=($!)
{ job debian:bookworm-slim debian-slim \
    && par "node:20-slim node-slim" "python:3.11-slim python-slim"; } &
chains+=($!)
{ job eclipse-temurin:17-jre temurin-jre && job eclipse-temurin:17-jdk temurin-jdk; } &
chains+=($!)
{ job gcr.io/distroless/static-debian12 distroless static \
    && job gcr.io/distroless/base-debian12 distroless base \
    && job gcr.io/distroless/cc-debian12 distroless cc; } &
chains+=($!)
rc=0
for p in "${chains[@]}"; do wait "$p" || rc=1; done
[ $rc = 0 ] || die "a build failed (see above)"

say "done in $(( $(date +%s) - START ))s"
"$DOCKER" image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' \
    | grep -E '^(debian|buildpack-deps|gcc|python|golang|node|eclipse-temurin|gcr.io/distroless/[a-z]+-debian12):' \
    | sort >&2
