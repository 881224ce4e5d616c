FROM node:20-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
RUN npm install -g typescript eslint && npm cache clean --force
RUN npm i && npm run build && npm cache clean --force
RUN cd /srv && npm install --production && npm cache clean --force
