# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \
    --mount=type=cache,target=/var/cache/apt,sharing=locked \
    apt-get update && apt-get install -y clang
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y git
RUN --mount=type=tmpfs,dst=/var/lib/apt/lists apt-get update && apt-get install -y jq
