FROM debian:bookworm
RUN apt-get update \
# pinned on purpose
    && apt-get install -y curl=7.88.1-10 \
    && { echo a; \
# second part
    echo b; } \
    && echo c
