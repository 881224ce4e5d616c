FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /usr/local/bin/app .

FROM debian:bookworm-slim
WORKDIR /src
COPY --from=build /usr/local/bin/app /usr/local/bin/app
CMD app --port 8080
