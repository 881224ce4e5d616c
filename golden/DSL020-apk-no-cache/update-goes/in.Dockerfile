FROM alpine:3.20
RUN apk update && apk add curl
RUN apk update && \
    apk add --no-cache git
RUN apk update \
    && apk add --no-cache jq \
    && jq --version
RUN set -eux; apk update; apk add --no-cache make
RUN cd /tmp && apk update; apk add --no-cache file
RUN cd /tmp && apk update && apk add --no-cache tar
RUN apk update && apk add --no-cache gcc && apk del gcc
