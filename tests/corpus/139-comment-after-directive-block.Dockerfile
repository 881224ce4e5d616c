# syntax=docker/dockerfile:1
# check=skip=StageNameCasing
# This is an ordinary comment after the directive block.
# escape=`
FROM alpine:3.19 AS Build
RUN echo still using backslash \
    as the escape character
