FROM docker.io/library/node:20-alpine
COPY index.js .
CMD ["node", "index.js"]
