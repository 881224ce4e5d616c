FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN apt-get purge -y --auto-remove wget
RUN apt-get update && apt-get install -y git
