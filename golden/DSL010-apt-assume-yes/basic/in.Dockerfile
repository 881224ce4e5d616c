FROM debian:bookworm
RUN apt-get update && apt-get install curl
RUN apt-get -q install --no-install-recommends git && apt remove vim
