FROM alpine:3.19 AS a
HEALTHCHECK CMD ["wget", "-q", "http://localhost"
FROM alpine:3.19 AS b
HEALTHCHECK --interval=5s --timeout=1s NONE
FROM alpine:3.19 AS c
HEALTHCHECK --interval=5s CMD
FROM alpine:3.19 AS d
healthcheck cmd ["true"]
FROM alpine:3.19 AS e
HEALTHCHECK --interval=10s CMD [ "sh", "-c", "exit 0" ]
