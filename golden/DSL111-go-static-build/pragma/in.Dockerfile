FROM golang:1.22 AS build
WORKDIR /src
COPY . .
# dslim-rewrite ignore=DSL111
RUN go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
CMD ["/app"]
