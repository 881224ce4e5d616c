FROM debian:bookworm-slim
RUN groupadd -r minecraft --gid=999 && useradd -r -g minecraft --uid=999 --home-dir=/data minecraft
ENV GOSU_VERSION 1.17
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates wget; \
    arch="$(dpkg --print-architecture)"; \
    wget -O /usr/local/bin/gosu "https://example.com/gosu/releases/download/$GOSU_VERSION/gosu-$arch"; \
    chmod +x /usr/local/bin/gosu; \
    gosu --version; \
    gosu nobody true; \
    rm -rf /var/lib/apt/lists/*
COPY start-server.sh /usr/local/bin/
VOLUME /data
ENTRYPOINT ["start-server.sh"]
