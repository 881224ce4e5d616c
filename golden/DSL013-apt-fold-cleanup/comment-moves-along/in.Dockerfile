FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y curl

# tidy up what apt left behind
RUN apt-get clean \
    && rm -rf /var/lib/apt/lists/*
