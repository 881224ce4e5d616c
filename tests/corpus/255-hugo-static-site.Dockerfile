FROM alpine:3.19 AS hugo
ARG HUGO_VERSION=0.125.4
RUN wget -qO- https://example.com/hugo/v${HUGO_VERSION}/hugo_extended_${HUGO_VERSION}_Linux-64bit.tar.gz \
    | tar -xz -C /usr/local/bin hugo
RUN apk add --no-cache libc6-compat libstdc++ gcompat
WORKDIR /site
COPY . .
RUN hugo --minify --gc --baseURL "https://docs.example.com/"

FROM caddy:2-alpine
COPY --from=hugo /site/public /srv
COPY Caddyfile /etc/caddy/Caddyfile
