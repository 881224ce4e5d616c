FROM ubuntu:24.04
ARG VERSION
ARG BUILD_DATE
ARG CHANNEL=stable
ARG DEBUG=false
RUN echo "version=${VERSION:-unset} date=${BUILD_DATE} channel=$CHANNEL debug=$DEBUG"
