FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y curl \
    && ( cd /tmp ) \
# fetch
    && curl -fsSLO https://example.com/x.tgz \
    && tar xzf x.tgz \
    && { echo a; echo b; }
