# syntax=docker/dockerfile:1
FROM nginx:alpine AS base-site
ONBUILD COPY <<EOF /etc/nginx/conf.d/health.conf
server {
    listen 8081;
    location /health { return 200 "ok"; }
}
EOF
ONBUILD COPY site/ /usr/share/nginx/html/
