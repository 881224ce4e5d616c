ARG NODE=20
FROM node:${NODE}
COPY index.js .
CMD ["node", "index.js"]
