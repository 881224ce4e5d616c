# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/dist/tool-2.1.0-linux-amd64.tar.gz /tmp/tool.tgz
ADD --checksum=sha256:5b5a1b1f4b4b0d0c5b2ef1e9ad2f1b1e0c6b0a6a1e3f1b5c2a0e9d8c7b6a5f4e \
    --chmod=755 \
    https://example.com/dist/helper /usr/local/bin/helper
