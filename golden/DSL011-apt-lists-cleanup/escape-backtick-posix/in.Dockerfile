# escape=`
FROM debian:bookworm
SHELL ["/bin/sh", "-c"]
RUN apt-get update && `
    apt-get install -y curl
