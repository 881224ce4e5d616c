FROM debian:bookworm
RUN apt-get update && apt-get install -y curl || echo "no curl today" && rm -rf /var/lib/apt/lists/*
