FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y curl
RUN cd /tmp
# fetch
RUN curl -fsSLO https://example.com/x.tgz \
    && tar xzf x.tgz
RUN echo a; echo b
