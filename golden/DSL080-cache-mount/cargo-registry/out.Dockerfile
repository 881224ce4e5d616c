FROM rust:1.77 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /src/target/release/tool /usr/local/bin/tool
CMD ["tool"]
