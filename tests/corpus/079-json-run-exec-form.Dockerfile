FROM debian:bookworm-slim
RUN ["apt-get", "update"]
RUN ["apt-get", "install", "-y", "--no-install-recommends", "curl"]
RUN ["/bin/bash", "-c", "set -o pipefail && curl -fsSL https://example.com | wc -c"]
