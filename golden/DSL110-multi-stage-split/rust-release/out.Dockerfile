FROM rust:1.78 AS build
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/release/app /usr/src/app/target/release/app
CMD ["./target/release/app"]
