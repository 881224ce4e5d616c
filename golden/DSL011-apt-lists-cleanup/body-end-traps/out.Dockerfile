FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # pinned by the base image

FROM debian:bookworm
RUN apt-get update && apt-get install -y curl & wait

FROM debian:bookworm
RUN apt-get update && apt-get install -y curl; exit 0

FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y jq && rm -rf /var/lib/apt/lists/* # pinned by the base image

FROM debian:bookworm
RUN apt-get update && apt-get install -y git
RUN ["apt-get", "install", "-y", "make"]

FROM debian:bookworm
RUN apt-get update && apt-get install -y gcc
ONBUILD RUN apt-get install -y g++
