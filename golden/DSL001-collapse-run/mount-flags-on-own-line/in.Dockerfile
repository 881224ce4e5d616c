# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN --mount=type=secret,id=token \
    cat /run/secrets/token > /dev/null
RUN --mount=type=secret,id=token \
# the body is on the next line
    wc -c /run/secrets/token
