FROM debian:bookworm
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
        build-essential \
        git \
        ca-certificates && \
    rm -rf /var/lib/apt/lists/*
