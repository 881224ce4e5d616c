# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN --mount="type=cache,target=/var/cache/apk" apk add git
RUN --mount='type=secret,id=npmrc,target=/root/.npmrc' echo secret-mounted
COPY --chown="app:app" --chmod="0640" conf.ini /etc/app/conf.ini
COPY --exclude="*.tmp" data/ /data/
HEALTHCHECK --interval="15s" --timeout='2s' CMD ["true"]
