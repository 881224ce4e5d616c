# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN cat 0<<IN && cat 3<<THREE >&2
from stdin
IN
from fd three
THREE
RUN <<EOF cat 2>/dev/null
plain
EOF
