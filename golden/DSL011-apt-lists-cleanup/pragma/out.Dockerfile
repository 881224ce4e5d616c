FROM debian:bookworm
# dslim-rewrite ignore=DSL011
RUN apt-get update && apt-get install -y curl
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
