# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
# this comment is part of the script
echo one
  # indented comment in the script
echo two # trailing comment
EOF
COPY <<EOF /etc/sample.ini
# ini comment
; another style
[section]
key=value
EOF
