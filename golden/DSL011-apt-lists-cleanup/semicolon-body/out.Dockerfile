FROM debian:bookworm
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl; \
    curl --version && \
    rm -rf /var/lib/apt/lists/*
