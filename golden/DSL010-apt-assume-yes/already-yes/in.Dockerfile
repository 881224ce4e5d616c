FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get install -qy git && apt-get --yes remove vim && apt-get -qq purge x
RUN apt-get update
RUN echo apt-get install foo
