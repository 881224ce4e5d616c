# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
echo "EOFX is not the delimiter"
echo " EOF with a leading space is not either"
EOFX
 EOF
EOF2
eof
EOF
RUN echo after
