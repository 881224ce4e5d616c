# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN <<EOF bash
set -euo pipefail
declare -a pkgs=(git make)
for p in "${pkgs[@]}"; do
  echo "would install $p"
done
[[ -d /tmp ]] && echo "bash-only test syntax works"
EOF
RUN <<EOF bash -x
echo "traced"
EOF
