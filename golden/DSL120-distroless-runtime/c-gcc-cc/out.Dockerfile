FROM gcc:12 AS builder
COPY hello.cc /src/
RUN g++ -O2 -o /src/hello /src/hello.cc

FROM gcr.io/distroless/cc-debian12
WORKDIR /srv
COPY --from=builder /src/hello ./hello
CMD ["./hello"]
