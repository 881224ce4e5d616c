FROM golang:1.22-bookworm AS build
ENV CGO_ENABLED=1
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM gcr.io/distroless/cc-debian12
ENV CGO_ENABLED=1
WORKDIR /src
COPY --from=build /out/app /out/app
ENTRYPOINT ["/out/app"]
