FROM nginx:1.27
COPY .env /etc/app/.env
COPY tls/ /etc/nginx/tls/
COPY ["site/index.html", "/usr/share/nginx/html/"]
RUN --mount=type=bind,source=scripts,target=/s sh /s/setup.sh
