FROM rust:1.77 AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /src/target/release/tool /usr/local/bin/tool
CMD ["tool"]
