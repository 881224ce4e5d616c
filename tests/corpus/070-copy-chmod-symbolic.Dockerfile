# syntax=docker/dockerfile:1.10
FROM busybox:1.36
COPY --chmod=u=rwx,go=rx run.sh /run.sh
COPY --chmod=a+r README /README
COPY --chmod=+x tool /usr/bin/tool
