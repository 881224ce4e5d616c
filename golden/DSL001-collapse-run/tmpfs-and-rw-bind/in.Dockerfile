# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=tmpfs,target=/scratch touch /scratch/x
RUN --mount=type=tmpfs,target=/scratch ls /scratch
RUN --mount=type=bind,target=/src,rw touch /src/x
RUN --mount=type=bind,target=/src,rw ls /src
