FROM alpine:3.20
RUN apk update && apk upgrade --no-cache && apk search python3

FROM alpine:3.20
RUN apk update || true && apk add --no-cache curl

FROM alpine:3.20
RUN apk update | tee /tmp/log && apk add --no-cache git

FROM alpine:3.20
RUN apk update > /dev/null && apk add --no-cache jq

FROM alpine:3.20
RUN apk add --no-cache make && apk update

FROM alpine:3.20
RUN apk update

FROM alpine:3.20
RUN if true; then apk update; fi && apk add --no-cache gcc

FROM alpine:3.20
RUN apk update && \
# a comment inside
    apk add --no-cache file

FROM alpine:3.20
RUN apk update && apk add --no-cache tar
RUN apk info -a tar
