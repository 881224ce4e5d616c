FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && apk upgrade --no-cache
RUN apk --update add --no-cache bash
