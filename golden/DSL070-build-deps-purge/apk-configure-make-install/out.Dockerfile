FROM alpine:3.19
RUN apk add --virtual .build-deps --no-cache gcc musl-dev make zlib-dev \
 && mkdir -p /usr/src/pigz \
 && wget -qO- https://zlib.net/pigz/pigz-2.8.tar.gz | tar -xz -C /usr/src/pigz --strip-components=1 \
 && make -C /usr/src/pigz \
 && cp /usr/src/pigz/pigz /usr/local/bin/ \
 && runDeps="$({ scanelf --needed --nobanner --format '%n#p' --recursive /usr/local/bin || true; } \
        | tr ',' '\n' | sort -u \
        | awk 'system("[ -e /usr/lib/" $1 " ] || [ -e /lib/" $1 " ]") == 0 { print "so:" $1 }')" \
 && { [ -z "$runDeps" ] || apk add --no-cache --virtual .run-deps $runDeps; } \
 && apk del --no-network .build-deps \
 && rm -rf /usr/src/pigz
ENTRYPOINT ["pigz"]
