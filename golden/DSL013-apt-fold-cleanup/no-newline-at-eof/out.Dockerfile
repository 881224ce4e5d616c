FROM debian:bookworm
RUN apt-get install -y curl && apt-get clean