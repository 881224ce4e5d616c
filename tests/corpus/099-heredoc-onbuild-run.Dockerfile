# syntax=docker/dockerfile:1
FROM alpine:3.19 AS template
ONBUILD RUN <<EOF
echo "running trigger in a child image"
apk add --no-cache bash
EOF
ONBUILD RUN <<'EOF' sh -eu
printf '%s\n' "quoted delimiter inside ONBUILD" "$HOME stays literal here"
EOF
ONBUILD COPY <<EOF /etc/child.conf
generated=true
EOF
RUN echo template ready
