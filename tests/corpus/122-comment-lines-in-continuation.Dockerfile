FROM debian:bookworm-slim
RUN apt-get update \
# comment between continuation lines is removed by the parser
    && apt-get install -y --no-install-recommends \
        curl \
        # the next package is needed for TLS
        ca-certificates \
        # git is optional
#       vim \
        git \
    && rm -rf /var/lib/apt/lists/*
