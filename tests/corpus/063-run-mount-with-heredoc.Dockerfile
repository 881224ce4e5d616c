# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends jq
EOF
RUN --network=none --mount=type=tmpfs,target=/scratch <<'SCRIPT' sh
echo working in /scratch
ls -la /scratch
SCRIPT
