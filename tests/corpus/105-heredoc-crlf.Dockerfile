# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo "this file uses CRLF line endings"
echo "including inside the heredoc body"
EOF
COPY <<'CONF' /etc/crlf.conf
first=1
second=2
CONF
RUN cat /etc/crlf.conf \
    && echo done
