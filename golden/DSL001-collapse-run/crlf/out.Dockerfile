FROM debian:bookworm
RUN apt-get update && \
# install
    apt-get install -y curl \
    ca-certificates
