FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM --platform=linux/riscv64 debian:bookworm-slim
COPY --from=build /out/app /app
CMD ["/app"]
