FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get -q install -y --no-install-recommends git && apt remove -y vim
