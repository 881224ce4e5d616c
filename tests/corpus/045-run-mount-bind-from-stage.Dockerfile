# syntax=docker/dockerfile:1
FROM alpine:3.19 AS assets
RUN mkdir /assets && echo generated > /assets/data.txt

FROM alpine:3.19
RUN --mount=type=bind,from=assets,source=/assets,target=/mnt/assets \
    cp /mnt/assets/data.txt /data.txt
RUN --mount=from=busybox:1.36,src=/bin/busybox,dst=/tmp/busybox /tmp/busybox true
RUN --mount=type=bind,rw,target=/work cat /work/README
