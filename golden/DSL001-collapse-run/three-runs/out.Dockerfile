FROM alpine:3.20
RUN apk add --no-cache git && \
    git --version && \
    mkdir -p /srv/app
CMD ["sh"]
