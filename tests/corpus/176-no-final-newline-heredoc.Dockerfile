# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo heredoc terminator is the last line, without a newline
EOF