FROM golang:1.22-bookworm
ENV CGO_ENABLED=1
WORKDIR /src
COPY . .
RUN go build -o /out/app .
ENTRYPOINT ["/out/app"]
