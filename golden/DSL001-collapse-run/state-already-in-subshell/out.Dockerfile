FROM debian:bookworm
RUN (cd /usr/src && make) && \
    echo "$(cd /tmp && pwd)" && \
    pwd
