FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM debian:bookworm-slim AS runtime
COPY --from=build /out/app /app
CMD ["/app"]
