FROM debian:bookworm
RUN apt-get install -y curl
RUN apt-get clean