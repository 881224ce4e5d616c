FROM debian:bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake libpq-dev ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B build && cmake --build build

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY --from=build /src/build/pgcheck /src/build/pgcheck
CMD ["/src/build/pgcheck"]
