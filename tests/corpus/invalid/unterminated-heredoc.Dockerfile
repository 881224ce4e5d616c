# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo "the closing delimiter is missing"
echo "so the heredoc runs to the end of the file"
