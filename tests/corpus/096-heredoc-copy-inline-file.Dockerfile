# syntax=docker/dockerfile:1
FROM nginx:alpine
COPY <<EOF /etc/nginx/conf.d/default.conf
server {
    listen 80;
    server_name _;
    location / {
        root /usr/share/nginx/html;
        try_files \$uri \$uri/ /index.html;
    }
}
EOF
COPY <<EOF /usr/share/nginx/html/index.html
<!doctype html>
<html><body><h1>It works</h1></body></html>
EOF
