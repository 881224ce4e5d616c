# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo the terminator below has trailing spaces, so it never matches
EOF  
