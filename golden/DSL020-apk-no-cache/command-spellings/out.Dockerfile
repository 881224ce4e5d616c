FROM alpine:3.20
RUN sudo apk add --no-cache curl
RUN /sbin/apk add --no-cache git
RUN apk -q add --no-cache jq
RUN apk add --no-cache -t .deps gcc && apk del .deps
