# syntax=docker/dockerfile:1
FROM golang:1.22 AS compile
WORKDIR /src
ENV CGO_ENABLED=0 GOFLAGS=-mod=readonly
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -o /dist/metricsd ./cmd/metricsd

FROM scratch AS export-linux
COPY --from=compile /dist/metricsd /metricsd

FROM scratch AS export-windows
COPY --from=compile /dist/metricsd /metricsd.exe

FROM export-${TARGETOS} AS export
