FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --no-cache git
RUN apk add --no-cache jq \
    && jq --version
RUN set -eux; apk add --no-cache make
RUN cd /tmp; apk add --no-cache file
RUN cd /tmp && apk add --no-cache tar
RUN apk add --no-cache gcc && apk del gcc
