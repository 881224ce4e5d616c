FROM debian:bookworm
RUN ( greet() { echo hi; }; greet ) && \
    ( trap 'echo bye' EXIT; echo work ) && \
    echo after
