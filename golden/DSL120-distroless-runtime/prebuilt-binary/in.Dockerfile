FROM golang:1.22 AS build
RUN echo unused

FROM debian:bookworm-slim
COPY bin/app /app
CMD ["/app"]
