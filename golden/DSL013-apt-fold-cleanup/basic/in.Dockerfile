FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get clean && rm -rf /var/lib/apt/lists/*
CMD ["curl"]
