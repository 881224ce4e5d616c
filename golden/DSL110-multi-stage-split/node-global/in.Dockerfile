FROM node:20
RUN npm install -g pm2
WORKDIR /app
COPY . .
RUN npm ci
CMD ["pm2-runtime", "index.js"]
