FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -trimpath -o /out/app .

FROM debian:bookworm-slim
COPY --from=builder /out/ /usr/local/bin/
CMD ["app"]
