FROM node:20-alpine AS assets
WORKDIR /site
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM nginx:1.27-alpine
COPY --from=assets /site/_site /usr/share/nginx/html
COPY nginx/security-headers.conf /etc/nginx/snippets/
COPY nginx/site.conf /etc/nginx/conf.d/default.conf
RUN nginx -t
EXPOSE 8080
HEALTHCHECK CMD wget -q --spider http://127.0.0.1:8080/ || exit 1
