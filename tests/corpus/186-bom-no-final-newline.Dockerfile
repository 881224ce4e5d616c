# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN echo bom at the start, no newline at the end