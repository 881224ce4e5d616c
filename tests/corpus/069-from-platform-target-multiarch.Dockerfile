# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4.0 AS xx
FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
COPY --from=xx / /
ARG TARGETPLATFORM
RUN xx-apk add --no-cache musl-dev gcc
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    xx-go build -o /out/app ./ && xx-verify /out/app

FROM --platform=$TARGETPLATFORM alpine:3.19
COPY --from=build /out/app /usr/bin/app
ENTRYPOINT ["app"]
