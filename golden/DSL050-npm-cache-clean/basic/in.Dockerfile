FROM node:20-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
RUN npm install -g typescript eslint
RUN npm i && npm run build
RUN cd /srv && npm install --production
