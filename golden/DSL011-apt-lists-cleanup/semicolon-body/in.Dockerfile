FROM debian:bookworm
RUN set -eux; apt-get update; apt-get install -y --no-install-recommends tini
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates curl; \
    curl --version
