FROM debian:bookworm AS build
RUN echo prepare

FROM golang:1.22 AS build-1
WORKDIR /src
COPY --from=0 /etc/os-release /etc/builder-os-release
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build-1 /out/app /out/app
COPY --from=build-1 /etc/builder-os-release /etc/builder-os-release
CMD ["/out/app"]
