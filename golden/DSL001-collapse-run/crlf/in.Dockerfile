FROM debian:bookworm
RUN apt-get update
# install
RUN apt-get install -y curl \
    ca-certificates
