FROM golang:1.22 AS build

WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /usr/local/bin/server ./cmd/server

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /usr/local/bin/server /usr/local/bin/server
EXPOSE 8080
USER 65532
CMD ["server", "--listen", ":8080"]
