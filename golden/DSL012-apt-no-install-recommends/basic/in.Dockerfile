FROM debian:bookworm
RUN apt-get update && apt-get install -y python3 python3-venv && rm -rf /var/lib/apt/lists/*
RUN apt update && apt install -y make
