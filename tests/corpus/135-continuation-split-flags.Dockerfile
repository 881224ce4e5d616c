# syntax=docker/dockerfile:1
FROM alpine:3.19
COPY --chown=1000:1000 \
     --chmod=644 \
     a.txt \
     b.txt \
     /dst/
RUN --mount=type=cache,\
target=/var/cache/apk \
    apk add git
FROM \
    --platform=linux/amd64 \
    busybox \
    AS \
    split
