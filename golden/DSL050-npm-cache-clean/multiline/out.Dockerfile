FROM node:20
RUN npm ci \
    && npm run build \
    && npm prune --omit=dev \
    && npm cache clean --force
RUN npm install -g \
        pm2 \
        nodemon \
    && npm cache clean --force
