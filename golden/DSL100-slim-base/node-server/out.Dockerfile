FROM node:20-bookworm-slim
WORKDIR /srv
COPY server.js .
EXPOSE 3000
CMD ["node", "server.js"]
