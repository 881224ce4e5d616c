FROM debian:bookworm AS base
RUN apt-get update && apt-get install -y curl

FROM base AS tools
RUN apt-get install -y git

FROM debian:bookworm AS other
RUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*
RUN echo done
