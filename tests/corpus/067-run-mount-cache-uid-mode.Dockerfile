# syntax=docker/dockerfile:1
FROM node:20-slim
USER node
WORKDIR /home/node/app
RUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000,mode=0755,id=npm-node \
    npm install --prefer-offline
RUN --mount=type=cache,target=/tmp/cache,readonly,from=base-cache,source=/cache ls /tmp/cache
