# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN apt-get update
RUN --network=none make test && \
    make check
RUN echo done
