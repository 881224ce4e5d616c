# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN echo a
RUN <<EOF
echo b
EOF
RUN echo c
