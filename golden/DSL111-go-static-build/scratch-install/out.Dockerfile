FROM golang:1.22 AS build
COPY . /src
RUN cd /src && CGO_ENABLED=0 go install -trimpath -ldflags "-X main.v=1" ./cmd/tool

FROM scratch
COPY --from=build /go/bin/tool /tool
ENTRYPOINT ["/tool"]
