FROM debian:bookworm
RUN apt-get update && apt-get install -y curl # pinned by the base image
RUN apt-get update && apt-get install -y curl & wait
RUN apt-get update && apt-get install -y curl; exit 0
RUN ["apt-get", "update"]
ONBUILD RUN apt-get update && apt-get install -y curl
RUN apt-get update \
    && apt-get install -y jq # pinned by the base image
