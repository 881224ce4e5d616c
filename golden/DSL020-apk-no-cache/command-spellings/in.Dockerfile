FROM alpine:3.20
RUN sudo apk add curl
RUN /sbin/apk add git
RUN apk -q add jq
RUN apk add -t .deps gcc && apk del .deps
