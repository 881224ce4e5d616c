#!/usr/bin/env bash
# Make a Docker engine (Debian's docker.io, 20.10) available on this machine.
#
# Idempotent: installs docker.io + debootstrap if missing, removes a leftover
# docker0 bridge, starts dockerd (no default bridge, no iptables) if it is not
# answering, and waits for it.  Builds must use --network=host and containers
# must run with --network=none: no bridge network exists.
#
# Use Debian's client by path (another, newer client may sit earlier on PATH
# and would fall back to the legacy builder without buildx):
#     DOCKER_BUILDKIT=1 /usr/bin/docker build --network=host ...
#
# With DOCKER_HOST pointing at another daemon, that daemon is only checked,
# never started.
set -euo pipefail

DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1
LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
WAIT=${ENGINE_WAIT:-60}

die() { echo "engine.sh: ERROR: $*" >&2; exit 1; }
say() { echo "engine.sh: $*" >&2; }

[ "$(id -u)" = 0 ] || die "must run as root (installs packages, starts dockerd)"

# One engine.sh at a time (parallel callers would race on apt and dockerd).
exec 9>/tmp/dslim-engine.lock
flock -w 300 9 || die "another engine.sh held /tmp/dslim-engine.lock for 300s"

need=()
[ -x /usr/bin/docker ] && [ -x /usr/sbin/dockerd ] || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} via apt"
    # A third-party source that cannot be reached must not stop us: the
    # install below fails loudly if Debian's own lists are missing.
    apt-get update -qq -o DPkg::Lock::Timeout=300 >/tmp/engine-apt.log 2>&1 || say "apt-get update reported errors (see /tmp/engine-apt.log); trying the install anyway"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "${need[@]}" >>/tmp/engine-apt.log 2>&1 \
        || die "apt-get install ${need[*]} failed; see /tmp/engine-apt.log"
fi
[ -x "$DOCKER" ] || die "$DOCKER missing after install"

# No default bridge: never keep a docker0 (172.17.0.0/16) around.
if ip link show docker0 >/dev/null 2>&1; then
    say "removing docker0"
    ip link delete docker0 || die "could not delete docker0"
fi

if "$DOCKER" info >/dev/null 2>&1; then
    say "dockerd already answering${DOCKER_HOST:+ at $DOCKER_HOST}"
elif [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != unix:///var/run/docker.sock ] && [ "$DOCKER_HOST" != unix:///run/docker.sock ]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer (engine.sh only starts the default daemon)"
else
    # Other daemons (own --pidfile/-H) may run on this machine: only the one
    # holding the default pidfile counts.
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
        say "dockerd (pid $pid) is running but does not answer yet; waiting for it"
    else
        say "starting dockerd (log: $LOG)"
        # fds 8/9 (this script's and standins.sh's locks) must not stay
        # open in the long-lived daemon
        setsid /usr/sbin/dockerd --bridge=none --iptables=false --ip6tables=false \
            >"$LOG" 2>&1 </dev/null 8>&- 9>&- &
    fi
    ok=
    for _ in $(seq "$WAIT"); do
        if "$DOCKER" info >/dev/null 2>&1; then ok=1; break; fi
        sleep 1
    done
    if [ -z "$ok" ]; then
        tail -n 20 "$LOG" >&2 2>/dev/null || true
        die "dockerd did not answer within ${WAIT}s (see $LOG)"
    fi
fi

# A daemon started some other way may have made the default bridge.
if ip link show docker0 >/dev/null 2>&1; then
    die "docker0 exists: the running dockerd was not started with --bridge=none; stop it and re-run"
fi

say "ready: $("$DOCKER" version --format 'client {{.Client.Version}}, server {{.Server.Version}}')"
