FROM debian:bookworm
RUN test -f /etc/debian_version || exit 1
RUN echo ok
RUN grep -q x /etc/hosts || true
