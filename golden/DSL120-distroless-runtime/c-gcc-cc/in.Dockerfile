FROM gcc:12 AS builder
COPY hello.cc /src/
RUN g++ -O2 -o /src/hello /src/hello.cc

FROM debian:bookworm
WORKDIR /srv
COPY --from=builder /src/hello ./hello
CMD ["./hello"]
