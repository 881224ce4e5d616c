# escape=`
# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo "with the backtick escape, a trailing backslash is literal \
echo this is still the heredoc body"
EOF
RUN echo first `
    && echo second
COPY <<EOF C:\not\really\windows.txt
path-like destination
EOF
