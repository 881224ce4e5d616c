# syntax=docker/dockerfile:1
FROM alpine:3.19
COPY <<EOF /empty.txt
EOF
RUN <<EOF
EOF
RUN test ! -s /empty.txt
