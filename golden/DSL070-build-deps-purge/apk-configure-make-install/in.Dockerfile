FROM alpine:3.19
RUN apk add --no-cache gcc musl-dev make zlib-dev \
 && mkdir -p /usr/src/pigz \
 && wget -qO- https://zlib.net/pigz/pigz-2.8.tar.gz | tar -xz -C /usr/src/pigz --strip-components=1 \
 && make -C /usr/src/pigz \
 && cp /usr/src/pigz/pigz /usr/local/bin/ \
 && rm -rf /usr/src/pigz
ENTRYPOINT ["pigz"]
