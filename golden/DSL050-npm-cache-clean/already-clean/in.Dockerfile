# syntax=docker/dockerfile:1
FROM node:20
RUN npm ci && npm cache clean --force
RUN npm ci && rm -rf /root/.npm
RUN npm ci && rm -rf ~/.npm/_cacache
RUN npm ci --cache /tmp/npm-cache
RUN npm_config_cache=/tmp/c npm ci
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npm run build
RUN npx prettier --check .
