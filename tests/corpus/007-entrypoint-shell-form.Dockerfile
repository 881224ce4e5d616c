FROM ubuntu:22.04
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT exec /usr/local/bin/docker-entrypoint.sh "$@"
CMD serve
