# syntax=docker/dockerfile:1
FROM alpine:3.19
COPY <<robots.txt <<humans.txt /usr/share/web/
User-agent: *
Disallow: /private/
robots.txt
/* TEAM */
Maintainer: nobody
humans.txt
RUN ls -l /usr/share/web/
