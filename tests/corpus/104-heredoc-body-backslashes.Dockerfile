# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo "line continuation inside a heredoc" \
  "is handled by the shell, not the parser"
printf 'a\\tb\\n'
echo C:\Windows\System32
echo trailing backslash here \\
EOF
COPY <<'EOF' /regex.txt
^\s*(\w+)\s*=\s*"([^"\\]*(\\.[^"\\]*)*)"$
\
EOF
