FROM node:20-bookworm
WORKDIR /srv
COPY server.js .
EXPOSE 3000
CMD ["node", "server.js"]
