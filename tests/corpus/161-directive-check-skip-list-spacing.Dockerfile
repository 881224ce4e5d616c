# check = skip = FromAsCasing , MaintainerDeprecated ; error = false
FROM alpine:3.19 as build
MAINTAINER someone
RUN true
