FROM golang:1.21
RUN go build -o /hello /dev/null || touch /hello

FROM alpine:3.19
RUN touch /marker

FROM scratch
COPY --from=0 /hello /hello
COPY --from=1 /marker /marker
