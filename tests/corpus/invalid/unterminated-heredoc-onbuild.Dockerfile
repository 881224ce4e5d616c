FROM alpine:3.19
ONBUILD RUN <<SCRIPT
echo never closed
script
