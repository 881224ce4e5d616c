FROM ubuntu:22.04
USER builder
RUN sudo apt-get update && sudo apt-get install -y curl
