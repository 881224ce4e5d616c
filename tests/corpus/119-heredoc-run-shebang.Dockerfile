# syntax=docker/dockerfile:1
FROM ubuntu:24.04
RUN <<EOT
#!/usr/bin/env bash
set -Eeuo pipefail
trap 'echo "failed at line $LINENO" >&2' ERR
mkdir -p /opt/app/{bin,lib,etc}
case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "unsupported"; exit 1 ;;
esac
echo "$arch" > /opt/app/etc/arch
EOT
