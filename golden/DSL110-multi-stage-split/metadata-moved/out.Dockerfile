FROM golang:1.22 AS build
ARG VERSION=dev
ENV APP_VERSION=$VERSION
WORKDIR /src
COPY . .
# dslim-rewrite ignore=DSL001
STOPSIGNAL SIGINT
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-X main.version=${VERSION}" -o /out/app .

FROM gcr.io/distroless/static-debian12
ARG VERSION=dev
ENV APP_VERSION=$VERSION
WORKDIR /src
STOPSIGNAL SIGINT
COPY --from=build /out/app /out/app
LABEL org.opencontainers.image.source="https://example.com/repo"
# the API port
EXPOSE 8080
VOLUME /data
CMD ["/out/app"]
