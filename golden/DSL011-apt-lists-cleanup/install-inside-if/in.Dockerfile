FROM debian:bookworm-slim
ARG WITH_DEBUG_TOOLS=false
RUN set -e; \
    if [ "$WITH_DEBUG_TOOLS" = "true" ]; then \
        apt-get update && apt-get install -y gdb strace; \
    fi
RUN for i in 1 2 3; do apt-get update && break; done && apt-get install -y curl
RUN (apt-get update && apt-get install -y git)
RUN { apt-get update && apt-get install -y jq; }
