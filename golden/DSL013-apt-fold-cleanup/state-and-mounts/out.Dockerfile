# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN export APT_CONFIG=/etc/apt/custom.conf && apt-get update && apt-get install -y curl
RUN apt-get clean
RUN set -f && apt-get update && apt-get install -y git
RUN rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y jq
RUN rm -rf /var/lib/apt/lists/*
RUN apt-get install -y make
RUN --network=none apt-get clean
RUN cd /tmp && apt-get update && apt-get install -y gdb && rm -rf /var/lib/apt/lists/*
