FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt update && apt install -y git && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
