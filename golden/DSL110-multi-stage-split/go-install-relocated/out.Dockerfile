FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go install -trimpath -ldflags="-s -w" ./cmd/server

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /go/bin/server /usr/local/bin/server
CMD ["server"]
