FROM golang:1.22

WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /usr/local/bin/server ./cmd/server

EXPOSE 8080
USER 65532
CMD ["server", "--listen", ":8080"]
