FROM debian:bookworm
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
        # the tools we need
        curl \
        git && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /app
