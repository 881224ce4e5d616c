FROM golang:1.21-alpine AS compile
RUN apk add --no-cache git ca-certificates tzdata
RUN echo 'runner:x:20001:20001:runner:/:/sbin/nologin' > /tmp/passwd \
    && echo 'runner:x:20001:' > /tmp/group
WORKDIR /go/src/linkcheck
COPY go.mod go.sum ./
RUN go mod download
RUN go mod verify
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$(git describe --tags --always 2>/dev/null || echo dev)" -o /out/linkcheck ./cmd/linkcheck

FROM scratch
COPY --from=compile /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=compile /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=compile /tmp/passwd /etc/passwd
COPY --from=compile /tmp/group /etc/group
COPY --from=compile /out/linkcheck /linkcheck
USER runner:runner
ENTRYPOINT ["/linkcheck"]
CMD ["--help"]
