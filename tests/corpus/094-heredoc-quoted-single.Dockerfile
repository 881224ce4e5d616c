# syntax=docker/dockerfile:1
FROM alpine:3.19
COPY <<'EOF' /usr/local/bin/greet
#!/bin/sh
echo "Hello, ${1:-$USER}! Today is $(date +%A)."
EOF
RUN chmod +x /usr/local/bin/greet
