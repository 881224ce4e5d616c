FROM debian:bookworm AS base
SHELL ["/bin/sh", "-ec"]

FROM base
RUN echo a; echo b
RUN echo c
