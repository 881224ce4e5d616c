FROM debian:bookworm AS build
RUN echo prepare

FROM golang:1.22
WORKDIR /src
COPY --from=0 /etc/os-release /etc/builder-os-release
COPY . .
RUN go build -o /out/app .
CMD ["/out/app"]
