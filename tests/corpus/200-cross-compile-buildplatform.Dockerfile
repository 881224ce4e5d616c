# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM rust:1.77-bookworm AS build
ARG TARGETARCH
RUN case "$TARGETARCH" in \
      amd64) echo x86_64-unknown-linux-gnu > /rust_target ;; \
      arm64) echo aarch64-unknown-linux-gnu > /rust_target ;; \
      *) echo "unsupported arch $TARGETARCH" >&2; exit 1 ;; \
    esac \
    && rustup target add "$(cat /rust_target)"
RUN if [ "$TARGETARCH" = "arm64" ]; then \
      apt-get update && apt-get install -y gcc-aarch64-linux-gnu; \
    fi
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --target "$(cat /rust_target)" \
    && cp "target/$(cat /rust_target)/release/server" /server

FROM debian:bookworm-slim
COPY --from=build /server /usr/local/bin/server
CMD ["server"]
