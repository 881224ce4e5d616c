FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN go build -trimpath -o /out/app .

FROM debian:bookworm-slim
COPY --from=builder /out/ /usr/local/bin/
CMD ["app"]
