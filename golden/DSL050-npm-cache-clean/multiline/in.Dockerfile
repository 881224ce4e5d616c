FROM node:20
RUN npm ci \
    && npm run build \
    && npm prune --omit=dev
RUN npm install -g \
        pm2 \
        nodemon
