FROM alpine:3.20
RUN apk add curl
RUN apk add --virtual .build-deps gcc musl-dev && apk upgrade
RUN apk --update add bash
