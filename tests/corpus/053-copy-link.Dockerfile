# syntax=docker/dockerfile:1.4
FROM rust:1.77 AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY --link --from=build /src/target/release/app /usr/local/bin/app
COPY --link=true config.toml /etc/app/config.toml
COPY --link=false --chmod=755 entry.sh /entry.sh
ENTRYPOINT ["/entry.sh"]
