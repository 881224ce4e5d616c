# syntax=docker/dockerfile:1
# check=error=true
FROM alpine:3.19 AS builder
RUN echo "checks are errors"
CMD ["true"]
