FROM debian:bookworm AS base
RUN apt-get update && \
    apt-get install -y curl

FROM golang:1.22 AS tools
RUN go version
RUN go env

FROM base
RUN curl --version && \
    echo ready
