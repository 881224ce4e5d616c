FROM golang:1.22 AS build
RUN go env
RUN go build -o /out/app ./cmd/app

FROM debian:bookworm
COPY --from=build /out/app /usr/local/bin/app
RUN apt-get update
RUN apt-get install -y ca-certificates
