FROM rust:1.78-slim AS toolbase
RUN cargo install cargo-chef --locked
WORKDIR /crate

FROM toolbase AS recipe
COPY Cargo.toml Cargo.lock ./
COPY crates/ crates/
RUN cargo chef prepare --recipe-path /tmp/recipe.json

FROM toolbase AS compile
COPY --from=recipe /tmp/recipe.json /tmp/recipe.json
RUN cargo chef cook --release --recipe-path /tmp/recipe.json
COPY Cargo.toml Cargo.lock ./
COPY crates/ crates/
RUN cargo build --release -p ingest-worker

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y ca-certificates && apt-get clean
COPY --from=compile /crate/target/release/ingest-worker /usr/bin/ingest-worker
ENTRYPOINT ["ingest-worker"]
