FROM debian:bookworm
WORKDIR /src
COPY . .
RUN apt-get update && \
    apt-get install -y build-essential curl && \
    make && \
    make install PREFIX=/usr/local
CMD ["hello-c", "6", "7"]
