FROM ubuntu:22.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        # fetchers
        curl \
        gnupg \
        ca-certificates \
    && rm -rf /var/lib/apt/lists/*
