# syntax=docker/dockerfile:1
FROM alpine:3.19
COPY <<EOF /opt/template/Dockerfile
FROM scratch
COPY . /
RUN echo this is inside the heredoc body, not an instruction
CMD ["/app"]
EOF
RUN <<EOF
echo FROM is just text here
echo RUN also
EOF
RUN test -f /opt/template/Dockerfile
