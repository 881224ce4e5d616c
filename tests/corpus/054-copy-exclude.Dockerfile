# syntax=docker/dockerfile:1.7-labs
FROM node:20-alpine
WORKDIR /app
COPY --exclude=node_modules --exclude=*.log --exclude=**/*.test.js . .
ADD --exclude=*.md docs/ /usr/share/doc/app/
COPY --from=docker.io/library/alpine:3.19 --exclude=/etc/shadow /etc/ /tmp/alpine-etc/
