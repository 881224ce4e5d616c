FROM rust:1.78
WORKDIR /usr/src/app
COPY . .
RUN cargo build --release
CMD ["./target/release/app"]
