FROM ubuntu:22.04
RUN apt-get update \
    && apt-get install -y \
        # fetchers
        curl \
        gnupg \
    && rm -rf /var/lib/apt/lists/*
