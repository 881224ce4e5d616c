FROM debian:bookworm
RUN ( exit 0 ) && \
    echo still runs && \
    ( [ -d /opt ] || exit 0 ) && \
    echo also
