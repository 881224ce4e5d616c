FROM debian:bookworm
RUN apt-get update && apt-get install -y curl && \
# tidy up
    apt-get autoclean
CMD ["curl"]
