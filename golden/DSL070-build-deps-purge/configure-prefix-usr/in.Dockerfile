FROM debian:bookworm
RUN apt-get update && apt-get install -y build-essential curl \
    && curl -fsSL https://example.org/tool-1.0.tar.gz | tar -xz -C /tmp \
    && cd /tmp/tool-1.0 && ./configure --prefix=/usr && make && make install
