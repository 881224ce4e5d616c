FROM ubuntu:22.04
RUN apt-get update \
  && apt-get install -y \
       curl \
       ca-certificates \
  && curl --version \
  && rm -rf /var/lib/apt/lists/*
