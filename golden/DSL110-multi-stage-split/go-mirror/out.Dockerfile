FROM mirror.example.com/library/golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/tool .

FROM mirror.example.com/library/debian:bookworm-slim
WORKDIR /src
COPY --from=build /out/tool /out/tool
ENTRYPOINT ["/out/tool"]
