FROM debian:bookworm
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
        curl \
        git && \
    rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/*
WORKDIR /src
