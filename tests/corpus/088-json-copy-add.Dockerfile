FROM nginx:alpine
COPY ["nginx.conf", "/etc/nginx/nginx.conf"]
COPY ["html/", "/usr/share/nginx/html/"]
ADD ["https://example.com/favicon.ico", "/usr/share/nginx/html/favicon.ico"]
COPY --chown=nginx:nginx ["certs/server.crt", "certs/server.key", "/etc/nginx/certs/"]
