# syntax=docker/dockerfile:1-labs
FROM ubuntu:22.04
RUN --security=insecure mount -t tmpfs none /mnt && echo mounted
RUN --security=sandbox echo sandboxed
