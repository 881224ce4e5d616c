FROM debian:bookworm-slim
ARG WITH_DEBUG_TOOLS=false
RUN set -e; \
    if [ "$WITH_DEBUG_TOOLS" = "true" ]; then \
        apt-get update && apt-get install -y gdb strace; \
    fi

FROM debian:bookworm-slim
RUN for i in 1 2 3; do apt-get update && break; done && apt-get install -y curl

FROM debian:bookworm-slim
RUN echo "$(apt-get update)" && apt-get install -y curl

FROM debian:bookworm-slim
RUN (apt-get update && apt-get install -y git)

FROM debian:bookworm-slim
RUN { apt-get update && apt-get install -y jq; }

FROM debian:bookworm-slim
RUN ( export DEBIAN_FRONTEND=noninteractive && apt-get update && apt-get install -y tzdata ) && \
    echo installed
