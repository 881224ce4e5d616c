ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/tool .

FROM --platform=$BUILDPLATFORM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /out/tool /out/tool
ENTRYPOINT ["/out/tool"]
