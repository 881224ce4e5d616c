# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<END_OF_SCRIPT
echo custom delimiter
END_OF_SCRIPT
RUN <<_x_
echo underscores
_x_
RUN <<Script42
echo mixed case and digits
Script42
COPY <<EOF-CONF /conf.txt
dashes are allowed in a word delimiter
EOF-CONF
