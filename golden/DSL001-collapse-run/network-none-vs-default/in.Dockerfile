# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN apt-get update
RUN --network=none make test
RUN --network=none make check
RUN echo done
