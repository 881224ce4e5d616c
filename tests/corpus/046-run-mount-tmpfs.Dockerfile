# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN --mount=type=tmpfs,target=/tmp,size=512m \
    dd if=/dev/zero of=/tmp/scratch bs=1M count=10 && rm /tmp/scratch
