# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=cache,target=/a --mount=type=cache,target=/b echo one
RUN --mount=type=cache,target=/b --mount=type=cache,target=/a echo two
