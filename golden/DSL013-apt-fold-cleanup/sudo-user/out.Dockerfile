FROM ubuntu:22.04
USER dev
RUN sudo apt-get update && sudo apt-get install -y curl && sudo apt-get clean && sudo rm -rf /var/lib/apt/lists/*
