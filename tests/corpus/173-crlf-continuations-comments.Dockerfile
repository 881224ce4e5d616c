FROM debian:bookworm-slim
RUN apt-get update \
# comment inside a CRLF continuation
    && apt-get install -y --no-install-recommends \

        curl \
        jq \
    && rm -rf /var/lib/apt/lists/*
LABEL a="1" \
      b="2"
