FROM debian:bookworm
RUN { test -f /etc/debian_version || exit 1; } && \
    echo ok && \
    { grep -q x /etc/hosts || true; }
