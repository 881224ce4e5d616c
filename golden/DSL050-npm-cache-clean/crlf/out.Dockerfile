FROM node:20
RUN npm ci && \
# build the bundle
    npm run build && \
    npm cache clean --force
