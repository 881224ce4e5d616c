FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get purge -y --auto-remove wget
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
