FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt update && apt install -y git
CMD ["bash"]
