FROM --platform=linux/amd64 ubuntu:22.04 AS amd
FROM --platform=linux/arm64/v8 ubuntu:22.04 AS arm
FROM --platform=$BUILDPLATFORM golang:1.22 AS cross
ARG TARGETOS TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go env
FROM --platform=${TARGETPLATFORM} alpine:3.19
COPY --from=cross /go/bin /usr/local/bin
