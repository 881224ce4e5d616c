FROM alpine:3.19 AS one
HEALTHCHECK CMD wget -qO- http://localhost:8080/healthz || exit 1

FROM alpine:3.19 AS two
HEALTHCHECK --interval=5m --timeout=3s \
  CMD ["sh", "-c", "test -f /tmp/healthy"]

FROM alpine:3.19 AS three
HEALTHCHECK --start-period=30s --start-interval=2s CMD /usr/local/bin/check --quiet

FROM alpine:3.19 AS four
HEALTHCHECK --interval=1s CMD true
HEALTHCHECK NONE
