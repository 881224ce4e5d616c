FROM alpine:3.19
COPY --from=nginx:1.25-alpine /etc/nginx/nginx.conf /etc/nginx/nginx.conf
COPY --from=docker.io/library/busybox:1.36 /bin/busybox /bin/busybox
COPY --from=ghcr.io/example/tools@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945 /usr/bin/tool /usr/bin/tool
COPY --from=0 /etc/os-release /tmp/os-release
