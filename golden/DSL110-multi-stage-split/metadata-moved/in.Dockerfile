FROM golang:1.22
LABEL org.opencontainers.image.source="https://example.com/repo"
# the API port
EXPOSE 8080
ARG VERSION=dev
ENV APP_VERSION=$VERSION
WORKDIR /src
COPY . .
# dslim-rewrite ignore=DSL001
STOPSIGNAL SIGINT
RUN go build -ldflags "-X main.version=${VERSION}" -o /out/app .
VOLUME /data
CMD ["/out/app"]
