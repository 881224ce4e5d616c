FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y \
# a comment
        curl \
    && rm -rf /var/lib/apt/lists/*
