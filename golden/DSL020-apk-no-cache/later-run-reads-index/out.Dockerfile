FROM alpine:3.20 AS base
RUN apk update && apk add --no-cache curl
FROM base
# dslim-rewrite ignore=DSL020
RUN apk add git

FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk update && apk info -a curl
