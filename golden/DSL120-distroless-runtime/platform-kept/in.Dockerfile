FROM --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOARCH=arm64 go build -o /out/app .

FROM --platform=linux/arm64 debian:bookworm-slim AS final
COPY --from=build /out/app /app
CMD ["/app"]
