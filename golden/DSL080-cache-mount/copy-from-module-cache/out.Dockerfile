FROM golang:1.22 AS deps
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download

FROM golang:1.22
COPY --from=deps /go/pkg/mod /go/pkg/mod
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -o /usr/local/bin/app .
CMD ["app"]
