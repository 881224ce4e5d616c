FROM debian:bookworm
RUN set -x && \
    apt-get update && \
    apt-get install -y make
RUN make --version
