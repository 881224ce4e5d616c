FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
# tidy up
RUN apt-get autoclean
CMD ["curl"]
