FROM alpine:3.19
ENV ROOT=/srv PROJECT=demo
WORKDIR ${ROOT}/${PROJECT}
WORKDIR ./sub/../other
ARG SUFFIX=build
WORKDIR ${ROOT}/${PROJECT}-${SUFFIX:-default}
RUN pwd
