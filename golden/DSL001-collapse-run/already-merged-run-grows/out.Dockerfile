FROM debian:bookworm
RUN apt-get update && \
    ( cd /tmp && echo x ) && \
    { echo a; echo b; } && \
    echo c && \
    echo d
