# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --security=insecure --network=host mount -t tmpfs none /mnt && \
    ls /mnt
