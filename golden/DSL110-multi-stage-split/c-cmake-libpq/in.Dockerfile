FROM debian:bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake libpq-dev ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B build && cmake --build build
CMD ["/src/build/pgcheck"]
