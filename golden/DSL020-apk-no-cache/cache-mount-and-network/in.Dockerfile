# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=cache,target=/var/cache/apk apk update && apk add curl
RUN --mount=type=cache,target=/etc/apk/cache apk add git
RUN --network=none apk add /tmp/local.apk
