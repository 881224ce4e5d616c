FROM alpine:3.19
# syntax=docker/dockerfile:1
# escape=`
RUN echo "directives after an instruction are plain comments" \
    && echo continued
