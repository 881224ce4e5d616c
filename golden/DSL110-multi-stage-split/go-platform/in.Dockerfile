ARG GO_VERSION=1.22
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}
WORKDIR /src
COPY . .
RUN go build -o /out/tool .
ENTRYPOINT ["/out/tool"]
