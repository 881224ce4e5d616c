FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
# dslim-rewrite ignore=DSL013
RUN apt-get clean
RUN apt-get update && apt-get install -y git
# hadolint ignore=DL3009
RUN apt-get clean
RUN apt-get update && apt-get install -y jq
RUN apt-get clean
