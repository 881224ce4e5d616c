FROM debian:bookworm
RUN apt-get update && \
    apt-get install -y \
        build-essential \
        git && \
    rm -rf /var/lib/apt/lists/*
