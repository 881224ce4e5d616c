FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM debian:bookworm-slim
COPY --from=build /out/app /usr/local/bin/app
USER nonroot
EXPOSE 8080
ENTRYPOINT ["app"]
CMD ["--port", "8080"]
