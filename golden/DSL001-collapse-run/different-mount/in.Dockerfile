# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=cache,target=/var/cache/apt apt-get update
RUN --mount=type=cache,target=/root/.cache pip install requests
RUN apt-get clean
