FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && gcc -O2 -o /usr/local/bin/tick /usr/local/src/tick.c \
    && rm -rf /var/lib/apt/lists/*
