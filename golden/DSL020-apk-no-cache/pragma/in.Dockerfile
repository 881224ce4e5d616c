FROM alpine:3.20
# dslim-rewrite ignore=DSL020
RUN apk update && apk add curl
RUN apk add git
